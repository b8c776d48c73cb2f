"""一人一档: a deputy's activities gathered from the other modules (presidium meetings, training,
visits and the problems raised on them, inspections) plus the archive entries the clerk adds for what
no module records. :func:`activities` is the one query; the annual assessment scores the same lines.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import ArchiveEntry, Term
from town_office.models.db import database
from town_office.services.common import attachments, audit
from town_office.services.archive.activities import TABLE, PeriodRecords, activities
from town_office.services.archive.types import (
    ENTRY_KINDS,
    SECTION_TITLES,
    Activity,
    ArchiveEntryInput,
    ArchiveEntryRow,
    ArchiveSection,
    DeputyArchive,
)
from town_office.services.roster import get_representative
from town_office.services.roster.mandates import person_of
from town_office.services.settings import get_settings

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


def deputy_archive(representative_id: int, year: int | None, grade: str = "",
                   records: PeriodRecords | None = None) -> DeputyArchive:
    """The file of ``year`` (every mandate of the person that ran in it: a 连任 deputy's year of the
    change shows both terms), or of the deputy's whole term when ``year`` is None (this mandate).
    ``records``: the year's records of every deputy, read once for a batch."""
    deputy = get_representative(representative_id)
    if year:
        start, end, period_label = year_period(year)
        person = person_of(representative_id, start, end)
        ids, terms = person.mandate_ids, dict.fromkeys(p.term_name for p in person.periods)
        term_name = "、".join(terms)
    else:
        start, end, period_label = term_period(representative_id)
        ids, term_name = (representative_id,), deputy.term_name
    if records is not None and (records.start, records.end) == (start, end):
        found = records.of(tuple(ids))
    else:
        found = activities(ids, start, end)
    sections = tuple(ArchiveSection(n, SECTION_TITLES[n], tuple(a for a in found if a.section == n))
                     for n in range(2, 9))
    return DeputyArchive(deputy, get_settings().town_name, term_name, period_label, start, end,
                         sections, _summary(found), grade)
