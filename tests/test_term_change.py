"""The change of term (换届) on 28 December: every step of the assistant (resumed after closing
midway; nothing of the old term lost) and the year figures of the year of the change, which count
every town deputy who served in it — a 连任 deputy once, with both mandates."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import valid_id
from tests.pdf_helpers import pdf_text
from town_office.backup import table_counts
from town_office.errors import ValidationError
from town_office.models import Representative, database
from town_office.models import RuleVersionSession
from town_office.services import assessment, roster, rules, settings, term_change, training, visits
from town_office.services.rules import types as rules_types
from town_office.services.rules.adoption import adopt
from town_office.services.rules.drafts import create_starting_draft
from town_office.services.rules.types import AdoptionInput
from town_office.services.roster.types import RepresentativeInput
from town_office.services.sessions import agenda, get_session
from town_office.services.sessions.types import ELECTION, SessionItemInput
from town_office.services.term_change import package
from town_office.services.training import stats as training_stats
from town_office.services.training.types import SessionInput as TrainingInput
from town_office.services.visits.types import VisitInput

ELECTION_DAY, FIRST_SESSION, LAST_DAY = date(2026, 11, 29), date(2026, 12, 28), date(2026, 12, 27)
AFTER = date(2026, 12, 29)


@pytest.fixture
def old_town(make_representative):
    """第十九届: 王芳 (ID number) and 李强 (name + birth month) will be re-elected, 张伟 resigned in
    June, 赵磊 is not re-elected. Each has a 2026 training and 王芳 a visit."""
    reps = {
        "王芳": make_representative(name="王芳", id_number=valid_id("19750301", "124"), elected_on=date(2021, 12, 1)),
        "李强": make_representative(name="李强", gender="男", birth_month="1970-05", elected_on=date(2021, 12, 1)),
        "张伟": make_representative(name="张伟", gender="男", birth_month="1968-02", elected_on=date(2021, 12, 1)),
        "赵磊": make_representative(name="赵磊", gender="男", birth_month="1966-09", elected_on=date(2021, 12, 1)),
    }
    roster.end_representative(reps["张伟"].id, date(2026, 6, 30), "辞职")
    training.create_session(TrainingInput("年度集中培训", "集中培训", "镇人大主席团", date(2026, 3, 5), 4),
                            [r.id for r in reps.values()])
    visits.save_visit(None, VisitInput(date(2026, 5, 8), (reps["王芳"].id,), "入户走访", "石门村", 6))
    return reps


def _through_step_three(reps):
    state = term_change.start_change()
    state = term_change.set_new_term(state.id, "第二十届", ELECTION_DAY, FIRST_SESSION)
    term_change.carry_over(state.id, [reps["王芳"].id, reps["李强"].id])
    roster.create_representative(RepresentativeInput(name="孙丽", gender="女", birth_month="1988-07",
                                                     group_name="第一代表小组", elected_on=ELECTION_DAY,
                                                     term_id=state.new_term_id))
    return term_change.finish_deputies(state.id, today=AFTER)


def test_the_whole_change_resumes_and_loses_nothing(old_town):
    before = table_counts_now()
    state = term_change.start_change()
    assert state.next_step == 1 and not state.new_term_id
    with pytest.raises(ValidationError, match="不能晚于今天"):
        term_change.set_new_term(state.id, "第二十届", date(2027, 1, 5), date(2027, 1, 9))
    state = term_change.set_new_term(state.id, "第二十届", ELECTION_DAY, FIRST_SESSION)
    assert state.steps_done == (2,)
    # the clerk closes the assistant here; the next start opens the same change where it stopped
    resumed = term_change.start_change()
    assert resumed.id == state.id and resumed.new_term_name == "第二十届" and resumed.next_step == 1
    term_change.carry_over(state.id, [old_town["王芳"].id, old_town["李强"].id])
    roster.create_representative(RepresentativeInput(name="孙丽", gender="女", birth_month="1988-07",
                                                     elected_on=ELECTION_DAY, term_id=state.new_term_id))
    state = term_change.get_state(state.id)
    assert [(d.name, d.earlier_term) for d in state.new_deputies] == [
        ("李强", "第十九届"), ("孙丽", ""), ("王芳", "第十九届")]
    with pytest.raises(ValidationError, match="届满之后"):
        term_change.finish_deputies(state.id, today=date(2026, 12, 20))
    state = term_change.finish_deputies(state.id, today=AFTER)
    ended = {r.name: (r.ended_on, r.end_reason) for r in Representative.select().where(
        Representative.term == state.old_term_id)}
    assert ended["赵磊"] == (LAST_DAY, "届满") and ended["王芳"] == (LAST_DAY, "届满")
    assert ended["张伟"] == (date(2026, 6, 30), "辞职")  # already ended: untouched
    # step 4: the first session elects the presidium
    state = term_change.create_first_session(state.id, "镇政府大礼堂", "王芳")
    session = get_session(state.first_session_id)
    assert session.kind == "届次第一次会议" and session.number == 1 and session.tally.total == 3
    assert [i.title for i in session.items][:2] == ["选举镇人民代表大会主席", "选举镇人民代表大会副主席"]
    with pytest.raises(ValidationError, match="还没有选出主席"):
        term_change.finish_first_session(state.id)
    agenda.update_item(session.items[0].id, SessionItemInput(
        ELECTION, session.items[0].title, seats=1, candidates=(("王芳", "主席", None, 3),)))
    assert agenda.write_presidium(session.items[0].id) == ["王芳：（无） → 主席"]
    state = term_change.finish_first_session(state.id)
    # step 5 refuses before step 1; step 1: the open items and the package
    with pytest.raises(ValidationError, match="第1步"):
        term_change.carry_rules(state.id, [])
    assert package.open_items(state.id) == []  # nothing open in this town
    with pytest.raises(ValidationError, match="届末资料包"):
        package.finish_step_one(state.id)
    state = term_change.get_state(state.id)
    assert settings.get_settings().current_term_id == state.old_term_id
    after_steps = table_counts_now()
    assert all(after_steps[t] >= n for t, n in before.items()), "a table of the old term lost rows"
    assert after_steps["representative"] == before["representative"] + 3


def table_counts_now() -> dict[str, int]:
    return table_counts(Path(database.obj.database))


def test_term_end_package_and_closing_open_items(old_town, tmp_path):
    from town_office.services.visits import problems
    from town_office.services.visits.types import ProblemInput

    visit = visits.list_visits(2026)[0]
    problem = problems.add_problem(visit.id, ProblemInput("村口路灯不亮", "道路交通"))
    problems.assign([problem.id], "镇建设办", date(2026, 5, 9))
    kept = problems.add_problem(visit.id, ProblemInput("水渠堵塞", "农田水利"))
    state = _through_step_three(old_town)
    items = {i.title: i for i in package.open_items(state.id)}
    assert items["村口路灯不亮"].closable and not items["水渠堵塞"].closable  # 登记: not handed over yet
    with pytest.raises(ValidationError, match="只能转入新一届"):
        package.apply_choices(state.id, {items["水渠堵塞"].key: "关闭"})
    package.apply_choices(state.id, {items["村口路灯不亮"].key: "关闭", items["水渠堵塞"].key: "转入新一届"})
    assert problems.get_problem(problem.id).status == "已办结"
    assert "换届时关闭" in problems.get_problem(problem.id).reply
    assert problems.get_problem(kept.id).status == "登记"
    written = package.build_package(state.id, tmp_path / "届末资料")
    files = sorted(p.name for p in (tmp_path / "届末资料" / "履职档案").iterdir())
    assert len(files) == 4 and any(f.startswith("赵磊") for f in files)
    combined = next(p for p in written if p.name == "第十九届代表履职档案（合订本）.pdf")
    text = "".join(pdf_text(combined))
    assert "第十九届" in text and "赵磊" in text and "孙丽" not in text
    workbook = load_workbook(tmp_path / "届末资料" / "第十九届届内统计.xlsx")
    years = [row[0] for row in workbook["按年度"].iter_rows(min_row=3, values_only=True) if row[0]]
    assert years[0] == "2021年" and "2026年" in years
    names = [row[1] for row in workbook["按代表"].iter_rows(min_row=3, values_only=True)]
    assert {"王芳", "李强", "张伟", "赵磊"} <= set(names)
    backup = next(p for p in written if p.suffix == ".tobak")
    assert "第十九届届末备份" in backup.name
    package.finish_step_one(state.id)
    assert 1 in term_change.get_state(state.id).steps_done


def test_year_figures_of_the_year_of_the_change_count_both_terms(old_town):
    state = _through_step_three(old_town)
    state = term_change.create_first_session(state.id, "镇政府大礼堂", "王芳")
    session = get_session(state.first_session_id)
    agenda.update_item(session.items[0].id, SessionItemInput(
        ELECTION, session.items[0].title, seats=1, candidates=(("王芳", "主席", None, 3),)))
    agenda.write_presidium(session.items[0].id)
    term_change.finish_first_session(state.id)
    database.obj.execute_sql("UPDATE term_change SET package_folder = 'x'")
    package.finish_step_one(state.id)
    kind = rules_types.RULE_KINDS[0]
    version = create_starting_draft(kind, today=date(2026, 1, 4))
    adopt(version.id, AdoptionInput(date(2026, 1, 5), date(2026, 1, 5), adopted_by="第十九届第九次会议"))
    term_change.carry_rules(state.id, [kind], today=AFTER)  # re-adopted at the first session
    readopted = rules.document_row(kind).versions[-1]
    assert readopted.number == 2 and readopted.adopted_on == FIRST_SESSION
    assert readopted.adopted_by == "测试镇第二十届人民代表大会第一次会议"
    assert RuleVersionSession.get(RuleVersionSession.version == readopted.id).session_id == state.first_session_id
    assert settings.get_settings().current_term_id == state.new_term_id  # 第二十届 is current now
    assessment.save_scheme(assessment.default_scheme(2026))
    scores = {s.name: s for s in assessment.score_year(2026)}
    assert sorted(scores) == ["孙丽", "张伟", "李强", "王芳", "赵磊"]  # not only the 3 of 第二十届
    assert scores["王芳"].served_days == 365  # both mandates, each day once
    assert scores["孙丽"].served_days == 4  # from the first session, 28–31 December
    assert any(ln.source == "training_present" for ln in scores["王芳"].lines)  # the old mandate's
    stats = training_stats.year_stats(2026, today=date(2026, 12, 31))
    by_name = {d.name: d for d in stats.deputies}
    assert len(stats.deputies) == 5 and by_name["王芳"].sessions == 1
    assert stats.serving == 3 and stats.trained == 2  # serving on 31 Dec: 王芳, 李强, 孙丽
    quota = {r.name: r for r in visits.quota_progress(2026)}
    assert quota["王芳"].households == 6 and quota["王芳"].serving_days == 365
    assert quota["孙丽"].serving_days == 4 and quota["孙丽"].quota == round(12 * 4 / 365, 1)
