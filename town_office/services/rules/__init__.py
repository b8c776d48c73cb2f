"""Rule documents (两规则四办法 and the town's other rules): the documents, their versions from 草案
to adoption, revision and repeal, each version's chapters and articles, the attached original, and
which version was in force on a given day. Adoption and repeal live in ``rules.adoption``.

The six kinds are always listed; a document row is created the first time the clerk writes one of
its versions. Only a 草案's text can change: an adopted text is revised by a new version, which
takes over on its own effective date. Adopted versions are never deleted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import Meeting, RuleArticle, RuleDocument, RuleVersion
from town_office.models.db import database
from town_office.reports.chinese_numbers import chinese_date
from town_office.services.common import attachments, audit
from town_office.services.meetings.types import meeting_title
from town_office.services.rules.text import clean, compare_units, number_units
from town_office.services.rules.types import (
    DOCUMENT_LABELS,
    REPEALED,
    REVISED,
    RULE_KINDS,
    VERSION_LABELS,
    Comparison,
    DocumentRow,
    RuleUnit,
    VersionDetail,
    VersionRow,
    default_title,
    in_force_on,
    status_on,
)
from town_office.services.settings import get_settings

DOCUMENT_TABLE, VERSION_TABLE = "rule_document", "rule_version"


# --- reading ---------------------------------------------------------------------------------------

def meeting_titles(meeting_ids) -> dict[int, str]:
    town = get_settings().town_name
    meetings = Meeting.select().where(Meeting.id.in_(list(meeting_ids))) if meeting_ids else []
    return {m.id: meeting_title(town, m.term.name, m.number) for m in meetings}


def _version_rows(versions: list[RuleVersion], today: date) -> list[VersionRow]:
    ids = [v.id for v in versions]
    counts: dict[tuple[int, bool], int] = {}
    if ids:
        query = (RuleArticle.select(RuleArticle.version, RuleArticle.is_chapter, fn.COUNT(RuleArticle.id))
                 .where(RuleArticle.version.in_(ids)).group_by(RuleArticle.version, RuleArticle.is_chapter))
        counts = {(version, bool(chapter)): n for version, chapter, n in query.tuples()}
    titles = meeting_titles({v.adopted_meeting_id for v in versions if v.adopted_meeting_id})
    by_document: dict[int, list[RuleVersion]] = {}
    for v in versions:
        by_document.setdefault(v.document_id, []).append(v)
    return [VersionRow(
        v.id, v.document_id, v.number, status_on(v, by_document[v.document_id], today), v.notes,
        v.drafted_on, v.adopted_on, v.adopted_meeting_id,
        titles.get(v.adopted_meeting_id, "") if v.adopted_meeting_id else v.adopted_by,
        v.effective_on, v.repealed_on, v.repeal_reason, v.file_name, v.stored_path, v.sha256,
        counts.get((v.id, True), 0), counts.get((v.id, False), 0)) for v in versions]


def list_documents(on: date | None = None, today: date | None = None) -> list[DocumentRow]:
    """The six kinds first (whether started or not), then the town's other documents; each with
    its versions (states as of ``today``) and the version in force on ``on`` (default today)."""
    today = today or date.today()
    on = on or today
    documents = list(RuleDocument.select())
    versions = _version_rows(list(RuleVersion.select().order_by(RuleVersion.document, RuleVersion.number)),
                             today)
    by_document: dict[int, list[VersionRow]] = {}
    for v in versions:
        by_document.setdefault(v.document_id, []).append(v)
    stored = {d.kind: d for d in documents}
    town = get_settings().town_name
    rows = []
    order = list(RULE_KINDS) + [d.kind for d in sorted(documents, key=lambda d: (d.position, d.id))
                                if d.kind not in RULE_KINDS]
    for kind in order:
        document = stored.get(kind)
        if document is None:
            rows.append(DocumentRow(None, kind, default_title(kind, town), True, (), on, None))
            continue
        own = tuple(by_document.get(document.id, ()))
        rows.append(DocumentRow(document.id, kind, document.title, document.builtin, own, on,
                                in_force_on(own, on)))
    return rows


def document_row(kind: str, on: date | None = None) -> DocumentRow:
    """One document by its kind (one of the six, or the clerk's own)."""
    row = next((d for d in list_documents(on) if d.kind == kind), None)
    if row is None:
        raise NotFound(f"没有“{kind}”这份规则文件。现有：{'、'.join(d.kind for d in list_documents())}")
    return row


def version_or_404(version_id: int) -> RuleVersion:
    version = RuleVersion.get_or_none(RuleVersion.id == version_id)
    if version is None:
        raise NotFound(f"找不到第{version_id}号规则版本。")
    return version


def version_units(version_id: int) -> tuple[RuleUnit, ...]:
    query = RuleArticle.select().where(RuleArticle.version == version_id).order_by(
        RuleArticle.position, RuleArticle.id)
    return tuple(RuleUnit(bool(a.is_chapter), a.text) for a in query)


def _adoption_line(v: VersionRow, first: bool) -> str:
    return f"{chinese_date(v.adopted_on)}{v.adopted_by}{'通过' if first else '修订'}"


def get_version(version_id: int, today: date | None = None) -> VersionDetail:
    """A version with its numbered text and the history line printed under the title
    (（2022年1月16日…通过　2025年9月24日…修订）)."""
    version = version_or_404(version_id)
    document = version.document
    rows = _version_rows(list(document.versions.order_by(RuleVersion.number)), today or date.today())
    row = next(r for r in rows if r.id == version_id)
    adopted = [r for r in rows if r.adopted and r.number <= row.number]
    history = tuple(_adoption_line(r, i == 0) for i, r in enumerate(adopted))
    return VersionDetail(document.id, document.kind, document.title, get_settings().town_name, row,
                         number_units(version_units(version_id)), history, _notice(row, rows))


def _notice(row: VersionRow, rows: list[VersionRow]) -> str:
    """What a printed version says about its standing, so an old print is never taken for the rule."""
    if row.status == REPEALED:
        return f"本版本已于{chinese_date(row.repealed_on)}废止，仅供查阅"
    if row.status == REVISED:
        after = min((r for r in rows if r.adopted and r.number > row.number), key=lambda r: r.number)
        return f"本版本自{chinese_date(after.effective_on)}起已由第{after.number}版取代，仅供查阅"
    if row.adopted and row.repealed_on:
        return f"本版本定于{chinese_date(row.repealed_on)}废止"
    if row.adopted and row.effective_on != row.adopted_on:
        return f"自{chinese_date(row.effective_on)}起施行"
    return ""


# --- documents ---------------------------------------------------------------------------------

def _ensure_document(kind: str) -> RuleDocument:
    document = RuleDocument.get_or_none(RuleDocument.kind == kind)
    if document is not None:
        return document
    if kind not in RULE_KINDS:
        raise NotFound(f"没有“{kind}”这份规则文件，请先新增。")
    now = datetime.now()
    document = RuleDocument.create(kind=kind, title=default_title(kind, get_settings().town_name),
                                   builtin=True, position=RULE_KINDS.index(kind), created_at=now,
                                   updated_at=now)
    audit.record(DOCUMENT_TABLE, document.id, "新增", {"类别": (None, kind), "标题": (None, document.title)})
    return document


def save_document(kind: str, title: str, document_id: int | None = None) -> DocumentRow:
    """Add one of the town's own documents (e.g. 代表联络站工作制度), or change a title."""
    kind, title = kind.strip(), title.strip()
    problems = []
    if not kind:
        problems.append(FieldProblem("类别", "请填写文件类别，如：代表联络站工作制度"))
    if not title:
        problems.append(FieldProblem("标题", "请填写文件标题，如：青石镇人大代表联络站工作制度"))
    clash = RuleDocument.get_or_none((RuleDocument.kind == kind) & (RuleDocument.id != (document_id or 0)))
    if kind and (clash or (document_id is None and kind in RULE_KINDS)):
        problems.append(FieldProblem("类别", f"已有“{kind}”，请直接在它下面新建版本"))
    if problems:
        raise ValidationError(problems)
    now = datetime.now()
    with database.atomic():
        if document_id is None:
            position = (RuleDocument.select(fn.MAX(RuleDocument.position)).scalar() or 0) + 1
            document = RuleDocument.create(kind=kind, title=title, builtin=False, position=position,
                                           created_at=now, updated_at=now)
            audit.record(DOCUMENT_TABLE, document.id, "新增", {"类别": (None, kind), "标题": (None, title)})
        else:
            document = RuleDocument.get_or_none(RuleDocument.id == document_id)
            if document is None:
                raise NotFound("找不到这份规则文件。")
            values = {"kind": document.kind if document.builtin else kind, "title": title}
            changes = audit.diff({"kind": document.kind, "title": document.title}, values, DOCUMENT_LABELS)
            RuleDocument.update(updated_at=now, **values).where(RuleDocument.id == document_id).execute()
            audit.record(DOCUMENT_TABLE, document_id, "修改", changes)
            kind = values["kind"]
    return document_row(kind)


def delete_document(document_id: int) -> None:
    """Remove one of the town's own documents that was added by mistake: never one of the six, and
    only while none of its versions has been adopted (its drafts go with it)."""
    document = RuleDocument.get_or_none(RuleDocument.id == document_id)
    if document is None:
        raise NotFound("找不到这份规则文件。")
    if document.builtin:
        raise ValidationError(FieldProblem("类别", f"“{document.kind}”是两规则四办法之一，不能删除"))
    if document.versions.where(RuleVersion.adopted_on.is_null(False)).exists():
        raise ValidationError(FieldProblem("类别", f"《{document.title}》已有通过的版本，不能删除；不再适用的请废止"))
    with database.atomic():
        stored = [_remove_draft(version) for version in document.versions]
        audit.record(DOCUMENT_TABLE, document_id, "删除", {"标题": (document.title, None)})
        document.delete_instance()
    for path in filter(None, stored):
        attachments.remove_file(path)


# --- drafts ----------------------------------------------------------------------------------

def _unit_problems(units) -> list[FieldProblem]:
    problems = []
    for unit in number_units(units):
        if not clean(unit.text):
            what = "章名" if unit.is_chapter else "条文内容"
            problems.append(FieldProblem("条文", f"{unit.label}没有{what}，请填写或删去这一{'章' if unit.is_chapter else '条'}"))
        elif unit.is_chapter and "\n" in clean(unit.text):
            problems.append(FieldProblem("条文", f"{unit.label}的章名只能写一行；正文请写在这一章下面的条里"))
    return problems


def _write_units(version_id: int, units) -> None:
    RuleArticle.delete().where(RuleArticle.version == version_id).execute()
    if not units:
        return
    RuleArticle.insert_many([{"version": version_id, "position": i, "is_chapter": u.is_chapter,
                              "text": clean(u.text)} for i, u in enumerate(units, start=1)]).execute()


def _text_change(old, new) -> dict:
    summary = Comparison("", "", "", compare_units(old, new)).summary
    return {"条文": (f"{sum(not u.is_chapter for u in old)}条", summary)}


def create_draft(kind: str, units, notes: str = "", drafted_on: date | None = None) -> VersionRow:
    """Start a new 草案 of the document of ``kind`` with this text (one open draft at a time)."""
    units = [RuleUnit(u.is_chapter, clean(u.text)) for u in units]
    problems = _unit_problems(units)
    if problems:
        raise ValidationError(problems)
    now = datetime.now()
    with database.atomic():
        document = _ensure_document(kind)
        open_draft = document.versions.where(RuleVersion.adopted_on.is_null()).first()
        if open_draft is not None:
            raise ValidationError(FieldProblem(
                "版本", f"《{document.title}》已有草案（第{open_draft.number}版），请先通过或删除它再新建"))
        number = (document.versions.select(fn.MAX(RuleVersion.number)).scalar() or 0) + 1
        version = RuleVersion.create(document=document, number=number, notes=notes.strip(),
                                     drafted_on=drafted_on or date.today(), created_at=now, updated_at=now)
        _write_units(version.id, units)
        audit.record(VERSION_TABLE, version.id, "新建草案",
                     {"版本": (None, f"第{number}版"), **_text_change((), units)})
    return get_version(version.id).version


def new_revision(kind: str) -> VersionRow:
    """A new 草案 that starts as a copy of the latest version's text (修订)."""
    row = document_row(kind)
    if not row.versions:
        raise ValidationError(FieldProblem("版本", f"《{row.title}》还没有任何版本，请先起草第一版"))
    latest = row.versions[-1]
    return create_draft(kind, version_units(latest.id), f"根据第{latest.number}版修订。")


def save_draft(version_id: int, units, notes: str, drafted_on: date | None) -> VersionDetail:
    """Replace a 草案's text and notes in one transaction; an adopted text cannot change."""
    version = version_or_404(version_id)
    if version.adopted_on is not None:
        raise ValidationError(FieldProblem(
            "条文", f"第{version.number}版已经通过，条文不能再改；请新建修订版本"))
    units = [RuleUnit(u.is_chapter, clean(u.text)) for u in units]
    problems = _unit_problems(units)
    if not drafted_on:
        problems.append(FieldProblem("起草日期", "请填写起草日期"))
    if problems:
        raise ValidationError(problems)
    old = version_units(version_id)
    values = {"notes": notes.strip(), "drafted_on": drafted_on}
    with database.atomic():
        changes = audit.diff({"notes": version.notes, "drafted_on": version.drafted_on}, values,
                             VERSION_LABELS)
        if tuple(units) != old:
            _write_units(version_id, units)
            changes.update(_text_change(old, units))
        RuleVersion.update(updated_at=datetime.now(), **values).where(RuleVersion.id == version_id).execute()
        audit.record(VERSION_TABLE, version_id, "修改草案", changes)
    return get_version(version_id)


def _remove_draft(version: RuleVersion) -> str:
    """Inside the caller's transaction; returns the attached original to delete afterwards."""
    audit.record(VERSION_TABLE, version.id, "删除草案", {"版本": (f"第{version.number}版", None)})
    version.delete_instance(recursive=True)
    return version.stored_path


def delete_draft(version_id: int) -> None:
    """Remove a 草案 (never an adopted version) with its text and attached original."""
    version = version_or_404(version_id)
    if version.adopted_on is not None:
        raise ValidationError(FieldProblem("版本", "已通过的版本不能删除，它是当时有效的依据；不再适用的请废止"))
    with database.atomic():
        stored = _remove_draft(version)
    if stored:
        attachments.remove_file(stored)


# --- the original, comparison, history -------------------------------------------------------

def attach_original(version_id: int, source: Path) -> VersionRow:
    """Keep the signed original (docx/pdf scan) of a version in the data folder."""
    version = version_or_404(version_id)
    old = version.stored_path
    with attachments.stored(Path(source), "rules", str(version_id)) as kept, database.atomic():
        RuleVersion.update(file_name=Path(source).name, stored_path=kept.stored_path,
                           sha256=kept.sha256, updated_at=datetime.now()).where(
            RuleVersion.id == version_id).execute()
        audit.record(VERSION_TABLE, version_id, "附原件", {"原件": (version.file_name or None, Path(source).name)})
    if old and old != kept.stored_path:
        attachments.remove_file(old)
    return get_version(version_id).version


def _version_label(v: VersionRow) -> str:
    if v.adopted:
        return f"{v.label}（{chinese_date(v.adopted_on)}通过）"
    return f"{v.label}（草案）"


def compare(old_version_id: int, new_version_id: int) -> Comparison:
    """Two versions of one document side by side, article by article."""
    old, new = get_version(old_version_id), get_version(new_version_id)
    if old.document_id != new.document_id:
        raise ValidationError(FieldProblem("版本", "只能比较同一份文件的两个版本"))
    return Comparison(new.title, _version_label(old.version), _version_label(new.version),
                      compare_units(version_units(old_version_id), version_units(new_version_id)))


def document_history(kind: str) -> list:
    """Every audit row of the document and of its versions, oldest first."""
    row = document_row(kind)
    if row.id is None:
        return []
    entries = audit.history(DOCUMENT_TABLE, row.id)
    for v in row.versions:
        entries += [replace(e, action=f"{v.label}{e.action}") for e in audit.history(VERSION_TABLE, v.id)]
    return sorted(entries, key=lambda e: e.at)
