"""How a paper ends: the 署名 and 成文日期 kept with the last lines of the body, so the signature
never stands alone on a page, and the 版记 (抄送, 印发机关 and 印发日期 between rules) at the foot
of a 纪要's last page (GB/T 9704 7.3.5 and 7.4)."""

from __future__ import annotations

from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from town_office.reports.chinese_numbers import chinese_date
from town_office.reports.cjk_text import JUSTIFY, LEFT, RIGHT, Text
from town_office.reports.fonts import FANGSONG
from town_office.reports.gongwen import BODY_SIZE, LINE, TYPE_HEIGHT


class _Signature(Flowable):
    """署名 over 成文日期, unsealed (GB/T 9704 7.3.5.2): the date two characters in from the right,
    the issuing body centred over it (or two in from the right, the date centred under it, when the
    name is the longer)."""

    def __init__(self, issuer: str, dated: str):
        super().__init__()
        self.issuer = Text([(issuer, FANGSONG)], BODY_SIZE, LINE, align=LEFT)
        self.dated = Text([(dated, FANGSONG)], BODY_SIZE, LINE, align=LEFT)

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        for line in (self.issuer, self.dated):
            line.wrap(availWidth, LINE)
        self.height = 2 * LINE - 0.01
        return self.width, self.height

    def draw(self):
        widths = [line.lines[0].width if line.lines else 0 for line in (self.issuer, self.dated)]
        centre = self.width - 2 * BODY_SIZE - max(widths) / 2
        for index, (line, width) in enumerate(zip((self.issuer, self.dated), widths)):
            line.drawOn(self.canv, centre - width / 2, LINE * (1 - index))


class _Closing(Flowable):
    """The last paragraph with the 署名 and 成文日期 under it: when the page runs out, the paragraph's
    last two lines go over with them, so the signature never stands alone on a page."""

    def __init__(self, paragraph: Text | None, tail: list):
        super().__init__()
        self.paragraph, self.tail = paragraph, tail

    def _parts(self) -> list:
        return ([self.paragraph] if self.paragraph is not None else []) + self.tail

    def first_piece(self, width: float) -> float:
        """The least of it that can stand at the foot of a page: two lines of a paragraph that
        leaves two for the signature's page, else the whole block."""
        if self.paragraph is not None:
            lines = self.paragraph._lines_for(width)
            if len(lines) - 2 >= 2:
                return 2 * self.paragraph.leading
        return self.wrap(width, TYPE_HEIGHT)[1]

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = sum(part.wrap(availWidth, availHeight)[1] + part.getSpaceBefore()
                          + part.getSpaceAfter() for part in self._parts())
        return self.width, self.height

    def split(self, availWidth, availHeight):
        self.wrap(availWidth, availHeight)
        if self.height <= availHeight or self.paragraph is None:
            return [] if self.height > availHeight else [self]
        lines = self.paragraph._lines_for(availWidth)
        room = availHeight - self.paragraph.getSpaceBefore()
        fits = min(int((room + 0.01) // self.paragraph.leading), len(lines) - 2)
        if fits < 2:
            return []  # the whole paragraph goes over with the signature
        head, rest = self.paragraph.cut(lines, fits)
        return [head, _Closing(rest, self.tail)]

    def draw(self):
        y = self.height
        for part in self._parts():
            y -= part.getSpaceBefore() + part.height
            part.drawOn(self.canv, 0, y)
            y -= part.getSpaceAfter()


def close_with_signature(story: list, issuer: str, dated: date | None) -> None:
    """End ``story`` with one empty line, the 署名 and the 成文日期, kept with the last paragraph."""
    last = story.pop() if story and isinstance(story[-1], Text) else None
    story.append(_Closing(last, [Spacer(1, LINE), _Signature(issuer, chinese_date(dated))]))


IMPRINT_SIZE = 14  # 版记: 4号仿宋


class _Imprint(Flowable):
    """版记 at the foot of the last page: 抄送 and 印发机关 / 印发日期 between a thick first and last
    rule with a thin one between them, one character in from each side (GB/T 9704 7.4)."""

    def __init__(self, copy_to: str, issuer: str, issued_on: date | None):
        super().__init__()
        self.copy_to = Text([("抄送：", FANGSONG), (copy_to.rstrip("。") + "。", FANGSONG)],
                            IMPRINT_SIZE, LINE, align=JUSTIFY, hang=3)
        self.issuer = Text([(issuer, FANGSONG)], IMPRINT_SIZE, LINE, align=LEFT)
        self.dated = Text([(f"{chinese_date(issued_on)}印发", FANGSONG)], IMPRINT_SIZE, LINE,
                          align=RIGHT)

    def _needed(self, width: float) -> float:
        inner = width - 2 * IMPRINT_SIZE
        return self.copy_to.wrap(inner, LINE * 4)[1] + self.issuer.wrap(inner, LINE)[1] + 4

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        needed = self._needed(availWidth)
        self.height = max(needed, availHeight - 0.01)  # takes the rest of the page: sits at its foot
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return [] if self._needed(availWidth) > availHeight else [self]

    def draw(self):
        canvas, width = self.canv, self.width
        inner = width - 2 * IMPRINT_SIZE
        copy_height = self.copy_to.wrap(inner, LINE * 4)[1]
        self.issuer.wrap(inner, LINE)
        self.dated.wrap(inner, LINE)
        bottom = 0.0
        middle = bottom + LINE + 2
        top = middle + copy_height + 2
        self.copy_to.drawOn(canvas, IMPRINT_SIZE, middle)  # in reading order, for copy and search
        self.issuer.drawOn(canvas, IMPRINT_SIZE, bottom)
        self.dated.drawOn(canvas, IMPRINT_SIZE, bottom)
        canvas.saveState()
        canvas.setStrokeColor(colors.black)
        for y, thickness in ((top, 0.35 * mm), (middle, 0.25 * mm), (bottom, 0.35 * mm)):
            canvas.setLineWidth(thickness)
            canvas.line(0, y, width, y)
        canvas.restoreState()


def imprint(copy_to: str, issuer: str, issued_on: date | None) -> Flowable:
    """The 版记 that ends a 纪要: 抄送, then 印发机关 and 印发日期, at the foot of the last page."""
    return _Imprint(copy_to, issuer, issued_on)


# --- the page and the document ---------------------------------------------------------------
