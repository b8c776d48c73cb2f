"""年度概况: the year's figures (each opens its list, filtered) and the charts, which save as PNG
and print with the figures as the one-page 工作简报."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services.common import attachments
from town_office.services.workbench.figures import glance
from town_office.views import ui_state
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.widgets.messages import warn
from town_office.views.workbench.charts import BarChartWidget, save_png

FIGURE_STYLE = "QPushButton{text-align:left;border:none;color:#1d4f91;padding:2px 4px;}" \
               "QPushButton:hover{text-decoration:underline;background:#eef3fa;}"


class GlanceTab(QWidget):
    open_list = Signal(str, dict)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setSuffix("年")
        self.png_button, self.print_button = QPushButton("导出图表PNG…"), QPushButton("打印工作简报")
        top = QHBoxLayout()
        for widget in (QLabel("年度"), self.year):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.png_button)
        top.addWidget(self.print_button)
        self.figures_box, self.charts_box = QWidget(), QWidget()
        self.figures_grid, self.charts_grid = QGridLayout(self.figures_box), QGridLayout(self.charts_box)
        inner = QWidget()
        inner_box = QVBoxLayout(inner)
        inner_box.addWidget(self.figures_box)
        inner_box.addWidget(self.charts_box)
        inner_box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(scroll, 1)
        self.figure_buttons: list[QPushButton] = []
        self.charts = []
        self.year.valueChanged.connect(lambda _: self.reload())
        self.png_button.clicked.connect(self.export_png)
        self.print_button.clicked.connect(self.print_briefing)

    @staticmethod
    def _clear(grid: QGridLayout) -> None:
        while grid.count():
            widget = grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()

    def reload(self) -> None:
        figures, self.charts = glance(self.year.value())
        self._clear(self.figures_grid)
        self._clear(self.charts_grid)
        self.figure_buttons = []
        groups: dict[str, QGroupBox] = {}
        for figure in figures:
            if figure.group not in groups:
                group = QGroupBox(figure.group)
                group.setLayout(QHBoxLayout())
                group.layout().setContentsMargins(4, 0, 4, 0)
                group.layout().setSpacing(2)
                index = len(groups)
                self.figures_grid.addWidget(group, index, 0)
                groups[figure.group] = group
            button = QPushButton(f"{figure.label}：{figure.value}")
            button.setStyleSheet(FIGURE_STYLE)
            button.setToolTip(f"打开“{figure.page}”")
            button.clicked.connect(lambda _=False, f=figure: self.open_list.emit(f.page, f.filters))
            groups[figure.group].layout().addWidget(button)
            self.figure_buttons.append(button)
        for group in groups.values():
            group.layout().addStretch(1)
        for i, chart in enumerate(self.charts):
            widget = BarChartWidget(chart)
            widget.setMinimumHeight(210)
            self.charts_grid.addWidget(widget, i // 3, i % 3)

    def export_png(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "把图表保存到文件夹", ui_state.last_folder("charts"))
        if not folder:
            return
        ui_state.remember_folder("charts", folder)
        try:
            for chart in self.charts:
                save_png(chart, Path(folder) / f"{chart.title}.png")
        except OSError as exc:
            warn(self, "无法保存", TownOfficeError(f"图表没有保存：{exc}"))

    def print_briefing(self) -> None:
        year = self.year.value()
        from town_office.services.workbench.papers import print_briefing  # reportlab: not at start

        out = print_briefing(year, attachments.preview_path(f"{year}年工作简报.pdf"))
        PdfPreviewDialog(self, out, f"{year}年工作简报").exec()
