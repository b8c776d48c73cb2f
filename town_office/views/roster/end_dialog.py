"""终止代表资格: date, reason and an explanation; the deputy's records all stay."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from town_office.errors import ValidationError
from town_office.services.roster.types import END_REASONS, RepresentativeRow
from town_office.views.widgets.form import FieldErrors
from town_office.views.widgets.unsaved import GuardsUnsavedWork


class EndRepresentativeDialog(GuardsUnsavedWork, QDialog):
    """``end(ended_on, reason, note)`` is the service call."""

    def __init__(self, parent, row: RepresentativeRow, end: Callable[[date, str, str], RepresentativeRow]):
        super().__init__(parent)
        self._end, self.saved_row = end, None
        self.setWindowTitle(f"终止代表资格 — {row.name}")
        box = QVBoxLayout(self)
        intro = QLabel(f"{row.name}（{row.group_name or '未分组'}）的代表资格终止后，其履职记录全部保留，"
                       "但不再出现在在任代表名单、会议和考核中。")
        intro.setWordWrap(True)
        box.addWidget(intro)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.ended_on = QDateEdit(QDate.currentDate())
        self.ended_on.setDisplayFormat("yyyy-MM-dd")
        self.ended_on.setCalendarPopup(True)
        self.reason = QComboBox()
        self.reason.addItem("")
        self.reason.addItems(list(END_REASONS))
        self.note = QLineEdit()
        self.note.setPlaceholderText("如：调往县城关镇工作；原因为「其他」时必填")
        self.errors.add_row("终止日期", self.ended_on)
        self.errors.add_row("终止原因", self.reason)
        self.errors.add_row("说明", self.note)
        box.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("终止资格")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.saved_row = self._end(self.ended_on.date().toPython(), self.reason.currentText(),
                                       self.note.text())
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return
        super().accept()
