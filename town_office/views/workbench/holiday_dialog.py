"""录入放假安排: paste the State Council notice, read it, look at the days on a calendar, save."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from town_office.errors import TownOfficeError
from town_office.services.common import holidays
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.unsaved import GuardsUnsavedWork, not_form_data

WEEKDAYS = "一二三四五六日"


class HolidayNoticeDialog(GuardsUnsavedWork, QDialog):
    def __init__(self, parent=None, year: int | None = None):
        super().__init__(parent)
        self.setWindowTitle("录入放假安排")
        self.year = QSpinBox()
        self.year.setRange(2020, 2100)
        self.year.setValue(year or date.today().year + 1)
        self.year.setSuffix("年")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText("粘贴《国务院办公厅关于某年部分节假日安排的通知》的正文，例如：\n"
                                     "一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。\n"
                                     "二、春节：……放假调休，共8天。2月7日（周日）、2月20日（周六）上班。")
        self.read_button, self.save_button, self.close_button = (QPushButton("读取"), QPushButton("保存"),
                                                                 QPushButton("关闭"))
        self.save_button.setEnabled(False)
        self.summary = QLabel("读取后在日历上核对：放假日红色，调休上班日加粗蓝色。")
        self.calendar = QCalendarWidget()
        self.days = QListWidget()
        top = QHBoxLayout()
        for widget in (QLabel("年度"), self.year):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.read_button)
        middle = QHBoxLayout()
        middle.addWidget(self.calendar, 3)
        middle.addWidget(self.days, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.text, 1)
        box.addWidget(self.summary)
        box.addLayout(middle, 2)
        box.addLayout(buttons)
        self.parsed: list[holidays.ArrangedDay] = []
        not_form_data(self.days, self.calendar)
        self.read_button.clicked.connect(self.read)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        self.text.textChanged.connect(lambda: self.save_button.setEnabled(False))
        self.show_days(holidays.stored_days(self.year.value()))

    def read(self) -> None:
        text = self.text.toPlainText()
        found = holidays.notice_year(text)
        if found:
            self.year.setValue(found)
        try:
            self.parsed = holidays.parse_notice(text, self.year.value())
        except TownOfficeError as exc:
            warn(self, "无法读取", exc)
            return
        self.show_days(self.parsed)
        self.save_button.setEnabled(True)

    def show_days(self, days: list[holidays.ArrangedDay]) -> None:
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())
        self.days.clear()
        for d in days:
            fmt = QTextCharFormat()
            if d.kind == holidays.HOLIDAY:
                fmt.setForeground(QColor("#c0392b"))
            else:
                fmt.setForeground(QColor("#1d4f91"))
                fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setToolTip(f"{d.name}{d.kind}")
            self.calendar.setDateTextFormat(QDate(d.day.year, d.day.month, d.day.day), fmt)
            self.days.addItem(f"{d.day:%Y-%m-%d} 星期{WEEKDAYS[d.day.weekday()]}　{d.kind}　{d.name}")
        if days:
            self.calendar.setSelectedDate(QDate(days[0].day.year, days[0].day.month, days[0].day.day))
            off = sum(1 for d in days if d.kind == holidays.HOLIDAY)
            self.summary.setText(f"{self.year.value()}年：放假{off}天，调休上班{len(days) - off}天。"
                                 "请在日历上核对后保存。")

    def save(self) -> None:
        year = self.year.value()
        if holidays.stored_days(year) and not confirm(self, "替换放假安排", f"{year}年已录入过放假安排，用这次读取的替换吗？", "替换"):
            return
        try:
            holidays.save_arrangement(year, self.parsed)
        except TownOfficeError as exc:
            warn(self, "无法保存", exc)
            return
        self.remember_saved_state()
        self.accept()
