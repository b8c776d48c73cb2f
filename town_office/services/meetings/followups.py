"""督办事项: follow-ups spawned by a meeting's decisions, their progress 交办 → 办理中 → 已办结, and 延期
(agreed by the presidium, never beyond the setting's months past the original deadline).

Progress can be recorded after the meeting's 纪要 is finalised — that is when the work happens — but
what the meeting decided (the content, the unit, the first deadline) is locked with the meeting.
"""

from __future__ import annotations

from datetime import date, datetime

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import AgendaItem, FollowUp, FollowUpExtension, Meeting, Term
from town_office.models.db import database
from town_office.reports.chinese_numbers import chinese_date
from town_office.services.common import audit
from town_office.services.meetings.rules import latest_allowed_deadline, months_between
from town_office.services.meetings.types import (
    ASSIGNED,
    DONE,
    EXTENDED,
    FINALISED,
    FOLLOWUP_LABELS,
    IN_PROGRESS,
    OPEN_FOLLOWUP_STATUSES,
    FollowUpFilter,
    FollowUpInput,
    FollowUpRow,
    meeting_title,
)
from town_office.services.settings import get_settings

TABLE = "follow_up"
_NEXT_STATUSES = {ASSIGNED: (IN_PROGRESS, DONE), IN_PROGRESS: (DONE,), EXTENDED: (IN_PROGRESS, DONE),
                  DONE: (IN_PROGRESS,)}


def _query():
    return (FollowUp.select(FollowUp, AgendaItem, Meeting, Term)
            .join(AgendaItem).join(Meeting).join(Term))


def _rows(query) -> list[FollowUpRow]:
    followups = list(query)
    extensions: dict[int, list[str]] = {}
    if followups:
        for ext in (FollowUpExtension.select()
                    .where(FollowUpExtension.followup.in_([f.id for f in followups]))
                    .order_by(FollowUpExtension.id)):
            extensions.setdefault(ext.followup_id, []).append(
                f"{chinese_date(ext.agreed_on)}同意延期至{chinese_date(ext.new_deadline)}：{ext.reason}")
    town = get_settings().town_name
    return [FollowUpRow(
        f.id, f.agenda_item.id, f.agenda_item.meeting.id,
        meeting_title(town, f.agenda_item.meeting.term.name, f.agenda_item.meeting.number),
        f.agenda_item.meeting.number, f.content, f.handling_unit, f.responsible,
        f.original_deadline, f.deadline, f.status, f.result, f.done_on,
        months_between(f.original_deadline, f.deadline), tuple(extensions.get(f.id, ())))
        for f in followups]


def list_followups(flt: FollowUpFilter | None = None, today: date | None = None) -> list[FollowUpRow]:
    """Follow-ups, the earliest deadline first."""
    flt, today = flt or FollowUpFilter(), today or date.today()
    query = _query()
    if flt.meeting_id:
        query = query.where(AgendaItem.meeting == flt.meeting_id)
    if flt.open_only or flt.overdue_only:
        query = query.where(FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES))
    if flt.overdue_only:
        query = query.where(FollowUp.deadline < today)
    if flt.statuses:
        query = query.where(FollowUp.status.in_(flt.statuses))
    return _rows(query.order_by(FollowUp.deadline, FollowUp.id))


def get_followup(followup_id: int) -> FollowUpRow:
    rows = _rows(_query().where(FollowUp.id == followup_id))
    if not rows:
        raise NotFound(f"找不到第{followup_id}号督办事项，可能已被删除。")
    return rows[0]


def rows_by_agenda_item(meeting_id: int) -> dict[int, list[FollowUpRow]]:
    result: dict[int, list[FollowUpRow]] = {}
    for row in list_followups(FollowUpFilter(meeting_id=meeting_id)):
        result.setdefault(row.agenda_item_id, []).append(row)
    return result


def open_counts_by_meeting(meeting_ids: list[int]) -> dict[int, int]:
    return dict(FollowUp.select(AgendaItem.meeting, fn.COUNT(FollowUp.id)).join(AgendaItem)
                .where(AgendaItem.meeting.in_(meeting_ids)
                       & FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES))
                .group_by(AgendaItem.meeting).tuples())


def _earlier(meeting: Meeting):
    return ((Meeting.held_on < meeting.held_on)
            | ((Meeting.held_on == meeting.held_on) & (Meeting.id < meeting.id)))


def open_followups_before(meeting: Meeting) -> list[FollowUpRow]:
    """Follow-ups of earlier meetings that are still open."""
    return _rows(_query().where(_earlier(meeting) & FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES))
                 .order_by(Meeting.held_on, FollowUp.id))


def followups_reviewed_at(meeting: Meeting) -> list[FollowUpRow]:
    """What the 落实情况 item reports on: follow-ups of earlier meetings still open, or finished
    since the previous meeting."""
    previous = (Meeting.select(fn.MAX(Meeting.held_on)).where(_earlier(meeting)).scalar())
    condition = FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES)
    if previous:
        condition |= (FollowUp.status == DONE) & (FollowUp.done_on >= previous)
    return _rows(_query().where(_earlier(meeting) & condition).order_by(Meeting.held_on, FollowUp.id))


# --- writing -----------------------------------------------------------------------------------


def _input_problems(data: FollowUpInput, meeting: Meeting) -> list[FieldProblem]:
    problems = []
    if not data.content.strip():
        problems.append(FieldProblem("督办内容", "请填写督办内容"))
    if not data.handling_unit.strip():
        problems.append(FieldProblem("承办单位", "请填写承办单位"))
    if data.deadline is None:
        problems.append(FieldProblem("办理时限", "请填写办理时限"))
    elif data.deadline < meeting.held_on:
        problems.append(FieldProblem("办理时限", "办理时限不能早于会议日期"))
    return problems


def _locked(meeting: Meeting) -> None:
    if meeting.status == FINALISED:
        raise ValidationError([FieldProblem(
            "状态", "会议纪要已定稿，督办事项的内容已锁定；办理进展和延期仍可登记。")])


def create_followup(agenda_item_id: int, data: FollowUpInput) -> FollowUpRow:
    """A follow-up of a decided agenda item, in status 交办."""
    with database.atomic():
        item = AgendaItem.get_or_none(AgendaItem.id == agenda_item_id)
        if item is None:
            raise NotFound("找不到这个议题，可能已被删除。")
        _locked(item.meeting)
        problems = _input_problems(data, item.meeting)
        if not item.decision.strip():
            problems.insert(0, FieldProblem("议定事项", "请先在议题中写明议定事项，再从中交办督办事项"))
        if problems:
            raise ValidationError(problems)
        now = datetime.now()
        followup = FollowUp.create(
            agenda_item=item, content=data.content.strip(), handling_unit=data.handling_unit.strip(),
            responsible=data.responsible.strip(), original_deadline=data.deadline,
            deadline=data.deadline, status=ASSIGNED, created_at=now, updated_at=now)
        audit.record(TABLE, followup.id, "交办", audit.diff(
            {}, dict(content=followup.content, handling_unit=followup.handling_unit,
                     responsible=followup.responsible, deadline=followup.deadline),
            FOLLOWUP_LABELS))
    return get_followup(followup.id)


def update_followup(followup_id: int, data: FollowUpInput) -> FollowUpRow:
    """Correct what was decided (content, unit, person, first deadline) before the 纪要 is final."""
    with database.atomic():
        followup = FollowUp.get_or_none(FollowUp.id == followup_id)
        if followup is None:
            raise NotFound("找不到这个督办事项，可能已被删除。")
        meeting = followup.agenda_item.meeting
        _locked(meeting)
        problems = _input_problems(data, meeting)
        if problems:
            raise ValidationError(problems)
        before = {k: getattr(followup, k) for k in FOLLOWUP_LABELS}
        after = dict(before, content=data.content.strip(), handling_unit=data.handling_unit.strip(),
                     responsible=data.responsible.strip())
        changes = dict(content=after["content"], handling_unit=after["handling_unit"],
                       responsible=after["responsible"], updated_at=datetime.now())
        if not followup.extensions.exists():
            after["deadline"] = data.deadline
            changes.update(original_deadline=data.deadline, deadline=data.deadline)
        FollowUp.update(**changes).where(FollowUp.id == followup_id).execute()
        audit.record(TABLE, followup_id, "修改", audit.diff(before, after, FOLLOWUP_LABELS))
    return get_followup(followup_id)


def set_progress(followup_id: int, status: str, result: str = "", done_on: date | None = None
                 ) -> FollowUpRow:
    """Move a follow-up on: 交办 → 办理中 → 已办结 (result and date required); 已办结 can be reopened."""
    with database.atomic():
        followup = FollowUp.get_or_none(FollowUp.id == followup_id)
        if followup is None:
            raise NotFound("找不到这个督办事项，可能已被删除。")
        allowed = _NEXT_STATUSES[followup.status]
        if status != followup.status and status not in allowed:
            raise ValidationError([FieldProblem(
                "办理状态", f"“{followup.status}”只能改为：{'、'.join(allowed)}；延期请用“延期”。")])
        problems = []
        if status == DONE:
            if not result.strip():
                problems.append(FieldProblem("办理结果", "办结时请写明办理结果"))
            if done_on is None:
                problems.append(FieldProblem("办结日期", "请填写办结日期"))
            elif done_on < followup.agenda_item.meeting.held_on:
                problems.append(FieldProblem("办结日期", "办结日期不能早于交办的会议日期"))
        if problems:
            raise ValidationError(problems)
        before = {k: getattr(followup, k) for k in FOLLOWUP_LABELS}
        after = dict(before, status=status, result=result.strip(),
                     done_on=done_on if status == DONE else None)
        FollowUp.update(status=status, result=after["result"], done_on=after["done_on"],
                        updated_at=datetime.now()).where(FollowUp.id == followup_id).execute()
        audit.record(TABLE, followup_id, "办理进展", audit.diff(before, after, FOLLOWUP_LABELS))
    return get_followup(followup_id)


def extend(followup_id: int, new_deadline: date | None, reason: str, agreed_on: date | None
           ) -> FollowUpRow:
    """延期: a later deadline agreed by the presidium, within the setting's months of the original.

    Raises:
        ValidationError: finished, not later than now, past the limit, or no reason / date.
    """
    limit = get_settings().followup_extension_months
    with database.atomic():
        followup = FollowUp.get_or_none(FollowUp.id == followup_id)
        if followup is None:
            raise NotFound("找不到这个督办事项，可能已被删除。")
        problems = []
        if followup.status == DONE:
            problems.append(FieldProblem("办理状态", "已办结的事项不需要延期"))
        latest = latest_allowed_deadline(followup.original_deadline, limit)
        if new_deadline is None:
            problems.append(FieldProblem("新的办理时限", "请填写新的办理时限"))
        elif new_deadline <= followup.deadline:
            problems.append(FieldProblem("新的办理时限",
                                         f"应晚于现在的时限{chinese_date(followup.deadline)}"))
        elif new_deadline > latest:
            problems.append(FieldProblem(
                "新的办理时限", f"延期累计不能超过{limit}个月：原定时限{chinese_date(followup.original_deadline)}，"
                f"最晚只能延至{chinese_date(latest)}"))
        if not reason.strip():
            problems.append(FieldProblem("延期理由", "请写明延期理由"))
        if agreed_on is None:
            problems.append(FieldProblem("同意日期", "请填写主席团同意延期的日期"))
        if problems:
            raise ValidationError(problems)
        FollowUpExtension.create(followup=followup, old_deadline=followup.deadline,
                                 new_deadline=new_deadline, reason=reason.strip(),
                                 agreed_on=agreed_on, created_at=datetime.now())
        FollowUp.update(deadline=new_deadline, status=EXTENDED, updated_at=datetime.now()).where(
            FollowUp.id == followup_id).execute()
        audit.record(TABLE, followup_id, "延期", {"办理时限": (followup.deadline, new_deadline),
                                                "办理状态": (followup.status, EXTENDED),
                                                "延期理由": (None, reason.strip())})
    return get_followup(followup_id)


def delete_followup(followup_id: int) -> None:
    """Remove a follow-up entered by mistake, before the 纪要 is final."""
    with database.atomic():
        followup = FollowUp.get_or_none(FollowUp.id == followup_id)
        if followup is None:
            return
        _locked(followup.agenda_item.meeting)
        audit.record(TABLE, followup_id, "删除", {"督办内容": (followup.content, None)})
        followup.delete_instance(recursive=True)
