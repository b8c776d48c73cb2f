"""主席团会议 page: meetings by term and year with quarter, status and counts, the quarters of the
year with no meeting held yet, and new / open / delete."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
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
from town_office.services import meetings
from town_office.services.roster import units as roster_units
from town_office.services.meetings.rules import numbering_out_of_order
from town_office.services.meetings.types import QuarterStatus
from town_office.views import ui_state
from town_office.views.meetings.meeting_dialog import MeetingDialog
from town_office.views.meetings.table_models import MeetingTableModel
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.selection import follow_selection, highlighted_row
from town_office.views.widgets.page_links import choose_filters, select_record

QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")


def quarter_summary(year: int, quarters: list[QuarterStatus]) -> str:
    """Rich text: each quarter's meetings held, in red where a finished quarter had none."""
    parts = []
    for q in quarters:
        name = QUARTER_NAMES[q.quarter - 1]
        if q.held:
            parts.append(f"{name} 已召开{q.held}次")
        elif q.over:
            parts.append(f"<span style='color:#c0392b;font-weight:bold'>{name} 未召开会议</span>")
        else:
            planned = f"（筹备{q.planned}次）" if q.planned else ""
            parts.append(f"{name} 尚未召开{planned}")
    return f"{year}年：" + "　".join(parts)


class MeetingsPage(QWidget):
    meetings_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = MeetingTableModel(self)
        self.term_combo, self.year_combo = QComboBox(), QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索会次、地点、状态")
        self.search.setClearButtonEnabled(True)
        self.quarters = QLabel()
        self.numbering = QLabel()
        self.numbering.setStyleSheet("color:#c0392b;")
        self.numbering.setWordWrap(True)
        self.numbering.hide()
        filters = QHBoxLayout()
        for label, widget in (("届次", self.term_combo), ("年度", self.year_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        self.table = read_only_table(self.model)
        sortable(self.table)
        self.count_label = QLabel()
        self.new_button = QPushButton("新建会议")
        self.new_button.setToolTip("Ctrl+N")
        self.open_button = QPushButton("打开")
        self.open_button.setToolTip("回车或双击")
        self.delete_button = QPushButton("删除")
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.quarters)
        box.addWidget(self.numbering)
        box.addWidget(self.table, 1)
        box.addLayout(actions)

        self.term_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.year_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.search.textChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        self.new_button.clicked.connect(self.new_meeting)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        follow_selection(self.table, {
            self.open_button: lambda row: True,
            self.delete_button: lambda row: row.status == "筹备" or
            f"会议已{row.status}，不能删除（只有筹备中的会议可以删除）"})
        self.new_record = self.new_meeting  # Ctrl+N, through the window's 当前页 menu
        QShortcut(QKeySequence("Return"), self.table, activated=self.open_selected)
        ui_state.restore_header(self.table.horizontalHeader(), "meetings")
        self.fill_filters()

    def fill_filters(self) -> None:
        for combo in (self.term_combo, self.year_combo):
            combo.blockSignals(True)
            combo.clear()
        current = roster_units.current_term_id()
        self.term_combo.addItem("全部届次", 0)
        for term in roster_units.list_terms():
            self.term_combo.addItem(term.name, term.id)
        self.term_combo.setCurrentIndex(max(0, self.term_combo.findData(current)))
        self.year_combo.addItem("全部年度", 0)
        for year in meetings.meeting_years():
            self.year_combo.addItem(f"{year}年", year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(date.today().year))
        for combo in (self.term_combo, self.year_combo):
            combo.blockSignals(False)
        self.reload()

    def show_filtered(self, filters: dict) -> None:
        """The workbench's figure: every term, the year."""
        for combo in (self.term_combo, self.year_combo):
            combo.blockSignals(True)
        self.term_combo.setCurrentIndex(0)
        choose_filters(filters, {"year": self.year_combo})
        for combo in (self.term_combo, self.year_combo):
            combo.blockSignals(False)
        self.reload()

    def reveal(self, meeting_id: int) -> None:
        """Select the meeting among every term and year and open it."""
        self.show_filtered({"year": 0})
        self.reload(meeting_id)
        if select_record(self.table, self.model, meeting_id):
            self.open_selected()

    def reload(self, select_id: int | None = None) -> None:
        term_id, year = self.term_combo.currentData() or None, self.year_combo.currentData() or None
        self.model.set_rows(meetings.list_meetings(term_id, year))
        if year:
            self.quarters.setText(quarter_summary(year, meetings.quarters(year, term_id)))
        self.quarters.setVisible(bool(year))
        if term_id:  # 会次 that contradict the dates are usually typing mistakes: say so, do not refuse
            order = numbering_out_of_order([(m.number, m.held_on)
                                            for m in meetings.list_meetings(term_id)])
            self.numbering.setText("请核对会次编号：" + "；".join(order) if order else "")
            self.numbering.setVisible(bool(order))
        self.apply_filter()
        if select_id:
            row = self.model.row_of_id(select_id)
            if row >= 0:
                self.table.selectRow(row)

    def apply_filter(self) -> None:
        needle = self.search.text().strip()
        self.model.set_predicate(
            (lambda m: needle in f"第{m.number}次 {m.place} {m.status} {m.kind} {m.held_on}")
            if needle else None)
        self.count_label.setText(f"共 {len(self.model.rows())} 次会议")

    def selected(self):
        return highlighted_row(self.table)

    def _open(self, dialog: MeetingDialog) -> None:
        dialog.meeting_changed.connect(self.meetings_changed)
        dialog.exec()
        self.fill_filters()
        if dialog.meeting:
            self.reload(dialog.meeting.id)

    def new_meeting(self) -> None:
        try:
            dialog = MeetingDialog(self)
        except TownOfficeError as exc:
            warn(self, "无法新建会议", exc)
            return
        self._open(dialog)

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self._open(MeetingDialog(self, meetings.get_meeting(row.id)))

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None or not confirm(self, "删除会议", f"删除{row.title}（{row.held_on}）？\n"
                                      "只有筹备中、没有督办事项的会议可以删除。"):
            return
        try:
            meetings.delete_meeting(row.id)
        except TownOfficeError as exc:
            warn(self, "无法删除", exc)
            return
        self.reload()
        self.meetings_changed.emit()

    def save_state(self) -> None:
        ui_state.save_header(self.table.horizontalHeader(), "meetings")
