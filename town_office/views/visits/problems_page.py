"""问题清单 page: problems with filters (status, category, deputy, village, overdue), overdue in red
with working days left, batch 交办, 办理中 / 办结 / 反馈, the figures of the year, and export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from town_office.services.visits import problems
from town_office.services import roster
from town_office.services.roster import units as roster_units
from town_office.services import visits
from town_office.services.visits.types import (
    ASSIGNED,
    CLOSED,
    IN_PROGRESS,
    OPEN_STATUSES,
    PROBLEM_STATUSES,
    REGISTERED,
    ProblemFilter,
)
from town_office.services.common.workdays import coverage_note
from town_office.views import ui_state
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.visits.problem_dialogs import (
    AssignDialog,
    CloseDialog,
    FeedbackDialog,
    ProblemEditDialog,
    ProblemHistoryDialog,
)
from town_office.views.visits.table_models import ProblemTableModel
from town_office.views.widgets.form import ERROR_STYLE
from town_office.views.widgets.messages import warn
from town_office.views.widgets.selection import follow_selected_rows, highlighted_rows, one_row
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.page_links import choose_filters, select_record
from town_office.views.widgets.loads_when_shown import LoadsWhenShown
from town_office.views.widgets.background import RowLoader
from town_office.views.lazy_modules import lazy_module

visit_papers = lazy_module("town_office.services.visits.papers")  # reportlab/openpyxl: when first printing

OPEN = "未办结"


class ProblemsPage(LoadsWhenShown, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = ProblemTableModel(self)
        self.loader = RowLoader(self, lambda: self.count_label)
        self.year_combo, self.status_combo = QComboBox(), QComboBox()
        self.category_combo, self.deputy_combo, self.village_combo = QComboBox(), QComboBox(), QComboBox()
        self.overdue_only = QCheckBox("只看逾期")
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索问题、群众、承办单位")
        self.search.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        for label, widget in (("年度", self.year_combo), ("状态", self.status_combo),
                              ("类别", self.category_combo), ("代表", self.deputy_combo),
                              ("村", self.village_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.overdue_only)
        filters.addWidget(self.search, 1)
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        self.calendar_note = QLabel()
        self.calendar_note.setStyleSheet(ERROR_STYLE)
        self.calendar_note.setWordWrap(True)
        self.table = read_only_table(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        sortable(self.table)
        self.count_label = QLabel()
        self.assign_button = QPushButton("交办…")
        self.assign_button.setToolTip("可按住 Ctrl 或 Shift 选中多条，一并交给同一单位")
        self.start_button, self.close_button = QPushButton("办理中"), QPushButton("办结…")
        self.feedback_button, self.history_button = QPushButton("反馈…"), QPushButton("办理经过")
        self.edit_button = QPushButton("修改…")
        self.suggestion_button = QPushButton("转为代表建议…")
        self.excel_button, self.pdf_button = QPushButton("导出Excel…"), QPushButton("打印清单")
        actions = QHBoxLayout()
        for button in (self.edit_button, self.assign_button, self.start_button, self.close_button,
                       self.feedback_button, self.history_button, self.suggestion_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        actions.addWidget(self.excel_button)
        actions.addWidget(self.pdf_button)
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.stats)
        box.addWidget(self.calendar_note)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        for combo in (self.year_combo, self.status_combo, self.category_combo, self.deputy_combo,
                      self.village_combo):
            combo.currentIndexChanged.connect(lambda _: self.reload())
        self.overdue_only.toggled.connect(lambda _: self.reload())
        self.search.textChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda _: self.show_history())
        self.edit_button.clicked.connect(self.edit_selected)
        self.assign_button.clicked.connect(self.assign_selected)
        self.start_button.clicked.connect(self.start_selected)
        self.close_button.clicked.connect(self.close_selected)
        self.feedback_button.clicked.connect(self.feedback_selected)
        self.history_button.clicked.connect(self.show_history)
        self.suggestion_button.clicked.connect(self.to_suggestion)
        self.excel_button.clicked.connect(self.export_excel)
        self.pdf_button.clicked.connect(self.print_pdf)
        follow_selected_rows(self.table, {
            self.edit_button: one_row(lambda p: True),
            self.assign_button: lambda rows: all(p.status in (REGISTERED, ASSIGNED) for p in rows) or
            "只有“登记”或“交办”的问题可以交办（选中的问题中有已在办理或已办结的）",
            self.start_button: one_row(lambda p: p.status == ASSIGNED or
                                       f"“{p.status}”的问题不能改为办理中（先交办）"),
            self.close_button: one_row(lambda p: p.status in (ASSIGNED, IN_PROGRESS) or (
                "请先交办，再办结" if p.status == REGISTERED else f"问题已{p.status}")),
            self.feedback_button: one_row(lambda p: p.status == CLOSED or (
                "办结并有答复后才能向群众反馈" if p.status in OPEN_STATUSES else "已经反馈过了")),
            self.history_button: one_row(lambda p: True),
            self.suggestion_button: one_row(lambda p: p.route != "转为代表建议" or "已经转为代表建议")})

    def load(self) -> None:
        """On first show (not at start: a big town's lists take a while)."""
        self.fill_filters()

    def refresh_on_show(self) -> None:
        """Shown again: the list stays as the clerk left it (F5 refreshes)."""

    def fill_filters(self) -> None:
        combos = (self.year_combo, self.status_combo, self.category_combo, self.deputy_combo,
                  self.village_combo)
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        for year in visits.visit_years():
            self.year_combo.addItem(f"{year}年", year)
        self.status_combo.addItem(OPEN, OPEN)
        self.status_combo.addItem("全部状态", "")
        for status in PROBLEM_STATUSES:
            self.status_combo.addItem(status, status)
        self.category_combo.addItem("全部类别", "")
        for category in settings.get_settings().problem_categories:
            self.category_combo.addItem(category, category)
        self.deputy_combo.addItem("全部代表", 0)
        term_id = roster_units.current_term_id()
        for rep_id, name in roster.town_deputy_choices(term_id) if term_id else []:
            self.deputy_combo.addItem(name, rep_id)
        self.village_combo.addItem("全部", "")
        for village in visits.known_villages():
            self.village_combo.addItem(village, village)
        for combo in combos:
            combo.blockSignals(False)
        self.reload()

    def show_filtered(self, filters: dict) -> None:
        """The workbench's figure: year, status (未办结 / a status / '' for all) and overdue only."""
        self.ensure_loaded()
        widgets = {"year": self.year_combo, "status": self.status_combo, "overdue_only": self.overdue_only}
        for widget in (*widgets.values(), self.category_combo, self.deputy_combo, self.village_combo):
            widget.blockSignals(True)
        for combo in (self.category_combo, self.deputy_combo, self.village_combo):
            combo.setCurrentIndex(0)
        self.overdue_only.setChecked(False)
        self.search.clear()
        choose_filters(filters, widgets)
        for widget in (*widgets.values(), self.category_combo, self.deputy_combo, self.village_combo):
            widget.blockSignals(False)
        self.reload()

    def reveal(self, problem_id: int) -> None:
        """Show the problem's year, every status, select it and open its 办理经过."""
        with self.loader.synchronously():
            self.show_filtered({"year": problems.get_problem(problem_id).visited_on.year, "status": ""})
        if select_record(self.table, self.model, problem_id):
            self.show_history()

    def current_filter(self) -> ProblemFilter:
        status = self.status_combo.currentData()
        return ProblemFilter(
            year=self.year_combo.currentData(), open_only=status == OPEN,
            statuses=(status,) if status and status != OPEN else (),
            category=self.category_combo.currentData() or "",
            representative_id=self.deputy_combo.currentData() or None,
            village=self.village_combo.currentData() or "", overdue_only=self.overdue_only.isChecked())

    def reload(self, select_ids: set[int] | None = None) -> None:
        flt, year = self.current_filter(), self.year_combo.currentData() or date.today().year
        self.loader.run(lambda: (year, problems.list_problems(flt),
                                 problems.statistics(date(year, 1, 1), date(year, 12, 31)).text),
                        lambda fetched: self._show(fetched, select_ids))

    def _show(self, fetched, select_ids: set[int] | None) -> None:
        year, rows, statistics = fetched
        self.model.today = date.today()
        self.model.set_rows(rows)
        self.apply_filter()
        self.stats.setText(f"{year}年：" + statistics)
        note = coverage_note(year, date.today().year)
        self.calendar_note.setText(note)
        self.calendar_note.setVisible(bool(note))
        for row_id in select_ids or ():
            row = self.model.row_of_id(row_id)
            if row >= 0:
                self.table.selectionModel().select(
                    self.model.index(row, 0),
                    self.table.selectionModel().SelectionFlag.Select
                    | self.table.selectionModel().SelectionFlag.Rows)

    def apply_filter(self) -> None:
        needle = self.search.text().strip()
        self.model.set_predicate(
            (lambda p: needle in f"{p.content} {p.voter_name} {p.handling_unit} {p.deputies}")
            if needle else None)
        rows = self.model.rows()
        overdue = sum(1 for p in rows if p.is_overdue(self.model.today))
        self.count_label.setText(f"共 {len(rows)} 条，逾期 {overdue} 条")

    def selected_rows(self) -> list:
        return highlighted_rows(self.table)

    def _one(self):
        rows = self.selected_rows()
        if len(rows) != 1:
            warn(self, "请选择一条", TownOfficeError("请选中一条问题后再操作。"))
            return None
        return rows[0]

    def _after(self, dialog: QDialog, ids: set[int]) -> None:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(ids)

    def edit_selected(self) -> None:
        row = self._one()
        if row:
            self._after(ProblemEditDialog(self, row, settings.get_settings().problem_categories,
                                          lambda data: problems.update_problem(row.id, data)),
                        {row.id})

    def assign_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        ids = [p.id for p in rows]
        today = date.today()
        dialog = AssignDialog(self, len(rows), problems.default_deadline(today),
                              settings.get_settings().problem_deadline_workdays,
                              lambda unit, due: problems.assign(ids, unit, today, due))
        self._after(dialog, set(ids))

    def start_selected(self) -> None:
        row = self._one()
        if row:
            try:
                problems.start(row.id, date.today())
            except TownOfficeError as exc:
                warn(self, "无法更改", exc)
            self.reload({row.id})

    def close_selected(self) -> None:
        row = self._one()
        if row:
            self._after(CloseDialog(self, row.content, lambda reply, on: problems.close(row.id, reply, on)),
                        {row.id})

    def feedback_selected(self) -> None:
        row = self._one()
        if row:
            self._after(FeedbackDialog(self, row.content, lambda on, how, s:
                                       problems.feedback(row.id, on, how, s)), {row.id})

    def show_history(self) -> None:
        row = self._one()
        if row:
            ProblemHistoryDialog(self, row.content, problems.history(row.id)).exec()

    def export_excel(self) -> None:
        year = self.year_combo.currentData() or date.today().year
        name = f"{settings.get_settings().town_name}{year}年群众反映问题清单.xlsx"
        target, _ = QFileDialog.getSaveFileName(
            self, "导出问题清单", str(Path(ui_state.last_folder("exports")) / name), "Excel 文件 (*.xlsx)")
        if target:
            ui_state.remember_folder("exports", str(Path(target).parent))
            out = visit_papers.export_problems(year, Path(target))
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

    def print_pdf(self) -> None:
        year = self.year_combo.currentData() or date.today().year
        from town_office.services.common import attachments

        out = visit_papers.print_problems(year, attachments.preview_path(f"{year}年问题清单.pdf"),
                                          self.current_filter())
        PdfPreviewDialog(self, out, f"{year}年问题清单").exec()

    def to_suggestion(self) -> None:
        from town_office.views.suggestions.dialogs import FromProblemDialog

        rows = highlighted_rows(self.table)
        if len(rows) == 1 and FromProblemDialog(self, rows[0]).exec():
            self.reload()
