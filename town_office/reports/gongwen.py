"""The GB/T 9704-2012 page that every printed paper shares, and the pieces papers are built from.

A4, 37 mm top and 28 mm left margins, a 156 × 225 mm type area; body 16 pt 仿宋 on a 22-line grid;
titles 22 pt 小标宋 (or the nearest font found); headings 一、 in 黑体, （一） in 楷体; page numbers
"— N —" in 14 pt 宋体 7 mm under the type area, odd pages right and even pages left, one character in.
Landscape papers (ledgers) turn the type area with the page. Every PDF starts in an embedded font and
embeds subsets only (see ``fonts.py``); files are written to a temporary name and then renamed, so a
half-written paper never replaces a good one.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import HRFlowable

from town_office import APP_NAME
from town_office.file_safety import storage_error
from town_office.reports.chinese_numbers import chinese_date
from town_office.reports.cjk_text import CENTER, JUSTIFY, LEFT, RIGHT, Span, Text
from town_office.reports.fonts import FANGSONG, HEI, KAI, SONG, TITLE, font_book

TOP_MARGIN, LEFT_MARGIN = 37 * mm, 28 * mm
TYPE_WIDTH, TYPE_HEIGHT = 156 * mm, 225 * mm
BODY_SIZE, TITLE_SIZE, PAGE_NUMBER_SIZE = 16, 22, 14
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
LINE = TYPE_HEIGHT / LINES_PER_PAGE  # ≈ 29 pt: the 22-line grid
RED = colors.HexColor("#E60012")  # the red of 红头 (CMYK 0/100/100/0)


def _embedded_cell_font() -> tuple:
    """Plain-string cells would otherwise be drawn in reportlab's unembedded Helvetica."""
    return ("FONTNAME", (0, 0), (-1, -1), font_book().primary[FANGSONG])


# --- building blocks -------------------------------------------------------------------------


def title(text: str) -> list:
    """The paper's title, 22 pt, centred, with one empty grid line under it."""
    return [Text([(text, TITLE)], TITLE_SIZE, LINE * 1.35 if len(text) > 20 else LINE,
                 align=CENTER, space_after=LINE, balance=True)]


def body(text: str | list[Span], indent: bool = True, align: str = JUSTIFY) -> Text:
    """A body paragraph, 16 pt 仿宋, first line indented two characters."""
    spans = [(text, FANGSONG)] if isinstance(text, str) else text
    return Text(spans, BODY_SIZE, LINE, align=align, first_indent=2 if indent else 0,
                grid=CHARS_PER_LINE)


def heading(text: str, level: int = 1) -> Text:
    """一、 (level 1, 黑体), （一） (level 2, 楷体), 1. / （1） (level 3, 仿宋); indented two characters."""
    role = {1: HEI, 2: KAI}.get(level, FANGSONG)
    result = Text([(text, role)], BODY_SIZE, LINE, align=JUSTIFY, first_indent=2,
                  grid=CHARS_PER_LINE)
    # Never a heading alone at the foot of a page: it needs room for two lines under it, or it starts
    # the next page. (reportlab's keepWithNext would move the heading together with the whole of a
    # long table after it, leaving most of a page empty.)
    result.room_below = 2 * LINE
    return result


def labelled(label: str, text: str, indent: bool = True) -> Text:
    """"出席：王建国、李春梅" with the label in 黑体 and the names in 仿宋."""
    return Text([(label, HEI), (text or "无", FANGSONG)], BODY_SIZE, LINE, align=JUSTIFY,
                first_indent=2 if indent else 0, grid=CHARS_PER_LINE)


def hanging(label: str, text: str) -> Text:
    """"出席：王建国、李春梅…" indented two characters, the wrapped names aligned after the colon."""
    return Text([(label, HEI), (text or "无", FANGSONG)], BODY_SIZE, LINE, align=JUSTIFY,
                first_indent=2, hang=2 + len(label), grid=CHARS_PER_LINE, keep_short=True)


def right_aligned(text: str) -> Text:
    return Text([(text, FANGSONG)], BODY_SIZE, LINE, align=RIGHT, grid=CHARS_PER_LINE)


def blank_lines(n: int = 1) -> Spacer:
    return Spacer(1, LINE * n)


def document_number(text: str) -> Text:
    """The 发文字号 (e.g. 青石人大督〔2026〕3号), centred on its own line above the title."""
    return Text([(text, FANGSONG)], BODY_SIZE, LINE, align=CENTER, space_after=LINE * 0.5)


def table(header: list[str], rows: list[list], widths: list[float], *,
          size: float = 12, align: list[str] | None = None, min_row_height: float = 0,
          header_role: str = HEI, cell_role: str = FANGSONG) -> Table:
    """A ruled table with CJK wrapping in every cell and the header repeated on every page.

    Args:
        widths: relative column widths; scaled to fill the type area.
        align: per column, ``left`` / ``center`` / ``right``; default centred.
        min_row_height: minimum height of body rows in points (room to sign).
    """
    total = sum(widths)
    col_widths = [f"{100 * w / total:.3f}%" for w in widths]
    align = align or [CENTER] * len(header)
    leading = size * 1.4
    data = [[Text([(h, header_role)], size, leading, align=CENTER) for h in header]]
    for row in rows:  # a cell is a string, or a list of (text, role) spans
        data.append([Text(value if isinstance(value, list) else [(str(value), cell_role)], size,
                          leading, align=align[i], keep_short=True,
                          min_height=max(0.0, min_row_height - 8))
                     for i, value in enumerate(row)])
    result = Table(data, colWidths=col_widths, repeatRows=1)
    result.setStyle(TableStyle([
        _embedded_cell_font(),
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return result


def signature_lines(*labels: str) -> Table:
    """Labels such as 主持人（签字）： each followed by a ruled space to sign on."""
    cells, style = [], [("VALIGN", (0, 0), (-1, -1), "BOTTOM"), _embedded_cell_font(),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
    for index, label in enumerate(labels):
        cells += [Text([(label, FANGSONG)], BODY_SIZE, LINE, align=LEFT), ""]
        style.append(("LINEBELOW", (index * 2 + 1, 0), (index * 2 + 1, 0), 0.6, colors.black))
    share = TYPE_WIDTH / len(labels)
    widths = []
    for label in labels:
        label_width = len(label) * BODY_SIZE + 2
        widths += [label_width, share - label_width - BODY_SIZE]
    result = Table([cells], colWidths=widths, rowHeights=[LINE * 1.5])
    result.setStyle(TableStyle(style))
    result.spaceBefore = LINE
    return result


MASTHEAD_TOP = 35 * mm  # GB/T 9704 10.3: the 纪要 mark's top edge 35 mm below the type area's top


def red_header(masthead: str, issue_line: str, issuer: str, issued_on: date | None) -> list:
    """The 纪要 head: the red mark with its top edge 35 mm into the type area, 第N期, issuing body
    left and date right, then the red rule."""
    size = min(38.0, TYPE_WIDTH / max(len(masthead), 1) * 0.96)
    leading = size * 1.6
    mark = Text([(masthead, TITLE)], size, leading, align=CENTER, color=RED)
    ascent = pdfmetrics.getFont(font_book().primary[TITLE]).face.ascent / 1000 * size
    baseline_below_top = leading / 2 + size * 0.36  # where Text puts a single line's baseline
    issuer_and_date = Table(
        [[Text([(issuer, FANGSONG)], BODY_SIZE, LINE, align=LEFT),
          Text([(chinese_date(issued_on), FANGSONG)], BODY_SIZE, LINE, align=RIGHT)]],
        colWidths=[TYPE_WIDTH / 2, TYPE_WIDTH / 2])
    issuer_and_date.setStyle(TableStyle([_embedded_cell_font(), ("LEFTPADDING", (0, 0), (-1, -1), BODY_SIZE),
                                         ("RIGHTPADDING", (0, 0), (-1, -1), BODY_SIZE),
                                         ("TOPPADDING", (0, 0), (-1, -1), 0),
                                         ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return [
        Spacer(1, MASTHEAD_TOP - (baseline_below_top - ascent)),
        mark,
        Spacer(1, LINE * 0.5),
        Text([(issue_line, FANGSONG)], BODY_SIZE, LINE, align=CENTER),
        issuer_and_date,
        HRFlowable(width="100%", thickness=1.5, color=RED, spaceBefore=2, spaceAfter=LINE),
    ]


def _draw_page_number(canvas, doc) -> None:
    number = canvas.getPageNumber()
    book = font_book()
    text = f"— {number} —"
    runs = book.runs(text, SONG)
    width = sum(canvas.stringWidth(run, font, PAGE_NUMBER_SIZE) for run, font in runs)
    frame = doc.pageTemplates[0].frames[0]
    if number % 2:
        x = frame._x1 + frame._width - PAGE_NUMBER_SIZE - width
    else:
        x = frame._x1 + PAGE_NUMBER_SIZE
    y = frame._y1 - 7 * mm - PAGE_NUMBER_SIZE * 0.5
    obj = canvas.beginText(x, y)
    for run, font in runs:
        obj.setFont(font, PAGE_NUMBER_SIZE)
        obj.textOut(run)
    canvas.drawText(obj)


DRAFT_MARK = "样稿"


def _draw_draft_mark(canvas, doc) -> None:
    """A light diagonal 样稿 across the page: a draft can never pass for the filed paper."""
    font = font_book().primary[HEI]
    canvas.saveState()
    canvas.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.28))
    canvas.setFont(font, 120)
    width, height = doc.pagesize
    canvas.translate(width / 2, height / 2)
    canvas.rotate(45)
    canvas.drawCentredString(0, -40, DRAFT_MARK)
    canvas.restoreState()


class Paper:
    """One paper being written: ``with Paper(out, "标题") as story: story += [...]``.

    On leaving the block the PDF is built into a temporary file and renamed over ``out``.
    ``draft=True`` marks every page 样稿 (papers of a meeting not yet held).
    """

    def __init__(self, out: Path, pdf_title: str, *, landscape_page: bool = False,
                 page_numbers: bool = True, draft: bool = False):
        self.out = Path(out)
        self.pdf_title = pdf_title
        self.landscape = landscape_page
        self.page_numbers = page_numbers
        self.draft = draft
        self.story: list = []

    def __enter__(self) -> list:
        return self.story

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.build()

    def build(self) -> Path:
        """Write the PDF."""
        book = font_book()
        if self.landscape:
            page = landscape(A4)
            frame = Frame(TOP_MARGIN, page[1] - LEFT_MARGIN - TYPE_WIDTH, TYPE_HEIGHT, TYPE_WIDTH,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="type")
        else:
            page = A4
            frame = Frame(LEFT_MARGIN, page[1] - TOP_MARGIN - TYPE_HEIGHT, TYPE_WIDTH, TYPE_HEIGHT,
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="type")
        try:
            self.out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise storage_error(self.out.parent, exc) from exc
        temporary = self.out.with_name(f".{self.out.name}.part")
        doc = BaseDocTemplate(
            str(temporary), pagesize=page, title=self.pdf_title, author=APP_NAME, creator=APP_NAME,
            initialFontName=book.primary[FANGSONG], initialFontSize=BODY_SIZE,
            leftMargin=frame._x1, topMargin=TOP_MARGIN, rightMargin=0, bottomMargin=0)
        painters = [p for p, wanted in ((_draw_page_number, self.page_numbers),
                                        (_draw_draft_mark, self.draft)) if wanted]

        def on_page(canvas, doc_):
            for paint in painters:
                paint(canvas, doc_)
        doc.addPageTemplates([PageTemplate(id="gongwen", frames=[frame], onPage=on_page)])
        story = []
        for index, flowable in enumerate(self.story):
            room = getattr(flowable, "room_below", 0)
            if room:
                after = self.story[index + 1] if index + 1 < len(self.story) else None
                if hasattr(after, "first_piece"):  # what follows cannot leave two lines alone
                    room = after.first_piece(frame._width)
                story.append(CondPageBreak(room + flowable.wrap(frame._width, frame._height)[1]))
            story.append(flowable)
        try:
            doc.build(story)
            with open(temporary, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(temporary, self.out)
        except OSError as exc:  # full, read-only or removed: said in Chinese, nothing left behind
            raise storage_error(self.out.parent, exc) from exc
        finally:
            temporary.unlink(missing_ok=True)
        return self.out
