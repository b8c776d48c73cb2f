"""The 工作简报: one A4 page with the year's figures and the workbench's charts, for the office wall
or the county. Charts are drawn here with reportlab's canvas (bars, values, labels), not pictures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from town_office.reports import gongwen as g
from town_office.reports.chinese_numbers import chinese_date
from town_office.reports.fonts import HEI, font_book

BAR_COLOR = colors.HexColor("#2e6da4")
CHART_HEIGHT = 31 * mm  # five charts and the figures fit one A4 page


class BarChartFlowable(Flowable):
    """A titled bar chart: ``labels`` under the bars, each value above its bar."""

    def __init__(self, title: str, labels, values, unit: str, width: float, height: float):
        super().__init__()
        self.title, self.labels, self.values, self.unit = title, list(labels), list(values), unit
        self.width, self.height = width, height

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self) -> None:
        canvas, book = self.canv, font_book()
        font = book.primary[HEI]
        canvas.setFont(font, 9)
        canvas.drawCentredString(self.width / 2, self.height - 10, f"{self.title}（{self.unit}）")
        top, bottom = self.height - 26, 18
        count = max(len(self.values), 1)
        slot = self.width / count
        peak = max([v for v in self.values if v] or [1])
        canvas.setStrokeColor(colors.black)
        canvas.setLineWidth(0.5)
        canvas.line(0, bottom, self.width, bottom)
        label_size = 7 if max((len(x) for x in self.labels), default=0) * 7 <= slot else 6
        for i, (label, value) in enumerate(zip(self.labels, self.values)):
            bar = (top - bottom) * (value / peak) if peak else 0
            x = i * slot + slot * 0.18
            canvas.setFillColor(BAR_COLOR)
            canvas.rect(x, bottom, slot * 0.64, bar, stroke=0, fill=1)
            canvas.setFillColor(colors.black)
            canvas.setFont(font, 7)
            canvas.drawCentredString(i * slot + slot / 2, bottom + bar + 2, f"{value:g}")
            canvas.setFont(font, label_size)
            shown = label if len(label) * label_size <= slot else label[: max(1, int(slot // label_size))]
            canvas.drawCentredString(i * slot + slot / 2, bottom - 9, shown)


class ChartRow(Flowable):
    """Charts side by side across the type area."""

    def __init__(self, charts: list[BarChartFlowable], gap: float):
        super().__init__()
        self.charts, self.gap = charts, gap
        self.width = g.TYPE_WIDTH
        self.height = max(c.height for c in charts) + 4 * mm

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self) -> None:
        x = 0.0
        for chart in self.charts:
            self.canv.saveState()
            self.canv.translate(x, 0)
            chart.canv = self.canv
            chart.draw()
            self.canv.restoreState()
            x += chart.width + self.gap


def render_briefing(town: str, year: int, today: date, figures, charts, out: Path) -> Path:
    """``figures``: (group, label, value) triples; ``charts``: the workbench's ``Chart`` rows."""
    groups: dict[str, list[str]] = {}
    for group, label, value in figures:
        groups.setdefault(group, []).append(f"{label}{value}")
    with g.Paper(out, f"{town}人大工作简报（{year}年）", page_numbers=False) as story:
        story += g.title(f"{town}人大工作简报")
        story.append(g.body(f"（{year}年，截至{chinese_date(today)}）", indent=False, align="center"))
        story.append(g.table(["工作", "情况"], [[group, "；".join(items)] for group, items in groups.items()],
                             [1.2, 6], size=9, align=["center", "left"]))
        gap = 8 * mm
        width = (g.TYPE_WIDTH - gap) / 2
        cells = [BarChartFlowable(c.title, c.labels, c.values, c.unit, width, CHART_HEIGHT) for c in charts]
        for i in range(0, len(cells), 2):
            story.append(ChartRow(cells[i:i + 2], gap))
    return out
