"""The one workbook style every export shares: a title row, a bold header, column widths, a frozen
header, cells as text where numbers would be mangled, and print setup (A4, fit to width, header
repeated on every printed page) that stays legible: widths chosen so the fitted sheet prints at 9 pt
or more, every row as tall as its wrapped text (see ``xlsx_fit``), and a font with the rare name
characters for the cells that hold them."""

from __future__ import annotations

import io
import re
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet import _writer as _sheet_writer
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from town_office.file_safety import remove_quietly, storage_error, write_file_atomically
from town_office.paths import open_folder
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
    temporary file of names and phone numbers in the system's temp folder: openpyxl's own scratch
    files of each sheet go into the data folder, see ``_scratch_folder_for``), written beside the
    target under a temporary name, flushed, then renamed; a full or removed disk leaves no file under
    the final name.

    Raises:
        StorageError: the target cannot be written (full, read-only, removed).
    """
    out = Path(out)
    buffer = io.BytesIO()
    with _scratch_folder_for(out):
        wb.save(buffer)
    try:
        write_file_atomically(out, buffer.getvalue())
    except OSError as exc:
        raise storage_error(out.parent, exc) from exc
    return out


@contextmanager
def streamed_workbook(out: Path) -> Iterator[Workbook]:
    """A write-only workbook saved to ``out`` when the block ends (``save_workbook``): each sheet's
    rows are written out as they are appended instead of held as cell objects, which makes a big
    workbook about twice as fast. Fill its sheets with ``write_table`` and ``append_notes``."""
    out = Path(out)
    wb = Workbook(write_only=True)
    try:
        with _scratch_folder_for(out):
            yield wb
        save_workbook(wb, out)
    finally:
        for ws in wb.worksheets:  # the sheets' scratch files, also when the block failed
            writer = getattr(ws, "_writer", None)
            if writer is not None:
                remove_quietly(Path(writer.out))


# openpyxl writes each sheet's XML to a scratch file before zipping it, by default in the system's
# temporary folder. The clerk's data never goes there: while a workbook is written, its scratch files
# are made in the open data folder's previews/ (not on the stick the workbook may be going to: they
# are several times its size), or beside the workbook when no data folder is open; removed once saved.
_scratch = threading.local()


@contextmanager
def _scratch_folder_for(out: Path) -> Iterator[None]:
    before = getattr(_scratch, "folder", None)
    data = open_folder()
    _scratch.folder = data.previews if data is not None else Path(out).parent
    _scratch.folder.mkdir(parents=True, exist_ok=True)
    try:
        yield
    finally:
        _scratch.folder = before


def _scratch_file(suffix: str = "") -> str:
    handle = tempfile.NamedTemporaryFile(mode="w+", suffix=suffix, prefix=".openpyxl.", delete=False,
                                         dir=getattr(_scratch, "folder", None))
    handle.close()
    _sheet_writer.ALL_TEMP_FILES.append(handle.name)
    return handle.name


_sheet_writer.create_temporary_file = _scratch_file


_RARE = re.compile("[\u3400-\u4dbf\U00010000-\U0010ffff]")


def has_rare_characters(text: str) -> bool:
    """Characters of CJK Extension A or beyond the Basic Multilingual Plane (䶮, 𬌗)."""
    return _RARE.search(text) is not None


def write_table(ws, sheet: TableSheet) -> None:
    """Fill the empty sheet ``ws`` with a title row, header row and data rows, styled and set up for
    printing. Rows are appended, so ``ws`` may be a write-only sheet (``streamed_workbook``): what
    comes before the rows in the file (widths, frozen header, fit to page, the usual row height) is
    set first."""
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
    streamed = isinstance(ws, WriteOnlyWorksheet)
    if streamed:
        ws._values_to_row = _placed  # every value appended here is a styled cell already
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    heights = [row_height(values, widths) for values in sheet.rows]
    usual = Counter(heights).most_common(1)[0][0] if heights else row_height([""], widths)
    ws.sheet_format.defaultRowHeight, ws.sheet_format.customHeight = usual, True  # only the others are listed
    title = _styled(ws, sheet.title, Font(name=FONT_NAME, size=16, bold=True),
                    Alignment(horizontal="center", vertical="center"))
    ws.row_dimensions[TITLE_ROW].height = 30
    ws.append([title])
    header_font = Font(name=FONT_NAME, size=11, bold=True)
    header_alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[HEADER_ROW].height = row_height(headers, widths)
    ws.append([_styled(ws, col.header, header_font, header_alignment, HEADER_FILL, _BORDER)
               for col in sheet.columns])
    looks = _BodyLooks(ws)
    for r, (values, height) in enumerate(zip(sheet.rows, heights)):
        if height != usual:
            ws.row_dimensions[HEADER_ROW + 1 + r].height = height
        fill_color = sheet.row_fills.get(r)
        if streamed:  # one cell object serves the whole sheet: each is written out as soon as it is filled
            ws.append(looks.reused(sheet.columns, values, fill_color))
        else:
            ws.append([looks.fill(Cell(ws, row=1, column=1), col, value, fill_color, shared=False)
                       for col, value in zip(sheet.columns, values, strict=True)])
    if printed < n:
        ws.print_area = f"A1:{get_column_letter(printed)}{HEADER_ROW + len(sheet.rows)}"
        ws.oddHeader.right.text = "打印件不含" + "、".join(headers[printed:]) + "列"
    merged = f"A{TITLE_ROW}:{get_column_letter(printed)}{TITLE_ROW}"
    if hasattr(ws, "merge_cells"):
        ws.merge_cells(merged)
    else:  # a write-only sheet only lists its merged ranges
        ws.merged_cells.add(merged)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _placed(cells, row: int) -> Iterator[Cell]:
    """A write-only sheet's row of cells given their places (openpyxl's own way tries each as a value
    first and takes the cell from the error it raises)."""
    for column, cell in enumerate(cells, start=1):
        cell.row, cell.column = row, column
        yield cell


def append_notes(ws, texts: Sequence[str]) -> None:
    """A blank row, then one row per note text in the first column, below what ``ws`` holds."""
    ws.append([])
    for text in texts:
        note = Cell(ws, row=1, column=1)
        put(note, text)
        ws.append([note])


def _styled(ws, value, font, alignment, fill=None, border=None) -> Cell:
    cell = Cell(ws, row=1, column=1)
    put(cell, value)
    cell.font, cell.alignment = font, alignment
    if fill is not None:
        cell.fill = fill
    if border is not None:
        cell.border = border
    return cell


class _BodyLooks:
    """A body cell's look is one of a few combinations (number format, rare-character font, row fill,
    quote prefix): each is built once through openpyxl's style objects and then given to each cell as
    its style array, since setting font, alignment and border on every cell hashes them again (most
    of a big workbook's time)."""

    def __init__(self, ws):
        self._ws, self._looks = ws, {}
        self._body_font, self._rare_font = Font(name=FONT_NAME, size=11), Font(name=RARE_FONT_NAME, size=11)
        self._wrap = Alignment(vertical="center", wrap_text=True)
        self._scratch = Cell(ws, row=1, column=1)

    def reused(self, columns: Sequence[Column], values, fill_color: str | None) -> Iterator[Cell]:
        """A write-only row: one cell object refilled for each value (openpyxl writes each out as it
        is yielded), its style array shared with the look's, never changed in place."""
        for col, value in zip(columns, values, strict=True):
            yield self.fill(self._scratch, col, value, fill_color, shared=True)

    def fill(self, cell: Cell, col: Column, value, fill_color: str | None, shared: bool) -> Cell:
        """``value`` and its look in ``cell``, the way ``put`` writes it; ``shared``: the look's own style
        array (for a cell written out at once), else a copy (a cell kept in the sheet)."""
        if value == "":
            value = None
        number_format = None
        if col.as_text:
            number_format = "@"
            if value is not None:
                value = str(value)
        elif hasattr(value, "isoformat"):
            number_format = "yyyy-mm-dd"
        text = isinstance(value, str)
        if not (value is None or text or type(value) in (int, float)):
            cell._style = StyleArray()  # binding a date sets the cell's number format: not in a shared look
        cell.value = value
        if text:
            cell.data_type = "s"  # never a formula or an error code
        look = (number_format, text and has_rare_characters(value), fill_color,
                text and value.startswith(_FORMULA_STARTS))
        style = self._looks.get(look)
        if style is None:
            cell._style = StyleArray()
            if number_format:
                cell.number_format = number_format
            cell.font = self._rare_font if look[1] else self._body_font
            cell.alignment, cell.border = self._wrap, _BORDER
            if fill_color:
                cell.fill = PatternFill("solid", fgColor=fill_color)
            cell.quotePrefix = look[3]
            style = self._looks[look] = copy(cell._style)
        cell._style = style if shared else copy(style)
        return cell
