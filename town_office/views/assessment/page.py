"""年度考核 page: the year's round (计算 → 公示 → 更正 → 定稿) with its state, the ranking, and for the
chosen deputy every scored record; the scheme, adjustments, the workbook and the 公示 PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import assessment
from town_office.services.assessment.types import COMPUTED, FROZEN, NOT_COMPUTED, PUBLISHED
from town_office.views.assessment.adjustment_dialog import AdjustmentDialog
from town_office.views.assessment.scheme_dialog import SchemeDialog
from town_office.views.assessment.table_models import LineTableModel, ScoreTableModel
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.selection import highlighted_row
from town_office.views.widgets.page_links import choose_filters
from town_office.views.widgets.background import RowLoader
from town_office.views.lazy_modules import lazy_module

assessment_papers = lazy_module("town_office.services.assessment.papers")  # reportlab/openpyxl: when first printing


class AssessmentPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.scores, self.lines = ScoreTableModel(self), LineTableModel(self)
        self.loader = RowLoader(self, lambda: self.state)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setSuffix("年度")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.scheme_button, self.compute_button = QPushButton("考核办法…"), QPushButton("计算")
        self.publish_button, self.freeze_button = QPushButton("公示"), QPushButton("定稿")
        self.adjust_button = QPushButton("调整分数…")
        self.export_button, self.pdf_button = QPushButton("导出Excel…"), QPushButton("预览公示")
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        for button in (self.scheme_button, self.compute_button, self.adjust_button, self.publish_button,
                       self.freeze_button, self.export_button, self.pdf_button):
            top.addWidget(button)
        top.addStretch(1)
        self.score_table = read_only_table(self.scores)
        sortable(self.score_table)
        self.line_table = read_only_table(self.lines)
        self.line_title = QLabel()
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.line_title)
        right_box.addWidget(self.line_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.score_table)
        splitter.addWidget(right)
        splitter.setSizes([460, 700])
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.state)
        box.addWidget(splitter, 1)
        self.year.valueChanged.connect(lambda _: self.reload())
        self.score_table.selectionModel().currentRowChanged.connect(lambda *_: self.show_lines())
        self.scheme_button.clicked.connect(self.edit_scheme)
        self.compute_button.clicked.connect(self.compute)
        self.adjust_button.clicked.connect(self.adjust)
        self.publish_button.clicked.connect(self.publish)
        self.freeze_button.clicked.connect(self.freeze)
        self.export_button.clicked.connect(self.export)
        self.pdf_button.clicked.connect(self.preview_publication)
        self.reload()

    def show_filtered(self, filters: dict) -> None:
        """The workbench's figure: the year."""
        choose_filters(filters, {"year": self.year})

    def reload(self) -> None:
        year = self.year.value()
        self.loader.run(lambda: (year, assessment.round_state(year), assessment.get_scheme(year),
                                 assessment.results(year), assessment.list_adjustments(year)), self._show)

    def _show(self, fetched) -> None:
        year, state, scheme, results, adjustments = fetched
        self.scores.set_rows(results)
        text = f"{year}年度：{state.status}"
        if state.computed_at:
            text += f"（{state.computed_at:%Y-%m-%d %H:%M} 计算，{len(results)}名代表）"
        if state.status == FROZEN:
            text += f"，{state.frozen_at:%Y-%m-%d} 定稿，分数不再变化"
        if scheme is None:
            text += "。还没有考核办法，请先点“考核办法…”制定（可复制上一年的）"
        if state.stale:
            text = f"<span style='color:#c0392b'>{text}。计算以后履职记录或调整有变动，请重新计算。</span>"
        if adjustments:
            text += f"　调整{len(adjustments)}条"
        self.state.setText(text)
        frozen = state.status == FROZEN
        self.compute_button.setText("更正后重新计算" if state.status == PUBLISHED else "计算")
        self.compute_button.setEnabled(not frozen and scheme is not None)
        self.scheme_button.setText("查看考核办法…" if frozen else "考核办法…")
        self.adjust_button.setEnabled(not frozen and bool(results))
        self.publish_button.setEnabled(state.status == COMPUTED)
        self.freeze_button.setEnabled(state.status == PUBLISHED)
        for button in (self.export_button, self.pdf_button):
            button.setEnabled(state.status != NOT_COMPUTED)
        if results:
            self.score_table.selectRow(0)
        self.show_lines()

    def refresh_on_show(self) -> None:
        self.reload()

    def selected(self):
        return highlighted_row(self.score_table)

    def show_lines(self) -> None:
        score = self.selected()
        self.lines.set_rows(list(score.lines) if score else [])
        self.line_title.setText(f"{score.name}：{score.total:g}分，{score.grade}（每条记录的得分）" if score else "")

    def _attempt(self, action) -> None:
        try:
            action()
        except TownOfficeError as exc:
            warn(self, "未完成", exc)
        self.reload()

    def edit_scheme(self) -> None:
        dialog = SchemeDialog(self, self.year.value())
        if assessment.round_state(self.year.value()).status == FROZEN:
            dialog.setWindowTitle(dialog.windowTitle() + "（已定稿，只能查看）")
        dialog.exec()
        self.reload()

    def compute(self) -> None:
        self._attempt(lambda: assessment.compute(self.year.value()))

    def adjust(self) -> None:
        score = self.selected()
        if AdjustmentDialog(self, self.year.value(), self.scores.rows(),
                            score.representative_id if score else None).exec():
            self.reload()

    def publish(self) -> None:
        if confirm(self, "公示", "公示后仍可更正差错、重复和遗漏（调整后重新计算），定稿后不能再改。", "公示"):
            self._attempt(lambda: assessment.publish(self.year.value()))

    def freeze(self) -> None:
        if confirm(self, "定稿", f"{self.year.value()}年度考核定稿后，分数和等次永久固定，"
                                 "以后履职记录或考核办法的变动都不再影响本年度结果。确定定稿？", "定稿"):
            self._attempt(lambda: assessment.freeze(self.year.value()))

    def export(self) -> None:
        year = self.year.value()
        path, _ = QFileDialog.getSaveFileName(self, "导出年度考核", f"{assessment_papers.title(year)}.xlsx",
                                              "Excel 文件 (*.xlsx)")
        if path:
            try:
                out = assessment_papers.export_assessment(year, Path(path if path.endswith(".xlsx") else path + ".xlsx"))
            except TownOfficeError as exc:
                warn(self, "无法导出", exc)
                return
            QMessageBox.information(self, "已导出", f"已导出：{out}")

    def preview_publication(self) -> None:
        try:
            pdf = assessment_papers.preview_publication(self.year.value())
        except TownOfficeError as exc:
            warn(self, "无法生成", exc)
            return
        PdfPreviewDialog(self, pdf, "考核结果公示").exec()
