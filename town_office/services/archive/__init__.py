"""一人一档: a deputy's activities gathered from the other modules (presidium meetings, training,
visits and the problems raised on them, inspections) plus the archive entries the clerk adds for what
no module records. :func:`activities` is the one query; the annual assessment scores the same lines.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import (
    ArchiveEntry,
    Inspection,
    InspectionParticipant,
    Meeting,
    MeetingAttendee,
    Problem,
    Reception,
    Term,
    Visit,
    VisitDeputy,
)
from town_office.models.db import database
from town_office.services.common import attachments, audit
from town_office.services.archive.types import (
    ENTRY_KINDS,
    SECTION_TITLES,
    Activity,
    ArchiveEntryInput,
    ArchiveEntryRow,
    ArchiveSection,
    DeputyArchive,
)
from town_office.services.meetings.types import PREPARING, meeting_title
from town_office.services.roster import get_representative
from town_office.services.roster.mandates import person_of
from town_office.services.sessions import deputy_sessions
from town_office.services.settings import get_settings
from town_office.services.training.stats import attendance_records

TABLE = "archive_entry"
RECORDED_ENTRY = "congress_entry_recorded"  # a hand entry of a session the program records
FIELD_LABELS = {"happened_on": "日期", "kind": "类别", "section": "档案栏目", "description": "内容",
                "file_name": "附件"}


# --- archive entries -----------------------------------------------------------------------------


def _entry_row(e: ArchiveEntry) -> ArchiveEntryRow:
    return ArchiveEntryRow(e.id, e.representative_id, e.happened_on, e.kind, e.section, e.description,
                           e.file_name, e.stored_path)


def list_entries(representative_id: int, start: date | None = None,
                 end: date | None = None) -> list[ArchiveEntryRow]:
    query = ArchiveEntry.select().where(ArchiveEntry.representative == representative_id)
    if start:
        query = query.where(ArchiveEntry.happened_on >= start)
    if end:
        query = query.where(ArchiveEntry.happened_on <= end)
    return [_entry_row(e) for e in query.order_by(ArchiveEntry.happened_on, ArchiveEntry.id)]


def _problems(data: ArchiveEntryInput) -> list[FieldProblem]:
    problems = []
    if data.happened_on is None:
        problems.append(FieldProblem("日期", "请填写日期"))
    elif data.happened_on > date.today():
        problems.append(FieldProblem("日期", "不能晚于今天"))
    if data.kind not in ENTRY_KINDS:
        problems.append(FieldProblem("类别", f"请从{'、'.join(ENTRY_KINDS)}中选择"))
    if data.section not in range(2, 9):
        problems.append(FieldProblem("档案栏目", "请选择②至⑧中的一栏"))
    if not data.description.strip():
        problems.append(FieldProblem("内容", "请写明做了什么（如：参加第三代表小组视察农村公路建设）"))
    if data.attachment is not None and not Path(data.attachment).is_file():
        problems.append(FieldProblem("附件", f"找不到文件 {data.attachment}"))
    return problems


def save_entry(entry_id: int | None, representative_id: int, data: ArchiveEntryInput) -> ArchiveEntryRow:
    """Add (``entry_id`` None) or change an archive entry, with its attachment, in one transaction."""
    problems = _problems(data)
    if problems:
        raise ValidationError(problems)
    get_representative(representative_id)
    now = datetime.now()
    with database.atomic():
        if entry_id is None:
            entry = ArchiveEntry(representative=representative_id, created_at=now)
            before = {}
        else:
            entry = ArchiveEntry.get_or_none(ArchiveEntry.id == entry_id)
            if entry is None:
                raise NotFound(f"档案记录 {entry_id} 不存在")
            before = {k: getattr(entry, k) for k in FIELD_LABELS}
        old_file = entry.stored_path
        entry.happened_on, entry.kind, entry.section = data.happened_on, data.kind, data.section
        entry.description, entry.updated_at = data.description.strip(), now
        if data.attachment is not None:
            stored = attachments.store_file(Path(data.attachment), "archive", str(representative_id))
            entry.file_name, entry.stored_path = Path(data.attachment).name, stored.stored_path
        elif data.remove_attachment:
            entry.file_name, entry.stored_path = "", ""
        entry.save()
        after = {k: getattr(entry, k) for k in FIELD_LABELS}
        audit.record(TABLE, entry.id, "新增" if entry_id is None else "修改",
                     audit.diff(before, after, FIELD_LABELS))
    if old_file and old_file != entry.stored_path:
        attachments.remove_file(old_file)
    return _entry_row(entry)


def delete_entry(entry_id: int) -> None:
    entry = ArchiveEntry.get_or_none(ArchiveEntry.id == entry_id)
    if entry is None:
        raise NotFound(f"档案记录 {entry_id} 不存在")
    with database.atomic():
        audit.record(TABLE, entry_id, "删除", audit.diff({k: getattr(entry, k) for k in FIELD_LABELS}, {},
                                                        FIELD_LABELS))
        entry.delete_instance()
    if entry.stored_path:
        attachments.remove_file(entry.stored_path)


# --- the activities of a deputy ------------------------------------------------------------------


def _meetings(rep_id: int, start: date, end: date) -> list[Activity]:
    query = (MeetingAttendee.select(MeetingAttendee, Meeting, Term).join(Meeting).join(Term)
             .where((MeetingAttendee.representative == rep_id) & (Meeting.status != PREPARING)
                    & Meeting.held_on.between(start, end)))
    rows = []
    for a in query:
        meeting = a.meeting
        title = meeting_title("", meeting.term.name, meeting.number)
        role = "列席" if a.role == "列席" else a.attendance
        status = f"{role}（{a.reason}）" if a.reason else role
        source = {"出席": "meeting_present", "请假": "meeting_excused", "缺席": "meeting_absent",
                  "列席": "meeting_guest"}[role]
        rows.append(Activity(2, meeting.held_on, "主席团会议", title, status, source, "meeting", meeting.id,
                             origin="主席团会议"))
    return rows


def _sessions(rep_id: int, start: date, end: date) -> list[Activity]:
    """Section ②: the congress sessions of the deputy's term, from their attendance."""
    rows = []
    for session_id, title, first, last, attendance, reason in deputy_sessions((rep_id,), start, end):
        status = f"{attendance}（{reason}）" if reason else attendance
        source = {"出席": "congress_session", "请假": "congress_excused", "缺席": "congress_absent"}[attendance]
        rows.append(Activity(2, first, "镇人代会", title, status, source, "congress_session", session_id,
                             origin="人代会"))
    return rows


def _training(rep_id: int, start: date, end: date) -> list[Activity]:
    rows = []
    for r in attendance_records(representative_id=rep_id, start=start, end=end):
        status = f"{r.attendance}，{r.hours:g}学时" if r.attendance == "出席" else \
            (f"请假（{r.reason}）" if r.reason else r.attendance)
        source = {"出席": "training_present", "请假": "training_excused", "缺席": "training_absent"}[r.attendance]
        rows.append(Activity(4, r.held_on, r.kind, f"{r.title}（{r.organiser}）", status, source,
                             "training_session", r.session_id, r.hours if r.attendance == "出席" else 0,
                             "代表培训"))
    return rows


def _visits(rep_id: int, start: date, end: date) -> list[Activity]:
    mine = (VisitDeputy.representative == rep_id) & Visit.visited_on.between(start, end)
    visits = list(Visit.select(Visit.id, Visit.visited_on, Visit.village, Visit.hamlet, Visit.summary, Visit.form,
                               Visit.households).join(VisitDeputy).where(mine).tuples())
    at_stations = {v for (v,) in Reception.select(Reception.visit).where(
        Reception.visit.in_([v[0] for v in visits] or [0])).tuples()}
    rows = []
    for visit_id, visited_on, village, hamlet, summary_text, form, households in visits:
        place = village + (hamlet or "")
        summary = f"{place}：{summary_text}" if summary_text else place
        if visit_id in at_stations:  # a reception at a liaison station: voters, not households
            rows.append(Activity(7, visited_on, "联络站接待", summary, f"接待选民{households}人", "reception",
                                 "visit", visit_id, origin="代表联络站"))
            continue
        rows.append(Activity(7, visited_on, form, summary, f"{households}户", "visit", "visit", visit_id,
                             households, "走访日志"))
    problems = (Problem.select(Problem.id, Problem.status, Problem.satisfaction, Problem.category, Problem.content,
                               Visit.visited_on).join(Visit).join(VisitDeputy).where(mine).tuples())
    for problem_id, status, satisfaction, category, content, visited_on in problems:
        shown = status + (f"（{satisfaction}）" if satisfaction else "")
        rows.append(Activity(6, visited_on, f"群众诉求·{category or '其他'}", content, shown,
                             "problem_raised", "problem", problem_id, origin="问题清单"))
    return rows


def _suggestions(rep_id: int, start: date, end: date) -> list[Activity]:
    """Section ⑥: the suggestions the deputy led or co-signed, with their answer class and the
    deputy's opinion; section ⑧: a 金点子 of theirs."""
    from town_office.services.suggestions import SuggestionFilter, list_suggestions

    rows = []
    for year in range(start.year, end.year + 1):
        for s in list_suggestions(SuggestionFilter(year=year, signer_id=rep_id)):
            if not start <= s.submitted_on <= end or (rep_id != s.lead_id and rep_id not in s.cosigner_ids):
                continue
            led = rep_id == s.lead_id
            answer = s.last_answer
            status = s.status + (f"，{answer.class_text}" if answer else "") + \
                (f"，代表{s.satisfaction}" if s.satisfaction else "")
            source = ("suggestion_key" if s.grade == "重点" else "suggestion") if led else "suggestion_cosigned"
            rows.append(Activity(6, s.submitted_on, "领衔提出建议" if led else "附议建议", f"{s.number} {s.title}",
                                 status, source, "suggestion", s.id, origin="代表建议"))
            if led and s.excellent:
                rows.append(Activity(8, s.submitted_on, "优秀建议（金点子）", f"{s.number} {s.title}",
                                     s.excellent_reason, "suggestion_excellent", "suggestion", s.id,
                                     origin="代表建议"))
    return rows


def _project_ratings(rep_id: int, start: date, end: date) -> list[Activity]:
    """Section ③: the deputy's year-end rating of a livelihood project (民生实事评议)."""
    from town_office.services.projects.evaluation import deputy_ratings

    return [Activity(3, on, "民生实事评议", f"{year}年民生实事项目：{name}", rating, "project_rating", "project", pid,
                     origin="民生实事")
            for pid, name, year, rating, on in deputy_ratings(rep_id, start, end)]


def _inspections(rep_id: int, start: date, end: date) -> list[Activity]:
    query = (Inspection.select().join(InspectionParticipant)
             .where((InspectionParticipant.representative == rep_id)
                    & Inspection.starts_on.between(start, end)))
    return [Activity(3, i.starts_on, i.kind, i.title + (f"（{i.subject}）" if i.subject else ""),
                     i.stage, "inspection_joined", "inspection", i.id, origin="执法检查")
            for i in query]


def _entries(rep_id: int, start: date, end: date) -> list[Activity]:
    """The clerk's entries; a hand entry 参加人代会 on a day of a session the program records stays
    readable but is not counted again (its source is ``congress_entry_recorded``, which no scheme
    item counts)."""
    session_days = [(first, last) for _, _, first, last, _, _ in deputy_sessions((rep_id,), start, end)]
    rows = []
    for e in list_entries(rep_id, start, end):
        source, status = ENTRY_KINDS[e.kind][1], f"附件：{e.file_name}" if e.file_name else ""
        if source == "congress_session" and any(a <= e.happened_on <= b for a, b in session_days):
            source, status = RECORDED_ENTRY, (status + "；" if status else "") + "已按会议出席记录计入"
        rows.append(Activity(e.section, e.happened_on, e.kind, e.description, status, source, TABLE, e.id,
                             origin="档案登记"))
    return rows


def activities(representative_ids: int | tuple[int, ...], start: date, end: date) -> list[Activity]:
    """Everything the deputy did between ``start`` and ``end``, oldest first; several ids are the
    mandates of one person (连任), whose records are read together."""
    found = []
    for rep_id in (representative_ids,) if isinstance(representative_ids, int) else representative_ids:
        found += (_meetings(rep_id, start, end) + _sessions(rep_id, start, end)
                  + _training(rep_id, start, end) + _visits(rep_id, start, end)
                  + _inspections(rep_id, start, end) + _project_ratings(rep_id, start, end)
                  + _suggestions(rep_id, start, end)
                  + _entries(rep_id, start, end))
    return sorted(found, key=lambda a: (a.on, a.section, a.record_id))


# --- the file of one deputy -----------------------------------------------------------------------


def year_period(year: int) -> tuple[date, date, str]:
    return date(year, 1, 1), date(year, 12, 31), f"{year}年度"


def term_period(representative_id: int) -> tuple[date, date, str]:
    """The deputy's term: from the term's start (or election) to its end (or the deputy's end)."""
    deputy = get_representative(representative_id)
    term = Term.get_by_id(deputy.term_id)
    start = term.starts_on or deputy.elected_on or date(date.today().year, 1, 1)
    end = deputy.ended_on or term.ends_on or date.today()
    return start, end, f"{term.name}（{start.year}—{end.year}年）"


def _summary(found: list[Activity]) -> tuple[tuple[str, str], ...]:
    def count(*sources: str) -> int:
        return sum(1 for a in found if a.source in sources)

    hours = sum(a.units for a in found if a.source == "training_present")
    households = int(sum(a.units for a in found if a.source == "visit"))
    closed = sum(1 for a in found if a.source == "problem_raised" and a.status.startswith(("已办结", "已反馈")))
    return (
        ("参加人大会议", f"镇人代会出席{count('congress_session')}次、请假{count('congress_excused')}次、"
                     f"缺席{count('congress_absent')}次；主席团会议出席{count('meeting_present')}次、"
                     f"请假{count('meeting_excused')}次、缺席{count('meeting_absent')}次，"
                     f"列席{count('meeting_guest')}次"),
        ("视察、调研、执法检查", f"{count('inspection_joined')}次，评议民生实事项目{count('project_rating')}个"),
        ("学习培训", f"参加{count('training_present')}次，共{hours:g}学时；请假{count('training_excused')}次、"
                 f"缺席{count('training_absent')}次"),
        ("代表小组活动", f"{count('group_activity', 'other_duty')}次"),
        ("提出建议和意见", f"反映群众问题{count('problem_raised')}件（已办结{closed}件），领衔提出建议"
                    f"{count('suggestion', 'suggestion_key')}件、附议{count('suggestion_cosigned')}件"),
        ("向选民述职、接受监督", f"走访选民{count('visit')}次{households}户，接待选民{count('reception')}次，"
                          f"述职{count('report_to_voters')}次"),
        ("表彰奖励", f"{count('award', 'suggestion_excellent')}项"),
    )


def deputy_archive(representative_id: int, year: int | None, grade: str = "") -> DeputyArchive:
    """The file of ``year`` (every mandate of the person that ran in it: a 连任 deputy's year of the
    change shows both terms), or of the deputy's whole term when ``year`` is None (this mandate)."""
    deputy = get_representative(representative_id)
    if year:
        start, end, period_label = year_period(year)
        person = person_of(representative_id, start, end)
        ids, terms = person.mandate_ids, dict.fromkeys(p.term_name for p in person.periods)
        term_name = "、".join(terms)
    else:
        start, end, period_label = term_period(representative_id)
        ids, term_name = (representative_id,), deputy.term_name
    found = activities(ids, start, end)
    sections = tuple(ArchiveSection(n, SECTION_TITLES[n], tuple(a for a in found if a.section == n))
                     for n in range(2, 9))
    return DeputyArchive(deputy, get_settings().town_name, term_name, period_label, start, end,
                         sections, _summary(found), grade)
