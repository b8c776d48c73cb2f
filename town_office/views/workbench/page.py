"""工作台: the page the program opens on. Three tabs — 今日待办 (due and late, the schedule, the
next fortnight), 年度概况 (figures and charts), 日历 — each loaded when first shown."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from town_office.services.settings import get_settings
from town_office.views.widgets.loads_when_shown import LoadsWhenShown
from town_office.views.workbench.check_dialog import CheckSettingsDialog
from town_office.views.workbench.due_tab import DueTab

WEEKDAYS = "一二三四五六日"


class WorkbenchPage(LoadsWhenShown, QWidget):
    open_record = Signal(str, int)  # page title, record id
    open_list = Signal(str, dict)  # page title, filters

    def __init__(self, parent=None):
        super().__init__(parent)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:16px;")
        self.tabs = QTabWidget()
        self.due_tab = DueTab()
        self.tabs.addTab(self.due_tab, "今日待办")
        self._later: dict[int, QWidget] = {}  # 年度概况 and 日历: built when first selected (a quicker start)
        for title in ("年度概况", "日历"):
            self._later[self.tabs.addTab(QWidget(), title)] = None
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.tabs, 1)
        self._tab_loaded: set[int] = set()
        self.tabs.currentChanged.connect(self._tab_shown)
        self.due_tab.open_record.connect(self.open_record.emit)
        self.due_tab.open_list.connect(self.open_list.emit)
        self.due_tab.settings_wanted.connect(self.edit_check_settings)

    @property
    def glance_tab(self):
        return self._tab(1)

    @property
    def calendar_tab(self):
        return self._tab(2)

    def _tab(self, index: int) -> QWidget:
        """The tab at ``index``, built (with its modules) the first time it is wanted."""
        if index not in self._later or self._later[index] is not None:
            return self._later.get(index) or self.tabs.widget(index)
        if index == 1:
            from town_office.views.workbench.glance_tab import GlanceTab

            tab = GlanceTab()
            tab.open_list.connect(self.open_list.emit)
        else:
            from town_office.views.workbench.calendar_tab import CalendarTab

            tab = CalendarTab()
            tab.open_record.connect(self.open_record.emit)
        self._later[index] = tab
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        stand_in = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, tab, "年度概况" if index == 1 else "日历")
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        stand_in.deleteLater()
        return tab

    def load(self) -> None:
        today = date.today()
        self.heading.setText(f"<b>{get_settings().town_name}人大主席团工作台</b>　今天是{today:%Y年%m月%d日}，"
                             f"星期{WEEKDAYS[today.weekday()]}")
        self._tab_loaded.clear()
        self._tab_shown(self.tabs.currentIndex())

    def reload(self) -> None:
        self.load()

    def _tab_shown(self, index: int) -> None:
        if index in self._tab_loaded or index < 0:
            return
        self._tab_loaded.add(index)
        self._tab(index).reload()

    def edit_check_settings(self) -> None:
        if CheckSettingsDialog(self).exec():
            self.due_tab.reload()
