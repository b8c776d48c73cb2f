"""Training through the services: choosing who is expected, attendance, and the year's arithmetic
(hours in halves, coverage with deputies who left or joined mid-year, new deputies without 初任培训)."""

from datetime import date

import pytest
from openpyxl import load_workbook

from tests.pdf_helpers import assert_fonts_embedded, assert_in_order, page_sizes, pdf_text
from town_office.errors import ValidationError
from town_office.services import roster, training
from town_office.services.training import papers as training_papers
from town_office.services.training import stats as training_stats
from town_office.services.meetings.types import ABSENT, EXCUSED, AttendanceChange
from town_office.services.training.types import ALL_TOWN, BY_GROUP, NEW_DEPUTIES, SessionInput


@pytest.fixture
def deputies(make_representative, current_term):
    made = {
        "王芳": make_representative(name="王芳", group_name="第一代表小组"),
        "刘𬌗": make_representative(name="刘𬌗", gender="女", group_name="第一代表小组"),
        "赵刚": make_representative(name="赵刚", gender="男", group_name="第二代表小组"),
        # joined mid-year
        "孙丽": make_representative(name="孙丽", group_name="第二代表小组", elected_on=date(2026, 7, 1)),
        # left mid-year
        "钱进": make_representative(name="钱进", gender="男", group_name="第二代表小组"),
        "县代表": make_representative(name="龚德明", gender="男", levels=("县",)),
    }
    roster.end_representative(made["钱进"].id, date(2026, 5, 31), "迁出调离")
    return made, current_term.id


def _session(when, hours, ids, kind="集中培训", title="集中培训"):
    return training.create_session(SessionInput(title, kind, "镇人大主席团", when, hours,
                                                "镇政府会议室", "王建国", "主席"), ids)


def _mark(session, **marks):
    changes = [AttendanceChange(a.id, ABSENT if marks[a.name] == "absent" else EXCUSED,
                                "" if marks[a.name] == "absent" else marks[a.name])
               for a in session.attendees if a.name in marks]
    return training.set_attendance(session.id, changes)


def test_choosers_pick_serving_deputies_on_the_day(deputies):
    _, term = deputies
    names = lambda ids: sorted(roster.get_representative(i).name for i in ids)
    assert names(training.choose_expected(ALL_TOWN, date(2026, 3, 1), term)) == sorted(
        ["王芳", "刘𬌗", "赵刚", "钱进"])  # 孙丽 not yet, 龚德明 is a county deputy
    assert names(training.choose_expected(ALL_TOWN, date(2026, 9, 1), term)) == sorted(
        ["王芳", "刘𬌗", "赵刚", "孙丽"])  # 钱进 gone
    group = next(r.group_id for r in roster.list_representatives() if r.name == "赵刚")
    assert names(training.choose_expected(BY_GROUP, date(2026, 9, 1), term, group)) == ["孙丽", "赵刚"]
    assert len(training.choose_expected(NEW_DEPUTIES, date(2026, 9, 1), term)) == 4


def test_session_needs_valid_fields_and_hours_in_halves(deputies):
    with pytest.raises(ValidationError) as caught:
        training.create_session(SessionInput("", "不存在", "乡政府", None, 1.25))
    assert {p.field for p in caught.value.problems} == {"培训名称", "培训类型", "组织单位", "培训日期", "学时"}
    assert _session(date(2026, 3, 1), 2.5, []).hours == 2.5


def test_leave_needs_a_reason_and_nothing_is_half_saved(deputies):
    _, term = deputies
    session = _session(date(2026, 3, 1), 3, training.choose_expected(ALL_TOWN, date(2026, 3, 1), term))
    first = session.attendees[0]
    with pytest.raises(ValidationError, match="请假须写明原因"):
        training.set_attendance(session.id, [AttendanceChange(session.attendees[1].id, ABSENT),
                                             AttendanceChange(first.id, EXCUSED, " ")])
    assert training.get_session(session.id).count("缺席") == 0


def test_year_arithmetic(deputies):
    _, term = deputies
    march = _session(date(2026, 3, 1), 3, training.choose_expected(ALL_TOWN, date(2026, 3, 1), term))
    _mark(march, 赵刚="absent", 刘𬌗="生病住院")
    september = _session(date(2026, 9, 1), 1.5,
                         training.choose_expected(ALL_TOWN, date(2026, 9, 1), term), kind="初任培训")
    _mark(september, 赵刚="家中有事")
    stats = training_stats.year_stats(2026, today=date(2026, 11, 22))
    by_name = {d.name: d for d in stats.deputies}
    assert set(by_name) == {"王芳", "刘𬌗", "赵刚", "孙丽", "钱进"}  # county deputy not a town deputy
    assert (by_name["王芳"].sessions, by_name["王芳"].hours) == (2, 4.5)
    assert (by_name["刘𬌗"].sessions, by_name["刘𬌗"].hours, by_name["刘𬌗"].excused) == (1, 1.5, 1)
    assert (by_name["赵刚"].sessions, by_name["赵刚"].absent, by_name["赵刚"].excused) == (0, 1, 1)
    assert (by_name["孙丽"].sessions, by_name["孙丽"].hours) == (1, 1.5)
    assert by_name["钱进"].sessions == 1 and not by_name["钱进"].serving_at_end
    # coverage over those serving on 22 November: 王芳 刘𬌗 孙丽 trained, 赵刚 not; 钱进 left
    assert (stats.trained, stats.serving) == (3, 4) and stats.coverage == 0.75
    assert [d.name for d in stats.new_without_first] == ["赵刚"]
    groups = {g.group_name: g for g in stats.groups}
    assert (groups["第二代表小组"].serving, groups["第二代表小组"].trained) == (2, 1)
    assert groups["第一代表小组"].hours == 6.0


def test_signin_sheet_and_workbook(deputies, tmp_path):
    _, term = deputies
    session = _session(date(2026, 3, 1), 3, training.choose_expected(ALL_TOWN, date(2026, 3, 1), term),
                       title="2026年度代表集中培训")
    out = training_papers.print_session_paper("signin", session.id, tmp_path / "签到.pdf")
    text = "".join(pdf_text(out)).replace("\n", "").replace(" ", "")
    assert_in_order(text, "2026年度代表集中培训签到表", "培训时间：2026年3月1日", "序号", "姓名", "代表小组",
                    "签名", "刘𬌗", "第一代表小组", "应到4人")
    assert set(page_sizes(out)) == {(595.28, 841.89)}
    assert_fonts_embedded(out)
    summary = training_papers.print_session_paper("summary", session.id, tmp_path / "情况.pdf")
    assert "应参加4人，出席4人" in "".join(pdf_text(summary)).replace("\n", "")
    book = load_workbook(training_papers.export_training_year(2026, tmp_path / "培训.xlsx"))
    deputies_sheet, sessions_sheet = book["按代表"], book["按培训"]
    assert deputies_sheet["A1"].value == "测试镇2026年人大代表培训情况（按代表）"
    header = [c.value for c in deputies_sheet[2]]
    assert header[:8] == ["序号", "姓名", "代表小组", "状态", "参加次数", "学时", "请假", "缺席"]
    rows = {r[1]: r for r in deputies_sheet.iter_rows(min_row=3, max_row=7, values_only=True)}
    assert rows["刘𬌗"][4:6] == (1, 3)
    assert "本年未参加培训" in rows["孙丽"][8]
    assert [c.value for c in sessions_sheet[3]][2] == "2026年度代表集中培训"
    assert sessions_sheet.print_title_rows == "$2:$2" and deputies_sheet.freeze_panes == "A3"


def test_long_lists_are_grouped_on_the_signin_sheet(demo_town, tmp_path):
    session = next(s for s in training.list_sessions(2026) if s.expected > 20)
    out = training_papers.print_session_paper("signin", session.id, tmp_path / "签到.pdf")
    text = "".join(pdf_text(out)).replace("\n", "")
    assert_in_order(text, "（一）", "代表小组（", "（二）", "（六）")


def test_save_session_is_one_transaction(deputies):
    made, _ = deputies
    data = SessionInput("培训", "集中培训", "镇人大主席团", date(2026, 3, 1), 2)
    ids = [made["王芳"].id, made["赵刚"].id]
    detail = training.save_session(None, data, [(ids[0], "出席", ""), (ids[1], "请假", "外出")])
    assert [(a.name, a.attendance, a.reason) for a in detail.attendees] == [
        ("王芳", "出席", ""), ("赵刚", "请假", "外出")]
    with pytest.raises(ValidationError):
        training.save_session(detail.id, data, [(made["刘𬌗"].id, "请假", ""), (ids[0], "出席", "")])
    assert [a.name for a in training.get_session(detail.id).attendees] == ["王芳", "赵刚"]  # untouched
    detail = training.save_session(detail.id, data, [(made["刘𬌗"].id, "缺席", ""), (ids[0], "出席", "")])
    assert [(a.name, a.attendance) for a in detail.attendees] == [("刘𬌗", "缺席"), ("王芳", "出席")]


def test_a_term_ending_on_31_december_keeps_its_deputies_in_that_years_coverage(deputies):
    """Deputies whose service ends on 31 December (a term's last day) served that day, so they
    count at the year's end: the coverage is not 0 of 0."""
    from town_office.services import roster

    _, term = deputies
    day = date(2025, 3, 1)
    session = _session(day, 3, training.choose_expected(ALL_TOWN, day, term))
    serving = [d for d in training_stats.year_stats(2025, today=date(2026, 1, 5)).deputies
               if d.serving_at_end]
    for d in serving:
        if d.status == "在任":
            roster.end_representative(d.representative_id, date(2025, 12, 31), "其他", "任期届满")
    stats = training_stats.year_stats(2025, today=date(2026, 1, 5))
    assert stats.period_end == date(2025, 12, 31)
    assert stats.serving == len(serving) > 0 and stats.trained == len(serving)
    assert stats.coverage == 1.0
    assert {a.name for a in training.get_session(session.id).attendees} >= {d.name for d in serving}
