"""今日待办: the due-and-late list (filter by area and by "due within N days"; double-click opens
the record), the schedule checks that fired, and the next fortnight."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from town_office.services.common.workdays import coverage_note
from town_office.services.workbench import calendar_events, due, schedule
from town_office.services.workbench.types import AREAS
from town_office.views.widgets.background import RowLoader
from town_office.views.widgets.table_model import OVERDUE_RED
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.workbench.due_model import DueTableModel

HORIZONS = (("7天内到期", 7), ("14天内到期", 14), ("30天内到期", 30), ("90天内到期", 90), ("全部未办结", None))
URGENT = QBrush(OVERDUE_RED)
COLUMN_WIDTHS = (84, 88, 110, 0, 180)  # 事项 (0) takes the room the others leave


class DueTab(QWidget):
    open_record = Signal(str, int)  # page title, record id
    open_list = Signal(str, dict)  # page title, filters
    settings_wanted = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = DueTableModel(self)
        self.loader = RowLoader(self, lambda: self.count)
        self.area = QComboBox()
        self.area.addItem("全部类别", "")
        for area in AREAS:
            self.area.addItem(area, area)
        self.horizon = QComboBox()
        for label, days in HORIZONS:
            self.horizon.addItem(label, days)
        self.horizon.setCurrentIndex(2)
        self.count = QLabel()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#c0392b")
        self.table = read_only_table(self.model, fit_columns_once=False)  # fixed widths: no measuring every row
        sortable(self.table)
        self.table.setToolTip("双击打开这条记录")
        self.open_button = QPushButton("打开")
        self.checks, self.upcoming = QListWidget(), QListWidget()
        for lst in (self.checks, self.upcoming):
            lst.setWordWrap(True)
        self.checks.setToolTip("双击进入相应页面")
        self.upcoming.setToolTip("双击打开")
        self.settings_button = QPushButton("提醒设置…")
        filters = QHBoxLayout()
        for widget in (QLabel("类别"), self.area, QLabel("范围"), self.horizon):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count)
        filters.addWidget(self.open_button)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addLayout(filters)
        left_box.addWidget(self.note)
        left_box.addWidget(self.table, 1)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(QLabel("<b>法定和本地工作安排</b>"))
        head.addStretch(1)
        head.addWidget(self.settings_button)
        right_box.addLayout(head)
        right_box.addWidget(self.checks, 3)
        right_box.addWidget(QLabel("<b>未来14天</b>"))
        right_box.addWidget(self.upcoming, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([790, 370])
        for column, width in enumerate(COLUMN_WIDTHS):
            if width:
                self.table.setColumnWidth(column, width)
            else:
                self.table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        box = QVBoxLayout(self)
        box.addWidget(splitter)
        self.area.currentIndexChanged.connect(lambda _: self.reload())
        self.horizon.currentIndexChanged.connect(lambda _: self.reload())
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        self.checks.itemDoubleClicked.connect(self._check_clicked)
        self.upcoming.itemDoubleClicked.connect(self._event_clicked)
        self.settings_button.clicked.connect(self.settings_wanted.emit)

    def reload(self) -> None:
        today, area, horizon = date.today(), self.area.currentData(), self.horizon.currentData()
        self.loader.run(lambda: (today, due.due_items(today, horizon, areas=(area,) if area else ()),
                                 schedule.fired_checks(today), calendar_events.next_days(today, 14)),
                        self._show)

    def _show(self, fetched) -> None:
        today, items, checks, upcoming = fetched
        self.model.set_rows(items)
        late = sum(1 for i in items if i.late)
        self.count.setText(f"共 {len(items)} 项，逾期 {late} 项")
        note = coverage_note(*{i.deadline.year for i in items if i.unit == "工作日"}, today.year)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.checks.clear()
        for check in checks:
            item = QListWidgetItem(("● " if check.urgent else "○ ") + check.message)
            item.setData(Qt.ItemDataRole.UserRole, (check.page, check.filters))
            if check.urgent:
                item.setForeground(URGENT)
            self.checks.addItem(item)
        if not self.checks.count():
            self.checks.addItem("本季度的各项工作都已按安排完成。")
        self.upcoming.clear()
        for event in upcoming:
            item = QListWidgetItem(f"{event.day:%m月%d日}　{event.kind}　{event.title}")
            item.setData(Qt.ItemDataRole.UserRole, (event.page, event.record_id, event.kind))
            if event.kind == "到期":
                item.setForeground(URGENT)
            self.upcoming.addItem(item)
        self.open_button.setEnabled(bool(items))

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            row = self.model.rows()[index.row()]
            page = "代表名册" if row.area == "初任培训" else row.page
            self.open_record.emit(page, row.record_id)

    def _check_clicked(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.open_list.emit(data[0], data[1])

    def _event_clicked(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            page, record_id, kind = data
            self.open_record.emit(page, record_id)
