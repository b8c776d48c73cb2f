"""The header fields of a meeting: type, number, date and times, place, chair, recorder, summary
and the 纪要's issue number and date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from town_office.services.meetings.types import KINDS, MeetingDetail, MeetingInput
from town_office.views.widgets.form import FieldErrors


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value) if value else QDate.currentDate())
    return edit


def read_date(edit: QDateEdit) -> date:
    return edit.date().toPython()


class MeetingHeaderForm(QWidget):
    def __init__(self, parent=None, chairs: list[str] = (), next_number: int = 1):
        super().__init__(parent)
        form = QFormLayout(self)
        self.errors = FieldErrors(form)
        self.kind = QComboBox()
        self.kind.addItems(KINDS)
        self.number = QSpinBox()
        self.number.setRange(1, 999)
        self.number.setValue(next_number)
        self.number.setSuffix(" 次")
        self.number.setToolTip("自动编号；如与纸质档案不一致可以更正")
        self.held_on = date_edit()
        self.starts_at, self.ends_at = QLineEdit("09:00"), QLineEdit()
        self.starts_at.setPlaceholderText("例如 09:00")
        self.ends_at.setPlaceholderText("会后填写，例如 11:30")
        self.place = QLineEdit()
        self.place.setPlaceholderText("例如 镇人民政府三楼会议室")
        self.chair = QComboBox()
        self.chair.setEditable(True)
        self.chair.addItems(list(chairs))
        self.recorder = QLineEdit()
        self.summary = QPlainTextEdit()
        self.summary.setPlaceholderText("会议概况，例如：会议传达学习了县人大常委会有关会议精神")
        self.summary.setFixedHeight(70)
        self.summary.setTabChangesFocus(True)
        self.minutes_issue = QSpinBox()
        self.minutes_issue.setRange(0, 999)
        self.minutes_issue.setSpecialValueText("同会次")
        self.minutes_issue.setPrefix("第 ")
        self.minutes_issue.setSuffix(" 期")
        self.minutes_date = date_edit()
        self.minutes_date_same = QCheckBox("同会议日期")
        self.minutes_date_same.setChecked(True)
        self.minutes_date_same.toggled.connect(lambda on: self.minutes_date.setEnabled(not on))
        self.minutes_date.setEnabled(False)
        # while 同会议日期 is ticked, the greyed 纪要日期 shows the meeting's date, not today's
        self.held_on.dateChanged.connect(self._follow_meeting_date)
        self.minutes_date_same.toggled.connect(lambda on: on and self._follow_meeting_date())
        self.review_followups = QCheckBox()
        self.review_followups.setChecked(True)
        for label, widget, field in (
                ("会议类型", self.kind, None), ("会次", self.number, None),
                ("会议日期", self.held_on, None), ("开始时间", self.starts_at, None),
                ("结束时间", self.ends_at, None), ("会议地点", self.place, None),
                ("主持人", self.chair, None), ("记录人", self.recorder, None),
                ("会议概况", self.summary, None), ("纪要期号", self.minutes_issue, None),
                ("纪要日期", self.minutes_date, None), ("", self.minutes_date_same, "纪要日期同会议")):
            self.errors.add_row(label, widget, field)
        self.errors.add_row("", self.review_followups, "落实情况")
        self.review_followups.hide()

    def _follow_meeting_date(self, *_) -> None:
        if self.minutes_date_same.isChecked():
            self.minutes_date.setDate(self.held_on.date())

    def offer_followup_review(self, count: int) -> None:
        """A new meeting: offer the open follow-ups of earlier meetings as its first item."""
        self.review_followups.setVisible(count > 0)
        self.review_followups.setText(f"将前次会议{count}项未办结的督办事项列为第一项议题"
                                      "（上次会议议定事项落实情况）")

    def load(self, meeting: MeetingDetail) -> None:
        self.kind.setCurrentText(meeting.kind)
        self.number.setValue(meeting.number)
        self.held_on.setDate(QDate(meeting.held_on))
        self.starts_at.setText(meeting.starts_at)
        self.ends_at.setText(meeting.ends_at)
        self.place.setText(meeting.place)
        self.chair.setCurrentText(meeting.chair)
        self.recorder.setText(meeting.recorder)
        self.summary.setPlainText(meeting.summary)
        self.minutes_issue.setValue(meeting.minutes_issue or 0)
        self.minutes_date_same.setChecked(meeting.minutes_date is None)
        self.minutes_date.setDate(QDate(meeting.minutes_date or meeting.held_on))

    def form_data(self, term_id: int | None = None) -> MeetingInput:
        return MeetingInput(
            held_on=read_date(self.held_on), kind=self.kind.currentText(),
            number=self.number.value(), starts_at=self.starts_at.text().strip(),
            ends_at=self.ends_at.text().strip(), place=self.place.text(),
            chair=self.chair.currentText(), recorder=self.recorder.text(),
            summary=self.summary.toPlainText(), minutes_issue=self.minutes_issue.value() or None,
            minutes_date=None if self.minutes_date_same.isChecked() else read_date(self.minutes_date),
            term_id=term_id)

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.kind, self.number, self.held_on, self.starts_at, self.ends_at, self.place,
                       self.chair, self.recorder, self.summary, self.minutes_issue,
                       self.minutes_date_same):
            widget.setEnabled(not read_only)
        self.minutes_date.setEnabled(not read_only and not self.minutes_date_same.isChecked())
