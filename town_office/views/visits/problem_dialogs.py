"""Dialogs of the 问题清单: 交办 (one or several problems to one unit), 办结 with the reply, the voter's
feedback, and a problem's history."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from town_office.services.visits.types import FEEDBACK_WAYS, SATISFACTION
from town_office.services.common.workdays import coverage_note
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.widgets.form_dialog import FormDialog
from town_office.views.widgets.screen_fit import scrolling


class AssignDialog(FormDialog):
    """交办 the selected problems to one unit; the deadline defaults to N working days from today."""

    def __init__(self, parent, count: int, default_deadline: date, workdays: int,
                 save: Callable[[str, date], object]):
        super().__init__(parent, f"交办 {count} 个问题", "交办")
        self._save = save
        self.unit = QLineEdit()
        self.unit.setPlaceholderText("如 镇村镇建设服务中心")
        self.deadline = date_edit(default_deadline)
        self.errors.add_row("承办单位", self.unit)
        self.errors.add_row("办理时限", self.deadline)
        note = coverage_note(date.today().year, default_deadline.year)
        self.errors.add_row("", QLabel(f"默认为{workdays}个工作日后（已扣除法定节假日，计入调休上班日）"
                                       + (f"\n{note}" if note else "")), "说明")

    def submit(self):
        return self._save(self.unit.text(), read_date(self.deadline))


class CloseDialog(FormDialog):
    """办结: the unit's reply and its date."""

    def __init__(self, parent, content: str, save: Callable[[str, date], object]):
        super().__init__(parent, f"办结 — {content[:20]}", "办结")
        self._save = save
        self.reply = QPlainTextEdit()
        self.reply.setTabChangesFocus(True)
        self.reply.setFixedHeight(90)
        self.replied_on = date_edit(date.today())
        self.errors.add_row("答复内容", self.reply)
        self.errors.add_row("答复日期", self.replied_on)

    def submit(self):
        return self._save(self.reply.toPlainText(), read_date(self.replied_on))


class FeedbackDialog(FormDialog):
    """反馈: when and how the voter heard back, and whether they were satisfied."""

    def __init__(self, parent, content: str, save: Callable[[date, str, str], object]):
        super().__init__(parent, f"向群众反馈 — {content[:20]}", "保存")
        self._save = save
        self.on = date_edit(date.today())
        self.how, self.satisfaction = QComboBox(), QComboBox()
        self.how.addItems(FEEDBACK_WAYS)
        self.satisfaction.addItems(SATISFACTION)
        for label, widget in (("反馈日期", self.on), ("反馈方式", self.how), ("满意度", self.satisfaction)):
            self.errors.add_row(label, widget)
        self.errors.add_row("", QLabel("“不满意”的问题将退回“办理中”重新办理，原记录保留。"), "说明")

    def submit(self):
        return self._save(read_date(self.on), self.how.currentText(), self.satisfaction.currentText())


class ProblemHistoryDialog(QDialog):
    def __init__(self, parent, content: str, steps: list[tuple]):
        super().__init__(parent)
        self.setWindowTitle(f"办理经过 — {content[:20]}")
        box = QVBoxLayout(self)
        heading = QLabel(content)
        heading.setWordWrap(True)
        box.addWidget(heading)
        text = "\n".join(f"{on}　{a} → {b}　{note}" for on, a, b, note in steps) or "尚无办理记录"
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(scrolling(label), 1)  # the steps fill the window, however many there are
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        close.setDefault(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        box.addLayout(row)
        self.resize(560, 300)


class ProblemEditDialog(FormDialog):
    """Correct what was recorded: wording, voter, category, route, unit."""

    def __init__(self, parent, row, categories: tuple[str, ...], save: Callable[[object], object]):
        from town_office.services.visits.types import ROUTES, ProblemInput

        super().__init__(parent, "修改群众诉求")
        self._save, self._input = save, ProblemInput
        self.content = QPlainTextEdit(row.content)
        self.content.setTabChangesFocus(True)
        self.content.setFixedHeight(70)
        self.voter_name, self.voter_contact = QLineEdit(row.voter_name), QLineEdit(row.voter_contact)
        self.category, self.route = QComboBox(), QComboBox()
        self.category.addItems(("", *categories))
        self.category.setCurrentText(row.category)
        self.route.addItems(("", *ROUTES))
        self.route.setCurrentText(row.route)
        self.unit = QLineEdit(row.handling_unit)
        for label, widget in (("反映问题", self.content), ("群众姓名", self.voter_name),
                              ("联系方式", self.voter_contact), ("类别", self.category),
                              ("处理方式", self.route), ("承办单位", self.unit)):
            self.errors.add_row(label, widget)

    def submit(self):
        return self._save(self._input(self.content.toPlainText(), self.category.currentText(),
                                      self.route.currentText(), self.voter_name.text(),
                                      self.voter_contact.text(), self.unit.text()))
