"""督办事项 page: every follow-up of every meeting, overdue ones in red with the days overdue, and
办理进展 / 延期 / the meeting it came from."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from town_office.services.common import audit
from town_office.services.meetings import followups
from town_office.services import meetings
from town_office.services.meetings.types import FollowUpFilter
from town_office.views.history_dialog import HistoryDialog
from town_office.views.meetings.followup_dialogs import ExtendDialog, ProgressDialog
from town_office.views.meetings.meeting_dialog import MeetingDialog
from town_office.views.meetings.table_models import FollowUpTableModel
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.selection import follow_selection, highlighted_row
from town_office.views.widgets.page_links import select_record

SHOW = (("未办结", FollowUpFilter(open_only=True)), ("已逾期", FollowUpFilter(overdue_only=True)),
        ("全部", FollowUpFilter()))


class FollowUpsPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = FollowUpTableModel(self)
        self.show_combo = QComboBox()
        for label, flt in SHOW:
            self.show_combo.addItem(label, flt)
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索督办内容、承办单位、责任人")
        self.search.setClearButtonEnabled(True)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("显示"))
        filters.addWidget(self.show_combo)
        filters.addWidget(self.search, 1)
        self.table = read_only_table(self.model)
        sortable(self.table)
        self.count_label = QLabel()
        self.progress_button = QPushButton("办理进展…")
        self.extend_button = QPushButton("延期…")
        self.meeting_button = QPushButton("打开所属会议")
        self.history_button = QPushButton("修改记录")
        actions = QHBoxLayout()
        for button in (self.progress_button, self.extend_button, self.meeting_button,
                       self.history_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        self.show_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.search.textChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda _: self.record_progress())
        self.progress_button.clicked.connect(self.record_progress)
        self.extend_button.clicked.connect(self.extend)
        self.meeting_button.clicked.connect(self.open_meeting)
        self.history_button.clicked.connect(self.show_history)
        follow_selection(self.table, {
            self.progress_button: lambda row: True,
            self.extend_button: lambda row: row.status != "已办结" or "已办结的事项不需要延期",
            self.meeting_button: lambda row: True, self.history_button: lambda row: True})
        self.reload()

    def reveal(self, followup_id: int) -> None:
        """Show every follow-up, select this one and open its progress (as a double-click does)."""
        self.show_combo.setCurrentIndex(self.show_combo.findText("全部"))
        self.search.clear()
        self.reload(followup_id)
        if select_record(self.table, self.model, followup_id):
            self.record_progress()

    def reload(self, select_id: int | None = None) -> None:
        self.model.today = date.today()
        self.model.set_rows(followups.list_followups(self.show_combo.currentData()))
        self.apply_filter()
        if select_id:
            row = self.model.row_of_id(select_id)
            if row >= 0:
                self.table.selectRow(row)

    def apply_filter(self) -> None:
        needle = self.search.text().strip()
        self.model.set_predicate(
            (lambda f: needle in f"{f.content} {f.handling_unit} {f.responsible}") if needle else None)
        rows = self.model.rows()
        overdue = sum(1 for f in rows if f.is_overdue(self.model.today))
        self.count_label.setText(f"共 {len(rows)} 项，其中逾期 {overdue} 项")

    def selected(self):
        return highlighted_row(self.table)

    def record_progress(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ProgressDialog(self, row, lambda status, result, done_on:
                                followups.set_progress(row.id, status, result, done_on))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(row.id)

    def extend(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = ExtendDialog(self, row, lambda new, reason, agreed:
                              followups.extend(row.id, new, reason, agreed))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload(row.id)

    def open_meeting(self) -> None:
        row = self.selected()
        if row is not None:
            MeetingDialog(self, meetings.get_meeting(row.meeting_id)).exec()
            self.reload(row.id)

    def show_history(self) -> None:
        row = self.selected()
        if row is not None:
            HistoryDialog(self, row.content[:30], audit.history("follow_up", row.id)).exec()
