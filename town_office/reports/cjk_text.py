"""A paragraph of Chinese text for reportlab, set the way Chinese official papers are set.

reportlab's own CJK wrapping lets a closing mark hang into the margin, keeps 《 at a line end and
draws every character in one font. :class:`Text` instead breaks lines by the Chinese rules (no line
starts with ，。、；：？！）》 and none ends with （《; Latin words and numbers stay whole), justifies full
lines to both margins, and draws each character in the first font of its role's chain that has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from town_office.reports.fonts import FANGSONG, font_book
from town_office.reports.words import inner_positions, short_run_positions

NO_LINE_START = set("，。、；：？！）》」』】〕〉…—％’”·,.;:?!)]}%")
NO_LINE_END = set("（《「『【〔〈‘“([{")

LEFT, CENTER, RIGHT, JUSTIFY = "left", "center", "right", "justify"

Span = tuple[str, str]  # (text, font role)


class Glyph(NamedTuple):  # a tuple: a file makes hundreds of thousands of them
    char: str
    font: str
    width: float


@dataclass(frozen=True)
class Line:
    glyphs: tuple[Glyph, ...]
    last: bool  # ends a paragraph or a forced break: not stretched

    @property
    def width(self) -> float:
        return sum(g.width for g in self.glyphs)


def _tokens(glyphs: list[Glyph], joins: set[int] = frozenset()) -> list[list[Glyph]]:
    """Units that a line break may not split, with the no-start / no-end marks glued on.

    ``joins``: indices of glyphs that stay with the glyph before them (inside a word).
    """
    raw: list[list[Glyph]] = []
    for index, glyph in enumerate(glyphs):
        latin = glyph.char.isascii() and not glyph.char.isspace()
        if raw and index in joins and raw[-1][-1].char != "\n" and glyph.char != "\n":
            raw[-1].append(glyph)
        elif latin and raw and raw[-1][-1].char.isascii() and not raw[-1][-1].char.isspace() \
                and raw[-1][-1].char not in ",;" and raw[-1][-1].char != "\n":
            raw[-1].append(glyph)  # numbers, codes and percentages stay whole: 2026-001, 86.8%
        else:
            raw.append([glyph])
    tokens: list[list[Glyph]] = []
    for token in raw:
        if token[0].char == "\n" or (tokens and tokens[-1][-1].char == "\n"):
            tokens.append(token)
        elif tokens and (token[0].char in NO_LINE_START or tokens[-1][-1].char in NO_LINE_END):
            tokens[-1] = tokens[-1] + token
        else:
            tokens.append(token)
    return tokens


def break_lines(glyphs: list[Glyph], width: float, first_indent: float = 0.0,
                joins: set[int] = frozenset(), rest_indent: float = 0.0) -> list[Line]:
    """Greedy line breaking over tokens; a token wider than a whole line is cut by characters.
    ``rest_indent``: the indent of every line after the first (a hanging label)."""
    lines: list[Line] = []
    current: list[Glyph] = []
    used = 0.0

    def avail() -> float:
        return width - (first_indent if not lines else rest_indent)

    def close(last: bool) -> None:
        nonlocal current, used
        while current and current[-1].char == " ":
            current.pop()
        lines.append(Line(tuple(current), last))
        current, used = [], 0.0

    for token in _tokens(glyphs, joins):
        if token[0].char == "\n":
            close(True)
            continue
        token_width = sum(g.width for g in token)
        too_long = token_width > width - max(first_indent, rest_indent) + 0.01
        long_latin = token_width > width / 2 and all(g.char.isascii() for g in token)
        if too_long or (long_latin and used + token_width > avail() + 0.01):
            # a long Latin word, number or address: cut by characters instead of a gappy line
            for glyph in token:
                if current and used + glyph.width > avail() + 0.01:
                    carry = current.pop() if glyph.char in NO_LINE_START and len(current) > 1 else None
                    close(False)
                    if carry is not None:  # a closing mark never starts a line: take a character along
                        current, used = [carry], carry.width
                current.append(glyph)
                used += glyph.width
            continue
        if current and used + token_width > avail() + 0.01:
            close(False)
        if not current and token[0].char == " ":
            continue
        current.extend(token)
        used += token_width
    if current or not lines:
        close(True)
    else:
        lines[-1] = Line(lines[-1].glyphs, True)
    return lines


def shape(spans: list[Span] | str, size: float) -> tuple[Glyph, ...]:
    """Characters with the font that draws each and its width at ``size``. The same text at the same
    size is shaped once (a batch of files repeats its dates, categories and states in every table)."""
    key = ((spans, FANGSONG),) if isinstance(spans, str) else tuple(spans)
    return _shaped(key, size, font_book())


@lru_cache(maxsize=8192)
def _shaped(spans: tuple[Span, ...], size: float, book) -> tuple[Glyph, ...]:
    glyphs = []
    widths = _WIDTH_AT_ONE
    for text, role in spans:
        for run, font in book.runs(text.replace("\r\n", "\n").replace("\t", " "), role):
            for c in run:
                width = widths.get((c, font))
                if width is None:
                    width = widths[(c, font)] = 0.0 if c == "\n" else stringWidth(c, font, 1.0)
                glyphs.append(Glyph(c, font, width * size))
    return tuple(glyphs)


_WIDTH_AT_ONE: dict[tuple[str, str], float] = {}  # (character, font) -> width at 1 pt, measured once


class Text(Flowable):
    """One paragraph: spans of ``(text, role)``, a size, a leading and an alignment.

    ``first_indent`` is in characters (2 for body paragraphs). ``min_height`` pads the box, with
    the lines centred in it (sign-in sheet rows need room for a signature).
    """

    def __init__(self, spans: list[Span] | str, size: float, leading: float | None = None,
                 align: str = JUSTIFY, first_indent: float = 0, color=colors.black,
                 min_height: float = 0, space_before: float = 0, space_after: float = 0,
                 balance: bool = False, grid: int = 0, keep_short: bool = False,
                 hang: float = 0, _lines: list[Line] | None = None):
        super().__init__()
        # ``grid``: characters per full line (公文: 28). Where ``grid`` characters of ``size`` are a
        # little wider than the line, they are set closer, as the standard's character grid does.
        self.grid = grid
        self.hang = hang * size  # indent of the lines after the first, in characters
        self.spans, self.size, self.leading = spans, size, leading or size * 1.5
        self.align, self.first_indent, self.color = align, first_indent * size, color
        self.min_height = min_height
        self.balance = balance  # titles: lines of even length, broken between words only
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self._glyphs = None if _lines is not None else shape(spans, size)
        # titles break between words; table cells (``keep_short``) keep names and numbers whole and
        # are set smaller rather than split inside one
        self.keep_short = keep_short
        plain = "".join(g.char for g in self._glyphs) if self._glyphs else ""
        self._joins = (inner_positions(plain) if balance and plain else set()) | (
            short_run_positions(plain) if keep_short else set())
        self._natural = (size, self.leading)
        self._widest: float | None = None  # the widest unbreakable token at the natural size
        self._fixed_lines = _lines
        self._broken: dict[tuple[float, float], list[Line]] = {}  # (width, size) -> lines: layout asks again
        self.lines: list[Line] = []

    @property
    def plain_text(self) -> str:
        if isinstance(self.spans, str):
            return self.spans
        return "".join(text for text, _ in self.spans)

    def _squeeze(self, width: float) -> float:
        """How much wider than ``width`` the characters may run before being set closer (≥ 1)."""
        if not self.grid:
            return 1.0
        return max(1.0, self.grid * self.size / width)

    def _lines_for(self, width: float) -> list[Line]:
        if self._fixed_lines is not None:
            return self._fixed_lines
        key = (width, self.size)
        if key not in self._broken:
            self._broken[key] = self._break(width)
        return self._broken[key]

    def _break(self, width: float) -> list[Line]:
        width *= self._squeeze(width)
        lines = break_lines(self._glyphs, width, self.first_indent, self._joins, self.hang)
        if self.balance and len(lines) > 1:
            narrow = width
            while narrow > width / 2:
                trial = break_lines(self._glyphs, narrow - self.size, self.first_indent, self._joins,
                                    self.hang)
                if len(trial) > len(lines):
                    break
                narrow, lines = narrow - self.size, trial
        return lines

    def _fit_tokens(self, width: float) -> None:
        """A cell too narrow for its widest unbreakable token is set smaller (down to 60 %)."""
        size, leading = self._natural
        if self._widest is None:
            tokens = [t for t in _tokens(shape(self.spans, size), self._joins) if t[0].char != "\n"]
            self._widest = max((sum(g.width for g in t) for t in tokens), default=0.0)
        widest = self._widest
        factor = 1.0 if widest <= width - self.first_indent else max(
            0.6, (width - self.first_indent) / widest)
        if abs(self.size - size * factor) > 1e-6:
            self.size, self.leading = size * factor, leading * factor
            self._glyphs = shape(self.spans, self.size)

    def wrap(self, availWidth, availHeight):
        if self.keep_short and self._fixed_lines is None:
            self._fit_tokens(availWidth)
        self.width = availWidth
        self.lines = self._lines_for(availWidth)
        self.height = max(len(self.lines) * self.leading, self.min_height)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        lines = self._lines_for(availWidth)
        fits = int((availHeight + 0.01) // self.leading)
        if fits >= len(lines):
            return [self]
        if fits == len(lines) - 1 and fits >= 2:
            fits -= 1  # no single last line (widow) at the top of the next page
        if fits <= 0 or (fits == 1 and len(lines) > 2):
            return []  # no single first line (orphan) at the foot of a page
        return self.cut(lines, fits)

    def cut(self, lines: list[Line], fits: int) -> list[Text]:
        """This paragraph as two: its first ``fits`` lines and the rest (which go on indented as
        continuation lines)."""
        kwargs = dict(size=self.size, leading=self.leading, align=self.align, color=self.color,
                      grid=self.grid)
        head = Text(self.spans, first_indent=self.first_indent / self.size,
                    hang=self.hang / self.size, space_before=self.spaceBefore,
                    _lines=lines[:fits], **kwargs)
        tail = Text(self.spans, first_indent=self.hang / self.size, hang=self.hang / self.size,
                    space_after=self.spaceAfter, _lines=lines[fits:], **kwargs)
        return [head, tail]

    def draw(self):
        canvas = self.canv
        top = self.height - (self.height - len(self.lines) * self.leading) / 2
        squeeze = self._squeeze(self.width)
        for index, line in enumerate(self.lines):
            indent = (self.first_indent if index == 0 else self.hang) / squeeze
            room = self.width - indent
            x, gap = indent, 0.0
            count = len(line.glyphs)
            if squeeze > 1 and count > 1:
                gap = line.width * (1 / squeeze - 1) / count  # the grid's closer setting
            if self.align == JUSTIFY and not line.last and count > 1:
                gap = (room - line.width) / (count - 1)
            elif self.align == CENTER:
                x += (room - line.width - gap * max(count - 1, 0)) / 2
            elif self.align == RIGHT:
                x += room - line.width - gap * max(count - 1, 0)
            baseline = top - index * self.leading - self.leading / 2 - self.size * 0.36
            text = canvas.beginText(x, baseline)
            text.setFillColor(self.color)
            text.setCharSpace(gap)
            for run, font in _runs(line.glyphs):
                text.setFont(font, self.size)
                text.textOut(run)
            canvas.drawText(text)


def _runs(glyphs) -> list[tuple[str, str]]:
    runs: list[tuple[str, str]] = []
    for glyph in glyphs:
        if runs and runs[-1][1] == glyph.font:
            runs[-1] = (runs[-1][0] + glyph.char, glyph.font)
        else:
            runs.append((glyph.char, glyph.font))
    return runs
