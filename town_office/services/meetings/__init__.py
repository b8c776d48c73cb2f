"""Presidium meetings: numbering within the term, the header fields, the meetings list and its quarters,
and the lifecycle 筹备 → 已召开 → 纪要定稿 (locked; reopening needs a reason the history keeps).

Attendance lives in ``attendance``, agenda items in ``agenda``, follow-ups in
``followups``; they share the lookups and the lock check defined here.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import (
    AgendaItem,
    AgendaMaterial,
    FiledMinutes,
    FollowUp,
    Meeting,
    MeetingAttendee,
    Representative,
    Term,
)
from town_office.models.db import database
from town_office.services.common import attachments, audit
from town_office.services.meetings import followups
from town_office.services.meetings import materials as material_files
from town_office.services.meetings.rules import add_months, tally_from
from town_office.services.meetings.types import (
    FINALISED,
    HELD,
    KINDS,
    MEETING_LABELS,
    MEMBER,
    OBSERVER,
    PREPARING,
    PRESENT,
    REVIEW_ITEM_TITLE,
    AgendaItemRow,
    AttendeeRow,
    FiledMinutesRow,
    MaterialRow,
    MeetingDetail,
    MeetingInput,
    MeetingRow,
    QuarterStatus,
    Tally,
    meeting_title,
)
from town_office.services.common.reasons import require_reason
from town_office.services.roster.closed_terms import ensure_open_term
from town_office.services.roster.units import current_term_id
from town_office.services.settings import get_settings, minutes_copy_to

TABLE = "meeting"
PRESIDIUM_ORDER = {"主席": 0, "副主席": 1, "成员": 2}
_TIME_FORMAT = "%H:%M"


def meeting_or_404(meeting_id: int) -> Meeting:
    meeting = Meeting.get_or_none(Meeting.id == meeting_id)
    if meeting is None:
        raise NotFound(f"找不到第{meeting_id}号会议，可能已被删除。")
    return meeting


def ensure_editable(meeting: Meeting) -> None:
    """Refuse any change to a meeting whose 纪要 is finalised."""
    if meeting.status == FINALISED:
        raise ValidationError([FieldProblem(
            "状态", "会议纪要已定稿，内容已锁定。如需修改，请先“重新打开”并写明原因。")])
    ensure_open_term(meeting.term_id, "这次主席团会议")


def touch(meeting: Meeting) -> None:
    Meeting.update(updated_at=datetime.now()).where(Meeting.id == meeting.id).execute()


# --- reading -----------------------------------------------------------------------------------


def next_number(term_id: int) -> int:
    """The number the next meeting of the term gets: one more than the highest so far."""
    highest = Meeting.select(fn.MAX(Meeting.number)).where(Meeting.term == term_id).scalar()
    return (highest or 0) + 1


def tally_of(attendees, quorum_rule: str) -> Tally:
    return tally_from([a.attendance for a in attendees if a.role == MEMBER], quorum_rule)


def list_meetings(term_id: int | None = None, year: int | None = None) -> list[MeetingRow]:
    """Meetings of a term (all terms when None) and year (all years when None), newest first."""
    settings = get_settings()
    query = Meeting.select(Meeting, Term).join(Term)
    if term_id:
        query = query.where(Meeting.term == term_id)
    if year:
        query = query.where(Meeting.held_on.between(date(year, 1, 1), date(year, 12, 31)))
    meetings = list(query.order_by(Meeting.held_on.desc(), Meeting.number.desc()))
    ids = [m.id for m in meetings]
    expected, present, items, open_followups = {}, {}, {}, {}
    if ids:
        for meeting_id, attendance, n in (MeetingAttendee
                                          .select(MeetingAttendee.meeting, MeetingAttendee.attendance,
                                                  fn.COUNT(MeetingAttendee.id))
                                          .where(MeetingAttendee.meeting.in_(ids)
                                                 & (MeetingAttendee.role == MEMBER))
                                          .group_by(MeetingAttendee.meeting, MeetingAttendee.attendance)
                                          .tuples()):
            expected[meeting_id] = expected.get(meeting_id, 0) + n
            if attendance == PRESENT:
                present[meeting_id] = n
        items = dict(AgendaItem.select(AgendaItem.meeting, fn.COUNT(AgendaItem.id))
                     .where(AgendaItem.meeting.in_(ids)).group_by(AgendaItem.meeting).tuples())
        open_followups = followups.open_counts_by_meeting(ids)
    return [MeetingRow(m.id, m.term.id, m.term.name, m.number,
                       meeting_title(settings.town_name, m.term.name, m.number), m.kind, m.held_on,
                       m.starts_at, m.place, m.status, expected.get(m.id, 0), present.get(m.id, 0),
                       items.get(m.id, 0), open_followups.get(m.id, 0))
            for m in meetings]


def meeting_years() -> list[int]:
    """Years that have meetings, newest first, always including this year."""
    years = {d.year for (d,) in Meeting.select(Meeting.held_on).tuples()}
    years.add(date.today().year)
    return sorted(years, reverse=True)


def quarters(year: int, term_id: int | None = None, today: date | None = None) -> list[QuarterStatus]:
    """For each quarter of ``year``: meetings held (已召开 or 纪要定稿), meetings planned, and whether
    the quarter is over — the page warns about quarters over or current with nothing held."""
    today = today or date.today()
    rows = list_meetings(term_id, year)
    result = []
    for quarter in range(1, 5):
        in_quarter = [r for r in rows if r.quarter == quarter]
        last_day = add_months(date(year, quarter * 3 - 2, 1), 3) - timedelta(days=1)
        result.append(QuarterStatus(
            quarter, sum(1 for r in in_quarter if r.status in (HELD, FINALISED)),
            sum(1 for r in in_quarter if r.status == PREPARING), last_day < today))
    return result


def _attendee_row(a: MeetingAttendee) -> AttendeeRow:
    return AttendeeRow(a.id, a.role, a.representative_id, a.name, a.unit_post, a.presidium_role,
                       a.attendance, a.reason)


def get_meeting(meeting_id: int) -> MeetingDetail:
    """The whole meeting: header, members, 列席, agenda with materials and follow-ups, the tally."""
    meeting = meeting_or_404(meeting_id)
    settings = get_settings()
    attendees = list(meeting.attendees.order_by(MeetingAttendee.position, MeetingAttendee.id))
    members = tuple(_attendee_row(a) for a in attendees if a.role == MEMBER)
    observers = tuple(_attendee_row(a) for a in attendees if a.role == OBSERVER)
    by_item = followups.rows_by_agenda_item(meeting.id)
    items = []
    for item in meeting.agenda_items.order_by(AgendaItem.position, AgendaItem.id):
        materials = tuple(MaterialRow(m.id, m.file_name, m.stored_path, m.size, m.sha256)
                          for m in item.materials.order_by(AgendaMaterial.id))
        items.append(AgendaItemRow(
            item.id, item.position, item.title, item.reporter, item.discussion, item.decision,
            item.voted, item.votes_for, item.votes_against, item.votes_abstain, item.vote_result,
            item.reviews_followups, materials, tuple(by_item.get(item.id, ()))))
    filed = tuple(FiledMinutesRow(f.id, f.stored_path, f.sha256, f.size, f.filed_at,
                                  f.withdrawn_at, f.withdraw_reason)
                  for f in meeting.filed_minutes.order_by(FiledMinutes.id))
    reviewed = ()
    if any(i.reviews_followups for i in items):
        reviewed = tuple(followups.followups_reviewed_at(meeting))
    return MeetingDetail(
        meeting.id, meeting.term.id, meeting.term.name, settings.town_name, meeting.number,
        meeting_title(settings.town_name, meeting.term.name, meeting.number), meeting.kind,
        meeting.held_on, meeting.starts_at, meeting.ends_at, meeting.place, meeting.chair,
        meeting.recorder, meeting.summary, meeting.status, meeting.minutes_issue,
        meeting.minutes_date, members, observers, tuple(items),
        tally_of(attendees, settings.presidium_quorum_rule), settings.presidium_pass_rule,
        reviewed, filed, minutes_copy_to(settings))


# --- writing -----------------------------------------------------------------------------------


def _check_time(value: str, label: str, problems: list[FieldProblem], required: bool) -> None:
    if not value and not required:
        return
    try:
        datetime.strptime(value, _TIME_FORMAT)
    except ValueError:
        problems.append(FieldProblem(label, "请按“时:分”填写，例如 09:00 或 14:30"))


def _header_problems(data: MeetingInput, term_id: int, meeting_id: int | None) -> list[FieldProblem]:
    problems = []
    if data.kind not in KINDS:
        problems.append(FieldProblem("会议类型", "请选择“例会”或“临时会议”"))
    if data.held_on is None:
        problems.append(FieldProblem("会议日期", "请填写会议日期"))
    _check_time(data.starts_at, "开始时间", problems, True)
    _check_time(data.ends_at, "结束时间", problems, False)
    if not problems and data.ends_at and data.ends_at <= data.starts_at:
        problems.append(FieldProblem("结束时间", "结束时间应晚于开始时间"))
    if not data.place.strip():
        problems.append(FieldProblem("会议地点", "请填写会议地点"))
    if data.number is not None:
        if data.number < 1:
            problems.append(FieldProblem("会次", "会次应为正整数"))
        else:
            clash = Meeting.get_or_none((Meeting.term == term_id) & (Meeting.number == data.number)
                                        & (Meeting.id != (meeting_id or 0)))
            if clash:
                problems.append(FieldProblem(
                    "会次", f"本届已有第{data.number}次会议（{clash.held_on}），请改用其他会次"))
    if data.minutes_issue is not None and data.minutes_issue < 1:
        problems.append(FieldProblem("纪要期号", "期号应为正整数"))
    return problems


def _header_values(data: MeetingInput) -> dict:
    return dict(kind=data.kind, held_on=data.held_on, starts_at=data.starts_at,
                ends_at=data.ends_at, place=data.place.strip(), chair=data.chair.strip(),
                recorder=data.recorder.strip(), summary=data.summary.strip(),
                minutes_issue=data.minutes_issue, minutes_date=data.minutes_date)


def presidium_members(term_id: int) -> list[Representative]:
    """Serving presidium members of the term: 主席, 副主席, then 成员, by name."""
    members = list(Representative.select().where(
        (Representative.term == term_id) & (Representative.presidium_role != "")
        & (Representative.status == "在任")))
    return sorted(members, key=lambda r: (PRESIDIUM_ORDER.get(r.presidium_role, 9), r.name_pinyin))


def create_meeting(data: MeetingInput, review_open_followups: bool = True) -> MeetingDetail:
    """A new meeting in 筹备, with every serving presidium member listed as 出席.

    Args:
        review_open_followups: put the open follow-ups of earlier meetings on the agenda as its
            first item (上次会议议定事项落实情况), when there are any.

    Raises:
        ValidationError: a field is wrong or the number is taken.
    """
    term_id = data.term_id or current_term_id(required=True)
    ensure_open_term(term_id, "新的主席团会议")
    problems = _header_problems(data, term_id, None)
    if problems:
        raise ValidationError(problems)
    now = datetime.now()
    with database.atomic():
        number = data.number or next_number(term_id)
        values = _header_values(data)
        if values["minutes_issue"] is None:
            values["minutes_issue"] = number
        meeting = Meeting.create(term=term_id, number=number, status=PREPARING, created_at=now,
                                 updated_at=now, **values)
        for position, rep in enumerate(presidium_members(term_id)):
            MeetingAttendee.create(meeting=meeting, representative=rep, role=MEMBER, name=rep.name,
                                   unit_post=rep.work_unit_post, presidium_role=rep.presidium_role,
                                   attendance=PRESENT, position=position)
        if review_open_followups and followups.open_followups_before(meeting):
            AgendaItem.create(meeting=meeting, position=0, title=REVIEW_ITEM_TITLE,
                              reviews_followups=True)
        audit.record(TABLE, meeting.id, "新建", audit.diff({}, dict(values, number=number),
                                                           MEETING_LABELS))
    return get_meeting(meeting.id)


def update_meeting(meeting_id: int, data: MeetingInput) -> MeetingDetail:
    """Save the header fields (number included); refused once the 纪要 is finalised."""
    with database.atomic():
        meeting = meeting_or_404(meeting_id)
        ensure_editable(meeting)
        problems = _header_problems(data, meeting.term_id, meeting_id)
        if problems:
            raise ValidationError(problems)
        before = {k: getattr(meeting, k) for k in MEETING_LABELS}
        after = dict(_header_values(data), number=data.number or meeting.number)
        Meeting.update(updated_at=datetime.now(), **after).where(Meeting.id == meeting_id).execute()
        audit.record(TABLE, meeting_id, "修改", audit.diff(before, after, MEETING_LABELS))
    return get_meeting(meeting_id)


def delete_meeting(meeting_id: int) -> None:
    """Remove a meeting entered by mistake: only while 筹备 and with no follow-ups."""
    with database.atomic():
        meeting = meeting_or_404(meeting_id)
        if meeting.status != PREPARING:
            raise ValidationError([FieldProblem("状态", "已召开的会议不能删除，只能修改或重新打开。")])
        if FollowUp.select().join(AgendaItem).where(AgendaItem.meeting == meeting_id).exists():
            raise ValidationError([FieldProblem("督办事项", "这次会议已有督办事项，不能删除。")])
        stored = material_files.material_paths(meeting_id)
        audit.record(TABLE, meeting_id, "删除", {"会议": (meeting_title("", meeting.term.name,
                                                                       meeting.number), None)})
        meeting.delete_instance(recursive=False)
    for path in stored:
        material_files.forget_material_file(path)


def mark_held(meeting_id: int) -> MeetingDetail:
    """筹备 → 已召开."""
    with database.atomic():
        meeting = meeting_or_404(meeting_id)
        if meeting.status != PREPARING:
            raise ValidationError([FieldProblem("状态", f"会议当前为“{meeting.status}”，不能再标记为已召开。")])
        if meeting.held_on > date.today():
            raise ValidationError([FieldProblem("会议日期", "会议日期还没到，不能标记为已召开。")])
        Meeting.update(status=HELD, updated_at=datetime.now()).where(Meeting.id == meeting_id).execute()
        audit.record(TABLE, meeting_id, "标记已召开", {"状态": (PREPARING, HELD)})
    return get_meeting(meeting_id)


def finalise_minutes(meeting_id: int, render_minutes) -> MeetingDetail:
    """已召开 → 纪要定稿: print the 纪要, keep the PDF in the data folder with its SHA-256, lock.

    Args:
        render_minutes: ``render(detail, out_path)``, the 纪要 renderer (passed in so that the
            filed file is exactly what the clerk previews).
    """
    meeting = meeting_or_404(meeting_id)
    if meeting.status != HELD:
        raise ValidationError([FieldProblem("状态", "只有“已召开”的会议才能定稿纪要。")])
    detail = get_meeting(meeting_id)
    if not detail.tally.quorum_met:
        raise ValidationError([FieldProblem("出席情况", f"出席人数未达到法定人数（{detail.tally.text}），"
                                                     "会议不能形成议定事项，纪要不能定稿。请先核对出席情况。")])
    if not detail.minutes_date:
        detail = _with_minutes_date(meeting_id)
    folder = attachments.attachments_root() / "meetings" / str(meeting_id)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d%H%M%S")
    draft = folder / f"纪要_第{detail.minutes_issue or detail.number}期_{stamp}.pdf"
    render_minutes(detail, draft)
    stored = attachments.StoredFile(Path(draft).relative_to(attachments.attachments_root()).as_posix(),
                                    draft.stat().st_size, attachments.sha256_of(draft))
    try:
        with database.atomic():
            FiledMinutes.create(meeting=meeting_id, stored_path=stored.stored_path,
                                sha256=stored.sha256, size=stored.size, filed_at=datetime.now())
            Meeting.update(status=FINALISED, updated_at=datetime.now()).where(
                Meeting.id == meeting_id).execute()
            audit.record(TABLE, meeting_id, "纪要定稿", {"状态": (HELD, FINALISED),
                                                       "纪要SHA-256": (None, stored.sha256)})
    except Exception:
        draft.unlink(missing_ok=True)
        raise
    return get_meeting(meeting_id)


def _with_minutes_date(meeting_id: int) -> MeetingDetail:
    meeting = meeting_or_404(meeting_id)
    Meeting.update(minutes_date=meeting.held_on).where(Meeting.id == meeting_id).execute()
    return get_meeting(meeting_id)


def reopen(meeting_id: int, reason: str) -> MeetingDetail:
    """纪要定稿 → 已召开, with a written reason kept in the history; the filed PDF stays on disk,
    marked withdrawn, so the paper filed earlier can still be proven."""
    reason = require_reason(reason, example="出席名单有误，需更正")
    with database.atomic():
        meeting = meeting_or_404(meeting_id)
        if meeting.status != FINALISED:
            raise ValidationError([FieldProblem("状态", "只有纪要已定稿的会议需要重新打开。")])
        now = datetime.now()
        FiledMinutes.update(withdrawn_at=now, withdraw_reason=reason).where(
            (FiledMinutes.meeting == meeting_id) & FiledMinutes.withdrawn_at.is_null()).execute()
        Meeting.update(status=HELD, updated_at=now).where(Meeting.id == meeting_id).execute()
        audit.record(TABLE, meeting_id, "重新打开", {"状态": (FINALISED, HELD), "原因": (None, reason)})
    return get_meeting(meeting_id)


def verify_filed_minutes(meeting_id: int, candidate: Path) -> FiledMinutesRow | None:
    """The filed 纪要 whose SHA-256 equals ``candidate``'s, or None: proves a paper is the one filed."""
    digest = attachments.sha256_of(Path(candidate))
    return next((f for f in get_meeting(meeting_id).filed_minutes if f.sha256 == digest), None)
