"""Who was at a meeting: every presidium member with 出席 / 请假 (reason required) / 缺席, and the 列席
persons, from the roster or typed in. A change of attendance re-checks the agenda, so a meeting
can never show more votes than members present, nor a decision, vote or follow-up without quorum."""

from __future__ import annotations

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import AgendaItem, MeetingAttendee, Representative
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.meetings.rules import vote_passes, vote_problems
from town_office.services.meetings.types import (
    ATTENDANCE,
    EXCUSED,
    MEMBER,
    NOT_PASSED,
    OBSERVER,
    PASSED,
    PREPARING,
    AttendanceChange,
    MeetingDetail,
    ObserverInput,
)
from town_office.services.meetings import (
    ensure_editable,
    get_meeting,
    meeting_or_404,
    presidium_members,
    tally_of,
    touch,
)
from town_office.services.settings import get_settings

TABLE = "meeting"


def recheck_decisions(meeting_id: int) -> list[FieldProblem]:
    """Recompute every vote's result under today's attendance and rules; problems when an item no
    longer fits: without quorum no item may keep a decision, a vote or follow-ups, and no vote may
    count more than those present."""
    settings = get_settings()
    attendees = list(MeetingAttendee.select().where(MeetingAttendee.meeting == meeting_id))
    tally = tally_of(attendees, settings.presidium_quorum_rule)
    problems = []
    for item in AgendaItem.select().where(AgendaItem.meeting == meeting_id).order_by(AgendaItem.position):
        label = f"议题“{item.title}”"
        if not tally.quorum_met:
            carried = [what for what, present in (
                ("议定事项", bool(item.decision.strip())), ("表决", item.voted),
                ("督办事项", item.followups.exists())) if present]
            if carried:
                problems.append(FieldProblem(label, f"已有{'、'.join(carried)}，而出席人数未达到法定人数"
                                                    f"（{tally.text}）。请先核对出席情况，或先删去这些内容"))
            continue
        if not item.voted:
            continue
        found = vote_problems(tally.present, item.votes_for, item.votes_against, item.votes_abstain)
        problems += [FieldProblem(label, p.message) for p in found]
        if not found:
            passed = vote_passes(settings.presidium_pass_rule, tally.expected, tally.present,
                                 item.votes_for)
            AgendaItem.update(vote_result=PASSED if passed else NOT_PASSED).where(
                AgendaItem.id == item.id).execute()
    return problems


def set_attendance(meeting_id: int, changes: list[AttendanceChange]) -> MeetingDetail:
    """Record 出席 / 请假 / 缺席 for members; all-or-nothing.

    Raises:
        ValidationError: a 请假 without reason, an unknown status, or votes that no longer fit.
    """
    with database.atomic():
        meeting = meeting_or_404(meeting_id)
        ensure_editable(meeting)
        attendees = {a.id: a for a in meeting.attendees}
        problems, diffs = [], {}
        for change in changes:
            attendee = attendees.get(change.attendee_id)
            if attendee is None or attendee.role != MEMBER:
                raise NotFound("出席名单已变化，请关闭后重新打开这次会议。")
            reason = change.reason.strip() if change.attendance == EXCUSED else ""
            if change.attendance not in ATTENDANCE:
                problems.append(FieldProblem(attendee.name, "请选择出席、请假或缺席"))
            elif change.attendance == EXCUSED and not reason:
                problems.append(FieldProblem(attendee.name, "请假须写明原因"))
            if (attendee.attendance, attendee.reason) != (change.attendance, reason):
                diffs[attendee.name] = (f"{attendee.attendance}{'：' + attendee.reason if attendee.reason else ''}",
                                        f"{change.attendance}{'：' + reason if reason else ''}")
                MeetingAttendee.update(attendance=change.attendance, reason=reason).where(
                    MeetingAttendee.id == attendee.id).execute()
        problems += recheck_decisions(meeting_id)
        if problems:
            raise ValidationError(problems)
        if diffs:
            audit.record(TABLE, meeting_id, "出席情况", diffs)
            touch(meeting)
    return get_meeting(meeting_id)


def add_observer(meeting_id: int, data: ObserverInput) -> MeetingDetail:
    """A 列席 person: from the roster (name and post filled in) or typed."""
    with database.atomic():
        meeting = meeting_or_404(meeting_id)
        ensure_editable(meeting)
        name, unit_post = data.name.strip(), data.unit_post.strip()
        if data.representative_id:
            rep = Representative.get_or_none(Representative.id == data.representative_id)
            if rep is None:
                raise NotFound("找不到这名代表，可能已被删除。")
            name, unit_post = rep.name, unit_post or rep.work_unit_post
        if not name:
            raise ValidationError([FieldProblem("姓名", "请填写列席人员姓名")])
        if meeting.attendees.where(MeetingAttendee.name == name).exists():
            raise ValidationError([FieldProblem("姓名", f"{name}已在本次会议的名单中")])
        position = (meeting.attendees.select(fn.MAX(MeetingAttendee.position)).scalar() or 0) + 1
        MeetingAttendee.create(meeting=meeting, representative=data.representative_id, role=OBSERVER,
                               name=name, unit_post=unit_post, position=position)
        audit.record(TABLE, meeting_id, "添加列席", {"列席人员": (None, f"{name}（{unit_post}）")})
        touch(meeting)
    return get_meeting(meeting_id)


def remove_observer(attendee_id: int) -> MeetingDetail:
    with database.atomic():
        attendee = MeetingAttendee.get_or_none(MeetingAttendee.id == attendee_id)
        if attendee is None or attendee.role != OBSERVER:
            raise NotFound("找不到这名列席人员，可能已被移除。")
        ensure_editable(attendee.meeting)
        meeting_id = attendee.meeting_id
        audit.record(TABLE, meeting_id, "移除列席", {"列席人员": (attendee.name, None)})
        attendee.delete_instance()
    return get_meeting(meeting_id)


def sync_members(meeting_id: int) -> MeetingDetail:
    """While 筹备: list the term's presidium as it is now (members added or removed in the roster)."""
    with database.atomic():
        meeting = meeting_or_404(meeting_id)
        if meeting.status != PREPARING:
            raise ValidationError([FieldProblem("状态", "会议已召开，出席名单以当时为准，不再同步。")])
        current = {r.id: r for r in presidium_members(meeting.term_id)}
        listed = {a.representative_id: a for a in meeting.attendees.where(MeetingAttendee.role == MEMBER)}
        added = [r for rid, r in current.items() if rid not in listed]
        removed = [a for rid, a in listed.items() if rid not in current]
        for attendee in removed:
            attendee.delete_instance()
        for position, rep in enumerate(current.values()):
            if rep in added:
                MeetingAttendee.create(meeting=meeting, representative=rep, role=MEMBER, name=rep.name,
                                       unit_post=rep.work_unit_post, presidium_role=rep.presidium_role,
                                       position=position)
            else:
                MeetingAttendee.update(position=position, presidium_role=rep.presidium_role).where(
                    MeetingAttendee.id == listed[rep.id].id).execute()
        problems = recheck_decisions(meeting_id)
        if problems:
            raise ValidationError(problems)
        if added or removed:
            audit.record(TABLE, meeting_id, "同步主席团成员", {
                "增加": (None, "、".join(r.name for r in added)),
                "移除": ("、".join(a.name for a in removed), None)})
            touch(meeting)
    return get_meeting(meeting_id)
