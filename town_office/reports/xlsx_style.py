"""The one workbook style every export shares: a title row, a bold header, column widths, a frozen
header, cells as text where numbers would be mangled, and print setup (A4, fit to width, header
repeated on every printed page) that stays legible: widths chosen so the fitted sheet prints at 9 pt
or more, every row as tall as its wrapped text (see ``xlsx_fit``), and a font with the rare name
characters for the cells that hold them."""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass, field

import io
import re
from pathlib import Path

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from town_office.file_safety import storage_error, write_file_atomically
from town_office.reports.xlsx_fit import fit_widths, printable_units, row_height

FONT_NAME = "宋体"
# 宋体 lacks the rarest name characters (𬌗 is in Extension E): cells that hold one use the bundled
# 朱雀仿宋, which has them (the installer puts it on the PC).
RARE_FONT_NAME = "Zhuque Fangsong"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
TITLE_ROW, HEADER_ROW = 1, 2


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    as_text: bool = False  # keep ID numbers, phones and numbered codes as text
    print_optional: bool = False  # trailing columns left off the page when it would print < 9 pt


@dataclass(frozen=True)
class TableSheet:
    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence]
    landscape: bool = True
    row_fills: dict[int, str] = field(default_factory=dict)  # data-row index -> RGB fill


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def put(cell, value) -> None:
    """Write ``value`` into ``cell``; text is always text, never a formula. A text starting with
    = + - @ or a tab/line break (``=CMD|' /C calc'!A0``) is stored as a string with Excel's quote
    prefix, so that neither opening nor editing the cell runs it."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(_FORMULA_STARTS):
            cell.quotePrefix = True


def save_workbook(wb, out: Path) -> Path:
    """Save ``wb`` to ``out`` the way every file of the program is written: built in memory (no
    temporary file of names and phone numbers in the system's temp folder), written beside the
    target under a temporary name, flushed, then renamed; a full or removed disk leaves no file
    under the final name.

    Raises:
        StorageError: the target cannot be written (full, read-only, removed).
    """
    out = Path(out)
    buffer = io.BytesIO()
    wb.save(buffer)
    try:
        write_file_atomically(out, buffer.getvalue())
    except OSError as exc:
        raise storage_error(out.parent, exc) from exc
    return out


_RARE = re.compile("[\u3400-\u4dbf\U00010000-\U0010ffff]")


def has_rare_characters(text: str) -> bool:
    """Characters of CJK Extension A or beyond the Basic Multilingual Plane (䶮, 𬌗)."""
    return _RARE.search(text) is not None


def write_table(ws: Worksheet, sheet: TableSheet) -> None:
    """Fill ``ws`` with a title row, header row and data rows, styled and set up for printing."""
    n = len(sheet.columns)
    headers = [col.header for col in sheet.columns]
    landscape, printed = sheet.landscape, n
    widths = fit_widths(headers, [c.width for c in sheet.columns], sheet.rows, landscape)
    if not landscape and sum(widths) > printable_units(False, n):
        landscape = True
        widths = fit_widths(headers, [c.width for c in sheet.columns], sheet.rows, landscape)
    if sum(widths) > printable_units(landscape, n):  # even the narrowest is too wide for 9 pt
        printed = n - sum(1 for c in sheet.columns if c.print_optional)
        head = fit_widths(headers[:printed], [c.width for c in sheet.columns[:printed]],
                          [row[:printed] for row in sheet.rows], landscape)
        widths = head + widths[printed:]
    put(ws.cell(TITLE_ROW, 1), sheet.title)
    ws.cell(TITLE_ROW, 1).font = Font(name=FONT_NAME, size=16, bold=True)
    ws.cell(TITLE_ROW, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[TITLE_ROW].height = 30
    for c, col in enumerate(sheet.columns, start=1):
        cell = ws.cell(HEADER_ROW, c)
        put(cell, col.header)
        cell.font = Font(name=FONT_NAME, size=11, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = HEADER_FILL
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(c)].width = widths[c - 1]
    ws.row_dimensions[HEADER_ROW].height = row_height(headers, widths)
    body_font = Font(name=FONT_NAME, size=11)
    rare_font = Font(name=RARE_FONT_NAME, size=11)
    wrap = Alignment(vertical="center", wrap_text=True)
    # A body cell's look is one of a few combinations (number format, rare-character font, row fill):
    # each is built once through openpyxl's style objects and then copied as its style array, since
    # setting font, alignment and border on every cell hashes them again (most of a big workbook's time).
    looks: dict[tuple, object] = {}
    for r, values in enumerate(sheet.rows):
        fill_color = sheet.row_fills.get(r)
        for c, (col, value) in enumerate(zip(sheet.columns, values, strict=True), start=1):
            cell = ws.cell(HEADER_ROW + 1 + r, c)
            put(cell, value if value != "" else None)
            number_format = None
            if col.as_text:
                number_format = "@"
                if value not in (None, ""):
                    put(cell, str(value))
            elif hasattr(value, "isoformat"):
                number_format = "yyyy-mm-dd"
            look = (number_format, isinstance(value, str) and has_rare_characters(value), fill_color,
                    bool(cell.quotePrefix))  # put() marks a text that looks like a formula
            if look in looks:
                cell._style = copy(looks[look])
                continue
            if number_format:
                cell.number_format = number_format
            cell.font, cell.alignment, cell.border = (rare_font if look[1] else body_font), wrap, _BORDER
            if fill_color:
                cell.fill = PatternFill("solid", fgColor=fill_color)
            looks[look] = copy(cell._style)
        ws.row_dimensions[HEADER_ROW + 1 + r].height = row_height(values, widths)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    if printed < n:
        last = get_column_letter(printed)
        ws.print_area = f"A1:{last}{HEADER_ROW + len(sheet.rows)}"
        ws.oddHeader.right.text = "打印件不含" + "、".join(headers[printed:]) + "列"
        ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=printed)
    else:
        ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=n)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
