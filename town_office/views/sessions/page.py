"""人代会会议 page: the congress sessions of a term (any term: a closed one stays readable and
printable, and a change to it asks first), with attendance against the quorum, and new / open /
delete and the session's papers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import sessions
from town_office.services.roster import units as roster_units
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.sessions.session_dialog import SessionDialog
from town_office.views.sessions.table_models import SessionTableModel
from town_office.views.widgets.loads_when_shown import LoadsWhenShown
from town_office.views.widgets.messages import answering_closed_term, confirm, warn
from town_office.views.widgets.selection import follow_selection, highlighted_row
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.page_links import choose, select_record
from town_office.views.lazy_modules import lazy_module

session_papers = lazy_module("town_office.services.sessions.papers")  # reportlab/openpyxl: when first printing

PAPERS = (("会议通知", "print_notice"), ("签到表（按代表小组）", "print_signin"), ("会议议程", "print_agenda"),
          ("表决和选举结果公告", "print_announcement"))


class SessionsPage(LoadsWhenShown, QWidget):
    sessions_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = SessionTableModel(self)
        self.term_combo = QComboBox()
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索会次、日期、地点")
        self.search.setClearButtonEnabled(True)
        self.term_note = QLabel()
        self.term_note.setStyleSheet("color:#7f6000;")
        filters = QHBoxLayout()
        filters.addWidget(QLabel("届次"))
        filters.addWidget(self.term_combo)
        filters.addWidget(self.search, 1)
        self.table = read_only_table(self.model)
        sortable(self.table)
        self.count_label = QLabel()
        self.new_button = QPushButton("新建会议")
        self.new_button.setToolTip("Ctrl+N")
        self.open_button = QPushButton("打开")
        self.open_button.setToolTip("回车或双击")
        self.delete_button = QPushButton("删除")
        self.print_button = QPushButton("打印…")
        menu = QMenu(self.print_button)
        for text, method in PAPERS:
            menu.addAction(text, lambda m=method, t=text: self.print_paper(m, t))
        self.print_button.setMenu(menu)
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.delete_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.term_note)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        self.term_combo.currentIndexChanged.connect(lambda _: self.reload())
        self.search.textChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        self.new_button.clicked.connect(self.new_session)
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        follow_selection(self.table, {self.open_button: lambda row: True,
                                      self.print_button: lambda row: True,
                                      self.delete_button: lambda row: True})
        self.new_record = self.new_session  # Ctrl+N, through the window's 当前页 menu
        QShortcut(QKeySequence("Return"), self.table, activated=self.open_selected)

    def fill_terms(self) -> None:
        chosen = self.term_combo.currentData() or roster_units.current_term_id()
        self.term_combo.blockSignals(True)
        self.term_combo.clear()
        for term in roster_units.list_terms():
            self.term_combo.addItem(term.name, term.id)
        self.term_combo.setCurrentIndex(max(0, self.term_combo.findData(chosen)))
        self.term_combo.blockSignals(False)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        term_id = self.term_combo.currentData()
        self.model.set_rows(sessions.list_sessions(term_id) if term_id else [])
        current = roster_units.current_term_id()
        term = next((t for t in roster_units.list_terms() if t.id == term_id), None)
        if term and term.id != current and term.ends_on and term.ends_on < date.today():
            self.term_note.setText(f"{term.name}已届满，会议记录只供查阅和打印；修改时会先询问。")
        elif term and term.id != current:
            self.term_note.setText(f"{term.name}不是当前届次。")
        else:
            self.term_note.setText("")
        self.term_note.setVisible(bool(self.term_note.text()))
        self.apply_filter()
        if select_id:
            row = self.model.row_of_id(select_id)
            if row >= 0:
                self.table.selectRow(row)

    def reveal(self, session_id: int) -> None:
        """Show the session's term, select the session and open it."""
        choose(self.term_combo, sessions.get_session(session_id).term_id)
        self.search.clear()
        self.reload(session_id)
        if select_record(self.table, self.model, session_id):
            self.open_selected()

    def apply_filter(self) -> None:
        needle = self.search.text().strip()
        self.model.set_predicate((lambda s: needle in f"第{s.number}次 {s.dates_text} {s.place} {s.kind}")
                                 if needle else None)
        self.count_label.setText(f"共 {len(self.model.rows())} 次会议")

    def _open(self, dialog: SessionDialog) -> None:
        dialog.exec()
        self.sessions_changed.emit()
        self.reload(dialog.session.id if dialog.session else None)

    def new_session(self) -> None:
        self._open(SessionDialog(self, term_id=self.term_combo.currentData()))

    def open_selected(self) -> None:
        row = highlighted_row(self.table)
        if row is not None:
            self._open(SessionDialog(self, sessions.get_session(row.id)))

    def delete_selected(self) -> None:
        row = highlighted_row(self.table)
        if row is None or not confirm(self, "删除会议", f"删除{row.title}（{row.dates_text}）？\n"
                                      "已有表决或选举结果的会议不能删除。"):
            return
        try:
            answering_closed_term(self, lambda: sessions.delete_session(row.id))
        except TownOfficeError as exc:
            warn(self, "无法删除", exc)
            return
        self.reload()
        self.sessions_changed.emit()

    def print_paper(self, method: str, title: str) -> None:
        from town_office.services.common import attachments
        row = highlighted_row(self.table)
        if row is None:
            return
        try:
            out = getattr(session_papers, method)(row.id, attachments.preview_path(f"{row.title}{title}.pdf"))
        except TownOfficeError as exc:
            warn(self, f"无法生成{title}", exc)
            return
        PdfPreviewDialog(self, out, f"{row.title}{title}").exec()

    def load(self) -> None:
        self.fill_terms()
