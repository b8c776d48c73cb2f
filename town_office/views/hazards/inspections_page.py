"""执法检查 page: inspections of a year with stage and hazards found; new / edit, the inspection report
with its hazards and photos."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from town_office.services import hazards
from town_office.services.hazards import inspections
from town_office.views.hazards.inspection_dialog import InspectionDialog
from town_office.views.hazards.table_models import InspectionTableModel
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.selection import follow_selection, highlighted_row
from town_office.views.lazy_modules import lazy_module

hazard_papers = lazy_module("town_office.services.hazards.papers")  # reportlab/openpyxl: when first printing


class InspectionsPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = InspectionTableModel(self)
        self.year_combo = QComboBox()
        self.quarters = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year_combo)
        top.addWidget(self.quarters, 1)
        self.table = read_only_table(self.model)
        sortable(self.table)
        self.new_button, self.edit_button = QPushButton("新增检查"), QPushButton("查看/修改")
        self.report_button = QPushButton("预览检查报告")
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.report_button):
            actions.addWidget(button)
        actions.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        self.year_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.new_button.clicked.connect(self.new_inspection)
        self.edit_button.clicked.connect(self.edit_selected)
        self.report_button.clicked.connect(self.preview_report)
        follow_selection(self.table, {self.edit_button: lambda row: True,
                                      self.report_button: lambda row: True})
        for year in hazards.ledger_years():
            self.year_combo.addItem(f"{year}年", year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(date.today().year)))
        self.reload()

    def reload(self) -> None:
        year = self.year_combo.currentData() or date.today().year
        self.model.set_rows(inspections.list_inspections(year))
        held = inspections.per_quarter(year)
        self.quarters.setText("已开展：" + "　".join(f"第{'一二三四'[q - 1]}季度 {n}次"
                                                 for q, n in held.items()))

    def selected(self):
        return highlighted_row(self.table)

    def new_inspection(self) -> None:
        InspectionDialog(self).exec()
        self.reload()

    def edit_selected(self) -> None:
        row = self.selected()
        if row:
            InspectionDialog(self, inspections.get_inspection(row.id)).exec()
            self.reload()

    def preview_report(self) -> None:
        row = self.selected()
        if row:
            PdfPreviewDialog(self, hazard_papers.preview("report", row.id), row.title).exec()
