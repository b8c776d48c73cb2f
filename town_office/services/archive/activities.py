"""What deputies did between two days, gathered from the other modules (presidium meetings,
congress sessions, training, visits and the problems raised on them, inspections, project ratings,
suggestions) plus the archive entries the clerk adds: one query per area, for one deputy's file or
for every deputy of the year's assessment at once (``ids`` None) — never a round of queries per
deputy (issue 22: 700 people's year went from 14 s to well under a second of reading)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from town_office.models import (
    ArchiveEntry,
    Inspection,
    InspectionParticipant,
    Meeting,
    MeetingAttendee,
    Problem,
    ProjectRating,
    Project,
    Reception,
    Term,
    Visit,
    VisitDeputy,
)
from town_office.models.db import iso_date, raw_rows
from town_office.services.archive.types import ENTRY_KINDS, Activity
from town_office.services.meetings.types import PREPARING, meeting_title
from town_office.services.sessions import sessions_by_deputy
from town_office.services.training.stats import attendance_records

TABLE = "archive_entry"
RECORDED_ENTRY = "congress_entry_recorded"  # a hand entry of a session the program records
Ids = Collection[int] | None  # None: every deputy


def _only(query, field, ids: Ids):
    return query if ids is None else query.where(field.in_(list(ids)))


def _add(found: dict[int, list[Activity]], rep_id: int, activity: Activity) -> None:
    found.setdefault(rep_id, []).append(activity)


def _meetings(ids: Ids, start: date, end: date, found) -> None:
    query = (MeetingAttendee.select(MeetingAttendee.representative, MeetingAttendee.role, MeetingAttendee.attendance,
                                    MeetingAttendee.reason, Meeting.id, Meeting.held_on, Meeting.number, Term.name)
             .join(Meeting).join(Term)
             .where((Meeting.status != PREPARING) & Meeting.held_on.between(start, end)))
    for rep_id, role, attendance, reason, meeting_id, held_on, number, term_name in \
            _only(query, MeetingAttendee.representative, ids).tuples():
        role = "列席" if role == "列席" else attendance
        status = f"{role}（{reason}）" if reason else role
        source = {"出席": "meeting_present", "请假": "meeting_excused", "缺席": "meeting_absent",
                  "列席": "meeting_guest"}[role]
        _add(found, rep_id, Activity(2, held_on, "主席团会议", meeting_title("", term_name, number), status, source,
                                     "meeting", meeting_id, origin="主席团会议"))


def _sessions(sessions: dict[int, list[tuple]], found) -> None:
    """Section ②: the congress sessions of the deputy's term, from their attendance."""
    for rep_id, rows in sessions.items():
        for session_id, title, first, _last, attendance, reason in rows:
            status = f"{attendance}（{reason}）" if reason else attendance
            source = {"出席": "congress_session", "请假": "congress_excused", "缺席": "congress_absent"}[attendance]
            _add(found, rep_id, Activity(2, first, "镇人代会", title, status, source, "congress_session", session_id,
                                         origin="人代会"))


def _training(ids: Ids, start: date, end: date, found) -> None:
    few = ids if ids is not None and len(ids) <= 50 else None  # a deputy's file: one or two mandates
    for r in attendance_records(representative_ids=few, start=start, end=end):
        if ids is not None and r.representative_id not in ids:
            continue
        status = f"{r.attendance}，{r.hours:g}学时" if r.attendance == "出席" else \
            (f"请假（{r.reason}）" if r.reason else r.attendance)
        source = {"出席": "training_present", "请假": "training_excused", "缺席": "training_absent"}[r.attendance]
        _add(found, r.representative_id, Activity(
            4, r.held_on, r.kind, f"{r.title}（{r.organiser}）", status, source, "training_session", r.session_id,
            r.hours if r.attendance == "出席" else 0, "代表培训"))


def _visits(ids: Ids, start: date, end: date, found) -> None:
    in_period = Visit.visited_on.between(start, end)
    visits = _only(Visit.select(VisitDeputy.representative, Visit.id, Visit.visited_on, Visit.village, Visit.hamlet,
                                Visit.summary, Visit.form, Visit.households).join(VisitDeputy).where(in_period),
                   VisitDeputy.representative, ids)
    at_stations = {v for (v,) in Reception.select(Reception.visit).join(Visit).where(in_period).tuples()}
    for rep_id, visit_id, visited_on, village, hamlet, summary_text, form, households in raw_rows(visits):
        visited_on = iso_date(visited_on)  # raw rows: a big town's year is 20,000 visits
        place = village + (hamlet or "")
        summary = f"{place}：{summary_text}" if summary_text else place
        if visit_id in at_stations:  # a reception at a liaison station: voters, not households
            _add(found, rep_id, Activity(7, visited_on, "联络站接待", summary, f"接待选民{households}人", "reception",
                                         "visit", visit_id, origin="代表联络站"))
        else:
            _add(found, rep_id, Activity(7, visited_on, form, summary, f"{households}户", "visit", "visit", visit_id,
                                         households, "走访日志"))
    problems = _only(Problem.select(VisitDeputy.representative, Problem.id, Problem.status, Problem.satisfaction,
                                    Problem.category, Problem.content, Visit.visited_on)
                     .join(Visit).join(VisitDeputy).where(in_period), VisitDeputy.representative, ids)
    for rep_id, problem_id, status, satisfaction, category, content, visited_on in raw_rows(problems):
        visited_on = iso_date(visited_on)
        shown = status + (f"（{satisfaction}）" if satisfaction else "")
        _add(found, rep_id, Activity(6, visited_on, f"群众诉求·{category or '其他'}", content, shown,
                                     "problem_raised", "problem", problem_id, origin="问题清单"))


def _suggestions(ids: Ids, start: date, end: date, found) -> None:
    """Section ⑥: the suggestions the deputy led or co-signed, with their answer class and the
    deputy's opinion; section ⑧: a 金点子 of theirs."""
    from town_office.services.suggestions import SuggestionFilter, list_suggestions

    one = next(iter(ids)) if ids is not None and len(ids) == 1 else None
    for year in range(start.year, end.year + 1):
        for s in list_suggestions(SuggestionFilter(year=year, signer_id=one)):
            if not start <= s.submitted_on <= end:
                continue
            for rep_id in (s.lead_id, *s.cosigner_ids):
                if ids is not None and rep_id not in ids:
                    continue
                led = rep_id == s.lead_id
                answer = s.last_answer
                status = s.status + (f"，{answer.class_text}" if answer else "") + \
                    (f"，代表{s.satisfaction}" if s.satisfaction else "")
                source = ("suggestion_key" if s.grade == "重点" else "suggestion") if led else "suggestion_cosigned"
                _add(found, rep_id, Activity(6, s.submitted_on, "领衔提出建议" if led else "附议建议",
                                             f"{s.number} {s.title}", status, source, "suggestion", s.id,
                                             origin="代表建议"))
                if led and s.excellent:
                    _add(found, rep_id, Activity(8, s.submitted_on, "优秀建议（金点子）", f"{s.number} {s.title}",
                                                 s.excellent_reason, "suggestion_excellent", "suggestion", s.id,
                                                 origin="代表建议"))


def _project_ratings(ids: Ids, start: date, end: date, found) -> None:
    """Section ③: the deputy's year-end rating of a livelihood project (民生实事评议)."""
    query = (ProjectRating.select(ProjectRating.representative, Project.id, Project.name, Project.year,
                                  ProjectRating.rating, ProjectRating.rated_on)
             .join(Project).where(ProjectRating.rated_on.between(start, end)))
    for rep_id, pid, name, year, rating, on in _only(query, ProjectRating.representative, ids).tuples():
        _add(found, rep_id, Activity(3, on, "民生实事评议", f"{year}年民生实事项目：{name}", rating, "project_rating",
                                     "project", pid, origin="民生实事"))


def _inspections(ids: Ids, start: date, end: date, found) -> None:
    query = (Inspection.select(InspectionParticipant.representative, Inspection.id, Inspection.starts_on,
                               Inspection.kind, Inspection.title, Inspection.subject, Inspection.stage)
             .join(InspectionParticipant).where(Inspection.starts_on.between(start, end)))
    for rep_id, inspection_id, starts_on, kind, title, subject, stage in \
            _only(query, InspectionParticipant.representative, ids).tuples():
        _add(found, rep_id, Activity(3, starts_on, kind, title + (f"（{subject}）" if subject else ""), stage,
                                     "inspection_joined", "inspection", inspection_id, origin="执法检查"))


def _entries(ids: Ids, start: date, end: date, sessions: dict[int, list[tuple]], found) -> None:
    """The clerk's entries; a hand entry 参加人代会 on a day of a session the program records stays
    readable but is not counted again (its source is ``congress_entry_recorded``, which no scheme
    item counts)."""
    query = (ArchiveEntry.select(ArchiveEntry.representative, ArchiveEntry.id, ArchiveEntry.happened_on,
                                 ArchiveEntry.kind, ArchiveEntry.section, ArchiveEntry.description,
                                 ArchiveEntry.file_name)
             .where(ArchiveEntry.happened_on.between(start, end))
             .order_by(ArchiveEntry.happened_on, ArchiveEntry.id))
    for rep_id, entry_id, happened_on, kind, section, description, file_name in \
            _only(query, ArchiveEntry.representative, ids).tuples():
        source, status = ENTRY_KINDS[kind][1], f"附件：{file_name}" if file_name else ""
        if source == "congress_session" and any(first <= happened_on <= last
                                                for _, _, first, last, _, _ in sessions.get(rep_id, ())):
            source, status = RECORDED_ENTRY, (status + "；" if status else "") + "已按会议出席记录计入"
        _add(found, rep_id, Activity(section, happened_on, kind, description, status, source, TABLE, entry_id,
                                     origin="档案登记"))


def activities_by_deputy(ids: Ids, start: date, end: date) -> dict[int, list[Activity]]:
    """deputy id -> everything that deputy did between ``start`` and ``end`` (unsorted); ``ids``
    None gathers every deputy's at once."""
    ids = None if ids is None else frozenset(ids)
    found: dict[int, list[Activity]] = {}
    sessions = sessions_by_deputy(ids, start, end)
    _meetings(ids, start, end, found)
    _sessions(sessions, found)
    _training(ids, start, end, found)
    _visits(ids, start, end, found)
    _inspections(ids, start, end, found)
    _project_ratings(ids, start, end, found)
    _suggestions(ids, start, end, found)
    _entries(ids, start, end, sessions, found)
    return found


def in_order(found: list[Activity]) -> list[Activity]:
    return sorted(found, key=lambda a: (a.on, a.section, a.record_id))


def activities(representative_ids: int | tuple[int, ...], start: date, end: date) -> list[Activity]:
    """Everything the deputy did between ``start`` and ``end``, oldest first; several ids are the
    mandates of one person (连任), whose records are read together."""
    ids = (representative_ids,) if isinstance(representative_ids, int) else tuple(representative_ids)
    found = activities_by_deputy(ids, start, end)
    return in_order([a for rep_id in ids for a in found.get(rep_id, ())])


class PeriodRecords:
    """Every deputy's records of one period, read in one pass when first asked for (a batch of many
    deputies' files: one pass of ~0.5 s for a town of 700 instead of a round of queries per file)."""

    def __init__(self, start: date, end: date):
        self.start, self.end = start, end
        self._by_deputy: dict[int, list[Activity]] | None = None

    def of(self, representative_ids: tuple[int, ...]) -> list[Activity]:
        """As ``activities(representative_ids, start, end)``."""
        if self._by_deputy is None:
            self._by_deputy = activities_by_deputy(None, self.start, self.end)
        return in_order([a for rep_id in representative_ids for a in self._by_deputy.get(rep_id, ())])
