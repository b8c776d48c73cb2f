"""代表建议 page: the year's suggestions (overdue in red) with 登记, 修改, 交办, 答复, 代表意见, 金点子,
删除; the 交办单 of a unit, the 督办卡 of a suggestion, the statistics and the workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import suggestions
from town_office.services.common import attachments
from town_office.services.suggestions import answers
from town_office.services.suggestions.types import (
    ANSWERED,
    ASSIGNED,
    OPEN_STATUSES,
    REGISTERED,
    STATUSES,
    SuggestionFilter,
)
from town_office.views import ui_state
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.suggestions.dialogs import (
    AnswerDialog,
    AssignDialog,
    ExcellentDialog,
    FeedbackDialog,
    SuggestionDialog,
)
from town_office.views.suggestions.table_models import SuggestionTableModel
from town_office.views.widgets.loads_when_shown import LoadsWhenShown
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.selection import follow_selection, highlighted_row
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.page_links import choose_filters, select_record
from town_office.views.lazy_modules import lazy_module

suggestion_papers = lazy_module("town_office.services.suggestions.papers")  # reportlab/openpyxl: when first printing


class SuggestionsPage(LoadsWhenShown, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = SuggestionTableModel(self)
        self.year, self.status = QComboBox(), QComboBox()
        self.status.addItem("全部状态", "")
        for status in STATUSES:
            self.status.addItem(status, status)
        self.overdue = QCheckBox("只看逾期")
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索编号、标题、代表、单位")
        self.search.setClearButtonEnabled(True)
        self.stats = QLabel()
        self.stats.setWordWrap(True)
        filters = QHBoxLayout()
        for widget in (QLabel("年度"), self.year, QLabel("状态"), self.status, self.overdue):
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        self.table = read_only_table(self.model)
        sortable(self.table)
        self.buttons = {key: QPushButton(text) for key, text in (
            ("new", "登记建议…"), ("edit", "修改…"), ("assign", "交办…"), ("answer", "答复…"),
            ("feedback", "代表意见…"), ("excellent", "评为金点子…"), ("delete", "删除"),
            ("unit", "打印交办单"), ("card", "打印督办卡"), ("export", "导出Excel…"))}
        b = self.buttons
        follow_selection(self.table, {
            b["edit"]: lambda r: True,
            b["assign"]: lambda r: r.status in (REGISTERED, ASSIGNED) or f"建议已{r.status}，交办信息不能再改",
            b["answer"]: lambda r: r.status in OPEN_STATUSES or "交办后（或代表不满意重新办理时）才能录入答复",
            b["feedback"]: lambda r: r.status == ANSWERED or "答复后才能征询代表意见",
            b["excellent"]: lambda r: not r.excellent or "已评为金点子",
            b["delete"]: lambda r: r.status == REGISTERED or "已交办的建议不能删除",
            b["unit"]: lambda r: bool(r.main_unit) or "建议还没有交办",
            b["card"]: lambda r: r.status != REGISTERED or "建议还没有交办"})
        for key, slot in (("new", self.new), ("edit", self.edit), ("assign", lambda: self.step(AssignDialog)),
                          ("answer", lambda: self.step(AnswerDialog)), ("feedback", lambda: self.step(FeedbackDialog)),
                          ("excellent", lambda: self.step(ExcellentDialog)), ("delete", self.delete),
                          ("unit", self.print_unit), ("card", self.print_card), ("export", self.export)):
            b[key].clicked.connect(slot)
        rows = QVBoxLayout(self)
        rows.addLayout(filters)
        rows.addWidget(self.stats)
        rows.addWidget(self.table, 1)
        for keys in (("new", "edit", "assign", "answer", "feedback", "excellent", "delete"), ("unit", "card", "export")):
            line = QHBoxLayout()
            for key in keys:
                line.addWidget(b[key])
            line.addStretch(1)
            rows.addLayout(line)
        for combo in (self.year, self.status):
            combo.currentIndexChanged.connect(lambda _: self.reload())
        self.overdue.toggled.connect(lambda _: self.reload())
        self.search.textChanged.connect(lambda _: self.reload())
        self.table.doubleClicked.connect(lambda _: self.edit())

    def fill_years(self) -> None:
        chosen = self.year.currentData() or date.today().year
        self.year.blockSignals(True)
        self.year.clear()
        for year in sorted(set(suggestions.suggestion_years()) | {date.today().year}, reverse=True):
            self.year.addItem(f"{year}年", year)
        self.year.setCurrentIndex(max(0, self.year.findData(chosen)))
        self.year.blockSignals(False)
        self.reload()

    def show_filtered(self, filters: dict) -> None:
        """The workbench's figure: the year and a category (found by the search box)."""
        self.ensure_loaded()
        for widget in (self.year, self.status, self.overdue, self.search):
            widget.blockSignals(True)
        self.status.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.search.setText(filters.get("category", ""))
        choose_filters(filters, {"year": self.year})
        for widget in (self.year, self.status, self.overdue, self.search):
            widget.blockSignals(False)
        self.reload()

    def reveal(self, suggestion_id: int) -> None:
        """Show the suggestion's year, select it and open it."""
        self.show_filtered({"year": suggestions.get_suggestion(suggestion_id).year})
        self.reload(suggestion_id)
        if select_record(self.table, self.model, suggestion_id):
            self.edit()

    def reload(self, select_id: int | None = None) -> None:
        year = self.year.currentData() or date.today().year
        self.model.set_rows(suggestions.list_suggestions(SuggestionFilter(
            year, self.status.currentData() or "", self.overdue.isChecked(), text=self.search.text().strip())))
        t = answers.statistics(year).total
        overdue = sum(1 for r in suggestions.list_suggestions(SuggestionFilter(year, overdue_only=True)))
        self.stats.setText(f"{year}年代表建议{t.count}件，已答复{t.answered}件，按期答复率{t.rate(t.on_time, t.count)}，"
                           f"办结率{t.rate(t.closed, t.count)}，满意率{t.rate(t.satisfied, t.opinions)}"
                           + (f"；<span style='color:#c0392b'>逾期未答复{overdue}件</span>" if overdue else ""))
        if select_id:
            row = self.model.row_of_id(select_id)
            if row >= 0:
                self.table.selectRow(row)

    def _run_dialog(self, dialog) -> None:
        if dialog.exec() and dialog.result_row is not None:
            self.fill_years()
            self.reload(dialog.result_row.id)

    def new(self) -> None:
        self._run_dialog(SuggestionDialog(self))

    def edit(self) -> None:
        row = highlighted_row(self.table)
        if row is not None:
            self._run_dialog(SuggestionDialog(self, row))

    def step(self, dialog_class) -> None:
        row = highlighted_row(self.table)
        if row is not None:
            self._run_dialog(dialog_class(self, row))

    def delete(self) -> None:
        row = highlighted_row(self.table)
        if row is None or not confirm(self, "删除代表建议", f"删除{row.number}“{row.title}”？"):
            return
        try:
            suggestions.delete_suggestion(row.id)
        except TownOfficeError as exc:
            warn(self, "无法删除", exc)
            return
        self.reload()

    def _preview(self, write, title: str) -> None:
        out = attachments.preview_path(f"{title}.pdf")
        try:
            write(out)
        except TownOfficeError as exc:
            warn(self, f"无法生成{title}", exc)
            return
        PdfPreviewDialog(self, out, title).exec()

    def print_unit(self) -> None:
        row = highlighted_row(self.table)
        if row is not None:
            self._preview(lambda out: suggestion_papers.print_assignment(row.year, row.main_unit, out),
                          f"代表建议交办单（{row.main_unit}）")

    def print_card(self) -> None:
        row = highlighted_row(self.table)
        if row is not None:
            self._preview(lambda out: suggestion_papers.print_card(row.id, out), f"督办卡 {row.number}")

    def export(self) -> None:
        year = self.year.currentData() or date.today().year
        path, _ = QFileDialog.getSaveFileName(self, "导出代表建议",
                                              str(Path(ui_state.last_folder("exports")) / f"{year}年代表建议.xlsx"),
                                              "Excel 文件 (*.xlsx)")
        if path:
            ui_state.remember_folder("exports", str(Path(path).parent))
            try:
                suggestion_papers.export_year(year, Path(path))
            except TownOfficeError as exc:
                warn(self, "无法导出", exc)

    def load(self) -> None:
        self.fill_years()
