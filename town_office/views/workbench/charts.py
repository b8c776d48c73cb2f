"""A bar chart drawn with QPainter (no chart library): the workbench shows it and saves it as PNG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from town_office.services.workbench.types import Chart

BAR = QColor("#2e6da4")


def paint_chart(painter: QPainter, chart: Chart, width: int, height: int) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(0, 0, width, height, Qt.GlobalColor.white)
    font = QFont(painter.font())
    font.setPixelSize(13)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QRectF(0, 2, width, 18), Qt.AlignmentFlag.AlignCenter, f"{chart.title}（{chart.unit}）")
    top, bottom = 38, height - 22
    count = max(len(chart.values), 1)
    slot = width / count
    peak = max([v for v in chart.values if v] or [1])
    painter.drawLine(0, bottom, width, bottom)
    font.setPixelSize(11)
    painter.setFont(font)
    for i, (label, value) in enumerate(zip(chart.labels, chart.values)):
        bar = (bottom - top) * (value / peak)
        painter.fillRect(QRectF(i * slot + slot * 0.18, bottom - bar, slot * 0.64, bar), BAR)
        painter.drawText(QRectF(i * slot, bottom - bar - 16, slot, 15), Qt.AlignmentFlag.AlignCenter, f"{value:g}")
        painter.drawText(QRectF(i * slot, bottom + 3, slot, 16), Qt.AlignmentFlag.AlignCenter,
                         painter.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, int(slot)))


def chart_image(chart: Chart, size: QSize = QSize(640, 320)) -> QImage:
    image = QImage(size, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    paint_chart(painter, chart, size.width(), size.height())
    painter.end()
    return image


def save_png(chart: Chart, path: Path) -> Path:
    if not chart_image(chart).save(str(path), "PNG"):
        raise OSError(f"无法写入{path}")
    return path


class BarChartWidget(QWidget):
    def __init__(self, chart: Chart, parent=None):
        super().__init__(parent)
        self.chart = chart
        self.setMinimumSize(260, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setToolTip("；".join(f"{label} {value:g}{chart.unit}" for label, value in zip(chart.labels, chart.values)))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        paint_chart(painter, self.chart, self.width(), self.height())
        painter.end()
