"""走访日志 page: visits of a year (by deputy), fast entry, the deputy's visit log, and each deputy's
progress against the household quota."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import settings, roster
from town_office.services.roster import units as roster_units
from town_office.services import visits
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.visits.table_models import QuotaTableModel, VisitTableModel
from town_office.views.visits.visit_dialog import VisitEntryDialog
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.selection import follow_selection, highlighted_row
from town_office.views.widgets.page_links import choose_filters
from town_office.views.widgets.loads_when_shown import LoadsWhenShown
from town_office.views.widgets.background import RowLoader
from town_office.views.lazy_modules import lazy_module

visit_papers = lazy_module("town_office.services.visits.papers")  # reportlab/openpyxl: when first printing


class VisitsPage(LoadsWhenShown, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model, self.quota_model = VisitTableModel(self), QuotaTableModel(self)
        self.loader = RowLoader(self, lambda: self.count_label)
        self.year_combo, self.deputy_combo = QComboBox(), QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索代表、地点、走访情况")
        self.search.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        for label, widget in (("年度", self.year_combo), ("代表", self.deputy_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        self.table = read_only_table(self.model)
        sortable(self.table)
        self.quota_table = read_only_table(self.quota_model)
        sortable(self.quota_table)
        self.quota_summary = QLabel()
        quota_page = QWidget()
        quota_box = QVBoxLayout(quota_page)
        quota_box.addWidget(self.quota_summary)
        quota_box.addWidget(self.quota_table, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, "走访记录")
        self.tabs.addTab(quota_page, "走访进度")
        self.count_label = QLabel()
        self.new_button, self.edit_button = QPushButton("录入走访"), QPushButton("修改")
        self.delete_button, self.log_button = QPushButton("删除"), QPushButton("打印走访日志")
        self.new_button.setToolTip("Ctrl+N；可连续录入多条")
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button, self.log_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.tabs, 1)
        box.addLayout(actions)
        self.year_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.deputy_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.search.textChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.new_button.clicked.connect(self.new_visit)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        follow_selection(self.table, {
            self.edit_button: lambda row: True,
            self.delete_button: lambda row: not row.problem_count or
            "这次走访记有群众诉求，不能删除；如有错误请修改"})
        self.log_button.clicked.connect(self.print_log)
        self.new_record = self.new_visit  # Ctrl+N, through the window's 当前页 menu

    def load(self) -> None:
        """On first show (not at start: a big town's lists take a while)."""
        self.fill_filters()

    def refresh_on_show(self) -> None:
        """Shown again: the list stays as the clerk left it (F5 refreshes)."""

    def fill_filters(self) -> None:
        for combo in (self.year_combo, self.deputy_combo):
            combo.blockSignals(True)
            combo.clear()
        for year in visits.visit_years():
            self.year_combo.addItem(f"{year}年", year)
        self.deputy_combo.addItem("全部代表", 0)
        term_id = roster_units.current_term_id()
        for rep_id, name in roster.town_deputy_choices(term_id) if term_id else []:
            self.deputy_combo.addItem(name, rep_id)
        for combo in (self.year_combo, self.deputy_combo):
            combo.blockSignals(False)
        self.reload()

    def show_filtered(self, filters: dict) -> None:
        """The workbench's figure: the year."""
        self.ensure_loaded()
        choose_filters(filters, {"year": self.year_combo})

    def reload(self) -> None:
        year = self.year_combo.currentData() or date.today().year
        deputy = self.deputy_combo.currentData() or None

        def fetch():
            quota_rows = visits.quota_progress(year) if roster_units.current_term_id() else None
            return (year, visits.list_visits(year, deputy), quota_rows,
                    settings.get_settings().visit_quota_households)

        self.loader.run(fetch, self._show)

    def _show(self, fetched) -> None:
        year, visit_rows, rows, quota = fetched
        self.model.set_rows(visit_rows)
        self.apply_filter()
        if rows is not None:
            self.quota_model.set_rows(rows)
            met = sum(1 for r in rows if r.met)
            share = met / len(rows) if rows else 0
            self.quota_summary.setText(
                f"{year}年每名代表应走访{quota}户（年中任职的按任职天数折算）；{len(rows)}名代表中"
                f"{met}人已达标，达标率{share:.1%}。按完成比例从低到高排列。")

    def apply_filter(self) -> None:
        needle = self.search.text().strip()
        self.model.set_predicate(
            (lambda v: needle in f"{v.deputies} {v.place} {v.summary} {v.people}") if needle else None)
        rows = self.model.rows()
        self.count_label.setText(f"共 {len(rows)} 次走访，{sum(v.households for v in rows)} 户")

    def selected(self):
        return highlighted_row(self.table)

    def _villages(self) -> list[str]:
        return visits.known_villages()

    def new_visit(self) -> None:
        try:
            dialog = VisitEntryDialog(self, villages=self._villages())
        except TownOfficeError as exc:
            warn(self, "无法录入", exc)
            return
        dialog.exec()
        if dialog.saved_count:
            self.fill_filters()

    def edit_selected(self) -> None:
        row = self.selected()
        if row and VisitEntryDialog(self, row, self._villages()).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def delete_selected(self) -> None:
        row = self.selected()
        if row and confirm(self, "删除走访", f"删除 {row.visited_on} {row.deputies} 在{row.place}的走访记录？"):
            try:
                visits.delete_visit(row.id)
            except TownOfficeError as exc:
                warn(self, "无法删除", exc)
                return
            self.reload()

    def print_log(self) -> None:
        rep_id = self.deputy_combo.currentData()
        if not rep_id:
            row = self.selected()
            rep_id = row.representative_ids[0] if row else None
        if not rep_id:
            warn(self, "请选择代表", TownOfficeError("请先在“代表”中选择一名代表，或选中一条走访记录。"))
            return
        year = self.year_combo.currentData() or date.today().year
        path = visit_papers.preview_visit_log(rep_id, year)
        PdfPreviewDialog(self, path, path.stem).exec()
