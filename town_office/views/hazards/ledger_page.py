"""隐患台账 page: the ledger with filters (year, status, level, category, unit, overdue, 挂牌督办), overdue
rows in red with days overdue, counts by status, inspections held per quarter, every step of a hazard,
the 挂牌督办通知书, and the ledger as PDF or Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import settings
from town_office.services import hazards
from town_office.services.hazards import inspections
from town_office.services.hazards.types import (
    AWAITING_REVIEW,
    CLOSED,
    FIXING,
    HAZARD_STATUSES,
    LEVELS,
    OPEN_HAZARD_STATUSES,
    PENDING,
    VOID,
    HazardFilter,
)
from town_office.views import ui_state
from town_office.views.hazards.hazard_dialog import HazardDialog
from town_office.views.hazards.step_dialogs import (
    ExtendHazardDialog,
    FixedDialog,
    ReasonDialog,
    ReviewDialog,
)
from town_office.views.hazards.table_models import HazardTableModel
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.visits.problem_dialogs import ProblemHistoryDialog
from town_office.views.widgets.messages import warn
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.selection import highlighted_row
from town_office.views.widgets.page_links import choose_filters, select_record
from town_office.views.widgets.loads_when_shown import LoadsWhenShown
from town_office.views.widgets.background import RowLoader
from town_office.views.lazy_modules import lazy_module

hazard_papers = lazy_module("town_office.services.hazards.papers")  # reportlab/openpyxl: when first printing

OPEN = "未销号"


class LedgerPage(LoadsWhenShown, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = HazardTableModel(self)
        self.loader = RowLoader(self, lambda: self.quarters)
        self.year_combo, self.status_combo, self.level_combo = QComboBox(), QComboBox(), QComboBox()
        self.category_combo, self.unit_combo = QComboBox(), QComboBox()
        self.overdue_only, self.supervised_only = QCheckBox("只看逾期"), QCheckBox("只看挂牌督办")
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索地点、描述、责任人")
        self.search.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        for label, widget in (("年度", self.year_combo), ("状态", self.status_combo),
                              ("等级", self.level_combo), ("类别", self.category_combo),
                              ("责任单位", self.unit_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        for widget in (self.overdue_only, self.supervised_only):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        self.counts, self.quarters = QLabel(), QLabel()
        self.table = read_only_table(self.model)
        sortable(self.table)
        self.buttons = {}
        actions = QHBoxLayout()
        for key, text, slot in (
                ("new", "登记隐患", self.new_hazard), ("edit", "查看/修改", self.edit_selected),
                ("start", "开始整改", self.start), ("fixed", "整改完成…", self.fixed),
                ("review", "复查…", self.review), ("extend", "延期…", self.extend),
                ("reopen", "重新打开…", self.reopen), ("void", "作废…", self.void),
                ("history", "办理经过", self.show_history), ("notice", "督办通知书", self.notice)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        actions.addStretch(1)
        for key, text, slot in (("pdf", "打印台账", self.print_ledger),
                                ("excel", "导出Excel…", self.export_ledger)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.counts)
        box.addWidget(self.quarters)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        for combo in (self.year_combo, self.status_combo, self.level_combo, self.category_combo,
                      self.unit_combo):
            combo.currentIndexChanged.connect(lambda _: self.reload())
        for check in (self.overdue_only, self.supervised_only):
            check.toggled.connect(lambda _: self.reload())
        self.search.textChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.follow_state())
        self.new_record = self.new_hazard  # Ctrl+N, through the window's 当前页 menu

    def load(self) -> None:
        """On first show and each show after (a big town's ledger is not read at start)."""
        self.fill_filters()

    def fill_filters(self) -> None:
        combos = (self.year_combo, self.status_combo, self.level_combo, self.category_combo,
                  self.unit_combo)
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.year_combo.addItem("全部年度", 0)
        for year in hazards.ledger_years():
            self.year_combo.addItem(f"{year}年", year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(date.today().year))
        self.status_combo.addItem("全部状态", ())
        self.status_combo.addItem(OPEN, OPEN_HAZARD_STATUSES)
        for status in HAZARD_STATUSES:
            self.status_combo.addItem(status, (status,))
        self.level_combo.addItem("全部", "")
        for level in LEVELS:
            self.level_combo.addItem(level, level)
        self.category_combo.addItem("全部类别", "")
        for category in settings.get_settings().hazard_categories:
            self.category_combo.addItem(category, category)
        self.unit_combo.addItem("全部单位", "")
        for unit in hazards.responsible_units():
            self.unit_combo.addItem(unit, unit)
        for combo in combos:
            combo.blockSignals(False)
        self.reload()

    def current_filter(self) -> HazardFilter:
        return HazardFilter(year=self.year_combo.currentData() or None,
                            statuses=self.status_combo.currentData() or (),
                            level=self.level_combo.currentData() or "",
                            category=self.category_combo.currentData() or "",
                            unit=self.unit_combo.currentData() or "",
                            overdue_only=self.overdue_only.isChecked(),
                            supervised_only=self.supervised_only.isChecked())

    def show_filtered(self, filters: dict) -> None:
        """The workbench's figure: year, status, 挂牌督办 only."""
        widgets = {"year": self.year_combo, "status": self.status_combo, "supervised_only": self.supervised_only}
        others = (self.level_combo, self.category_combo, self.unit_combo)
        for widget in (*widgets.values(), *others, self.overdue_only):
            widget.blockSignals(True)
        for combo in (self.status_combo, *others):
            combo.setCurrentIndex(0)
        self.overdue_only.setChecked(False)
        self.supervised_only.setChecked(False)
        choose_filters(filters, widgets)
        for widget in (*widgets.values(), *others, self.overdue_only):
            widget.blockSignals(False)
        self.reload()

    def reveal(self, hazard_id: int) -> None:
        """Show every year and status, select the hazard and open it."""
        with self.loader.synchronously():
            self.show_filtered({"year": 0})
            self.reload(hazard_id)
        if select_record(self.table, self.model, hazard_id):
            self.edit_selected()

    def reload(self, select_id: int | None = None) -> None:
        flt, today = self.current_filter(), date.today()
        year = self.year_combo.currentData() or today.year
        self.loader.run(lambda: (today, year, hazards.list_hazards(flt, today), inspections.per_quarter(year)),
                        lambda fetched: self._show(fetched, select_id))

    def _show(self, fetched, select_id: int | None) -> None:
        self.model.today, year, rows, held = fetched
        self.model.set_rows(rows)
        self.apply_filter()
        self.quarters.setText(f"{year}年开展检查：" + "　".join(
            f"第{'一二三四'[q - 1]}季度 {n}次" for q, n in held.items()))
        if select_id and (row := self.model.row_of_id(select_id)) >= 0:
            self.table.selectRow(row)
        self.follow_state()

    def follow_state(self) -> None:
        """Each step's button is on only where the selected hazard's state allows that step."""
        h = self.selected()
        allowed = {
            "edit": h is not None, "history": h is not None,
            "start": h is not None and h.status == PENDING,
            "fixed": h is not None and h.status in (PENDING, FIXING),
            "review": h is not None and h.status == AWAITING_REVIEW,
            "extend": h is not None and h.is_open,
            "reopen": h is not None and h.status == CLOSED,
            "void": h is not None and h.status not in (CLOSED, VOID),
            "notice": h is not None and h.has_notice,
        }
        for key, on in allowed.items():
            self.buttons[key].setEnabled(on)

    def apply_filter(self) -> None:
        needle = self.search.text().strip()
        self.model.set_predicate(
            (lambda h: needle in f"{h.place} {h.description} {h.responsible_unit} {h.responsible_person}")
            if needle else None)
        rows = self.model.rows()
        by_status = {s: sum(1 for h in rows if h.status == s) for s in HAZARD_STATUSES}
        overdue = sum(1 for h in rows if h.days_overdue(self.model.today))
        self.counts.setText(f"共{len(rows)}项：" + "，".join(f"{s}{n}项" for s, n in by_status.items() if n)
                            + f"；逾期{overdue}项")

    def selected(self):
        return highlighted_row(self.table)

    def _step(self, make_dialog) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = make_dialog(row)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(row.id)

    def new_hazard(self) -> None:
        dialog = HazardDialog(self)
        dialog.exec()
        self.fill_filters()
        if dialog.hazard:
            self.reload(dialog.hazard.id)

    def edit_selected(self) -> None:
        row = self.selected()
        if row:
            HazardDialog(self, row).exec()
            self.reload(row.id)

    def start(self) -> None:
        row = self.selected()
        if row:
            try:
                hazards.start(row.id, date.today())
            except TownOfficeError as exc:
                warn(self, "无法开始整改", exc)
            self.reload(row.id)

    def fixed(self) -> None:
        self._step(lambda h: FixedDialog(self, h, lambda text, on: hazards.report_fixed(h.id, text, on)))

    def review(self) -> None:
        self._step(lambda h: ReviewDialog(self, h, lambda who, on, ok, text:
                                          hazards.review(h.id, who, on, ok, text)))

    def extend(self) -> None:
        self._step(lambda h: ExtendHazardDialog(self, h, lambda new, reason, on:
                                                hazards.extend(h.id, new, reason, on)))

    def reopen(self) -> None:
        self._step(lambda h: ReasonDialog(self, f"重新打开 — {h.number}", "重新打开",
                                          lambda reason, on: hazards.reopen(h.id, reason, on)))

    def void(self) -> None:
        self._step(lambda h: ReasonDialog(self, f"作废 — {h.number}", "作废",
                                          lambda reason, on: hazards.void(h.id, reason, on)))

    def show_history(self) -> None:
        row = self.selected()
        if row:
            ProblemHistoryDialog(self, f"{row.number} {row.place}：{row.description}",
                                 hazards.history(row.id)).exec()

    def notice(self) -> None:
        row = self.selected()
        if row:
            PdfPreviewDialog(self, hazard_papers.preview("notice", row.number), f"挂牌督办通知书 {row.number}").exec()

    def print_ledger(self) -> None:
        year = self.year_combo.currentData() or date.today().year
        PdfPreviewDialog(self, hazard_papers.preview("ledger", year), f"{year}年隐患台账").exec()

    def export_ledger(self) -> None:
        year = self.year_combo.currentData() or date.today().year
        target, _ = QFileDialog.getSaveFileName(
            self, "导出隐患台账", str(Path(ui_state.last_folder("exports")) / f"{hazard_papers.ledger_title(year)}.xlsx"),
            "Excel 文件 (*.xlsx)")
        if target:
            ui_state.remember_folder("exports", str(Path(target).parent))
            out = hazard_papers.export_ledger(year, Path(target))
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))
