"""Dialogs for 督办事项: assign one from a decision (交办), record progress (办理中 / 已办结) and 延期."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from town_office.services import settings
from town_office.services.meetings.rules import latest_allowed_deadline
from town_office.services.meetings.types import DONE, IN_PROGRESS, FollowUpInput, FollowUpRow
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.widgets.form_dialog import FormDialog


class FollowUpDialog(FormDialog):
    """交办 a follow-up from a decision, or correct one before the 纪要 is final."""

    def __init__(self, parent, save: Callable[[FollowUpInput], FollowUpRow],
                 row: FollowUpRow | None = None, default_deadline: date | None = None):
        super().__init__(parent, "编辑督办事项" if row else "交办督办事项", "保存" if row else "交办")
        self._save = save
        self.content = QPlainTextEdit(row.content if row else "")
        self.content.setTabChangesFocus(True)
        self.content.setFixedHeight(70)
        self.handling_unit = QLineEdit(row.handling_unit if row else "")
        self.handling_unit.setPlaceholderText("例如 镇村镇建设服务中心")
        self.responsible = QLineEdit(row.responsible if row else "")
        self.deadline = date_edit(row.original_deadline if row else default_deadline)
        for label, widget, field in (("督办内容", self.content, None),
                                     ("承办单位", self.handling_unit, None),
                                     ("责任人", self.responsible, None),
                                     ("办理时限", self.deadline, None)):
            self.errors.add_row(label, widget, field)
        if row and row.extension_notes:
            self.deadline.setEnabled(False)
            self.deadline.setToolTip("已延期的事项，时限以延期记录为准")

    def form_data(self) -> FollowUpInput:
        return FollowUpInput(self.content.toPlainText(), read_date(self.deadline),
                             self.handling_unit.text(), self.responsible.text())

    def submit(self) -> FollowUpRow:
        return self._save(self.form_data())


class ProgressDialog(FormDialog):
    """办理进展: 办理中, or 已办结 with the result and the date."""

    def __init__(self, parent, row: FollowUpRow, save: Callable[[str, str, date | None], FollowUpRow]):
        super().__init__(parent, f"办理进展 — {row.content[:20]}")
        self._save = save
        self.status = QComboBox()
        self.status.addItems([IN_PROGRESS, DONE])
        self.status.setCurrentText(DONE if row.status == IN_PROGRESS else IN_PROGRESS)
        self.result = QPlainTextEdit(row.result)
        self.result.setTabChangesFocus(True)
        self.result.setFixedHeight(80)
        self.done_on = date_edit(row.done_on or date.today())
        self.errors.add_row("当前状态", QLabel(f"{row.status}（时限 {row.deadline}）"), "当前")
        for label, widget in (("办理状态", self.status), ("办理结果", self.result),
                              ("办结日期", self.done_on)):
            self.errors.add_row(label, widget)
        self.status.currentTextChanged.connect(lambda s: self.done_on.setEnabled(s == DONE))
        self.done_on.setEnabled(self.status.currentText() == DONE)

    def submit(self) -> FollowUpRow:
        status = self.status.currentText()
        return self._save(status, self.result.toPlainText(),
                          read_date(self.done_on) if status == DONE else None)


class ExtendDialog(FormDialog):
    """延期: a new deadline agreed by the presidium, within the setting's limit."""

    def __init__(self, parent, row: FollowUpRow,
                 save: Callable[[date, str, date], FollowUpRow]):
        super().__init__(parent, f"延期 — {row.content[:20]}", "延期")
        self._save = save
        limit = settings.get_settings().followup_extension_months
        latest = latest_allowed_deadline(row.original_deadline, limit)
        self.new_deadline = date_edit(min(latest, max(row.deadline, date.today())))
        self.new_deadline.setMaximumDate(QDate(latest))
        self.reason = QPlainTextEdit()
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        self.agreed_on = date_edit(date.today())
        self.errors.add_row("时限", QLabel(f"原定 {row.original_deadline}，现为 {row.deadline}；"
                                          f"延期累计不超过{limit}个月，最晚 {latest}"), "说明")
        for label, widget in (("新的办理时限", self.new_deadline), ("延期理由", self.reason),
                              ("同意日期", self.agreed_on)):
            self.errors.add_row(label, widget)

    def submit(self) -> FollowUpRow:
        return self._save(read_date(self.new_deadline), self.reason.toPlainText(),
                          read_date(self.agreed_on))
