"""The one workbook style every export shares: a title row, a bold header, column widths, a frozen
header, cells as text where numbers would be mangled, and print setup (A4, fit to width, header
repeated on every printed page)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

FONT_NAME = "宋体"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_FILL = PatternFill("solid", fgColor="DDE6F0")
TITLE_ROW, HEADER_ROW = 1, 2


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    as_text: bool = False  # keep ID numbers, phones and numbered codes as text


@dataclass(frozen=True)
class TableSheet:
    title: str
    columns: Sequence[Column]
    rows: Sequence[Sequence]
    landscape: bool = True
    row_fills: dict[int, str] = field(default_factory=dict)  # data-row index -> RGB fill


def write_table(ws: Worksheet, sheet: TableSheet) -> None:
    """Fill ``ws`` with a title row, header row and data rows, styled and set up for printing."""
    n = len(sheet.columns)
    ws.cell(TITLE_ROW, 1, sheet.title).font = Font(name=FONT_NAME, size=16, bold=True)
    ws.cell(TITLE_ROW, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=n)
    ws.row_dimensions[TITLE_ROW].height = 30
    for c, col in enumerate(sheet.columns, start=1):
        cell = ws.cell(HEADER_ROW, c, col.header)
        cell.font = Font(name=FONT_NAME, size=11, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = HEADER_FILL
        cell.border = _BORDER
        ws.column_dimensions[get_column_letter(c)].width = col.width
    body_font = Font(name=FONT_NAME, size=11)
    wrap = Alignment(vertical="center", wrap_text=True)
    for r, values in enumerate(sheet.rows):
        fill = PatternFill("solid", fgColor=sheet.row_fills[r]) if r in sheet.row_fills else None
        for c, (col, value) in enumerate(zip(sheet.columns, values, strict=True), start=1):
            cell = ws.cell(HEADER_ROW + 1 + r, c, value if value != "" else None)
            if col.as_text:
                cell.number_format = "@"
                if value not in (None, ""):
                    cell.value = str(value)
            elif hasattr(value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
            cell.font, cell.alignment, cell.border = body_font, wrap, _BORDER
            if fill:
                cell.fill = fill
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if sheet.landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
