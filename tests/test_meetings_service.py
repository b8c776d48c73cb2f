"""Meetings through the services: numbering, attendance and quorum, votes, the lock and reopen,
filed minutes, and follow-ups with their extension limit and their way onto the next agenda."""

from datetime import date

import pytest

from town_office.errors import ValidationError
from town_office.services import settings
from town_office.services.common import audit
from town_office.services.meetings import followups
from town_office.services.meetings import agenda as meeting_agenda
from town_office.services.meetings import attendance as meeting_attendance
from town_office.services.meetings import papers as meeting_papers
from town_office.services import meetings
from town_office.services.meetings.types import (
    ABSENT,
    EXCUSED,
    FINALISED,
    HELD,
    REVIEW_ITEM_TITLE,
    AgendaItemInput,
    AttendanceChange,
    FollowUpFilter,
    FollowUpInput,
    MeetingInput,
    ObserverInput,
)
from town_office.services.settings import PASS_RULES, QUORUM_RULES


def _set(meeting, **attendance):
    """attendance by name: 'absent' / ('excused', reason)."""
    changes = []
    for member in meeting.members:
        wish = attendance.get(member.name)
        if wish == "absent":
            changes.append(AttendanceChange(member.id, ABSENT))
        elif wish:
            changes.append(AttendanceChange(member.id, EXCUSED, wish))
    return meeting_attendance.set_attendance(meeting.id, changes)


def _vote(meeting, votes_for, against=0, abstain=0, decision="同意"):
    return meeting_agenda.add_item(meeting.id, AgendaItemInput(
        "审议工作要点", "李春梅", decision=decision, voted=True, votes_for=votes_for,
        votes_against=against, votes_abstain=abstain))


def test_meetings_are_numbered_within_the_term_and_the_number_can_be_corrected(make_meeting):
    first = make_meeting()
    second = make_meeting(held_on=date(2026, 6, 24))
    assert (first.number, second.number) == (1, 2)
    assert second.title == "测试镇第十九届人大主席团第二次会议"
    corrected = meetings.update_meeting(second.id, MeetingInput(
        held_on=second.held_on, number=13, place=second.place))
    assert corrected.number == 13
    assert make_meeting(held_on=date(2026, 9, 23)).number == 14
    with pytest.raises(ValidationError) as caught:
        meetings.update_meeting(first.id, MeetingInput(held_on=first.held_on, number=13,
                                                       place="会议室"))
    assert "本届已有第13次会议" in caught.value.for_field("会次")


def test_every_serving_member_is_listed_present(make_meeting, presidium):
    meeting = make_meeting()
    assert [m.name for m in meeting.members] == ["王建国", "李春梅", "刘𬌗", "孙丽", "赵刚"]
    assert meeting.tally.text == "应到5人，实到5人，请假0人，缺席0人"
    assert meeting.tally.quorum_met


def test_leave_needs_a_reason_and_nothing_is_half_saved(make_meeting):
    meeting = make_meeting()
    with pytest.raises(ValidationError) as caught:
        _set(meeting, 赵刚="absent", 孙丽="  ")
    assert "请假须写明原因" in caught.value.for_field("孙丽")
    assert meetings.get_meeting(meeting.id).tally.absent == 0  # the whole change rolled back
    meeting = _set(meeting, 赵刚="absent", 孙丽="外出学习")
    assert (meeting.tally.present, meeting.tally.excused, meeting.tally.absent) == (3, 1, 1)
    assert [m.reason for m in meeting.members if m.attendance == EXCUSED] == ["外出学习"]


def test_without_quorum_no_decision_can_be_recorded(make_meeting):
    meeting = _set(make_meeting(), 赵刚="absent", 孙丽="病假", 刘𬌗="病假")
    assert not meeting.tally.quorum_met
    with pytest.raises(ValidationError) as caught:
        _vote(meeting, 2)
    assert "未达到法定人数" in str(caught.value)
    with pytest.raises(ValidationError):
        meeting_agenda.add_item(meeting.id, AgendaItemInput("议题", decision="同意"))
    meeting_agenda.add_item(meeting.id, AgendaItemInput("只听取汇报，不作决定"))  # allowed


@pytest.mark.parametrize("pass_rule, votes_for, result", [
    (PASS_RULES[0], 3, "通过"),  # 3 of 5 members
    (PASS_RULES[0], 2, "未通过"),
    (PASS_RULES[1], 2, "未通过"),  # 2 of 3 present is a majority of those present...
    (PASS_RULES[2], 3, "未通过"),  # 3 of 5 is less than two thirds
    (PASS_RULES[2], 4, "通过"),
])
def test_vote_result_follows_the_pass_rule(make_meeting, pass_rule, votes_for, result):
    settings.update_settings(presidium_pass_rule=pass_rule)
    meeting = _set(make_meeting(), 赵刚="absent")  # 4 present
    meeting = _vote(meeting, votes_for, against=4 - votes_for)
    assert meeting.items[0].vote_result == result


def test_pass_rule_of_those_present(make_meeting):
    settings.update_settings(presidium_pass_rule=PASS_RULES[1])
    meeting = _set(make_meeting(), 赵刚="absent", 孙丽="病假")  # 3 present
    assert _vote(meeting, 2, against=1).items[0].vote_result == "通过"


def test_quorum_rule_of_two_thirds(make_meeting):
    settings.update_settings(presidium_quorum_rule=QUORUM_RULES[1])
    meeting = _set(make_meeting(), 赵刚="absent", 孙丽="病假")  # 3 of 5 < two thirds
    assert not meeting.tally.quorum_met
    settings.update_settings(presidium_quorum_rule=QUORUM_RULES[0])
    assert meetings.get_meeting(meeting.id).tally.quorum_met


def test_votes_cannot_exceed_those_present_even_after_attendance_changes(make_meeting):
    meeting = _vote(make_meeting(), 5)
    with pytest.raises(ValidationError) as caught:
        _vote(meeting, 5, against=1)
    assert "超过实到成员5人" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        _set(meeting, 赵刚="absent")  # 5 votes already recorded, only 4 would be present
    assert "审议工作要点" in caught.value.problems[0].field
    assert meetings.get_meeting(meeting.id).tally.present == 5


def test_observers_from_the_roster_and_typed(make_meeting, presidium):
    _, other = presidium
    meeting = make_meeting()
    meeting = meeting_attendance.add_observer(meeting.id, ObserverInput(
        "", representative_id=other.id))
    meeting = meeting_attendance.add_observer(meeting.id, ObserverInput("陈志强", "镇人民政府镇长"))
    assert [(o.name, o.unit_post) for o in meeting.observers] == [
        ("王䶮", "桃源片代表小组组长"), ("陈志强", "镇人民政府镇长")]
    assert meeting.tally.expected == 5  # 列席 are not counted
    with pytest.raises(ValidationError):
        meeting_attendance.add_observer(meeting.id, ObserverInput("陈志强"))


def test_agenda_order_can_be_changed(make_meeting):
    meeting = make_meeting()
    for title in ("甲", "乙", "丙"):
        meeting = meeting_agenda.add_item(meeting.id, AgendaItemInput(title))
    third = meeting.items[2].id
    meeting = meeting_agenda.move_item(third, -1)
    assert [i.title for i in meeting.items] == ["甲", "丙", "乙"]
    meeting = meeting_agenda.reorder(meeting.id, [i.id for i in reversed(meeting.items)])
    assert [i.title for i in meeting.items] == ["乙", "丙", "甲"]
    meeting = meeting_agenda.delete_item(meeting.items[0].id)
    assert [(i.position, i.title) for i in meeting.items] == [(1, "丙"), (2, "甲")]


def test_materials_are_copied_into_the_data_folder(make_meeting, tmp_path, data_folder):
    source = tmp_path / "关于民生实事的报告.docx"
    source.write_bytes(b"report")
    meeting = meeting_agenda.add_item(make_meeting().id, AgendaItemInput("民生实事"))
    meeting = meeting_agenda.add_material(meeting.items[0].id, source)
    [material] = meeting.items[0].materials
    stored = data_folder.attachments / material.stored_path
    assert stored.read_bytes() == b"report" and material.file_name == source.name
    source.unlink()
    assert stored.exists()  # the clerk's original may go; the copy stays
    meetings_after = meeting_agenda.remove_material(material.id)
    assert not meetings_after.items[0].materials and not stored.exists()


def _held(make_meeting, **kw):
    meeting = make_meeting(**kw)
    meeting = meeting_agenda.add_item(meeting.id, AgendaItemInput(
        "民生实事", decision="要求镇政府年底前完成道路硬化"))
    return meetings.mark_held(meeting.id)


def test_finalising_locks_and_reopening_needs_a_reason(make_meeting, data_folder, tmp_path):
    meeting = meeting_papers.finalise(_held(make_meeting).id)
    assert meeting.status == FINALISED
    [filed] = meeting.filed_minutes
    stored = data_folder.attachments / filed.stored_path
    assert stored.exists() and filed.sha256
    for attempt in (lambda: meeting_agenda.add_item(meeting.id, AgendaItemInput("新议题")),
                    lambda: _set(meeting, 赵刚="absent"),
                    lambda: meetings.update_meeting(meeting.id, MeetingInput(
                        held_on=meeting.held_on, place="别处"))):
        with pytest.raises(ValidationError, match="已定稿"):
            attempt()
    # the printed 纪要 of a finalised meeting is the filed file, provably
    out = meeting_papers.print_paper("minutes", meeting.id, tmp_path / "纪要.pdf")
    assert meetings.verify_filed_minutes(meeting.id, out).id == filed.id
    with pytest.raises(ValidationError, match="原因"):
        meetings.reopen(meeting.id, "")
    reopened = meetings.reopen(meeting.id, "出席名单有误，需更正")
    assert reopened.status == HELD and reopened.filed_minutes[0].withdrawn_at is not None
    assert any(r.action == "重新打开" and r.new_value == "出席名单有误，需更正"
               for r in audit.history("meeting", meeting.id))
    meetings.update_meeting(meeting.id, MeetingInput(held_on=meeting.held_on, place="别处"))
    (tmp_path / "other.pdf").write_bytes(b"%PDF-1.4 not the filed one")
    assert meetings.verify_filed_minutes(meeting.id, tmp_path / "other.pdf") is None


def _followup(meeting, **kw):
    values = dict(content="完成白沙村道路硬化", deadline=date(2026, 6, 30),
                  handling_unit="镇村镇建设服务中心", responsible="刘志远")
    values.update(kw)
    return followups.create_followup(meeting.items[0].id, FollowUpInput(**values))


def test_follow_up_needs_a_decision_unit_and_deadline(make_meeting):
    meeting = meeting_agenda.add_item(make_meeting().id, AgendaItemInput("只听汇报"))
    with pytest.raises(ValidationError) as caught:
        followups.create_followup(meeting.items[0].id, FollowUpInput("内容", None))
    fields = {p.field for p in caught.value.problems}
    assert fields == {"议定事项", "承办单位", "办理时限"}


def test_extension_is_limited_by_the_setting(make_meeting):
    row = _followup(_held(make_meeting))
    with pytest.raises(ValidationError) as caught:
        followups.extend(row.id, date(2027, 1, 5), "资金未到位", date(2026, 6, 24))
    assert "最晚只能延至2026年12月30日" in caught.value.for_field("新的办理时限")
    row = followups.extend(row.id, date(2026, 9, 30), "资金未到位", date(2026, 6, 24))
    row = followups.extend(row.id, date(2026, 12, 30), "雨季停工", date(2026, 9, 23))
    assert (row.status, row.deadline, row.original_deadline) == ("延期", date(2026, 12, 30),
                                                                 date(2026, 6, 30))
    assert len(row.extension_notes) == 2
    settings.update_settings(followup_extension_months=3)
    with pytest.raises(ValidationError, match="3个月"):
        followups.extend(row.id, date(2026, 12, 31), "再延", date(2026, 12, 1))


def test_done_needs_a_result_and_overdue_ones_are_listed(make_meeting):
    row = _followup(_held(make_meeting))
    followups.set_progress(row.id, "办理中")
    with pytest.raises(ValidationError) as caught:
        followups.set_progress(row.id, "已办结")
    assert {p.field for p in caught.value.problems} == {"办理结果", "办结日期"}
    overdue = followups.list_followups(FollowUpFilter(overdue_only=True), today=date(2026, 7, 1))
    assert [f.id for f in overdue] == [row.id]
    followups.set_progress(row.id, "已办结", "已完工", date(2026, 6, 28))
    assert followups.list_followups(FollowUpFilter(overdue_only=True), today=date(2026, 7, 1)) == []
    with pytest.raises(ValidationError):
        followups.set_progress(row.id, "交办")


def test_open_follow_ups_are_offered_to_the_next_meeting(make_meeting):
    first = _held(make_meeting)
    open_one = _followup(first)
    done_one = _followup(first, content="修复柳溪村便民桥")
    followups.set_progress(done_one.id, "已办结", "已修复", date(2026, 4, 10))
    nxt = make_meeting(held_on=date(2026, 6, 24))
    assert nxt.items[0].title == REVIEW_ITEM_TITLE and nxt.items[0].reviews_followups
    assert [f.id for f in nxt.reviewed_followups] == [open_one.id, done_one.id]
    quiet = meetings.create_meeting(MeetingInput(held_on=date(2026, 7, 1), place="会议室"),
                                    review_open_followups=False)
    assert quiet.items == ()


def test_quarters_without_a_held_meeting(make_meeting):
    _held(make_meeting, held_on=date(2026, 3, 25))
    make_meeting(held_on=date(2026, 11, 30))  # planned, not held
    quarters = meetings.quarters(2026, today=date(2026, 11, 22))
    assert [(q.quarter, q.held, q.planned, q.over) for q in quarters] == [
        (1, 1, 0, True), (2, 0, 0, True), (3, 0, 0, True), (4, 0, 1, False)]
    assert [q.quarter for q in quarters if q.missing and q.over] == [2, 3]


def test_a_meeting_in_preparation_can_be_deleted_but_not_a_held_one(make_meeting):
    planned = make_meeting(held_on=date(2026, 12, 16))
    meetings.delete_meeting(planned.id)
    assert meetings.list_meetings() == []
    held = _held(make_meeting)
    with pytest.raises(ValidationError):
        meetings.delete_meeting(held.id)


def test_a_finalised_meeting_is_locked_on_every_path(make_meeting, tmp_path):
    source = tmp_path / "材料.docx"
    source.write_bytes(b"x")
    meeting = make_meeting()
    meeting = meeting_agenda.add_item(meeting.id, AgendaItemInput("甲", decision="同意"))
    meeting = meeting_agenda.add_item(meeting.id, AgendaItemInput("乙"))
    meeting = meeting_agenda.add_material(meeting.items[0].id, source)
    followup = _followup(meeting)
    meeting = meeting_papers.finalise(meetings.mark_held(meeting.id).id)
    first, second = meeting.items
    attempts = {
        "reorder": lambda: meeting_agenda.reorder(meeting.id, [second.id, first.id]),
        "move": lambda: meeting_agenda.move_item(second.id, -1),
        "remove material": lambda: meeting_agenda.remove_material(first.materials[0].id),
        "add material": lambda: meeting_agenda.add_material(first.id, source),
        "delete item": lambda: meeting_agenda.delete_item(second.id),
        "add follow-up": lambda: _followup(meeting, content="另一件事"),
        "change follow-up": lambda: followups.update_followup(followup.id, FollowUpInput(
            "改过的内容", date(2026, 6, 30), "镇村镇建设服务中心", "刘志远")),
        "delete follow-up": lambda: followups.delete_followup(followup.id),
    }
    for name, attempt in attempts.items():
        with pytest.raises(ValidationError, match="已定稿"):
            attempt()
        print(name, "refused")
    after = meetings.get_meeting(meeting.id)
    assert [i.title for i in after.items] == ["甲", "乙"]
    assert len(after.items[0].materials) == 1
    assert [f.content for f in after.items[0].followups] == ["完成白沙村道路硬化"]
    # the follow-up's progress is still tracked after the 纪要 is final
    assert followups.set_progress(followup.id, "办理中").status == "办理中"


@pytest.mark.parametrize("reason", ["", "改", "修改", "啊啊啊啊", "1234", "。。。。", "改 改 改 改"])
def test_reopening_needs_a_real_reason(make_meeting, reason):
    meeting = meeting_papers.finalise(_held(make_meeting).id)
    with pytest.raises(ValidationError) as caught:
        meetings.reopen(meeting.id, reason)
    assert caught.value.for_field("原因")
    assert meetings.get_meeting(meeting.id).status == FINALISED
    assert meetings.reopen(meeting.id, "更正请假原因").status == HELD  # four characters that say why


def test_lowering_attendance_below_quorum_is_refused_while_a_decision_stands(make_meeting):
    meeting = make_meeting()
    meeting = meeting_agenda.add_item(meeting.id, AgendaItemInput("听取汇报"))
    meeting = meeting_agenda.add_item(meeting.id, AgendaItemInput("审议要点", decision="原则同意"))
    meeting = _set(meeting, 赵刚="absent")  # 4 of 5: still a quorum
    with pytest.raises(ValidationError) as caught:
        _set(meeting, 孙丽="病假", 刘𬌗="病假")  # 2 of 5: none
    [problem] = caught.value.problems
    assert "审议要点" in problem.field and "议定事项" in problem.message
    assert "未达到法定人数" in problem.message
    assert meetings.get_meeting(meeting.id).tally.present == 4  # nothing changed
    # the boundary: 3 of 5 is more than half
    assert _set(meeting, 孙丽="病假").tally.quorum_met


def test_follow_ups_stand_in_the_way_of_losing_quorum(make_meeting):
    meeting = meeting_agenda.add_item(make_meeting().id, AgendaItemInput("甲", decision="同意"))
    _followup(meeting)
    with pytest.raises(ValidationError) as caught:
        _set(meeting, 赵刚="absent", 孙丽="病假", 刘𬌗="病假")
    assert "督办事项" in caught.value.problems[0].message


def test_minutes_of_an_inquorate_meeting_cannot_be_finalised(make_meeting):
    meeting = meeting_agenda.add_item(make_meeting().id, AgendaItemInput("只听取汇报"))
    meeting = _set(meeting, 赵刚="absent", 孙丽="病假", 刘𬌗="病假")
    meetings.mark_held(meeting.id)
    with pytest.raises(ValidationError) as caught:
        meeting_papers.finalise(meeting.id)
    assert "法定人数" in caught.value.for_field("出席情况")
    assert meetings.get_meeting(meeting.id).status == HELD
    assert not meetings.get_meeting(meeting.id).filed_minutes
