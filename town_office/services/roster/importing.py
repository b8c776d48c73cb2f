"""Importing a roster workbook as county offices really send it.

Two steps: :func:`preview_import` reads and checks everything without writing (the header may sit
below title rows and merged cells; columns are found by their usual names in any order; values are
normalised), and :func:`apply_import` writes all rows in one transaction or nothing at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from town_office.backup import BEFORE_IMPORT
from town_office.errors import FieldProblem, ValidationError
from town_office.models import Term
from town_office.models.db import database
from town_office.services import settings
from town_office.services.common import audit
from town_office.services import backups, roster
from town_office.services.roster import units as roster_units
from town_office.services.roster.identity import (
    normalise_id_number,
    normalise_month,
    normalise_phone,
    parse_date,
)
from town_office.services.roster.types import RepresentativeInput
from town_office.services.roster.validation import representative_problems
from town_office.services.common.workbook_reading import Sheet, visible_sheets

# Field -> accepted header texts (compared after removing every kind of white space).
HEADER_ALIASES = {
    "name": ("姓名", "代表姓名", "名字"),
    "gender": ("性别",),
    "ethnicity": ("民族",),
    "birth_month": ("出生年月", "出生日期", "出生年月日", "生日"),
    "party": ("政治面貌", "党派", "政治面目"),
    "education": ("文化程度", "学历", "文化"),
    "work_unit_post": ("工作单位及职务", "单位及职务", "工作单位及职务（职称）", "工作单位", "单位职务"),
    "levels": ("代表层级", "层级", "代表级别"),
    "constituency_name": ("选区", "所在选区", "选区名称"),
    "group_name": ("代表小组", "所在代表小组", "所属代表小组", "小组"),
    "group_role": ("小组职务", "组内职务"),
    "presidium_role": ("主席团职务",),
    "is_presidium": ("是否主席团成员", "主席团成员"),
    "phone": ("联系电话", "手机号码", "手机", "电话", "联系方式", "手机号"),
    "id_number": ("公民身份号码", "身份证号", "身份证号码", "公民身份证号码"),
    "card_number": ("代表证号", "代表证编号"),
    "elected_on": ("当选日期", "当选时间"),
    "status": ("状态", "代表状态"),
    "ended_on": ("终止日期",),
    "end_reason": ("终止原因",),
    "notes": ("备注",),
    "serial": ("序号", "编号"),
}
_ALIAS_TO_FIELD = {alias: f for f, aliases in HEADER_ALIASES.items() for alias in aliases}
_TERM_IN_TITLE = re.compile(r"第[一二三四五六七八九十百零〇\d]+届")
_TOWN_IN_TITLE = re.compile(r"([\u4e00-\u9fff]{1,8}?[镇乡])(第|人民代表|人大)")
_NOTE_START = ("注", "说明", "备注", "填表", "制表", "审核", "联系人")
_SPACES = re.compile(r"[\s\u3000\u00a0]+")


def _clean_header(value) -> str:
    return _SPACES.sub("", str(value or "")).replace("：", "").replace(":", "")


@dataclass(frozen=True)
class ImportRow:
    excel_row: int
    action: str  # 新增 / 更新
    existing_id: int | None
    data: RepresentativeInput


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    term_name: str
    term_id: int | None  # None: the term will be created
    rows: list[ImportRow]
    problems: list[FieldProblem]
    skipped_rows: list[int]
    columns: dict[str, str]  # field -> header as written
    new_groups: list[str] = field(default_factory=list)
    new_constituencies: list[str] = field(default_factory=list)
    town_name: str = ""  # named in the title rows, used when the settings have none yet

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    @property
    def added(self) -> int:
        return sum(1 for r in self.rows if r.action == "新增")

    @property
    def updated(self) -> int:
        return sum(1 for r in self.rows if r.action == "更新")


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int
    term_name: str
    safety_backup: Path | None = None  # the data as it was before the import ("导入前自动备份")


def _find_header(sheet: Sheet) -> tuple[int, dict[int, str]] | None:
    for number, row in enumerate(sheet.rows[:30], start=1):
        found = {column: _ALIAS_TO_FIELD[_clean_header(value)]
                 for column, value in enumerate(row, start=1)
                 if _clean_header(value) in _ALIAS_TO_FIELD}
        if "name" in found.values() and len(found) >= 3:
            return number, found
    return None


class SheetChoiceNeeded(ValidationError):
    """Several visible sheets look like a roster: the clerk says which (``sheets``)."""

    def __init__(self, sheets: list[str]):
        self.sheets = sheets
        super().__init__(FieldProblem("工作表", f"这个文件有{len(sheets)}个工作表都像代表名册："
                                              f"{'、'.join(sheets)}。请选择要导入的工作表"))


def roster_sheet(path: Path, wanted: str | None = None) -> Sheet:
    """The sheet to import: the one named ``wanted``, else the only visible sheet with a roster
    header (the active one first). Hidden sheets are never imported.

    Raises:
        SheetChoiceNeeded: several visible sheets have a roster header and none was named.
        ValidationError: no visible sheet has one, or ``wanted`` is not a visible sheet.
    """
    heads, active = visible_sheets(path, head_rows=30)
    if wanted is not None:
        if wanted not in [s.title for s in heads]:
            raise ValidationError(FieldProblem("工作表", f"没有名为“{wanted}”的可见工作表"))
        titles = [wanted]
    else:
        titles = [s.title for s in heads if _find_header(s)]
        if len(titles) > 1:
            raise SheetChoiceNeeded(sorted(titles, key=lambda t: t != active))
    wanted = titles[0] if titles else (heads[0].title if heads else None)
    if wanted is None:
        return Sheet("", [])
    sheets, _ = visible_sheets(path, only=wanted)  # the whole of that one sheet only
    return sheets[0]


def _term_for_import(title_text: str) -> tuple[str, int | None]:
    """Term named in the title rows, else the current term, else a new one for the clerk to fix."""
    m = _TERM_IN_TITLE.search(title_text)
    if m:
        term = Term.get_or_none(Term.name == m.group(0))
        return m.group(0), term.id if term else None
    current = roster_units.current_term_id()
    if current:
        return Term.get_by_id(current).name, current
    return "未命名届次（请在设置中更正）", None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _name(value) -> str:
    text = _SPACES.sub("", _text(value))
    return re.sub(r"[•・．.]", "·", text)


def _row_input(values: dict[str, object], excel_row: int, headers: dict[str, str],
               problems: list[FieldProblem]) -> RepresentativeInput:
    def bad(field_name: str, message: str) -> None:
        problems.append(FieldProblem(headers.get(field_name, field_name), message, excel_row))

    data = RepresentativeInput(name=_name(values.get("name")))
    data.gender = _text(values.get("gender")).replace("性", "")
    ethnicity = _text(values.get("ethnicity"))
    data.ethnicity = ethnicity + "族" if ethnicity and not ethnicity.endswith("族") and len(ethnicity) == 1 else ethnicity
    raw_month = values.get("birth_month")
    month = normalise_month(raw_month)
    if month is None:
        bad("birth_month", f"「{_text(raw_month)}」看不懂，请写成 1975.03、1975年3月 或 1975-03")
    data.birth_month = month or ""
    data.party, data.education = _text(values.get("party")), _text(values.get("education"))
    data.work_unit_post = _text(values.get("work_unit_post"))
    levels_text = _text(values.get("levels"))
    if levels_text:
        data.levels = tuple(lv.replace("级", "").replace("乡", "镇") for lv in
                            re.split(r"[、,，/;；\s]+", levels_text) if lv)
    data.constituency_name = _text(values.get("constituency_name"))
    data.group_name = _text(values.get("group_name"))
    data.group_role = _text(values.get("group_role"))
    data.presidium_role = _text(values.get("presidium_role"))
    if not data.presidium_role and _text(values.get("is_presidium")) in ("是", "√", "Y"):
        data.presidium_role = "成员"
    raw_phone = values.get("phone")
    data.phone = normalise_phone(raw_phone)
    raw_id = values.get("id_number")
    data.id_number = normalise_id_number(raw_id)
    if isinstance(raw_id, (int, float)) and len(data.id_number) >= 15:
        bad("id_number", "在Excel里被存成了数字，末几位可能已变成0；请把该列设为「文本」后重新填写号码")
        data.id_number = ""
    data.card_number = _text(values.get("card_number"))
    elected = parse_date(values.get("elected_on"))
    if elected is None:
        bad("elected_on", f"「{_text(values.get('elected_on'))}」不是日期，请写成 2021-12-28")
    data.elected_on = elected or None
    data.notes = _text(values.get("notes"))
    status = _text(values.get("status")) or "在任"
    ended_on = parse_date(values.get("ended_on"))
    if status not in ("在任", "终止"):
        bad("status", f"「{status}」应为 在任 或 终止")
    if status == "终止" and not ended_on:
        bad("ended_on", "状态为终止时须填写终止日期（如 2024-05-10）")
    data.extra = {"status": status, "ended_on": ended_on or None,
                  "end_reason": _text(values.get("end_reason"))}
    return data


def _is_passed_over(values: dict[str, object]) -> bool:
    """Blank rows and notes under the table: no name, and nothing else but a serial or one note."""
    if _text(values.get("name")):
        return False
    filled = [_text(v) for f, v in values.items() if f != "serial" and _text(v)]
    if not filled:
        return True
    return len(filled) == 1 or filled[0].startswith(_NOTE_START)


def preview_import(path: Path, progress: Callable[[int, int], None] | None = None,
                   sheet: str | None = None, into_term_id: int | None = None) -> ImportPreview:
    """Read and check a roster workbook without writing anything (``sheet``: which sheet, when
    several visible ones look like a roster; ``into_term_id``: the term the rows go into — the
    换届 assistant's new term — whatever the title rows say).

    Raises:
        SheetChoiceNeeded: several visible sheets look like a roster and ``sheet`` was not given.
        ValidationError: the file cannot be read or has no recognisable header row.
    """
    ws = roster_sheet(path, sheet)
    header = _find_header(ws)
    if not header:
        raise ValidationError(FieldProblem("表头", "没有找到表头行：需要一行同时含有「姓名」「性别」等列名"))
    header_row, columns = header
    headers = {f: _clean_header(ws.value(header_row, c)) for c, f in columns.items()}
    title_text = " ".join(_text(ws.value(r, c)) for r in range(1, header_row)
                          for c in range(1, ws.max_column + 1))
    term_name, term_id = _term_for_import(title_text)
    if into_term_id:
        term_name, term_id = Term.get_by_id(into_term_id).name, into_term_id

    rows, problems, skipped = [], [], []
    seen_ids: dict[str, int] = {}
    seen_names: dict[tuple, int] = {}
    known_groups = {u.name for u in roster_units.list_units("group")}
    known_constituencies = {u.name for u in roster_units.list_units("constituency")}
    new_groups, new_constituencies = [], []
    total = ws.max_row - header_row
    for i, excel_row in enumerate(range(header_row + 1, ws.max_row + 1)):
        if progress and i % 50 == 0:
            progress(i, total)
        values = {f: ws.value(excel_row, c) for c, f in columns.items()}
        if _is_passed_over(values):
            skipped.append(excel_row)
            continue
        row_problems: list[FieldProblem] = []
        data = _row_input(values, excel_row, headers, row_problems)
        for p in representative_problems(data, labels=headers):
            row_problems.append(FieldProblem(p.field, p.message, excel_row))
        if data.id_number and "*" not in data.id_number:
            if data.id_number in seen_ids:
                row_problems.append(FieldProblem(headers.get("id_number", "公民身份号码"),
                                                 f"与第{seen_ids[data.id_number]}行重复", excel_row))
            seen_ids.setdefault(data.id_number, excel_row)
        key = (data.name, data.birth_month)
        if data.name and data.birth_month and key in seen_names:
            row_problems.append(FieldProblem(headers["name"], f"与第{seen_names[key]}行是同一人（姓名、出生年月都相同）", excel_row))
        seen_names.setdefault(key, excel_row)
        problems += row_problems
        existing = roster.find_existing(term_id, data.id_number, data.name, data.birth_month) if term_id else None
        rows.append(ImportRow(excel_row, "更新" if existing else "新增", existing, data))
        for name, known, new in ((data.group_name, known_groups, new_groups),
                                 (data.constituency_name, known_constituencies, new_constituencies)):
            if name and name not in known and name not in new:
                new.append(name)
    if not rows and not problems:
        problems.append(FieldProblem("数据", f"表头（第{header_row}行）下面没有代表数据"))
    town = _TOWN_IN_TITLE.search(title_text)
    return ImportPreview(Path(path), term_name, term_id, rows, problems, skipped, headers,
                         new_groups, new_constituencies, town.group(1) if town else "")


def apply_import(preview: ImportPreview, progress: Callable[[int, int], None] | None = None) -> ImportSummary:
    """Write every row of a checked preview in one transaction; any failure writes nothing.

    Raises:
        ValidationError: the preview had problems, or a row fails a check against the database
            (the message names the Excel row).
    """
    if not preview.ok:
        raise ValidationError(preview.problems or [FieldProblem("数据", "没有可导入的行")])
    safety = backups.backup_now(reason=BEFORE_IMPORT)
    with database.atomic():
        term_id = preview.term_id or roster_units.find_or_create_term(preview.term_name)
        if not roster_units.current_term_id():
            settings.update_settings(current_term_id=term_id)
        if preview.town_name and not settings.get_settings().town_name:
            settings.update_settings(town_name=preview.town_name)
        units: dict = {}  # groups and constituencies, looked up once for the whole file
        for i, row in enumerate(preview.rows):
            if progress and i % 20 == 0:
                progress(i, len(preview.rows))
            row.data.term_id = term_id
            try:
                if row.existing_id:
                    saved = roster.update_representative(row.existing_id, row.data, "导入更新", units)
                else:
                    saved = roster.create_representative(row.data, "导入新增", units)
                _apply_status(saved.id, saved.status, row.data.extra)
            except ValidationError as exc:
                raise ValidationError([FieldProblem(p.field, p.message, row.excel_row)
                                       for p in exc.problems]) from exc
        audit.record("import", 0, "导入名册", {"文件": (None, preview.path.name),
                                             "新增": (None, preview.added), "更新": (None, preview.updated)})
    if progress:
        progress(len(preview.rows), len(preview.rows))
    return ImportSummary(preview.added, preview.updated, preview.term_name, safety)


def _apply_status(rep_id: int, current: str, extra: dict) -> None:
    wanted = extra.get("status", "在任")
    if wanted == "终止" and current != "终止":
        reason = extra.get("end_reason") or "其他"
        known = next((r for r in roster.END_REASONS if reason.startswith(r)), "其他")
        note = reason[len(known):].strip("（）() ") if reason.startswith(known) else reason
        roster.end_representative(rep_id, extra["ended_on"], known, note)
    elif wanted == "在任" and current == "终止":
        roster.reinstate_representative(rep_id)
