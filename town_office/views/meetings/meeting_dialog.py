"""One meeting: 基本信息, 出席情况, 议题 and the papers, with the lifecycle buttons
(标记已召开, 纪要定稿, 重新打开) and the history. A new meeting starts with 基本信息 only."""

from __future__ import annotations

from contextlib import nullcontext

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError, ValidationError
from town_office.services.meetings import followups
from town_office.services.meetings import agenda as meeting_agenda
from town_office.services import meetings, roster
from town_office.services.roster import units as roster_units
from town_office.services.meetings.types import (
    FINALISED,
    HELD,
    PREPARING,
    FollowUpFilter,
    MeetingDetail,
)
from town_office.views import ui_state
from town_office.views.history_dialog import HistoryDialog
from town_office.views.meetings.agenda_tab import AgendaTab
from town_office.views.meetings.attendance_tab import AttendanceTab, tally_text
from town_office.views.meetings.header_form import MeetingHeaderForm
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.widgets.form import ERROR_STYLE
from town_office.services.roster.closed_terms import allow_closed_term_changes, term_is_closed
from town_office.views.widgets.messages import ask_closed_term, confirm, warn
from town_office.views.widgets.screen_fit import scrolling
from town_office.views.widgets.unsaved import form_state
from town_office.views.lazy_modules import lazy_module

meeting_papers = lazy_module("town_office.services.meetings.papers")  # reportlab/openpyxl: when first printing


class MeetingDialog(QDialog):
    meeting_changed = Signal()

    def __init__(self, parent, meeting: MeetingDetail | None = None):
        super().__init__(parent)
        self.meeting = meeting
        self.resize(1000, 760)
        term_id = meeting.term_id if meeting else roster_units.current_term_id(required=True)
        self.term_id = term_id
        self.closed_term_confirmed = False  # asked once per dialog
        chairs = [r.name for r in sorted(roster.list_representatives(term_id),
                                         key=lambda r: r.presidium_role != "主席")
                  if r.presidium_role in ("主席", "副主席") and r.status == "在任"]
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:17px;font-weight:bold;")
        self.status_line = QLabel()
        self.status_line.setWordWrap(True)

        self.header = MeetingHeaderForm(self, chairs, meetings.next_number(term_id))
        self._header_saved: tuple = ()
        header_page = QWidget()
        header_box = QVBoxLayout(header_page)
        header_box.addWidget(self.header)
        header_box.addStretch(1)
        self.attendance = AttendanceTab(self)
        self.agenda = AgendaTab(self)
        self.tabs = QTabWidget()
        # each tab scrolls on a short screen; the lifecycle and paper buttons below stay in view
        self.tabs.addTab(scrolling(header_page), "基本信息")
        self.tabs.addTab(scrolling(self.attendance), "出席情况")
        self.tabs.addTab(scrolling(self.agenda), "议题")

        self.paper_buttons = {kind: QPushButton(f"预览{name}") for kind, name in
                              meeting_papers.PAPERS.items()}
        self.held_button = QPushButton("标记已召开")
        self.finalise_button = QPushButton("纪要定稿…")
        self.reopen_button = QPushButton("重新打开…")
        self.history_button = QPushButton("修改记录")
        self.saved_note = QLabel()
        self.saved_note.setStyleSheet("color:#2e7d32;")
        self.save_button = QPushButton("保存(&S)")
        self.save_button.setToolTip("保存基本信息、出席情况和正在编辑的议题（Ctrl+S）")
        close_button = QPushButton("关闭")
        papers = QHBoxLayout()
        papers.addWidget(QLabel("打印："))
        for button in self.paper_buttons.values():
            papers.addWidget(button)
        papers.addStretch(1)
        lifecycle = QHBoxLayout()
        for button in (self.held_button, self.finalise_button, self.reopen_button,
                       self.history_button):
            lifecycle.addWidget(button)
        lifecycle.addStretch(1)
        lifecycle.addWidget(self.saved_note)
        lifecycle.addWidget(self.save_button)
        lifecycle.addWidget(close_button)

        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.status_line)
        box.addWidget(self.tabs, 1)
        box.addLayout(papers)
        box.addLayout(lifecycle)

        self.save_button.clicked.connect(self.save_all)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save_all)
        for kind, button in self.paper_buttons.items():
            button.clicked.connect(lambda _=False, k=kind: self.preview(k))
        self.held_button.clicked.connect(self.mark_held)
        self.finalise_button.clicked.connect(self.finalise)
        self.reopen_button.clicked.connect(self.reopen)
        self.history_button.clicked.connect(self.show_history)
        close_button.clicked.connect(self.reject)
        self.attendance.changed.connect(self._changed)
        self.tabs.currentChanged.connect(self._tab_switched)
        self.agenda.changed.connect(self._changed)
        ui_state.restore_geometry(self, "meeting_dialog")
        if meeting is None:
            self._start_new()
        else:
            self._show(meeting)

    def _start_new(self) -> None:
        self.setWindowTitle("新建主席团会议")
        self.heading.setText("新建主席团会议")
        self.status_line.setText("填写基本信息并保存后，再登记出席情况和议题。")
        earlier = meetings.list_meetings(self.term_id)
        if earlier:  # the clerk's usual room and recorder
            self.header.place.setText(earlier[0].place)
            self.header.recorder.setText(meetings.get_meeting(earlier[0].id).recorder)
        self.header.offer_followup_review(
            len(followups.list_followups(FollowUpFilter(open_only=True))))
        for index in (1, 2):
            self.tabs.setTabEnabled(index, False)
        for button in (*self.paper_buttons.values(), self.held_button, self.finalise_button,
                       self.reopen_button, self.history_button):
            button.setEnabled(False)
        self._header_saved = form_state(self.header)
        self.header.place.setFocus()

    def _show(self, meeting: MeetingDetail) -> None:
        self.meeting = meeting
        self.setWindowTitle(meeting.title)
        self.heading.setText(f"{meeting.title}（{meeting.kind}）")
        self.status_line.setText(f"状态：{meeting.status}　　{tally_text(meeting)}"
                                 + ("　　纪要已定稿，内容已锁定" if meeting.locked else ""))
        self.status_line.setStyleSheet("" if meeting.tally.quorum_met else ERROR_STYLE)
        self.header.load(meeting)
        self.header.set_read_only(meeting.locked)
        self.header.review_followups.hide()
        self._header_saved = form_state(self.header)
        self.save_button.setEnabled(not meeting.locked)
        self.save_button.setToolTip("纪要已定稿，内容已锁定；如需修改请先“重新打开”" if meeting.locked
                                    else "保存基本信息、出席情况和正在编辑的议题（Ctrl+S）")
        for index in (1, 2):
            self.tabs.setTabEnabled(index, True)
        self.attendance.load(meeting)
        self.agenda.load(meeting)
        for button in (*self.paper_buttons.values(), self.history_button):
            button.setEnabled(True)
        self.held_button.setEnabled(meeting.status == PREPARING)
        self.finalise_button.setEnabled(meeting.status == HELD)
        self.reopen_button.setEnabled(meeting.status == FINALISED)

    def _changed(self, meeting: MeetingDetail) -> None:
        self.meeting = meeting
        self.status_line.setText(f"状态：{meeting.status}　　{tally_text(meeting)}")
        self.status_line.setStyleSheet("" if meeting.tally.quorum_met else ERROR_STYLE)
        self.agenda.meeting = meeting
        self.meeting_changed.emit()

    def _run(self, action, title: str) -> MeetingDetail | None:
        try:
            meeting = action()
        except TownOfficeError as exc:
            warn(self, title, exc)
            return None
        self._show(meeting)
        self.meeting_changed.emit()
        return meeting

    def _tab_switched(self, _index: int) -> None:
        """Switching tabs saves what was changed (and says so): votes are counted against the
        attendance as saved. What cannot be saved brings its tab back to the front."""
        if self._has_unsaved_work():
            self.save_all(automatic=True)

    def _show_tab(self, index: int) -> None:
        """Bring a tab to the front without saving the one left (it holds a problem to fix)."""
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)

    def has_unsaved_header(self) -> bool:
        locked = self.meeting is not None and self.meeting.locked
        return not locked and form_state(self.header) != self._header_saved

    def save_all(self, automatic: bool = False) -> None:
        """The one 保存 (Ctrl+S): attendance, the edited 议题, then the header (whose save reloads
        the tabs); the first part that cannot be saved is shown with its problem."""
        if self.meeting is None:
            if self.save_header():
                self.saved_note.setText("会议已建立，请登记出席情况和议题")
            return
        closed = term_is_closed(self.term_id)
        if closed and not self.closed_term_confirmed:
            if not ask_closed_term(self, f"{closed}已经结束（换届后只供查阅和打印），这次主席团会议属于这一届。"):
                return
            self.closed_term_confirmed = True
        with allow_closed_term_changes() if closed else nullcontext():
            self._save_parts(automatic)

    def _save_parts(self, automatic: bool) -> None:
        saved = []
        for name, tab, pending, save in (
                ("出席情况", 1, self.attendance.has_unsaved_changes, self.attendance.save),
                ("议题", 2, self.agenda.has_unsaved_item, self.agenda.save_item),
                ("基本信息", 0, self.has_unsaved_header, self.save_header)):
            if not pending():
                continue
            if not save():
                self._show_tab(tab)
                self.saved_note.setText("")
                return
            saved.append(name)
        done = f"已{'自动' if automatic else ''}保存{'、'.join(saved)}"
        self.saved_note.setText(done if saved else "没有需要保存的修改")

    def save_header(self) -> bool:
        data = self.header.form_data(self.term_id)
        try:
            if self.meeting is None:
                meeting = meetings.create_meeting(
                    data, self.header.review_followups.isVisible()
                    and self.header.review_followups.isChecked())
            else:
                meeting = meetings.update_meeting(self.meeting.id, data)
        except ValidationError as exc:
            unplaced = self.header.errors.show(exc.problems)
            if unplaced:
                warn(self, "基本信息未保存", ValidationError(unplaced))
            return False
        except TownOfficeError as exc:
            warn(self, "基本信息未保存", exc)
            return False
        self.header.errors.clear()
        self._show(meeting)
        self.meeting_changed.emit()
        return True

    def preview(self, kind: str) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path = meeting_papers.preview_paper(kind, self.meeting.id)
        except TownOfficeError as exc:
            QGuiApplication.restoreOverrideCursor()
            warn(self, "无法生成", exc)
            return
        QGuiApplication.restoreOverrideCursor()
        note = "已定稿纪要（与存档文件一致）" if kind == "minutes" and self.meeting.locked else ""
        PdfPreviewDialog(self, path, f"{self.meeting.title}{meeting_papers.PAPERS[kind]}", note).exec()

    def _has_unsaved_work(self) -> bool:
        return self.meeting is not None and (self.has_unsaved_header() or self.agenda.has_unsaved_item()
                                             or self.attendance.has_unsaved_changes())

    def _saved_first(self) -> bool:
        """标记已召开 and 纪要定稿 act on the meeting as saved: what is on screen is saved first."""
        if self._has_unsaved_work():
            self.save_all()
        return not self._has_unsaved_work()

    def mark_held(self) -> None:
        if not self._saved_first():
            return
        self._run(lambda: meetings.mark_held(self.meeting.id), "无法标记")

    def finalise(self) -> None:
        if not self._saved_first() or not confirm(self, "纪要定稿", "定稿后，会议的基本信息、出席情况和议题将锁定，纪要PDF连同其校验值"
                       "存档于数据文件夹。如需修改须“重新打开”并写明原因。\n\n现在定稿吗？", "定稿"):
            return
        if self._run(lambda: meeting_papers.finalise(self.meeting.id), "无法定稿"):
            self.preview("minutes")

    def reopen(self) -> None:
        reason, ok = QInputDialog.getMultiLineText(
            self, "重新打开会议", "请写明重新打开的原因（将记入修改记录）：")
        if ok:
            self._run(lambda: meetings.reopen(self.meeting.id, reason), "无法重新打开")

    def show_history(self) -> None:
        HistoryDialog(self, self.meeting.title, meeting_agenda.meeting_history(self.meeting.id)).exec()

    def reject(self) -> None:
        """关闭 / Esc / ×: the edited 议题 or attendance not yet saved is never dropped silently."""
        unsaved = [what for what, pending in (
            ("基本信息", self.has_unsaved_header()), ("议题", self.agenda.has_unsaved_item()),
            ("出席情况", self.attendance.has_unsaved_changes())) if pending]
        if unsaved and not confirm(self, "放弃修改？", f"{'、'.join(unsaved)}有尚未保存的修改，"
                                   "关闭后这些修改将丢失。", "放弃修改"):
            return
        super().reject()

    def done(self, result) -> None:
        ui_state.save_geometry(self, "meeting_dialog")
        super().done(result)

