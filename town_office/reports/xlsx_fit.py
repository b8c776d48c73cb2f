"""Fitting a workbook table to A4 so that it prints legibly in any spreadsheet program.

Excel, WPS and LibreOffice all shrink a sheet set to "fit to one page wide"; with wide tables that
printed the ledger at 5 pt. Here the column widths are chosen so that the fitted sheet prints at no
less than 9 pt (narrowing the text columns, never below what a date, a code or a short name needs
on one line), and every row is given the height its wrapped text needs (LibreOffice does not grow
rows by itself, and text then prints over the row below).

Widths are in Excel's units (the width of a digit of the default 11 pt font, 7 px at 96 dpi).
"""

from __future__ import annotations

import math
import re

BODY_SIZE = 11
MIN_PRINTED_SIZE = 9.0
SAFETY = 1.1  # programs round widths and paddings differently: leave some room
_PX_PER_UNIT, _PX_PADDING, _PT_PER_PX = 7, 5, 0.75
_A4_MM = (210.0, 297.0)
_MARGIN_MM = 0.4 * 25.4  # left and right page margins (inches → mm)
_LINE_PT = 14.3  # one line of 11 pt 宋体 as the programs space it
_UNBREAKABLE = re.compile(r"[\x21-\x7e]+|[\u3400-\u9fff\U00020000-\U0003134f]{2,3}(?=$|[^\u3400-\u9fff])")


def char_units(char: str) -> float:
    """Width of one character at 11 pt in column units: hanzi and full-width marks are two; digits
    and Latin letters are given a quarter more than Calibri's, because the cell's own font (宋体, or
    what stands in for it) sets them wider and a date too wide for its column prints as ###."""
    return 1.25 if ord(char) < 0x2E80 else 2.1


_WIDE = re.compile("[^\x00-\u2e7f]")  # what char_units counts as two (2.1) units


def text_units(text: str) -> float:
    """``sum(char_units(c) for c in text)``, counted by a regular expression (a big workbook measures
    a million characters)."""
    wide = _WIDE.subn("", text)[1]
    return 1.25 * (len(text) - wide) + 2.1 * wide


def _display(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _min_units(header: str, values: list[str]) -> float:
    """What the column needs so that nothing unbreakable (a date, a code, a number, a name of two
    or three hanzi, two hanzi of the header) is split."""
    need = 2 * 2.1
    for text in set(values):  # a long list repeats its values: measure each once
        if len(text) * 2.1 <= need:
            continue  # no token of it can be wider
        for token in _UNBREAKABLE.findall(text):
            need = max(need, text_units(token))
    return need + 1.0


def printable_units(landscape: bool, columns: int) -> float:
    """Column units that print at ``MIN_PRINTED_SIZE`` when fitted to one A4 page wide."""
    width_mm = (_A4_MM[1] if landscape else _A4_MM[0]) - 2 * _MARGIN_MM
    width_px = width_mm / 25.4 * 72 / _PT_PER_PX * (BODY_SIZE / MIN_PRINTED_SIZE) / SAFETY
    return (width_px - _PX_PADDING * columns) / _PX_PER_UNIT


def fit_widths(headers: list[str], preferred: list[float], rows, landscape: bool) -> list[float]:
    """Column widths no wider in all than the page allows at 9 pt: the columns with room to give
    (long text that wraps) are narrowed in proportion to that room."""
    budget = printable_units(landscape, len(headers))
    texts = [[_display(row[c]) for row in rows] for c in range(len(headers))]
    minimum = [_min_units(h, t) for h, t in zip(headers, texts)]
    preferred = [max(p, m) for p, m in zip(preferred, minimum)]
    excess = sum(preferred) - budget
    if excess <= 0:
        return list(preferred)
    room = [p - m for p, m in zip(preferred, minimum)]
    total_room = sum(room)
    if total_room <= 0:
        return minimum
    share = min(1.0, excess / total_room)
    return [round(p - r * share, 1) for p, r in zip(preferred, room)]


def lines_in(text: str, width: float) -> int:
    """Lines a wrapped cell of ``width`` units takes for ``text``."""
    usable = max(width - 1.0, 2.2)
    if len(text) * 2.1 <= usable and "\n" not in text:
        return 1  # however wide its characters, it fits (most cells of a long list)
    count = 0
    for paragraph in text.split("\n"):
        count += max(1, math.ceil(text_units(paragraph) / usable))
    return count


def row_height(values, widths: list[float], size: float = BODY_SIZE) -> float:
    """Points the row needs for its tallest wrapped cell."""
    lines = 1
    for value, width in zip(values, widths):
        if value is None:
            continue
        text = value if type(value) is str else _display(value)
        if len(text) * 2.1 <= width - 1.0 and "\n" not in text:
            continue  # lines_in's first test, without the call (a big workbook has a million cells)
        lines = max(lines, lines_in(text, width))
    return round(lines * _LINE_PT * size / BODY_SIZE + 4, 1)


