"""Congress sessions (镇人民代表大会第N次会议): numbering within the term, the header fields, every
deputy's attendance (出席 / 请假 with reason / 缺席) and the 列席, and the quorum tally. The deputies of
a session are the town (镇) deputies of its term serving on its first day. Agenda items, votes and
elections live in ``agenda``; the papers in ``papers``."""

from __future__ import annotations

from datetime import date, datetime

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import (
    CongressSession,
    DeputyGroup,
    Representative,
    SessionAttendee,
    SessionCandidate,
    SessionItem,
    Term,
)
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.common.text_limits import too_long
from town_office.services.sessions.documents import forget_document_file, session_document_paths
from town_office.services.roster.closed_terms import ensure_open_term, is_closed
from town_office.services.roster.mandates import TOWN_LEVEL, serving_at
from town_office.services.roster.units import current_term_id
from town_office.services.sessions.rules import elected_positions, quorum_met, votes_needed
from town_office.services.sessions.types import (
    ATTENDANCE,
    DEPUTY,
    ELECTION,
    EXCUSED,
    OBSERVER,
    PRESENT,
    SESSION_KINDS,
    AttendeeRow,
    CandidateRow,
    DocumentRow,
    SessionDetail,
    SessionInput,
    SessionItemRow,
    SessionRow,
    SessionTally,
    session_title,
)
from town_office.services.settings import get_settings

TABLE = "congress_session"
LABELS = {"kind": "会议类型", "starts_on": "开始日期", "ends_on": "结束日期", "place": "地点",
          "chair": "主持人", "notes": "备注"}


def session_or_404(session_id: int) -> CongressSession:
    session = CongressSession.get_or_none(CongressSession.id == session_id)
    if session is None:
        raise NotFound(f"找不到第{session_id}号人代会会议，可能已被删除。")
    return session


def ensure_session_editable(session: CongressSession) -> None:
    ensure_open_term(session.term_id, "这次人代会会议")


def touch(session: CongressSession) -> None:
    CongressSession.update(updated_at=datetime.now()).where(CongressSession.id == session.id).execute()


def next_number(term_id: int) -> int:
    last = CongressSession.select(fn.MAX(CongressSession.number)).where(
        CongressSession.term == term_id).scalar()
    return (last or 0) + 1


def term_deputies_on(term_id: int, day: date) -> list[Representative]:
    """The town deputies of the term serving on ``day``, by group then pinyin."""
    from town_office.models import RepresentativeLevel

    town = {r for (r,) in RepresentativeLevel.select(RepresentativeLevel.representative)
            .where(RepresentativeLevel.level == TOWN_LEVEL).tuples()}
    groups = dict(DeputyGroup.select(DeputyGroup.id, DeputyGroup.name).tuples())
    found = [r for r in Representative.select().where(Representative.term == term_id)
             if r.id in town and serving_at(r, day)]
    return sorted(found, key=lambda r: (groups.get(r.group_id) or "\uffff", r.name_pinyin))


# --- reading -----------------------------------------------------------------------------------


def _tally(present: int, excused: int, absent: int) -> SessionTally:
    s = get_settings()
    total = present + excused + absent
    return SessionTally(total, present, excused, absent, s.congress_quorum_rule,
                        quorum_met(s.congress_quorum_rule, total, present),
                        votes_needed(s.congress_pass_rule, total, present), s.congress_pass_rule)


def list_sessions(term_id: int | None = None, year: int | None = None) -> list[SessionRow]:
    """Sessions, newest first, with present / total deputies (one query each for sessions, counts)."""
    query = CongressSession.select(CongressSession, Term).join(Term)
    if term_id:
        query = query.where(CongressSession.term == term_id)
    if year:
        query = query.where(CongressSession.starts_on.between(date(year, 1, 1), date(year, 12, 31)))
    counts: dict[int, dict[str, int]] = {}
    for session_id, attendance, n in (SessionAttendee.select(
            SessionAttendee.session, SessionAttendee.attendance, fn.COUNT(SessionAttendee.id))
            .where(SessionAttendee.role == DEPUTY)
            .group_by(SessionAttendee.session, SessionAttendee.attendance).tuples()):
        counts.setdefault(session_id, {})[attendance] = n
    items = dict(SessionItem.select(SessionItem.session, fn.COUNT(SessionItem.id))
                 .group_by(SessionItem.session).tuples())
    town = get_settings().town_name
    rows = []
    for s in query.order_by(CongressSession.starts_on.desc(), CongressSession.id.desc()):
        c = counts.get(s.id, {})
        tally = _tally(c.get(PRESENT, 0), c.get(EXCUSED, 0), c.get("缺席", 0))
        rows.append(SessionRow(s.id, s.term_id, s.term.name, s.number, session_title(town, s.term.name, s.number),
                               s.kind, s.starts_on, s.ends_on, s.place, tally.present, tally.total,
                               tally.quorum_met, items.get(s.id, 0)))
    return rows


def _attendee_row(a: SessionAttendee) -> AttendeeRow:
    return AttendeeRow(a.id, a.representative_id, a.role, a.name, a.unit_post, a.group_name,
                       a.attendance, a.reason)


def item_row(item: SessionItem, tally: SessionTally) -> SessionItemRow:
    from town_office.models import SessionDocument

    documents = tuple(DocumentRow(d.id, d.file_name, d.stored_path, d.size, d.sha256)
                      for d in item.documents.order_by(SessionDocument.id))
    candidates = list(item.candidates.order_by(SessionCandidate.position, SessionCandidate.id))
    if item.kind == ELECTION:
        chosen = elected_positions([c.votes for c in candidates], item.seats, tally.needed_to_pass)
        rows = tuple(CandidateRow(c.id, c.name, c.post, c.representative_id, c.votes, i in chosen)
                     for i, c in enumerate(candidates))
        counted = any(c.votes is not None for c in candidates)
        result = f"当选{len(chosen)}人" if counted else "未计票"
        return SessionItemRow(item.id, item.position, item.kind, item.title, item.reporter, item.decision,
                              None, None, None, item.seats, result, bool(chosen), rows, documents)
    voted = item.votes_for is not None
    passed = voted and item.votes_for >= tally.needed_to_pass
    result = ("通过" if passed else "未通过") if voted else "未表决"
    return SessionItemRow(item.id, item.position, item.kind, item.title, item.reporter, item.decision,
                          item.votes_for, item.votes_against, item.votes_abstain, item.seats, result,
                          passed, (), documents)


def get_session(session_id: int) -> SessionDetail:
    s = session_or_404(session_id)
    attendees = list(s.attendees.order_by(SessionAttendee.position, SessionAttendee.id))
    deputies = tuple(_attendee_row(a) for a in attendees if a.role == DEPUTY)
    observers = tuple(_attendee_row(a) for a in attendees if a.role == OBSERVER)
    tally = _tally(sum(1 for a in deputies if a.attendance == PRESENT),
                   sum(1 for a in deputies if a.attendance == EXCUSED),
                   sum(1 for a in deputies if a.attendance == "缺席"))
    items = tuple(item_row(i, tally) for i in s.items.order_by(SessionItem.position))
    town = get_settings().town_name
    return SessionDetail(s.id, s.term_id, s.term.name, is_closed(s.term), s.number,
                         session_title(town, s.term.name, s.number), s.kind, s.starts_on, s.ends_on,
                         s.place, s.chair, s.notes, town, deputies, observers, items, tally)


# --- writing -----------------------------------------------------------------------------------


def _problems(data: SessionInput) -> list[FieldProblem]:
    problems = []
    if data.kind not in SESSION_KINDS:
        problems.append(FieldProblem("会议类型", f"请从{'、'.join(SESSION_KINDS)}中选择"))
    if data.starts_on is None:
        problems.append(FieldProblem("开始日期", "请填写会议开始日期"))
    if data.ends_on is None:
        problems.append(FieldProblem("结束日期", "请填写会议结束日期（一天的会议与开始日期相同）"))
    elif data.starts_on and data.ends_on < data.starts_on:
        problems.append(FieldProblem("结束日期", "结束日期不能早于开始日期"))
    elif data.starts_on and (data.ends_on - data.starts_on).days > 14:
        problems.append(FieldProblem("结束日期", "一次会议最长15天，请核对日期"))
    problems += [p for p in (too_long(data.place, "place", "地点"), too_long(data.chair, "name", "主持人"),
                             too_long(data.notes, "notes", "备注")) if p]
    return problems


def _values(data: SessionInput) -> dict:
    return {"kind": data.kind, "starts_on": data.starts_on, "ends_on": data.ends_on,
            "place": data.place.strip(), "chair": data.chair.strip(), "notes": data.notes.strip()}


def _list_deputies(session: CongressSession) -> None:
    groups = dict(DeputyGroup.select(DeputyGroup.id, DeputyGroup.name).tuples())
    for position, rep in enumerate(term_deputies_on(session.term_id, session.starts_on), 1):
        SessionAttendee.create(session=session, representative=rep, role=DEPUTY, name=rep.name,
                               unit_post=rep.work_unit_post, group_name=groups.get(rep.group_id, ""),
                               attendance=PRESENT, position=position)


def create_session(data: SessionInput) -> SessionDetail:
    """A new session, numbered next in its term, with every deputy of the term serving on its first
    day listed as 出席 (the clerk marks 请假 and 缺席)."""
    term_id = data.term_id or current_term_id(required=True)
    problems = _problems(data)
    if problems:
        raise ValidationError(problems)
    ensure_open_term(term_id, "新的人代会会议")
    with database.atomic():
        now = datetime.now()
        session = CongressSession.create(term=term_id, number=next_number(term_id), created_at=now,
                                         updated_at=now, **_values(data))
        _list_deputies(session)
        if not session.attendees.count():
            raise ValidationError([FieldProblem("开始日期", "这一天本届没有在任的镇人大代表，请核对届次和日期")])
        audit.record(TABLE, session.id, "新增", audit.diff({}, _values(data), LABELS))
    return get_session(session.id)


def update_session(session_id: int, data: SessionInput) -> SessionDetail:
    problems = _problems(data)
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        session = session_or_404(session_id)
        ensure_session_editable(session)
        before = {k: getattr(session, k) for k in LABELS}
        for key, value in _values(data).items():
            setattr(session, key, value)
        session.updated_at = datetime.now()
        session.save()
        audit.record(TABLE, session_id, "修改", audit.diff(before, _values(data), LABELS))
    return get_session(session_id)


def delete_session(session_id: int) -> None:
    """Remove a session entered by mistake: only while nothing was voted or elected at it."""
    with database.atomic():
        session = session_or_404(session_id)
        ensure_session_editable(session)
        if SessionItem.select().where((SessionItem.session == session_id)
                                      & SessionItem.votes_for.is_null(False)).exists() or \
                SessionCandidate.select().join(SessionItem).where(
                    (SessionItem.session == session_id) & SessionCandidate.votes.is_null(False)).exists():
            raise ValidationError([FieldProblem("议程", "这次会议已有表决或选举结果，不能删除。")])
        stored = session_document_paths(session_id)
        audit.record(TABLE, session_id, "删除", {"会议": (f"{session.term.name}第{session.number}次会议", None)})
        session.delete_instance(recursive=False)
    for path in stored:
        forget_document_file(path)


def set_attendance(session_id: int, changes: list[tuple[int, str, str]]) -> SessionDetail:
    """``changes``: (attendee id, 出席/请假/缺席, reason). A 请假 needs its reason."""
    problems = []
    with database.atomic():
        session = session_or_404(session_id)
        ensure_session_editable(session)
        rows = {a.id: a for a in session.attendees.where(SessionAttendee.role == DEPUTY)}
        for attendee_id, attendance, reason in changes:
            row = rows.get(attendee_id)
            if row is None:
                raise NotFound("名单中找不到这名代表，请刷新后再试。")
            reason = reason.strip()
            if attendance not in ATTENDANCE:
                problems.append(FieldProblem("出席情况", f"{row.name}：请选择出席、请假或缺席"))
            elif attendance == EXCUSED and not reason:
                problems.append(FieldProblem("出席情况", f"{row.name}：请假须写明原因（如：外出务工）"))
            if attendance != EXCUSED:
                reason = ""
            if (row.attendance, row.reason) != (attendance, reason):
                audit.record("session_attendee", row.id, "修改出席",
                             {"出席情况": (row.attendance + (f"（{row.reason}）" if row.reason else ""),
                                       attendance + (f"（{reason}）" if reason else ""))})
                row.attendance, row.reason = attendance, reason
                row.save()
        if problems:
            raise ValidationError(problems)
        touch(session)
    return get_session(session_id)


def add_observer(session_id: int, name: str, unit_post: str = "",
                 representative_id: int | None = None) -> SessionDetail:
    """A 列席 person: typed, or from the roster (name and post filled in)."""
    with database.atomic():
        session = session_or_404(session_id)
        ensure_session_editable(session)
        name, unit_post = name.strip(), unit_post.strip()
        if representative_id:
            rep = Representative.get_or_none(Representative.id == representative_id)
            if rep is None:
                raise NotFound("找不到这名代表，可能已被删除。")
            name, unit_post = rep.name, unit_post or rep.work_unit_post
        if not name:
            raise ValidationError([FieldProblem("姓名", "请填写列席人员姓名")])
        if session.attendees.where(SessionAttendee.name == name).exists():
            raise ValidationError([FieldProblem("姓名", f"{name}已在本次会议的名单中")])
        position = (session.attendees.select(fn.MAX(SessionAttendee.position)).scalar() or 0) + 1
        SessionAttendee.create(session=session, representative=representative_id, role=OBSERVER,
                               name=name, unit_post=unit_post, position=position)
        audit.record(TABLE, session_id, "添加列席", {"列席人员": (None, f"{name}（{unit_post}）")})
        touch(session)
    return get_session(session_id)


def remove_observer(attendee_id: int) -> SessionDetail:
    with database.atomic():
        attendee = SessionAttendee.get_or_none(SessionAttendee.id == attendee_id)
        if attendee is None or attendee.role != OBSERVER:
            raise NotFound("找不到这名列席人员，可能已被移除。")
        ensure_session_editable(attendee.session)
        session_id = attendee.session_id
        audit.record(TABLE, session_id, "移除列席", {"列席人员": (attendee.name, None)})
        attendee.delete_instance()
    return get_session(session_id)


def sessions_by_deputy(representative_ids, start: date, end: date,
                       today: date | None = None) -> dict[int, list[tuple]]:
    """deputy id -> (session id, title, first day, last day, 出席/请假/缺席, reason) of the sessions that
    have begun (a planned session's list is not attendance yet), oldest first: the performance file's
    section ② and the assessment read sessions here, for one deputy or for all (``representative_ids``
    None) in one query."""
    town = get_settings().town_name
    end = min(end, today or date.today())
    query = (SessionAttendee.select(SessionAttendee.representative, CongressSession.id, Term.name,
                                    CongressSession.number, CongressSession.starts_on, CongressSession.ends_on,
                                    SessionAttendee.attendance, SessionAttendee.reason)
             .join(CongressSession).join(Term)
             .where((SessionAttendee.role == DEPUTY) & CongressSession.starts_on.between(start, end))
             .order_by(CongressSession.starts_on))
    if representative_ids is not None:
        query = query.where(SessionAttendee.representative.in_(list(representative_ids)))
    found: dict[int, list[tuple]] = {}
    for rep_id, session_id, term_name, number, first, last, attendance, reason in query.tuples():
        found.setdefault(rep_id, []).append(
            (session_id, session_title(town, term_name, number), first, last, attendance, reason))
    return found