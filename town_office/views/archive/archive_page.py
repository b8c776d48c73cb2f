"""履职档案 page: pick a deputy (search by name or pinyin), a year or the whole term; every activity
in the eight sections with where it came from; archive entries added, changed and removed here; the
file previewed and printed, or printed in a batch."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import archive
from town_office.services import roster
from town_office.services.roster import units as roster_units
from town_office.views.archive.batch_dialog import BatchDialog
from town_office.views.archive.entry_dialog import EntryDialog
from town_office.views.archive.table_models import ActivityTableModel, DeputyTableModel
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.table_model import ROW_ROLE
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.selection import highlighted_row
from town_office.views.widgets.background import RowLoader
from town_office.views.lazy_modules import lazy_module

archive_papers = lazy_module("town_office.services.archive.papers")  # reportlab/openpyxl: when first printing

ENTRY_ORIGIN = "档案登记"


class ArchivePage(QWidget):
    def __init__(self, parent=None, close_connection=None):
        super().__init__(parent)
        self._close_connection = close_connection
        self.deputies = DeputyTableModel(self)
        self.activities = ActivityTableModel(self)
        self.loader = RowLoader(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText("姓名或拼音首字母")
        self.term = QComboBox()  # whose deputies are listed: a closed term's files stay printable
        self.deputy_table = read_only_table(self.deputies)
        sortable(self.deputy_table)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.term)
        left_box.addWidget(self.search)
        left_box.addWidget(self.deputy_table, 1)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setSuffix("年度")
        self.whole_term = QCheckBox("整届")
        self.heading = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.activity_table = read_only_table(self.activities)
        sortable(self.activity_table)
        self.add_button, self.edit_button = QPushButton("新增档案记录…"), QPushButton("修改档案记录…")
        self.delete_button = QPushButton("删除档案记录")
        self.preview_button, self.batch_button = QPushButton("预览档案"), QPushButton("批量打印…")
        top = QHBoxLayout()
        for widget in (QLabel("期间"), self.year, self.whole_term, self.heading):
            top.addWidget(widget)
        top.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button, self.preview_button,
                       self.batch_button):
            actions.addWidget(button)
        actions.addStretch(1)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addLayout(top)
        right_box.addWidget(self.summary)
        right_box.addWidget(self.activity_table, 1)
        right_box.addLayout(actions)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 900])
        box = QVBoxLayout(self)
        box.addWidget(splitter)
        self.search.textChanged.connect(self._filter)
        self.term.currentIndexChanged.connect(lambda _: self.reload())
        self.deputy_table.selectionModel().currentRowChanged.connect(lambda *_: self.show_deputy())
        self.year.valueChanged.connect(lambda _: self.show_deputy())
        self.whole_term.toggled.connect(self._term_toggled)
        self.activity_table.doubleClicked.connect(lambda _: self.edit_entry())
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_entry)
        self.delete_button.clicked.connect(self.delete_entry)
        self.preview_button.clicked.connect(self.preview)
        self.batch_button.clicked.connect(self.batch)
        self.reload()

    # --- deputies --------------------------------------------------------------------------------
    def reload(self) -> None:
        chosen = self.deputy()
        shown = self.term.currentData() or roster_units.current_term_id()
        self.term.blockSignals(True)
        self.term.clear()
        for term in roster_units.list_terms():
            self.term.addItem(f"{term.name}代表", term.id)
        self.term.setCurrentIndex(max(0, self.term.findData(shown)))
        self.term.blockSignals(False)
        term_id = self.term.currentData()
        self.loader.run(
            lambda: [r for r in roster.list_representatives(term_id) if "镇" in r.levels] if term_id else [],
            lambda rows: self._show_deputies(rows, chosen.id if chosen else None))

    def _show_deputies(self, rows, chosen_id: int | None) -> None:
        self.deputies.set_rows(sorted(rows, key=lambda r: r.name_pinyin))
        row = self.deputies.row_of_id(chosen_id) if chosen_id else -1
        if self.deputies.rowCount():
            self.deputy_table.selectRow(max(row, 0))  # shows the deputy (the current row changed)
        else:
            self.show_deputy()

    refresh_on_show = reload

    def _filter(self, text: str) -> None:
        text = text.strip().lower()
        self.deputies.set_predicate((lambda r: text in r.name or r.name_initials.startswith(text)
                                     or text in r.name_pinyin) if text else None)

    def deputy(self):
        index = self.deputy_table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _term_toggled(self, on: bool) -> None:
        self.year.setEnabled(not on)
        self.show_deputy()

    def period_year(self) -> int | None:
        return None if self.whole_term.isChecked() else self.year.value()

    def show_deputy(self) -> None:
        deputy = self.deputy()
        if deputy is None:
            self.activities.set_rows([])
            self.heading.setText("")
            self.summary.setText("")
            return
        found = archive.deputy_archive(deputy.id, self.period_year())
        self.heading.setText(f"{deputy.name}　{found.period_label}　{deputy.group_name}")
        self.activities.set_rows([a for s in found.sections for a in s.activities])
        self.summary.setText("；".join(f"{k}：{v}" for k, v in found.summary))

    # --- entries ---------------------------------------------------------------------------------
    def selected_entry(self):
        row = highlighted_row(self.activity_table)
        if row is None or row.origin != ENTRY_ORIGIN:
            return None
        return next((e for e in archive.list_entries(self.deputy().id)
                     if e.id == row.record_id), None)

    def add_entry(self) -> None:
        deputy = self.deputy()
        if deputy and EntryDialog(self, deputy.id, deputy.name).exec():
            self.show_deputy()

    def edit_entry(self) -> None:
        deputy, entry = self.deputy(), self.selected_entry()
        if deputy is None:
            return
        if entry is None:
            warn(self, "不能在这里修改", TownOfficeError(
                "这一行来自其他模块（会议、培训、走访、执法检查），请到相应页面修改；这里只能修改“档案登记”的记录。"))
            return
        if EntryDialog(self, deputy.id, deputy.name, entry).exec():
            self.show_deputy()

    def delete_entry(self) -> None:
        entry = self.selected_entry()
        if entry and confirm(self, "删除档案记录", f"删除 {entry.happened_on:%Y-%m-%d}“{entry.description}”？"):
            archive.delete_entry(entry.id)
            self.show_deputy()

    # --- printing --------------------------------------------------------------------------------
    def preview(self) -> None:
        deputy = self.deputy()
        if deputy is None:
            return
        try:
            pdf = archive_papers.preview_archive(deputy.id, self.period_year())
        except TownOfficeError as exc:
            warn(self, "无法生成", exc)
            return
        PdfPreviewDialog(self, pdf, f"{deputy.name}履职档案").exec()

    def batch(self) -> None:
        BatchDialog(self, self.period_year(), self._close_connection, self.term.currentData()).exec()
