"""One congress session: 基本信息 (saved with 保存), 出席情况 (every deputy of the term: 出席 / 请假
with reason / 缺席, saved at once; 列席 typed or from the roster) with the quorum shown, and 议程
(items, votes and elections, documents, ballots and resolutions). A new session starts with
基本信息 only; the deputies are listed when it is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import sessions
from town_office.services.roster import units as roster_units
from town_office.services.sessions.types import SESSION_KINDS, SessionDetail, SessionInput
from town_office.views.sessions.agenda_tab import SessionAgendaTab
from town_office.views.sessions.table_models import ObserverTableModel, SessionAttendeeTableModel
from town_office.views.widgets.form import ERROR_STYLE, FieldErrors, text_box
from town_office.views.widgets.messages import answering_closed_term, warn
from town_office.views.widgets.selection import follow_selected_rows, highlighted_row, highlighted_rows
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.unsaved import GuardsUnsavedWork, not_form_data


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class SessionDialog(GuardsUnsavedWork, QDialog):
    KEYBOARD_SAVE = "save_header"

    def __init__(self, parent, session: SessionDetail | None = None, term_id: int | None = None):
        super().__init__(parent)
        self.session = session
        self.term_id = session.term_id if session else (term_id or roster_units.current_term_id(required=True))
        self.resize(980, 700)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:17px;font-weight:bold;")
        self.tally = QLabel()
        self.tally.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._header_page(), "基本信息")
        self.tabs.addTab(self._attendance_page(), "出席情况")
        self.agenda = SessionAgendaTab(self)
        self.tabs.addTab(self.agenda, "议程、表决和选举")
        close = QPushButton("关闭")
        close.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(close)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.tally)
        box.addWidget(self.tabs, 1)
        box.addLayout(bottom)
        self.show_session()

    # --- 基本信息 -------------------------------------------------------------------------------

    def _header_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.kind = self.errors.add_row("会议类型", QComboBox(), "会议类型")
        self.kind.addItems(SESSION_KINDS)
        self.starts = self.errors.add_row("开始日期", QDateEdit(calendarPopup=True), "开始日期")
        self.ends = self.errors.add_row("结束日期", QDateEdit(calendarPopup=True), "结束日期")
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(_qdate(date.today()))
        self.place = self.errors.add_row("地点", QLineEdit(), "地点")
        self.place.setPlaceholderText("如：镇人民政府大礼堂")
        self.chair = self.errors.add_row("主持人（执行主席）", QLineEdit(), "主持人")
        self.notes = self.errors.add_row("备注", text_box(60), "备注")
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.hide()
        self.save_button = QPushButton("保存(&S)")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save_header)
        self.starts.dateChanged.connect(lambda d: self.ends.setDate(d) if self.ends.date() < d else None)
        box = QVBoxLayout(page)
        box.addLayout(form)
        box.addWidget(self.general_error)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch(1)
        box.addLayout(row)
        box.addStretch(1)
        return page

    def _input(self) -> SessionInput:
        return SessionInput(self.term_id, self.kind.currentText(), _date(self.starts), _date(self.ends),
                            self.place.text(), self.chair.text(), self.notes.toPlainText())

    def save_header(self) -> None:
        if self.session is None:
            saved = self.errors.attempt(lambda: sessions.create_session(self._input()), self.general_error,
                                        self, "无法保存")
        else:
            saved = self.errors.attempt(lambda: sessions.update_session(self.session.id, self._input()),
                                        self.general_error, self, "无法保存")
        if saved is not None:
            self.session = saved
            self.show_session()

    # --- 出席情况 -------------------------------------------------------------------------------

    def _attendance_page(self) -> QWidget:
        page = QWidget()
        self.deputy_model = SessionAttendeeTableModel(self)
        self.deputies = read_only_table(self.deputy_model)
        sortable(self.deputies)
        self.observer_model = ObserverTableModel(self)
        self.observers = read_only_table(self.observer_model)
        self.observers.setMaximumHeight(130)
        self.present_button = QPushButton("标为出席")
        self.excused_button = QPushButton("标为请假…")
        self.absent_button = QPushButton("标为缺席")
        self.add_observer_button = QPushButton("添加列席…")
        self.remove_observer_button = QPushButton("移除列席")
        for button, mark in ((self.present_button, "出席"), (self.excused_button, "请假"),
                             (self.absent_button, "缺席")):
            button.clicked.connect(lambda _=False, m=mark: self.mark(m))
        self.add_observer_button.clicked.connect(self.add_observer)
        self.remove_observer_button.clicked.connect(self.remove_observer)
        follow_selected_rows(self.deputies, {b: lambda rows: bool(rows) for b in (
            self.present_button, self.excused_button, self.absent_button)})
        follow_selected_rows(self.observers, {self.remove_observer_button: lambda rows: len(rows) == 1})
        marks = QHBoxLayout()
        marks.addWidget(QLabel("选中的代表（可多选）："))
        for button in (self.present_button, self.excused_button, self.absent_button):
            marks.addWidget(button)
        marks.addStretch(1)
        guests = QHBoxLayout()
        guests.addWidget(self.add_observer_button)
        guests.addWidget(self.remove_observer_button)
        guests.addStretch(1)
        box = QVBoxLayout(page)
        box.addWidget(self.deputies, 1)
        box.addLayout(marks)
        box.addWidget(self.observers)
        box.addLayout(guests)
        not_form_data(self.deputies, self.observers)
        return page

    def _run(self, action, title: str) -> bool:
        try:
            self.session = answering_closed_term(self, action)
        except TownOfficeError as exc:
            warn(self, title, exc)
            return False
        self.show_session()
        return True

    def mark(self, attendance: str) -> None:
        rows = highlighted_rows(self.deputies)
        if not rows:
            return
        reason = ""
        if attendance == "请假":
            reason, ok = QInputDialog.getText(self, "请假原因", f"{'、'.join(r.name for r in rows[:5])}"
                                              f"{'等' if len(rows) > 5 else ''}请假的原因：",
                                              text="外出务工")
            if not ok:
                return
        self._run(lambda: sessions.set_attendance(self.session.id, [(r.id, attendance, reason) for r in rows]),
                  "无法保存出席情况")

    def add_observer(self) -> None:
        text, ok = QInputDialog.getText(self, "添加列席", "列席人员的姓名和职务（用空格分开）：",
                                        text="")
        if ok and text.strip():
            name, _, post = text.strip().partition(" ")
            self._run(lambda: sessions.add_observer(self.session.id, name, post.strip()), "无法添加列席")

    def remove_observer(self) -> None:
        row = highlighted_row(self.observers)
        if row is not None:
            self._run(lambda: sessions.remove_observer(row.id), "无法移除列席")

    # --- showing ------------------------------------------------------------------------------

    def show_session(self) -> None:
        s = self.session
        saved = s is not None
        for index in (1, 2):
            self.tabs.setTabEnabled(index, saved)
        if not saved:
            term = next((t.name for t in roster_units.list_terms() if t.id == self.term_id), "")
            self.setWindowTitle("新建人代会会议")
            self.heading.setText(f"{term}新的人代会会议（第{sessions.next_number(self.term_id)}次）")
            self.tally.setText("保存基本信息后，本届在任的镇人大代表自动列入出席名单。")
            return
        self.setWindowTitle(s.title)
        self.heading.setText(s.title + ("（已届满，只供查阅）" if s.term_closed else ""))
        colour = "#1e7b34" if s.tally.quorum_met else "#c0392b"
        self.tally.setText(f"<span style='color:{colour}'>{s.tally.text}</span>；"
                           f"表决和选举至少须获得{s.tally.needed_to_pass}票（{s.tally.pass_rule}）。")
        self.kind.setCurrentText(s.kind)
        self.starts.setDate(_qdate(s.starts_on))
        self.ends.setDate(_qdate(s.ends_on))
        self.place.setText(s.place)
        self.chair.setText(s.chair)
        self.notes.setPlainText(s.notes)
        self.deputy_model.set_rows(list(s.deputies))
        self.observer_model.set_rows(list(s.observers))
        self.agenda.show_session(s)
        self.remember_saved_state()
