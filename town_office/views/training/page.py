"""代表培训 page: sessions of a year with attendance counts; new / edit / delete and the papers."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import training
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.training.session_dialog import TrainingSessionDialog
from town_office.views.training.table_models import SessionTableModel
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.selection import follow_selection, highlighted_row
from town_office.views.widgets.page_links import choose_filters
from town_office.views.lazy_modules import lazy_module

training_papers = lazy_module("town_office.services.training.papers")  # reportlab/openpyxl: when first printing


class TrainingPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = SessionTableModel(self)
        self.year_combo = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索培训名称、类型、组织单位、地点")
        self.search.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("年度"))
        filters.addWidget(self.year_combo)
        filters.addWidget(self.search, 1)
        self.table = read_only_table(self.model)
        sortable(self.table)
        self.count_label = QLabel()
        self.new_button, self.edit_button = QPushButton("新增培训"), QPushButton("编辑")
        self.delete_button = QPushButton("删除")
        self.signin_button, self.summary_button = QPushButton("预览签到表"), QPushButton("预览培训情况")
        self.new_button.setToolTip("Ctrl+N")
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button, self.signin_button,
                       self.summary_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        self.year_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.search.textChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.new_button.clicked.connect(self.new_session)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.signin_button.clicked.connect(lambda: self.preview("signin"))
        self.summary_button.clicked.connect(lambda: self.preview("summary"))
        follow_selection(self.table, {button: (lambda row: True) for button in (
            self.edit_button, self.delete_button, self.signin_button, self.summary_button)})
        self.new_record = self.new_session  # Ctrl+N, through the window's 当前页 menu
        QShortcut(QKeySequence("Return"), self.table, activated=self.edit_selected)
        self.fill_years()

    def fill_years(self) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem("全部年度", 0)
        for year in training.training_years():
            self.year_combo.addItem(f"{year}年", year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(date.today().year))
        self.year_combo.blockSignals(False)
        self.reload()

    def show_filtered(self, filters: dict) -> None:
        """The workbench's figure: the year."""
        choose_filters(filters, {"year": self.year_combo})

    def reload(self, select_id: int | None = None) -> None:
        self.model.set_rows(training.list_sessions(self.year_combo.currentData() or None))
        self.apply_filter()
        if select_id and (row := self.model.row_of_id(select_id)) >= 0:
            self.table.selectRow(row)

    def apply_filter(self) -> None:
        needle = self.search.text().strip()
        self.model.set_predicate(
            (lambda s: needle in f"{s.title} {s.kind} {s.organiser} {s.place}") if needle else None)
        rows = self.model.rows()
        self.count_label.setText(f"共 {len(rows)} 次培训，{sum(s.hours for s in rows):g} 学时")

    def selected(self):
        return highlighted_row(self.table)

    def _open(self, dialog: TrainingSessionDialog) -> None:
        dialog.exec()
        self.fill_years()
        if dialog.session:
            self.reload(dialog.session.id)

    def new_session(self) -> None:
        try:
            self._open(TrainingSessionDialog(self))
        except TownOfficeError as exc:
            warn(self, "无法新增培训", exc)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(TrainingSessionDialog(self, training.get_session(row.id)))

    def delete_selected(self) -> None:
        row = self.selected()
        if row and confirm(self, "删除培训", f"删除培训“{row.title}”（{row.held_on}）及其出席记录和材料？"
                           "\n只有误录入的培训才应删除。"):
            training.delete_session(row.id)
            self.reload()

    def preview(self, kind: str) -> None:
        row = self.selected()
        if row is not None:
            path = training_papers.preview_session_paper(kind, row.id)
            PdfPreviewDialog(self, path, f"{row.title}{training_papers.PAPERS[kind]}").exec()
