"""Livelihood projects: candidates, the shortlist, the vote at a session's 民生实事票决 item with
ranking and a tie settled by a second round, progress, ratings and the papers read back."""

from datetime import date

import pytest

from tests.pdf_helpers import pdf_text
from town_office.errors import ValidationError
from town_office.services import projects, sessions
from town_office.services.projects import evaluation, papers, vote
from town_office.services.projects.types import ProjectInput
from town_office.services.sessions import agenda
from town_office.services.sessions.types import PROJECTS, REGULAR, SessionInput, SessionItemInput

NAMES = ("石门村公路硬化", "中心小学校车停靠点", "桃源饮水工程", "养老服务站", "集镇路灯改造")


@pytest.fixture
def town(make_representative):
    reps = [make_representative(name=n, birth_month=f"197{i}-01") for i, n in enumerate(("王芳", "李强", "张伟", "刘洋"))]
    session = sessions.create_session(SessionInput(None, REGULAR, date(2026, 1, 15), date(2026, 1, 15)))
    detail = agenda.add_item(session.id, SessionItemInput(PROJECTS, "票决2026年度民生实事项目"))
    rows = [projects.save_project(2026, None, ProjectInput(n, "民生", 50 + i * 10)) for i, n in enumerate(NAMES)]
    vote.set_quota(2026, 2)
    return reps, detail.items[0].id, rows


def test_shortlist_vote_and_a_tie_at_the_last_place(town, tmp_path):
    reps, item_id, rows = town
    with pytest.raises(ValidationError, match="不能少于票决项目数2"):
        projects.shortlist(2026, [rows[0].id])
    projects.shortlist(2026, [r.id for r in rows[:4]])
    ballots = pdf_text(papers.print_ballot(2026, tmp_path / "选票.pdf"))
    assert len(ballots) == 4 and "最多选二项" in ballots[0] and NAMES[3] in ballots[0] and NAMES[4] not in ballots[0]
    ids = [r.id for r in rows[:4]]
    with pytest.raises(ValidationError, match="超过出席代表4人"):
        vote.record_votes(2026, item_id, dict(zip(ids, (4, 4, 4, 0))))  # 12 marks on 4 ballots of 2
    listed = vote.record_votes(2026, item_id, dict(zip(ids, (4, 2, 2, 0))))
    assert [r.name for r in listed if r.chosen] == []  # a tie for the second place: nothing chosen yet
    assert vote.get_round(2026).tied == (NAMES[1], NAMES[2])
    with pytest.raises(ValidationError, match="须先录入第二轮"):
        papers.print_result(2026, tmp_path / "结果.pdf")
    listed = vote.record_second_round(2026, {ids[1]: 1, ids[2]: 3})
    assert [r.name for r in listed if r.chosen] == [NAMES[0], NAMES[2]]
    assert [(r.name, r.rank) for r in listed][:3] == [(NAMES[0], 1), (NAMES[2], 2), (NAMES[1], 3)]
    text = "".join(pdf_text(papers.print_result(2026, tmp_path / "结果.pdf"))).replace("\n", "")
    assert "民生实事项目票决结果公告" in text and "出席代表4名" in text and "当选" in text


def test_progress_ratings_and_the_evaluation_report(town, tmp_path):
    reps, item_id, rows = town
    projects.shortlist(2026, [r.id for r in rows[:3]])
    vote.record_votes(2026, item_id, {rows[0].id: 4, rows[1].id: 3, rows[2].id: 1})
    with pytest.raises(ValidationError, match="只有票决入选"):
        evaluation.add_progress(rows[2].id, date(2026, 5, 1), 10)
    evaluation.add_progress(rows[0].id, date(2026, 5, 1), 40, "路基完成")
    with pytest.raises(ValidationError, match="不能低于上次"):
        evaluation.add_progress(rows[0].id, date(2026, 6, 1), 30)
    done = evaluation.add_progress(rows[0].id, date(2026, 10, 20), 100, "全线通车")
    assert done.completed_on == date(2026, 10, 20)
    rated = evaluation.rate(rows[0].id, {reps[0].id: "满意", reps[1].id: "基本满意", reps[2].id: "不满意"},
                            date(2026, 12, 1))
    assert rated.satisfaction_rate == pytest.approx(2 / 3)
    text = "".join(pdf_text(papers.print_evaluation(2026, tmp_path / "评估.pdf", date(2026, 12, 5))))
    assert "民生实事项目实施情况评估报告" in text.replace("\n", "") and "66.7%" in text and "2026-10-20" in text


def test_a_rating_is_in_section_three_and_can_score(town):
    from town_office.services import archive, assessment
    from town_office.services.assessment.types import SchemeItem

    reps, item_id, rows = town
    projects.shortlist(2026, [r.id for r in rows[:2]])
    vote.record_votes(2026, item_id, {rows[0].id: 4, rows[1].id: 3})
    evaluation.rate(rows[0].id, {reps[0].id: "满意"}, date(2026, 12, 1))
    three = [a for s in archive.deputy_archive(reps[0].id, 2026).sections if s.number == 3 for a in s.activities]
    assert [(a.category, a.status) for a in three] == [("民生实事评议", "满意")]
    scheme = assessment.default_scheme(2026)
    assessment.save_scheme(type(scheme)(scheme.year, scheme.base_points, scheme.full_marks, scheme.bands,
                                        scheme.items + (SchemeItem("project_rating", "评议民生实事", 1.0, None),)))
    lines = {s.name: s.lines for s in assessment.score_year(2026)}["王芳"]
    assert [ln.points for ln in lines if ln.source == "project_rating"] == [1]
