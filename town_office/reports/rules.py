"""A rule document printed in the GB/T 9704 layout — title, the adoption history in 楷体 under it,
第X章 centred in 黑体, 第X条 in 黑体 followed by the article in 仿宋 — and the 修订对照表 of two
versions (landscape; changed words in 黑体, as such tables are usually marked)."""

from __future__ import annotations

from pathlib import Path

from town_office.reports import gongwen as g
from town_office.reports.cjk_text import CENTER, JUSTIFY, LEFT, Text
from town_office.reports.fonts import FANGSONG, HEI, KAI


def _centred(text: str, role: str) -> Text:
    return Text([(text, role)], g.BODY_SIZE, g.LINE, align=CENTER)


def _article(label: str, text: str) -> list:
    first, *rest = text.split("\n")
    head = Text([(f"{label}　", HEI), (first, FANGSONG)], g.BODY_SIZE, g.LINE, align=JUSTIFY,
                first_indent=2)
    return [head] + [g.body(paragraph) for paragraph in rest]


def render_rule_pdf(detail, out: Path) -> Path:
    """One version of a rule document (``rules.VersionDetail``)."""
    version = detail.version
    with g.Paper(out, f"{detail.title}（{version.label}）") as story:
        heading = g.title(detail.title)
        story += heading
        if not version.adopted:
            lines = ["（草案）"]
        else:  # one adoption per line: （…通过 / …修订）
            lines = list(detail.history)
            lines[0] = "（" + lines[0]  # one statement each: with one adoption, [0] is [-1]
            lines[-1] = lines[-1] + "）"
        if detail.notice:
            lines.append(f"（{detail.notice}）")
        heading[-1].spaceAfter = 0
        for line in lines:
            story.append(Text([(line, KAI)], g.BODY_SIZE, g.LINE, align=CENTER, balance=True))
        story.append(g.blank_lines(1))
        for unit in detail.units:
            if unit.is_chapter:
                chapter = _centred(f"{unit.label}　{unit.text}", HEI)
                chapter.keepWithNext = True
                story.append(chapter)
            else:
                story += _article(unit.label, unit.text)
        if not version.adopted and version.notes:
            story.append(g.blank_lines(1))
            story.append(g.labelled("起草说明：", version.notes))
    return Path(out)


CELL_CHARACTERS = 360  # a table row cannot break across pages: longer articles go on in （续） rows


def _pieces(segments) -> list[list]:
    """The segments cut into pieces that fit one landscape page each."""
    pieces, used = [[]], 0
    for text, marked in segments:
        while text:
            room = CELL_CHARACTERS - used
            pieces[-1].append((text[:room], marked))
            used += len(text[:room]) + 12 * text[:room].count("\n")
            text = text[room:]
            if used >= CELL_CHARACTERS:
                pieces.append([])
                used = 0
    return [p for p in pieces if p]


def _cell(label: str, segments, empty: str, first: bool) -> list:
    if not segments:
        return [(empty if first else "", KAI)]
    spans = [(f"{label}{'　' if first else '（续）'}", HEI)] if label else []
    return spans + [(text, HEI if marked else FANGSONG) for text, marked in segments]


def _rows(row) -> list[list]:
    left, right = _pieces(row.left), _pieces(row.right)
    count = max(len(left), len(right), 1)
    left += [[]] * (count - len(left))
    right += [[]] * (count - len(right))
    return [[_cell(row.left_label, left[i], "（新增）" if not row.left else "", i == 0),
             _cell(row.right_label, right[i], "（删除）" if not row.right else "", i == 0),
             row.change if i == 0 else "（续）"] for i in range(count)]


def render_comparison_pdf(comparison, out: Path) -> Path:
    """修订对照表: the changed, added and removed chapters and articles of two versions."""
    rows = [line for r in comparison.rows if r.is_change for line in _rows(r)]
    with g.Paper(out, f"{comparison.title}修订对照表", landscape_page=True) as story:
        story += g.title(f"《{comparison.title}》修订对照表")
        story.append(g.body(f"{comparison.left_label}与{comparison.right_label}相比：{comparison.summary}。"
                            "黑体字为修改、新增或删除的内容。", indent=False))
        if rows:
            story.append(g.table([comparison.left_label, comparison.right_label, "变化"], rows,
                                 [10, 10, 1.6], size=12, align=[LEFT, LEFT, CENTER]))
        else:
            story.append(g.body("两个版本的条文相同。"))
    return Path(out)
