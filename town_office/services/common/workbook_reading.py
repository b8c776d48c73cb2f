"""Reading a workbook someone sent, safely: sizes checked before anything is unpacked (a small file
can hold gigabytes), only visible sheets considered, and the rows read as plain values up to the
last one that holds something (a stray space in row 1,048,576 does not make a million rows).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook

from town_office.errors import FieldProblem, ValidationError

MAX_UNPACKED_BYTES = 100 * 1024 * 1024  # a roster of 10,000 deputies is a few MB
MAX_RATIO = 200  # a member that unpacks to more than 200 times its packed size is not a spreadsheet
MAX_ROWS = 20_000
BLANK_RUN_ENDS_TABLE = 500  # this many empty rows in a row: the table is over
MAX_COLUMNS = 200


def _refuse(path: Path, message: str) -> ValidationError:
    return ValidationError(FieldProblem("文件", f"{Path(path).name}：{message}"))


def check_size(path: Path) -> None:
    """Refuse a workbook whose parts would unpack to more than ``MAX_UNPACKED_BYTES``."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _refuse(path, "无法读取：不是 .xlsx 格式的Excel文件，或文件已损坏") from exc
    total = sum(m.file_size for m in members)
    bloated = [m for m in members if m.file_size > 10 * 1024 * 1024
               and m.file_size > MAX_RATIO * max(m.compress_size, 1)]
    if total > MAX_UNPACKED_BYTES or bloated:
        raise _refuse(path, f"解开后有 {total // (1024 * 1024)} MB，不像代表名册，已拒绝读取")


@dataclass
class Sheet:
    """One sheet's values: ``rows[r - 1][c - 1]`` is Excel's row r, column c."""

    title: str
    rows: list[tuple]

    @property
    def max_row(self) -> int:
        return len(self.rows)

    @property
    def max_column(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def value(self, row: int, column: int):
        if 1 <= row <= len(self.rows) and 1 <= column <= len(self.rows[row - 1]):
            return self.rows[row - 1][column - 1]
        return None


def _blank(values: tuple) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def _read(ws, path: Path, limit: int | None) -> Sheet:
    rows, blanks = [], 0
    for values in ws.iter_rows(values_only=True, max_col=MAX_COLUMNS):
        if _blank(values):
            blanks += 1
            if blanks >= BLANK_RUN_ENDS_TABLE:
                break
        else:
            blanks = 0
        rows.append(tuple(values))
        if limit is not None and len(rows) >= limit:
            break
        if len(rows) > MAX_ROWS + BLANK_RUN_ENDS_TABLE:
            raise _refuse(path, f"工作表“{ws.title}”超过 {MAX_ROWS} 行，请分成几个文件导入")
    while rows and _blank(rows[-1]):
        rows.pop()
    return Sheet(ws.title, rows)


def visible_sheets(path: Path, head_rows: int | None = None,
                   only: str | None = None) -> tuple[list[Sheet], str]:
    """The visible sheets (hidden ones are never read) with their values, and the active sheet's
    title. ``head_rows`` reads only the first rows of each (to look for a header); ``only`` reads
    just the sheet of that title."""
    check_size(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise _refuse(path, "无法读取：请确认是 .xlsx 格式的Excel文件，且没有损坏或加密") from exc
    try:
        active = wb.active.title if wb.active is not None else ""
        sheets = [_read(ws, path, head_rows) for ws in wb.worksheets
                  if getattr(ws, "sheet_state", "visible") == "visible"
                  and (only is None or ws.title == only)]
    finally:
        wb.close()
    return sheets, active
