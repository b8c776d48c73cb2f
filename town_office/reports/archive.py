"""代表履职档案 (一人一档): cover, contents with real page numbers, ① 基本情况 and sections ②–⑧ as
tables (a section with nothing in it says so), and the one-page 履职登记表 with signature lines.

Several deputies can go into one PDF. It is built once: the contents' page numbers are PDF forms
(XObjects) placed where each number goes and filled in at the end of the build, when markers have
noted the page each part starts on (a form may be defined after it is used).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Spacer,
    Table,
    TableStyle,
)

from town_office.reports import gongwen as g
from town_office.reports.chinese_numbers import chinese_date
from town_office.reports.cjk_text import CENTER, LEFT, RIGHT, Text
from town_office.reports.fonts import FANGSONG, HEI, TITLE, font_book

FORM_TITLE = "代表履职登记表"
EMPTY = "本期间无记录。"


class _Mark(Flowable):
    """Notes the page it lands on in ``pages[key]`` (for a part that starts a page)."""

    def __init__(self, pages: dict, key):
        super().__init__()
        self.pages, self.key = pages, key

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.pages[self.key] = self.canv.getPageNumber()


def _marked(flowable: Flowable, pages: dict, key) -> Flowable:
    """``flowable`` noting in ``pages[key]`` the page it is drawn on. A heading kept with its table
    moves to the next page with it, so the page is read where the heading is drawn, not where a
    separate marker before it was left behind."""
    draw = flowable.draw

    def draw_and_note():
        pages[key] = flowable.canv.getPageNumber()
        draw()

    flowable.draw = draw_and_note
    return flowable


class _PageNumberLater(Flowable):
    """A page number of the contents: the size of one line of 16 pt 仿宋, drawn as the form
    ``form_name`` that ``_PageNumbersFilledIn`` defines once the page is known."""

    def __init__(self, key):
        super().__init__()
        self.key = key
        self.form_name = "contents_page_%s_%s" % key
        self.text = Text([("00", FANGSONG)], 16, g.LINE, align=RIGHT)

    def wrap(self, available_width, available_height):
        self.width, self.height = self.text.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self):
        self.canv.doForm(self.form_name)


class _PageNumbersFilledIn(Flowable):
    """The story's last, zero-size flowable: every contents page number, as its form, now that each
    part has been placed — drawn as the contents' cell would have drawn it (right-aligned in the
    cell's width)."""

    def __init__(self, numbers: list[_PageNumberLater], pages: dict):
        super().__init__()
        self.numbers, self.pages = numbers, pages

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        for number in self.numbers:
            self.canv.beginForm(number.form_name)
            text = Text([(str(self.pages[number.key]), FANGSONG)], 16, g.LINE, align=RIGHT)
            text.wrap(number.width, number.height)
            text.drawOn(self.canv, 0, 0)
            self.canv.endForm()


def _grid(rows: list[list[str]], widths: list[float], size: float = 12, label_columns=(0,)) -> Table:
    """A ruled form: label cells in 黑体 on grey, values in 仿宋."""
    total = sum(widths)
    data = [[Text([(value or "—", HEI if c in label_columns else FANGSONG)], size, size * 1.5,
                  align=CENTER if c in label_columns else LEFT) for c, value in enumerate(row)] for row in rows]
    table = Table(data, colWidths=[g.TYPE_WIDTH * w / total for w in widths])
    style = [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("FONTNAME", (0, 0), (-1, -1), font_book().primary[FANGSONG]),
             ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]
    style += [("BACKGROUND", (c, 0), (c, -1), colors.HexColor("#F2F2F2")) for c in label_columns]
    table.setStyle(TableStyle(style))
    return table


def _basic_rows(d) -> list[list[str]]:
    return [
        ["姓名", d.name, "性别", d.gender],
        ["民族", d.ethnicity, "出生年月", d.birth_month.replace("-", "年") + "月" if d.birth_month else ""],
        ["政治面貌", d.party, "文化程度", d.education],
        ["代表证号", d.card_number, "当选日期", chinese_date(d.elected_on) if d.elected_on else ""],
        ["选区", d.constituency_name, "代表小组", d.group_name + (f"（{d.group_role}）" if d.group_role else "")],
        ["代表层级", d.levels_text, "主席团职务", d.presidium_role or "非主席团成员"],
        ["公民身份号码", d.masked_id_number, "联系电话", d.phone],
        ["工作单位及职务", d.work_unit_post, "状态", d.status + (f"（{chinese_date(d.ended_on)}{d.end_reason}）"
                                                           if d.status == "终止" else "")],
    ]


def _cover(a) -> list:
    d = a.deputy
    name = f"{a.town}{a.term_name}人民代表大会"  # a year of the 换届: 第十九届、第二十届
    big = Text([(name, TITLE)], 26 if len(name) <= 14 else 20, 44, align=CENTER, balance=True)
    bigger = Text([("代表履职档案", TITLE)], 34, 56, align=CENTER)
    rows = [["姓　　名", d.name], ["代表证号", d.card_number], ["选　　区", d.constituency_name],
            ["代表小组", d.group_name], ["建档单位", f"{a.town}人大主席团"], ["档案期间", a.period_label]]
    fields = _grid(rows, [1, 2.2], size=16)
    fields.hAlign = "CENTER"
    return [Spacer(1, g.LINE * 3), big, Spacer(1, g.LINE * 0.5), bigger, Spacer(1, g.LINE * 3), fields,
            PageBreak()]


def _contents(a, index: int, numbers: list) -> list:
    parts = [("① 基本情况", (index, 1))] + [(s.heading, (index, s.number)) for s in a.sections]
    parts.append((FORM_TITLE, (index, "form")))
    rows = []
    for text, key in parts:
        numbers.append(_PageNumberLater(key))
        rows.append([Text([(text, FANGSONG)], 16, g.LINE, align=LEFT), "", numbers[-1]])
    table = Table(rows, colWidths=[g.TYPE_WIDTH * 0.45, g.TYPE_WIDTH * 0.43, g.TYPE_WIDTH * 0.12])
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), font_book().primary[FANGSONG]),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                               ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black, None, (1, 3))]))
    return [Text([("目　　录", TITLE)], 22, g.LINE, align=CENTER, space_after=g.LINE), table, PageBreak()]


def _section_table(section) -> Flowable:
    if not section.activities:
        return g.body(EMPTY)
    rows = [[f"{i}", a.on.strftime("%Y-%m-%d"), a.category, a.content, a.status]
            for i, a in enumerate(section.activities, start=1)]
    return g.table(["序号", "日期", "类别", "内容", "情况"], rows, [1.6, 3.4, 3.6, 9, 4.4], size=11,
                   align=["center", "center", "center", "left", "left"])


def _form(a) -> list:
    d = a.deputy
    rows = [["姓名", d.name, "性别", d.gender], ["代表证号", d.card_number, "代表小组", d.group_name],
            ["工作单位及职务", d.work_unit_post, "选区", d.constituency_name]]
    summary = [[label, text] for label, text in a.summary]
    summary.append(["年度履职考核", a.grade or "—"])
    return [Text([(FORM_TITLE, TITLE)], 22, g.LINE, align=CENTER),
            Text([(f"（{a.period_label}）", FANGSONG)], 16, g.LINE, align=CENTER, space_after=g.LINE * 0.3),
            _grid(rows, [2.4, 4, 2, 4], size=12, label_columns=(0, 2)),
            Spacer(1, 6), _grid(summary, [2.4, 10], size=12),
            *_spaced([g.signature_lines("代表签字：", "组长签字："), g.signature_lines("填表人：", "填表日期：")]),
            Spacer(1, g.LINE * 0.3), g.right_aligned(f"{a.town}人大主席团（盖章）")]


def _spaced(lines: list) -> list:
    for line in lines:
        line.spaceBefore = g.LINE * 0.4
    return [KeepTogether(lines)]


def _story(archives: list, pages: dict) -> list:
    story, numbers = [], []
    for index, a in enumerate(archives):
        if index:
            story.append(PageBreak())
        story.append(_Mark(pages, (index, "cover")))
        story += _cover(a)
        story += _contents(a, index, numbers)
        story += [_marked(g.heading("① 基本情况"), pages, (index, 1)),
                  _grid(_basic_rows(a.deputy), [2.6, 4.2, 2.4, 4.2], size=12, label_columns=(0, 2))]
        for section in a.sections:
            story += [CondPageBreak(g.LINE * 4),
                      _marked(g.heading(section.heading), pages, (index, section.number)),
                      _section_table(section)]
        story.append(PageBreak())
        form = _form(a)
        story += [_marked(form[0], pages, (index, "form")), *form[1:]]
    story.append(_PageNumbersFilledIn(numbers, pages))
    return story


def render_archives_pdf(archives: list, out: Path, pdf_title: str) -> dict:
    """Write one or more deputies' files into ``out``.

    Returns:
        Where each part starts, ``{(deputy index, 1..8 | "cover" | "form"): page}``.
    """
    pages: dict = {}
    paper = g.Paper(out, pdf_title)
    paper.story += _story(archives, pages)
    paper.build()
    return pages
