"""出席情况: each presidium member 出席 / 请假 (reason) / 缺席 with the tally and the quorum verdict,
and the 列席 persons (from the roster or typed)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services.meetings import attendance as meeting_attendance
from town_office.services import roster
from town_office.services.meetings.rules import tally_from
from town_office.services.meetings.types import (
    ATTENDANCE,
    EXCUSED,
    PRESENT,
    AttendanceChange,
    MeetingDetail,
    ObserverInput,
    Tally,
)
from town_office.views.meetings.table_models import ObserverTableModel
from town_office.views.widgets.form import ERROR_STYLE
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.table_model import ROW_ROLE
from town_office.views.widgets.table_view import read_only_table
from town_office.views.widgets.unsaved import GuardsUnsavedWork


def tally_text(meeting: MeetingDetail, tally: Tally | None = None) -> str:
    tally = tally or meeting.tally
    verdict = "符合法定人数" if tally.quorum_met else \
        f"未达到法定人数（{tally.quorum_rule}），不能形成议定事项"
    return f"{tally.text}；{verdict}"


class AttendanceTab(QWidget):
    changed = Signal(object)  # the new MeetingDetail

    def __init__(self, parent=None):
        super().__init__(parent)
        self.meeting: MeetingDetail | None = None
        self.rows: list[tuple[int, QComboBox, QLineEdit]] = []
        self.tally = QLabel()
        self.tally.setWordWrap(True)
        self.members_box = QGroupBox("主席团成员")
        self.grid = QGridLayout(self.members_box)
        self.all_present = QPushButton("全部出席")
        self.sync_button = QPushButton("按名册重新载入成员")
        self.sync_button.setToolTip("会议筹备期间，主席团成员有变动时使用")
        member_buttons = QHBoxLayout()
        for button in (self.all_present, self.sync_button):
            member_buttons.addWidget(button)
        member_buttons.addStretch(1)

        self.observer_model = ObserverTableModel(self)
        self.observers = read_only_table(self.observer_model)
        self.add_observer_button = QPushButton("添加列席人员…")
        self.remove_observer_button = QPushButton("移除列席")
        observer_buttons = QHBoxLayout()
        observer_buttons.addWidget(self.add_observer_button)
        observer_buttons.addWidget(self.remove_observer_button)
        observer_buttons.addStretch(1)
        observer_box = QGroupBox("列席人员")
        observer_layout = QVBoxLayout(observer_box)
        observer_layout.addWidget(self.observers)
        observer_layout.addLayout(observer_buttons)

        box = QVBoxLayout(self)
        box.addWidget(self.tally)
        box.addWidget(self.members_box)
        box.addLayout(member_buttons)
        box.addWidget(observer_box, 1)
        self.all_present.clicked.connect(self._all_present)
        self.sync_button.clicked.connect(self._sync)
        self.add_observer_button.clicked.connect(self.add_observer)
        self.remove_observer_button.clicked.connect(self.remove_observer)

    def load(self, meeting: MeetingDetail) -> None:
        self.meeting = meeting
        while self.grid.count():
            self.grid.takeAt(0).widget().deleteLater()
        self.rows = []
        for header, column in (("姓名", 0), ("职务", 1), ("出席情况", 2), ("请假原因", 3)):
            self.grid.addWidget(QLabel(f"<b>{header}</b>"), 0, column)
        for row, member in enumerate(meeting.members, start=1):
            combo = QComboBox()
            combo.addItems(ATTENDANCE)
            combo.setCurrentText(member.attendance)
            reason = QLineEdit(member.reason)
            reason.setPlaceholderText("请假须写明原因")
            reason.setEnabled(member.attendance == EXCUSED)
            combo.currentTextChanged.connect(lambda text, r=reason: r.setEnabled(text == EXCUSED))
            combo.currentTextChanged.connect(self._live_tally)
            self.grid.addWidget(QLabel(member.name), row, 0)
            self.grid.addWidget(QLabel(f"主席团{member.presidium_role}"), row, 1)
            self.grid.addWidget(combo, row, 2)
            self.grid.addWidget(reason, row, 3)
            self.rows.append((member.id, combo, reason))
        if not meeting.members:
            self.grid.addWidget(QLabel("本届还没有主席团成员：请先在代表名册中设置主席团职务。"), 1, 0, 1, 4)
        self.observer_model.set_rows(meeting.observers)
        self.tally.setText(tally_text(meeting))
        self.tally.setStyleSheet("" if meeting.tally.quorum_met else ERROR_STYLE + "font-weight:bold;")
        locked = meeting.locked
        for widget in (self.all_present, self.add_observer_button,
                       self.remove_observer_button, self.members_box):
            widget.setEnabled(not locked)
        self.sync_button.setEnabled(meeting.status == "筹备")

    def _all_present(self) -> None:
        for _, combo, reason in self.rows:
            combo.setCurrentText(PRESENT)
            reason.clear()

    def _live_tally(self, *_) -> None:
        """The tally as marked on screen, before it is saved."""
        tally = tally_from([combo.currentText() for _, combo, _ in self.rows],
                           self.meeting.tally.quorum_rule)
        unsaved = "（尚未保存）" if self.has_unsaved_changes() else ""
        self.tally.setText(tally_text(self.meeting, tally) + unsaved)
        self.tally.setStyleSheet("" if tally.quorum_met else ERROR_STYLE + "font-weight:bold;")

    def has_unsaved_changes(self) -> bool:
        """Attendance marked on screen but not saved."""
        if self.meeting is None or self.meeting.locked:
            return False
        saved = {m.id: (m.attendance, m.reason or "") for m in self.meeting.members}
        return any(saved.get(c.attendee_id) != (c.attendance, c.reason.strip())
                   for c in self.changes())

    def changes(self) -> list[AttendanceChange]:
        return [AttendanceChange(attendee_id, combo.currentText(), reason.text())
                for attendee_id, combo, reason in self.rows]

    def save(self) -> bool:
        try:
            meeting = meeting_attendance.set_attendance(self.meeting.id, self.changes())
        except TownOfficeError as exc:
            warn(self, "出席情况未保存", exc)
            return False
        self.load(meeting)
        self.changed.emit(meeting)
        return True

    def _sync(self) -> None:
        if self.has_unsaved_changes() and not self.save():  # a reload would drop the marks
            return
        self._apply(lambda: meeting_attendance.sync_members(self.meeting.id), "无法重新载入")

    def _apply(self, action, title: str) -> None:
        try:
            meeting = action()
        except TownOfficeError as exc:
            warn(self, title, exc)
            return
        self.load(meeting)
        self.changed.emit(meeting)

    def add_observer(self) -> None:
        if self.has_unsaved_changes() and not self.save():  # a reload would drop the marks
            return
        dialog = ObserverDialog(self, self.meeting.term_id)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply(lambda: meeting_attendance.add_observer(self.meeting.id, dialog.data()),
                        "无法添加列席人员")

    def remove_observer(self) -> None:
        if self.has_unsaved_changes() and not self.save():  # a reload would drop the marks
            return
        index = self.observers.currentIndex()
        if not index.isValid():
            return
        person = index.data(ROW_ROLE)
        if confirm(self, "移除列席人员", f"从本次会议的列席名单中移除{person.name}？", "移除"):
            self._apply(lambda: meeting_attendance.remove_observer(person.id), "无法移除")


class ObserverDialog(GuardsUnsavedWork, QDialog):
    """Pick a deputy from the roster, or type a name, and the unit and post."""

    KEYBOARD_SAVE = "accept"

    def __init__(self, parent, term_id: int):
        super().__init__(parent)
        self.setWindowTitle("添加列席人员")
        self.deputies = {f"{r.name}（{r.group_name or r.work_unit_post}）": r
                         for r in roster.list_representatives(term_id) if r.status == "在任"}
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItem("")
        self.name.addItems(list(self.deputies))
        self.name.lineEdit().setPlaceholderText("从代表名册选择，或直接输入姓名（如 镇长 陈志强）")
        self.unit_post = QLineEdit()
        self.unit_post.setPlaceholderText("单位及职务，如 镇人民政府镇长")
        self.name.currentTextChanged.connect(self._picked)
        form = QFormLayout()
        form.addRow("姓名", self.name)
        form.addRow("单位及职务", self.unit_post)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("添加")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def _picked(self, text: str) -> None:
        deputy = self.deputies.get(text)
        if deputy is not None:
            self.unit_post.setText(deputy.work_unit_post)

    def data(self) -> ObserverInput:
        text = self.name.currentText().strip()
        deputy = self.deputies.get(text)
        if deputy is not None:
            return ObserverInput(deputy.name, self.unit_post.text(), deputy.id)
        return ObserverInput(text, self.unit_post.text())
