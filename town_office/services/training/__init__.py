"""Training sessions (代表培训): the session fields, who is expected (chosen by a filter or by hand),
attendance 出席 / 请假 (reason) / 缺席, and materials kept in the data folder."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from peewee import JOIN, fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import (
    DeputyGroup,
    Representative,
    RepresentativeLevel,
    TrainingAttendee,
    TrainingMaterial,
    TrainingSession,
)
from town_office.models.db import database
from town_office.services.roster.mandates import earlier_mandate_ids
from town_office.services.common import attachments, audit
from town_office.services.meetings.types import ATTENDANCE, EXCUSED, PRESENT, AttendanceChange
from town_office.services.settings import get_settings
from town_office.services.training.types import (
    ALL_TOWN,
    BY_GROUP,
    COUNTY_DEPUTIES,
    NEW_DEPUTIES,
    ORGANISERS,
    SESSION_LABELS,
    MaterialRow,
    SessionDetail,
    SessionInput,
    SessionRow,
    TrainingAttendeeRow,
)

TABLE = "training_session"


def _session_or_404(session_id: int) -> TrainingSession:
    session = TrainingSession.get_or_none(TrainingSession.id == session_id)
    if session is None:
        raise NotFound(f"找不到第{session_id}号培训，可能已被删除。")
    return session


def list_sessions(year: int | None = None) -> list[SessionRow]:
    """Sessions of a year (all years when None), newest first, with their attendance counts."""
    query = TrainingSession.select()
    if year:
        query = query.where(TrainingSession.held_on.between(date(year, 1, 1), date(year, 12, 31)))
    sessions = list(query.order_by(TrainingSession.held_on.desc(), TrainingSession.id.desc()))
    counts: dict[int, dict[str, int]] = {}
    if sessions:
        for session_id, attendance, n in (
                TrainingAttendee.select(TrainingAttendee.session, TrainingAttendee.attendance,
                                        fn.COUNT(TrainingAttendee.id))
                .where(TrainingAttendee.session.in_([s.id for s in sessions]))
                .group_by(TrainingAttendee.session, TrainingAttendee.attendance).tuples()):
            counts.setdefault(session_id, {})[attendance] = n
    rows = []
    for s in sessions:
        c = counts.get(s.id, {})
        rows.append(SessionRow(s.id, s.title, s.kind, s.organiser, s.held_on, s.hours, s.place,
                               s.lecturer, sum(c.values()), c.get("出席", 0), c.get("请假", 0),
                               c.get("缺席", 0)))
    return rows


def training_years() -> list[int]:
    years = {d.year for (d,) in TrainingSession.select(TrainingSession.held_on).tuples()}
    years.add(date.today().year)
    return sorted(years, reverse=True)


def get_session(session_id: int) -> SessionDetail:
    s = _session_or_404(session_id)
    groups = dict(DeputyGroup.select(DeputyGroup.id, DeputyGroup.name).tuples())
    query = (TrainingAttendee.select(TrainingAttendee, Representative).join(Representative)
             .where(TrainingAttendee.session == session_id)
             .order_by(TrainingAttendee.position, TrainingAttendee.id))
    attendees = tuple(TrainingAttendeeRow(
        a.id, a.representative.id, a.representative.name,
        groups.get(a.representative.group_id, ""), a.representative.work_unit_post, a.attendance,
        a.reason) for a in query)
    materials = tuple(MaterialRow(m.id, m.file_name, m.stored_path, m.size)
                      for m in s.materials.order_by(TrainingMaterial.id))
    return SessionDetail(s.id, get_settings().town_name, s.title, s.kind, s.organiser, s.held_on,
                         s.hours, s.place, s.lecturer, s.lecturer_post, s.topics, attendees,
                         materials)


def _problems(data: SessionInput) -> list[FieldProblem]:
    problems = []
    if not data.title.strip():
        problems.append(FieldProblem("培训名称", "请填写培训名称"))
    if data.kind not in get_settings().training_kinds:
        problems.append(FieldProblem("培训类型", "请从列表中选择培训类型（类型可在“设置”中增减）"))
    if data.organiser not in ORGANISERS:
        problems.append(FieldProblem("组织单位", f"请选择：{'、'.join(ORGANISERS)}"))
    if data.held_on is None:
        problems.append(FieldProblem("培训日期", "请填写培训日期"))
    if data.hours is None or data.hours <= 0 or data.hours > 100 or (data.hours * 2) % 1:
        problems.append(FieldProblem("学时", "学时应大于0，可以是半学时（如 1.5），不超过100"))
    return problems


def _values(data: SessionInput) -> dict:
    return dict(title=data.title.strip(), kind=data.kind, organiser=data.organiser,
                held_on=data.held_on, hours=float(data.hours), place=data.place.strip(),
                lecturer=data.lecturer.strip(), lecturer_post=data.lecturer_post.strip(),
                topics=data.topics.strip())


def create_session(data: SessionInput, representative_ids: list[int] = ()) -> SessionDetail:
    """A new session with its expected attendees (all 出席 until marked otherwise)."""
    problems = _problems(data)
    if problems:
        raise ValidationError(problems)
    now = datetime.now()
    with database.atomic():
        session = TrainingSession.create(created_at=now, updated_at=now, **_values(data))
        audit.record(TABLE, session.id, "新增", audit.diff({}, _values(data), SESSION_LABELS))
        _add_expected(session, list(representative_ids))
    return get_session(session.id)


def update_session(session_id: int, data: SessionInput) -> SessionDetail:
    problems = _problems(data)
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        session = _session_or_404(session_id)
        before = {k: getattr(session, k) for k in SESSION_LABELS}
        TrainingSession.update(updated_at=datetime.now(), **_values(data)).where(
            TrainingSession.id == session_id).execute()
        audit.record(TABLE, session_id, "修改", audit.diff(before, _values(data), SESSION_LABELS))
    return get_session(session_id)


def delete_session(session_id: int) -> None:
    """Remove a session entered by mistake, with its attendance and materials."""
    with database.atomic():
        session = _session_or_404(session_id)
        paths = [m.stored_path for m in session.materials]
        audit.record(TABLE, session_id, "删除", {"培训名称": (session.title, None)})
        session.delete_instance(recursive=True)
    for path in paths:
        attachments.remove_file(path)


# --- who is expected ---------------------------------------------------------------------------


def _serving_on(day: date):
    """Serving that day; the day of ending (终止日期, e.g. the term's last day) is still served."""
    return ((Representative.status == "在任") | (Representative.ended_on >= day)) & (
        Representative.elected_on.is_null() | (Representative.elected_on <= day))


def _with_level(level: str):
    return Representative.id.in_(RepresentativeLevel.select(RepresentativeLevel.representative)
                                 .where(RepresentativeLevel.level == level))


def new_deputy_ids(term_id: int) -> set[int]:
    """Deputies of the term who were not deputies of an earlier term (the 连任 rule of
    ``roster.mandates``): they need an 初任培训."""
    earlier = earlier_mandate_ids(term_id)
    return {r for (r,) in Representative.select(Representative.id).where(Representative.term == term_id)
            .tuples() if r not in earlier}


def choose_expected(chooser: str, on: date, term_id: int, group_id: int | None = None) -> list[int]:
    """Deputies serving on ``on`` that a chooser selects, ordered by group then name."""
    query = Representative.select(Representative.id).where(
        (Representative.term == term_id) & _serving_on(on))
    if chooser == ALL_TOWN:
        query = query.where(_with_level("镇"))
    elif chooser == BY_GROUP:
        query = query.where(_with_level("镇") & (Representative.group == group_id))
    elif chooser == NEW_DEPUTIES:
        query = query.where(_with_level("镇") & Representative.id.in_(list(new_deputy_ids(term_id))))
    elif chooser == COUNTY_DEPUTIES:
        query = query.where(_with_level("县"))
    else:
        raise ValueError(chooser)
    query = query.join(DeputyGroup, JOIN.LEFT_OUTER, on=(Representative.group == DeputyGroup.id))
    return [i for (i,) in query.order_by(DeputyGroup.name, Representative.name_pinyin).tuples()]


def _add_expected(session: TrainingSession, representative_ids: list[int]) -> list[str]:
    present = {a.representative_id for a in session.attendees}
    position = (TrainingAttendee.select(fn.MAX(TrainingAttendee.position))
                .where(TrainingAttendee.session == session.id).scalar() or 0)
    added = []
    for rep_id in representative_ids:
        if rep_id in present:
            continue
        rep = Representative.get_or_none(Representative.id == rep_id)
        if rep is None:
            raise NotFound("选中的代表已不在名册中，请重新选择。")
        position += 1
        TrainingAttendee.create(session=session, representative=rep, attendance=PRESENT,
                                position=position)
        present.add(rep_id)
        added.append(rep.name)
    return added


def add_expected(session_id: int, representative_ids: list[int]) -> SessionDetail:
    """Add deputies to the expected list (those already on it are skipped)."""
    with database.atomic():
        session = _session_or_404(session_id)
        added = _add_expected(session, representative_ids)
        if added:
            audit.record(TABLE, session_id, "添加应参加人员", {"人员": (None, added)})
    return get_session(session_id)


def remove_expected(session_id: int, attendee_ids: list[int]) -> SessionDetail:
    with database.atomic():
        session = _session_or_404(session_id)
        rows = list(TrainingAttendee.select().join(Representative).where(
            (TrainingAttendee.session == session.id) & TrainingAttendee.id.in_(attendee_ids)))
        if rows:
            audit.record(TABLE, session_id, "移除应参加人员",
                         {"人员": ([r.representative.name for r in rows], None)})
            TrainingAttendee.delete().where(TrainingAttendee.id.in_([r.id for r in rows])).execute()
    return get_session(session_id)


def save_session(session_id: int | None, data: SessionInput,
                 attendance: list[tuple[int, str, str]]) -> SessionDetail:
    """Save a session as the dialog shows it, in one transaction: the fields, exactly these expected
    deputies (added, kept or removed) and their attendance.

    Args:
        attendance: ``(representative_id, 出席/请假/缺席, reason)`` in list order.
    """
    wanted = [rep_id for rep_id, _, _ in attendance]
    with database.atomic():
        if session_id is None:
            detail = create_session(data, wanted)
        else:
            detail = update_session(session_id, data)
            gone = [a.id for a in detail.attendees if a.representative_id not in wanted]
            if gone:
                remove_expected(detail.id, gone)
            detail = add_expected(detail.id, wanted)
        ids = {a.representative_id: a.id for a in detail.attendees}
        for position, rep_id in enumerate(wanted, start=1):
            TrainingAttendee.update(position=position).where(TrainingAttendee.id == ids[rep_id]).execute()
        return set_attendance(detail.id, [AttendanceChange(ids[rep_id], status, reason)
                                          for rep_id, status, reason in attendance])


def set_attendance(session_id: int, changes: list[AttendanceChange]) -> SessionDetail:
    """Record 出席 / 请假 / 缺席 for the expected deputies; all-or-nothing, 请假 needs a reason."""
    with database.atomic():
        _session_or_404(session_id)
        rows = {a.id: a for a in TrainingAttendee.select(TrainingAttendee, Representative)
                .join(Representative).where(TrainingAttendee.session == session_id)}
        problems, diffs = [], {}
        for change in changes:
            row = rows.get(change.attendee_id)
            if row is None:
                raise NotFound("应参加人员名单已变化，请关闭后重新打开这次培训。")
            reason = change.reason.strip() if change.attendance == EXCUSED else ""
            if change.attendance not in ATTENDANCE:
                problems.append(FieldProblem(row.representative.name, "请选择出席、请假或缺席"))
            elif change.attendance == EXCUSED and not reason:
                problems.append(FieldProblem(row.representative.name, "请假须写明原因"))
            if (row.attendance, row.reason) != (change.attendance, reason):
                diffs[row.representative.name] = (row.attendance, change.attendance)
                TrainingAttendee.update(attendance=change.attendance, reason=reason).where(
                    TrainingAttendee.id == row.id).execute()
        if problems:
            raise ValidationError(problems)
        if diffs:
            audit.record(TABLE, session_id, "出席情况", diffs)
    return get_session(session_id)


# --- materials ---------------------------------------------------------------------------------


def add_material(session_id: int, source: Path) -> SessionDetail:
    """Copy a file into ``attachments/training/<session>/`` and attach it."""
    _session_or_404(session_id)
    with attachments.stored(Path(source), "training", str(session_id)) as kept, database.atomic():
        TrainingMaterial.create(session=session_id, file_name=Path(source).name,
                                stored_path=kept.stored_path, size=kept.size,
                                sha256=kept.sha256, added_at=datetime.now())
        audit.record(TABLE, session_id, "添加材料", {"培训材料": (None, Path(source).name)})
    return get_session(session_id)


def remove_material(material_id: int) -> SessionDetail:
    with database.atomic():
        material = TrainingMaterial.get_or_none(TrainingMaterial.id == material_id)
        if material is None:
            raise NotFound("找不到这份材料，可能已被移除。")
        session_id, path = material.session_id, material.stored_path
        audit.record(TABLE, session_id, "移除材料", {"培训材料": (material.file_name, None)})
        material.delete_instance()
    attachments.remove_file(path)
    return get_session(session_id)
