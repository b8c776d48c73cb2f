"""日历: a month with its meetings, sessions, trainings, inspections, reception days and deadlines
marked; the chosen day's events listed beside it (double-click opens one)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from town_office.services.common import workdays
from town_office.services.workbench.calendar_events import events_between
from town_office.views.workbench.holiday_dialog import HolidayNoticeDialog

KIND_COLORS = {"主席团会议": "#1d4f91", "人代会": "#7a1f9b", "培训": "#2e7d32", "执法检查": "#8d6e00",
               "视察": "#8d6e00", "专题调研": "#8d6e00", "接待日": "#00796b", "到期": "#c0392b"}


class CalendarTab(QWidget):
    open_record = Signal(str, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.day_label = QLabel()
        self.events = QListWidget()
        self.events.setWordWrap(True)
        legend = "　".join(f"<span style='color:{c}'>■</span>{k}" for k, c in KIND_COLORS.items()
                          if k not in ("视察", "专题调研"))
        left = QVBoxLayout()
        left.addWidget(self.calendar, 1)
        left.addWidget(QLabel(legend + "　（节假日灰色，调休上班日加粗）"))
        right = QVBoxLayout()
        right.addWidget(self.day_label)
        right.addWidget(self.events, 1)
        self.holiday_button = QPushButton("录入放假安排…")
        self.holiday_button.setToolTip("粘贴国务院办公厅的节假日安排通知，程序读出放假和调休上班的日子")
        right.addWidget(self.holiday_button)
        box = QHBoxLayout(self)
        box.addLayout(left, 3)
        box.addLayout(right, 2)
        self.by_day: dict[date, list] = {}
        self.calendar.currentPageChanged.connect(lambda *_: self.reload())
        self.calendar.selectionChanged.connect(self.show_day)
        self.events.itemDoubleClicked.connect(self._clicked)
        self.holiday_button.clicked.connect(self.enter_holidays)

    def month(self) -> tuple[date, date]:
        first = date(self.calendar.yearShown(), self.calendar.monthShown(), 1)
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return first, last

    def reload(self) -> None:
        first, last = self.month()
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clear every day's format
        self.by_day = {}
        for event in events_between(first - timedelta(days=7), last + timedelta(days=7)):
            self.by_day.setdefault(event.day, []).append(event)
        day = first - timedelta(days=7)
        while day <= last + timedelta(days=7):
            fmt = QTextCharFormat()
            weekend = day.weekday() >= 5
            if not workdays.is_workday(day) and not weekend:
                fmt.setForeground(QColor("#9e9e9e"))  # a public holiday
            if workdays.is_workday(day) and weekend:
                fmt.setFontWeight(QFont.Weight.Bold)  # a make-up working day
            events = self.by_day.get(day)
            if events:
                shade = QColor(KIND_COLORS.get(events[0].kind, "#607d8b"))
                shade.setAlpha(60)
                fmt.setBackground(shade)
                fmt.setToolTip("\n".join(f"{e.kind}：{e.title}" for e in events))
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)
            day += timedelta(days=1)
        self.show_day()

    def show_day(self) -> None:
        chosen = self.calendar.selectedDate().toPython()
        holiday = "" if workdays.is_workday(chosen) == (chosen.weekday() < 5) else (
            "（调休上班）" if workdays.is_workday(chosen) else "（法定节假日）")
        self.day_label.setText(f"<b>{chosen:%Y年%m月%d日}</b>{holiday}")
        self.events.clear()
        for event in self.by_day.get(chosen, []):
            item = QListWidgetItem(f"{event.kind}　{event.title}")
            item.setForeground(QColor(KIND_COLORS.get(event.kind, "#000000")))
            item.setData(Qt.ItemDataRole.UserRole, (event.page, event.record_id))
            self.events.addItem(item)
        if not self.events.count():
            self.events.addItem("这一天没有安排。")

    def enter_holidays(self) -> None:
        if HolidayNoticeDialog(self, self.calendar.yearShown() + (1 if self.calendar.monthShown() >= 11 else 0)).exec():
            self.reload()

    def _clicked(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.open_record.emit(*data)
