"""Deputies' suggestions: numbering at a session and in recess, 交办 and deadlines (3 months, 6 when
complex), answers, the 不满意 second round with its one-month deadline, 金点子, problem → suggestion,
and the statistics."""

from datetime import date

import pytest

from town_office.errors import ValidationError
from town_office.services import sessions
from town_office.services.sessions.types import REGULAR, SessionInput
from town_office.services.suggestions import answers, assign, create_suggestion, from_problem, list_suggestions
from town_office.services.suggestions.types import AnswerInput, AssignInput, SuggestionFilter, SuggestionInput


@pytest.fixture
def deputies(make_representative):
    return [make_representative(name="王芳", presidium_role="主席"),
            make_representative(name="李强", gender="男", birth_month="1970-05"),
            make_representative(name="张伟", gender="男", birth_month="1968-02")]


def _new(lead, day=date(2026, 3, 10), session_id=None, cos=()):
    return create_suggestion(SuggestionInput(lead.id, "关于加快石门村公路硬化的建议", "石门村3公里砂石路…",
                                             "交通运输", day, session_id, tuple(r.id for r in cos)))


def test_numbers_at_a_session_and_in_recess(deputies):
    session = sessions.create_session(SessionInput(None, REGULAR, date(2026, 1, 15), date(2026, 1, 16)))
    first = _new(deputies[1], date(2026, 1, 15), session.id, cos=[deputies[2]])
    second = _new(deputies[2], date(2026, 1, 16), session.id)
    recess = _new(deputies[1], date(2026, 5, 6))
    assert (first.number, second.number, recess.number) == ("19-1-001", "19-1-002", "闭会-2026-001")
    assert first.signers_text == "李强（附议：张伟）"
    with pytest.raises(ValidationError, match="会期内"):
        _new(deputies[1], date(2026, 2, 1), session.id)


def test_deadlines_answers_and_the_second_round(deputies):
    row = _new(deputies[1])
    with pytest.raises(ValidationError, match="主席团成员"):
        assign(row.id, AssignInput(date(2026, 3, 12), "镇人民政府", grade="重点", responsible_id=deputies[1].id))
    row = assign(row.id, AssignInput(date(2026, 3, 12), "镇人民政府", "镇交通站", "重点", deputies[0].id))
    assert row.deadline == date(2026, 6, 12) and row.responsible_name == "王芳"
    row = assign(row.id, AssignInput(date(2026, 3, 12), "镇人民政府", complex=True))
    assert row.deadline == date(2026, 9, 12) and row.grade == "一般" and not row.responsible_name
    assert row.overdue(date(2026, 9, 13)) and not row.overdue(date(2026, 9, 12))
    with pytest.raises(ValidationError, match="承诺解决的日期"):
        answers.answer(row.id, AnswerInput("B", date(2026, 9, 1), "已列入年度计划"))
    row = answers.answer(row.id, AnswerInput("B", date(2026, 9, 1), "已列入年度计划", date(2026, 10, 30)))
    assert row.status == "已答复" and row.answers[0].on_time
    with pytest.raises(ValidationError):
        answers.feedback(row.id, "不满意", date(2026, 9, 5), "")
    row = answers.feedback(row.id, "不满意", date(2026, 9, 5), "只答复列入计划，没有明确资金来源")
    assert row.status == "重新办理" and row.deadline == date(2026, 10, 5)
    row = answers.answer(row.id, AnswerInput("A", date(2026, 10, 8), "已完成硬化"))
    assert [a.round for a in row.answers] == [1, 2] and not row.answers[1].on_time  # 8 Oct > 5 Oct
    assert row.answers[0].satisfaction == "不满意"  # the first round is kept
    row = answers.feedback(row.id, "满意", date(2026, 10, 10))
    assert row.status == "已办结" and row.satisfaction == "满意"


def test_excellent_is_capped_per_year(deputies):
    rows = [_new(deputies[1]) for _ in range(3)]
    answers.mark_excellent(rows[0].id, "推动解决了群众出行难")
    answers.mark_excellent(rows[1].id, "建议切实可行，已落实")
    with pytest.raises(ValidationError, match="每年2件"):
        answers.mark_excellent(rows[2].id, "建议很好，值得推广")
    assert [r.excellent for r in list_suggestions(SuggestionFilter(year=2026))] == [True, True, False]


def test_a_problem_becomes_a_suggestion_linked_both_ways(deputies):
    from town_office.services import visits
    from town_office.services.visits import problems
    from town_office.services.visits.types import ProblemInput, VisitInput

    visit = visits.save_visit(None, VisitInput(date(2026, 4, 2), (deputies[1].id,), "入户走访", "石门村", 3))
    problem = problems.add_problem(visit.id, ProblemInput("村道破损严重，雨天无法通行", "道路交通"))
    row = from_problem(problem.id, deputies[1].id, "关于修复石门村村道的建议", date(2026, 4, 3))
    assert row.problem_id == problem.id and row.content == "村道破损严重，雨天无法通行"
    from town_office.services.suggestions import suggestion_of_problem

    shown = problems.get_problem(problem.id)
    assert shown.route == "转为代表建议" and suggestion_of_problem(problem.id).number == row.number
    with pytest.raises(ValidationError, match="已经转为代表建议"):
        from_problem(problem.id, deputies[1].id, "再转一次")


def test_statistics_rates(deputies):
    a, b, c = (_new(deputies[1]) for _ in range(3))
    for row in (a, b):
        assign(row.id, AssignInput(date(2026, 3, 12), "镇人民政府"))
    assign(c.id, AssignInput(date(2026, 3, 12), "镇农业服务中心"))
    answers.answer(a.id, AnswerInput("A", date(2026, 4, 1), "已解决"))
    answers.feedback(a.id, "满意", date(2026, 4, 3))
    answers.answer(b.id, AnswerInput("D", date(2026, 7, 1), "留作参考"))  # after the 12 June deadline
    answers.feedback(b.id, "不满意", date(2026, 7, 2), "答复敷衍，没有说明理由")
    stats = answers.statistics(2026)
    t = stats.total
    assert (t.count, t.answered, t.on_time, t.closed, t.opinions, t.satisfied) == (3, 2, 1, 1, 2, 1)
    units = {line.label: line for line in stats.by_unit}
    assert units["镇人民政府"].count == 2 and units["镇农业服务中心"].answered == 0
    assert [line.count for line in stats.by_class] == [1, 0, 0, 1]


def test_papers_read_back(deputies, tmp_path):
    from openpyxl import load_workbook

    from tests.pdf_helpers import assert_fonts_embedded, pdf_text
    from town_office.services.suggestions import papers

    rows = [_new(deputies[1], cos=[deputies[2]]), _new(deputies[2])]
    for row in rows:
        assign(row.id, AssignInput(date(2026, 3, 12), "镇人民政府", "镇交通站"))
    late = _new(deputies[1])
    assign(late.id, AssignInput(date(2026, 3, 12), "镇农业服务中心"))
    sheet = "".join(pdf_text(papers.print_assignment(2026, "镇人民政府", tmp_path / "交办单.pdf")))
    assert "代表建议交办单" in sheet and "镇人民政府：" in sheet and "闭会-2026-001" in sheet
    assert "闭会-2026-003" not in sheet and "2026-06-12" in sheet and "李强（附议：张伟）" in sheet.replace("\n", "").replace(" ", "")
    card = papers.print_card(rows[0].id, tmp_path / "督办卡.pdf")
    text = pdf_text(card)
    assert len(text) == 1 and "督办卡" in text[0] and "关于加快石门村公路硬化的建议" in text[0]
    assert "□满意" in text[0] and "代表（签字）" in text[0]
    assert_fonts_embedded(card)
    with pytest.raises(ValidationError, match="还没有交办"):
        papers.print_card(_new(deputies[1]).id, tmp_path / "x.pdf")
    book = load_workbook(papers.export_year(2026, tmp_path / "建议.xlsx", today=date(2026, 7, 1)))
    assert book.sheetnames == ["代表建议", "办理情况统计"]
    values = [row for row in book["代表建议"].iter_rows(min_row=3, values_only=True) if row[0]]
    assert [v[0] for v in values] == ["闭会-2026-001", "闭会-2026-002", "闭会-2026-003", "闭会-2026-004"]
    assert book["代表建议"].cell(3, 1).data_type == "s"
    fills = {book["代表建议"].cell(3 + i, 1).fill.fgColor.rgb[-6:] for i in range(3)}
    assert "FDECEA" in fills  # overdue on 1 July: red
    totals = next(book["办理情况统计"].iter_rows(min_row=3, values_only=True))
    assert totals[:3] == ("合计", 4, 0)


def test_the_performance_file_and_the_assessment(deputies):
    from town_office.services import archive, assessment
    from town_office.services.assessment.types import SchemeItem

    key = _new(deputies[1], cos=[deputies[2]])
    assign(key.id, AssignInput(date(2026, 3, 12), "镇人民政府", grade="重点", responsible_id=deputies[0].id))
    answers.answer(key.id, AnswerInput("A", date(2026, 4, 1), "已完成"))
    answers.feedback(key.id, "满意", date(2026, 4, 2))
    answers.mark_excellent(key.id, "推动解决了群众出行难")
    _new(deputies[1], date(2026, 5, 1))
    file = archive.deputy_archive(deputies[1].id, 2026)
    six = [a for s in file.sections if s.number == 6 for a in s.activities]
    assert [a.category for a in six] == ["领衔提出建议", "领衔提出建议"]
    assert "已办结，A类（已解决），代表满意" in six[0].status
    assert [a.category for s in file.sections if s.number == 8 for a in s.activities] == ["优秀建议（金点子）"]
    assert "领衔提出建议2件、附议0件" in dict(file.summary)["提出建议和意见"]
    cosigned = archive.deputy_archive(deputies[2].id, 2026)
    assert [a.category for s in cosigned.sections if s.number == 6 for a in s.activities] == ["附议建议"]
    scheme = assessment.default_scheme(2026)
    scheme = type(scheme)(scheme.year, scheme.base_points, scheme.full_marks, scheme.bands, scheme.items + (
        SchemeItem("suggestion_key", "重点建议加分", 1.0, None),
        SchemeItem("suggestion_excellent", "金点子", 3.0, None)))
    assessment.save_scheme(scheme)
    lines = {s.name: s.lines for s in assessment.score_year(2026)}["李强"]
    assert [ln.points for ln in lines if ln.source == "suggestion"] == [2, 2]  # 重点 counts as a suggestion
    assert [ln.points for ln in lines if ln.source == "suggestion_key"] == [1]
    assert [ln.points for ln in lines if ln.source == "suggestion_excellent"] == [3]


def test_a_failed_answer_leaves_no_reply_letter_behind(deputies, tmp_path, monkeypatch):
    from town_office.models import SuggestionAnswer
    from town_office.services.common import attachments

    row = _new(deputies[1])
    assign(row.id, AssignInput(date(2026, 3, 12), "镇人民政府"))
    letter = tmp_path / "答复函.pdf"
    letter.write_bytes(b"%PDF-1.4 reply")

    def broken(**_):
        raise RuntimeError("disk gone")
    monkeypatch.setattr(SuggestionAnswer, "create", broken)
    with pytest.raises(RuntimeError):
        answers.answer(row.id, AnswerInput("A", date(2026, 4, 1), "已解决", reply_file=str(letter)))
    folder = attachments.attachments_root() / "suggestions"
    assert not folder.exists() or not any(folder.rglob("*.pdf"))
    monkeypatch.undo()
    done = answers.answer(row.id, AnswerInput("A", date(2026, 4, 1), "已解决", reply_file=str(letter)))
    assert done.answers[0].file_name == "答复函.pdf"
    assert attachments.absolute(done.answers[0].stored_path).read_bytes() == b"%PDF-1.4 reply"
