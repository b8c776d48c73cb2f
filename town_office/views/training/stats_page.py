"""培训统计 page: a year per deputy (sessions, hours, 请假, 缺席), coverage, per group, and new deputies
without an 初任培训; export to Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import settings
from town_office.services.roster import units as roster_units
from town_office.services import training
from town_office.services.training import stats as training_stats
from town_office.views import ui_state
from town_office.views.tasks import run_task
from town_office.views.training.table_models import DeputyStatTableModel, GroupStatTableModel
from town_office.views.widgets.messages import warn
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.page_links import choose_filters
from town_office.views.widgets.loads_when_shown import LoadsWhenShown
from town_office.views.widgets.background import RowLoader
from town_office.views.lazy_modules import lazy_module

training_papers = lazy_module("town_office.services.training.papers")  # reportlab/openpyxl: when first printing


class TrainingStatsPage(LoadsWhenShown, QWidget):
    def __init__(self, parent=None, close_connection=None):
        super().__init__(parent)
        self._close_connection = close_connection
        self.loader = RowLoader(self, lambda: self.summary)
        self.year_combo = QComboBox()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.export_button = QPushButton("导出Excel…")
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year_combo)
        top.addWidget(self.summary, 1)
        top.addWidget(self.export_button)
        self.deputy_model, self.group_model = DeputyStatTableModel(self), GroupStatTableModel(self)
        self.new_model = DeputyStatTableModel(self)
        self.deputy_table = read_only_table(self.deputy_model)
        sortable(self.deputy_table)
        self.group_table = read_only_table(self.group_model)
        self.new_table = read_only_table(self.new_model)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.deputy_table, "按代表")
        self.tabs.addTab(self.group_table, "按代表小组")
        self.tabs.addTab(self.new_table, "新任代表未参加初任培训")
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.tabs, 1)
        self.year_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.export_button.clicked.connect(self.export)

    def load(self) -> None:
        """On first show only: the year's statistics are not computed at start, nor again on each visit."""
        self.fill_years()

    def refresh_on_show(self) -> None:
        """Shown again: kept as it was (the year chooser recomputes)."""

    def fill_years(self) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in training.training_years():
            self.year_combo.addItem(f"{year}年", year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(date.today().year)))
        self.year_combo.blockSignals(False)
        self.reload()

    def show_filtered(self, filters: dict) -> None:
        """The workbench's figure: the year."""
        choose_filters(filters, {"year": self.year_combo})

    def reload(self) -> None:
        term_id = roster_units.current_term_id()
        year = self.year_combo.currentData()
        if not term_id or not year:
            self.summary.setText("请先在“设置”中设定当前届次。")
            return
        self.loader.run(lambda: training_stats.year_stats(year), self._show)

    def _show(self, stats) -> None:
        year = stats.year
        self.deputy_model.set_rows(stats.deputies)
        self.group_model.set_rows(stats.groups)
        self.new_model.set_rows(stats.new_without_first)
        self.summary.setText(
            f"{year}年共举办培训{len(stats.sessions)}次、{stats.total_hours:g}学时；"
            f"在任代表{stats.serving}人，参加过培训{stats.trained}人，覆盖率{stats.coverage:.1%}；"
            f"新任代表未参加初任培训{len(stats.new_without_first)}人。")
        self.tabs.setTabText(2, f"新任代表未参加初任培训（{len(stats.new_without_first)}）")

    def export(self) -> None:
        year = self.year_combo.currentData()
        if not year:
            return
        name = f"{settings.get_settings().town_name}{year}年代表培训情况.xlsx"
        target, _ = QFileDialog.getSaveFileName(
            self, "导出培训情况", str(Path(ui_state.last_folder("exports")) / name), "Excel 文件 (*.xlsx)")
        if not target:
            return
        ui_state.remember_folder("exports", str(Path(target).parent))
        run_task(self, "正在导出培训情况…",
                 lambda progress: training_papers.export_training_year(year, Path(target)),
                 on_done=lambda out: QDesktopServices.openUrl(QUrl.fromLocalFile(str(out))),
                 on_error=self._export_failed, close_connection=self._close_connection)

    def _export_failed(self, exc: BaseException) -> None:
        warn(self, "导出失败", exc if isinstance(exc, TownOfficeError) else TownOfficeError(str(exc)))

    def showEvent(self, event) -> None:
        # sessions may have been entered on the 代表培训 page since this page was last shown
        self.reload()
        super().showEvent(event)
