"""Each paper of a meeting read back from its PDF: text in order, A4, page numbers, embedded fonts
only, and the member and 列席 names including rare characters."""

from datetime import date

import pytest

from tests.pdf_helpers import (
    A4_POINTS,
    assert_fonts_embedded,
    assert_in_order,
    page_sizes,
    pdf_text,
)
from town_office.services.meetings import followups
from town_office.services.meetings import agenda as meeting_agenda
from town_office.services.meetings import attendance as meeting_attendance
from town_office.services.meetings import papers as meeting_papers
from town_office.services import meetings
from town_office.services.meetings.types import (
    EXCUSED,
    AgendaItemInput,
    AttendanceChange,
    FollowUpInput,
    ObserverInput,
)


@pytest.fixture
def meeting(make_meeting, presidium):
    _, other = presidium
    meeting = make_meeting(held_on=date(2026, 3, 28), starts_at="09:00", ends_at="11:30",
                           summary="会议传达学习了县人大常委会有关会议精神")
    excused = next(m for m in meeting.members if m.name == "孙丽")
    meeting_attendance.set_attendance(meeting.id, [AttendanceChange(excused.id, EXCUSED, "外出学习")])
    meeting_attendance.add_observer(meeting.id, ObserverInput("", representative_id=other.id))
    meeting_attendance.add_observer(meeting.id, ObserverInput("陈志强", "镇人民政府镇长"))
    meeting_agenda.add_item(meeting.id, AgendaItemInput(
        "审议2026年镇人大主席团工作要点", "李春梅", discussion="与会成员认为要点重点突出。\n建议增加代表联络站活动。",
        decision="原则通过2026年镇人大主席团工作要点。", voted=True, votes_for=4, votes_against=0,
        votes_abstain=0))
    detail = meeting_agenda.add_item(meeting.id, AgendaItemInput(
        "听取关于民生实事项目进展情况的汇报", "陈志强", decision="要求镇政府加快白沙村道路硬化。"))
    followups.create_followup(detail.items[1].id, FollowUpInput(
        "完成白沙村道路硬化", date(2026, 10, 31), "镇村镇建设服务中心", "刘志远"))
    return meetings.get_meeting(meeting.id)


def _paper(kind, meeting, tmp_path):
    out = meeting_papers.print_paper(kind, meeting.id, tmp_path / f"{kind}.pdf")
    assert set(page_sizes(out)) == {A4_POINTS}
    assert_fonts_embedded(out)
    pages = pdf_text(out)
    for number, page in enumerate(pages, start=1):
        assert f"— {number} —" in page
    return "".join(page.replace(f"— {n} —", "") for n, page in enumerate(pages, start=1)
                   ).replace("\n", "").replace(" ", ""), out  # cells wrap with spaces


def test_notice(meeting, tmp_path):
    text, _ = _paper("notice", meeting, tmp_path)
    assert_in_order(text, "关于召开测试镇第十九届人大主席团第一次会议的通知", "各位主席团成员、列席人员：",
                    "定于2026年3月28日（星期六）上午9:00在镇人民政府三楼会议室召开",
                    "三、会议议程", "（一）审议2026年镇人大主席团工作要点（汇报人：李春梅）",
                    "（二）听取关于民生实事项目进展情况的汇报", "四、出席人员",
                    "王建国、李春梅、刘𬌗", "五、列席人员", "王䶮（桃源片代表小组组长）",
                    "陈志强（镇人民政府镇长）", "测试镇人大主席团", "2026年3月25日")  # 3 days ahead


def test_signin_sheet(meeting, tmp_path):
    text, _ = _paper("signin", meeting, tmp_path)
    assert_in_order(text, "测试镇第十九届人大主席团第一次会议签到表", "会议时间：2026年3月28日",
                    "会议地点：镇人民政府三楼会议室", "序号", "姓名", "职务或单位", "签名", "备注",
                    "1", "王建国", "主席团主席", "刘𬌗", "孙丽", "赵刚", "王䶮", "列席", "陈志强", "列席")
    assert "应到5人" in text


def test_signin_sheet_after_the_meeting_counts_and_notes_leave(meeting, tmp_path):
    meetings.mark_held(meeting.id)
    text, _ = _paper("signin", meeting, tmp_path)
    assert_in_order(text, "孙丽", "请假（外出学习）", "应到5人　实到4人　请假1人　缺席0人　列席2人")


def test_record(meeting, tmp_path):
    meetings.mark_held(meeting.id)
    text, _ = _paper("record", meeting, tmp_path)
    assert "草稿" not in text
    assert_in_order(text, "测试镇第十九届人大主席团第一次会议记录",
                    "时间：2026年3月28日（星期六）上午9:00至上午11:30", "地点：镇人民政府三楼会议室",
                    "主持人：王建国", "记录人：陈晓燕", "出席：王建国、李春梅、刘𬌗、赵刚",
                    "请假：孙丽（外出学习）", "列席：王䶮", "应到5人，实到4人，请假1人，缺席0人",
                    "一、审议2026年镇人大主席团工作要点", "汇报人：李春梅",
                    "审议意见：与会成员认为要点重点突出。", "审议意见：建议增加代表联络站活动。",
                    "议定事项：原则通过", "表决情况：赞成4票，反对0票，弃权0票，通过",
                    "二、听取关于民生实事项目进展情况的汇报", "督办事项：1.完成白沙村道路硬化",
                    "主持人（签字）", "记录人（签字）")


def test_minutes(meeting, tmp_path):
    meetings.mark_held(meeting.id)
    text, _ = _paper("minutes", meeting, tmp_path)
    assert "草稿" not in text
    assert_in_order(text, "测试镇人大主席团会议纪要", "第1期", "测试镇人大主席团", "2026年3月28日",
                    "2026年3月28日，测试镇第十九届人大主席团第一次会议在镇人民政府三楼会议室召开",
                    "会议由王建国主持，应到5人，实到4人，符合法定人数",
                    "现将会议议定事项纪要如下", "一、审议2026年镇人大主席团工作要点",
                    "原则通过2026年镇人大主席团工作要点。会议以赞成4票、反对0票、弃权0票表决通过。",
                    "二、听取关于民生实事项目进展情况的汇报", "1.完成白沙村道路硬化",
                    "出席：王建国、李春梅、刘𬌗、赵刚", "请假：孙丽（外出学习）",
                    "列席：王䶮（桃源片代表小组组长）、陈志强（镇人民政府镇长）")
    assert "签字" not in text and "印章" not in text


def test_the_minutes_header_is_red(meeting, tmp_path):
    from pypdf import PdfReader

    _, out = _paper("minutes", meeting, tmp_path)
    content = PdfReader(str(out)).pages[0].get_contents().get_data().decode("latin-1")
    assert ".901961 0 .070588 rg" in content  # #E60012 fill for the masthead
    assert ".901961 0 .070588 RG" in content  # and stroke for the red rule


@pytest.mark.parametrize("kind", ["record", "minutes"])
def test_papers_of_a_meeting_not_held_are_drafts_that_state_no_attendance(meeting, tmp_path, kind):
    from pypdf import PdfReader

    text, out = _paper(kind, meeting, tmp_path)
    assert "（草稿）" in text
    for fact in ("实到", "符合法定人数", "未达到法定人数", "出席：王建国", "请假：孙丽"):
        assert fact not in text, fact
    assert "会议召开后" in text
    reader = PdfReader(str(out))
    assert all("样稿" in page.extract_text() for page in reader.pages)
    meetings.mark_held(meeting.id)
    text, out = _paper(kind, meeting, tmp_path)
    assert "草稿" not in text and "样稿" not in text and "实到4人" in text


def test_the_minutes_masthead_attendance_lines_and_imprint_sit_where_the_standard_puts_them(
        meeting, tmp_path):
    from tests.pdf_helpers import word_boxes
    from town_office.services import settings

    settings.update_settings(minutes_copy_to="县人大常委会办公室、镇党委")
    meetings.mark_held(meeting.id)
    names = "、".join(f"{'赵钱孙李周吴郑冯陈卫'[i]}{'子丑寅卯'[i % 4]}{'甲乙丙丁戊己庚辛壬癸'[i]}"
                     for i in range(10))
    meeting_attendance.add_observer(meeting.id, ObserverInput(names, "镇属单位负责人"))
    _, out = _paper("minutes", meeting, tmp_path)
    pages = word_boxes(out)
    mark = next(w for w in pages[0] if "会议纪要" in w[4])
    assert abs(mark[1] - (37.0 + 35.0)) < 1.0, mark  # the mark's top edge 35 mm into the type area
    words = next(page for page in pages if any(w[4].startswith("列席") for w in page))
    observers = next(w for w in words if w[4].startswith("列席"))
    assert abs(observers[0] - (28.0 + 2 * 156.0 / 28)) < 0.3  # two characters in
    after_colon = observers[0] + 3 * 156.0 / 28
    continued = [w for w in words if w[1] > observers[1] + 1 and w[1] < observers[1] + 25
                 and not w[4].startswith(("出席", "请假", "缺席", "抄送"))]
    assert continued and all(abs(w[0] - after_colon) < 0.4 for w in continued[:1]), continued
    text = "".join(pdf_text(out)[-1].split())
    assert_in_order(text, "抄送：县人大常委会办公室、镇党委。", "测试镇人大主席团", "2026年3月28日印发")
    imprint = next(w for w in pages[-1] if w[4].endswith("印发"))
    assert 37.0 + 225.0 - 10.0 < imprint[3] <= 37.0 + 225.0 + 0.5  # the last line of the last page
