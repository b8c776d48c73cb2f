"""代表联络站 page: the stations on the left; for the chosen one its rule, 六有 and deputies, the next
12 months of reception days with who is on duty (a day's duty can be changed), the year's
receptions (first answers after 24 hours in red) and figures, and the year's 台账."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import stations
from town_office.services.common import attachments
from town_office.services.stations import receptions
from town_office.services.stations.types import SIX_STANDARDS
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.stations.dialogs import DutyDialog, ReceptionDialog, StationDeputiesDialog, StationDialog
from town_office.views.stations.table_models import ReceptionDayTableModel, ReceptionTableModel
from town_office.views.widgets.loads_when_shown import LoadsWhenShown
from town_office.views.widgets.messages import warn
from town_office.views.widgets.selection import follow_selection, highlighted_row
from town_office.views.widgets.table_view import read_only_table
from town_office.views.widgets.page_links import choose, select_record


class StationsPage(LoadsWhenShown, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.list = QListWidget()
        self.new_button, self.edit_button = QPushButton("新增联络站…"), QPushButton("修改…")
        self.deputies_button = QPushButton("进站代表…")
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list, 1)
        for button in (self.new_button, self.edit_button, self.deputies_button):
            column.addWidget(button)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.standards = {item: QCheckBox(item) for item in SIX_STANDARDS}
        grid = QGridLayout()
        for i, box in enumerate(self.standards.values()):
            grid.addWidget(box, i // 3, i % 3)
            box.clicked.connect(lambda on, item=list(self.standards)[i]: self.toggle_standard(item, on))
        self.day_model, self.reception_model = ReceptionDayTableModel(self), ReceptionTableModel(self)
        self.days, self.receptions = read_only_table(self.day_model), read_only_table(self.reception_model)
        self.duty_button, self.receive_button = QPushButton("调整值班…"), QPushButton("登记接待…")
        self.response_button = QPushButton("登记首次答复…")
        self.year = QComboBox()
        for year in range(date.today().year, date.today().year - 4, -1):
            self.year.addItem(f"{year}年", year)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.print_button = QPushButton("打印年度台账")
        tabs = QTabWidget()
        days_page, receptions_page = QWidget(), QWidget()
        box = QVBoxLayout(days_page)
        box.addWidget(self.days, 1)
        line = QHBoxLayout()
        line.addWidget(self.duty_button)
        line.addWidget(self.receive_button)
        line.addStretch(1)
        box.addLayout(line)
        box = QVBoxLayout(receptions_page)
        top = QHBoxLayout()
        top.addWidget(QLabel("年度"))
        top.addWidget(self.year)
        top.addWidget(self.figures, 1)
        box.addLayout(top)
        box.addWidget(self.receptions, 1)
        line = QHBoxLayout()
        line.addWidget(self.response_button)
        line.addWidget(self.print_button)
        line.addStretch(1)
        box.addLayout(line)
        tabs.addTab(days_page, "今后12个月接待日")
        tabs.addTab(receptions_page, "接待记录")
        self.tabs = tabs
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.info)
        column.addWidget(QLabel("“六有”（勾选即记为今天达标）："))
        column.addLayout(grid)
        column.addWidget(tabs, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([220, 900])
        QVBoxLayout(self).addWidget(splitter)
        self.list.currentRowChanged.connect(lambda _: self.show_station())
        self.new_button.clicked.connect(lambda: self._dialog(StationDialog(self)))
        self.edit_button.clicked.connect(lambda: self.current() and self._dialog(StationDialog(self, self.current())))
        self.deputies_button.clicked.connect(
            lambda: self.current() and self._dialog(StationDeputiesDialog(self, self.current())))
        self.duty_button.clicked.connect(self.change_duty)
        self.receive_button.clicked.connect(self.receive)
        self.response_button.clicked.connect(self.first_response)
        self.print_button.clicked.connect(self.print_year)
        self.year.currentIndexChanged.connect(lambda _: self.show_receptions())
        follow_selection(self.days, {self.duty_button: lambda d: True})
        follow_selection(self.receptions, {self.response_button: lambda r: r.response_hours is None
                                           or "已登记首次答复时间"})
        self.rows = []

    def current(self):
        index = self.list.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def reveal(self, reception_id: int) -> None:
        """Show the reception's station and year with the reception selected."""
        self.ensure_loaded()
        reception = receptions.get_reception(reception_id)
        choose(self.year, reception.held_on.year)
        self.reload(reception.station_id)
        select_record(self.receptions, self.reception_model, reception_id)

    def reload(self, select_id: int | None = None) -> None:
        chosen = select_id or (self.current().id if self.current() else None)
        self.rows = stations.list_stations()
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.rows:
            self.list.addItem(row.name)
        self.list.blockSignals(False)
        index = next((i for i, r in enumerate(self.rows) if r.id == chosen), 0)
        self.list.setCurrentRow(index if self.rows else -1)
        self.show_station()

    def show_station(self) -> None:
        row = self.current()
        for widget in (self.edit_button, self.deputies_button, self.receive_button, self.print_button):
            widget.setEnabled(row is not None)
        if row is None:
            self.info.setText("还没有代表联络站：点击“新增联络站”。")
            self.day_model.set_rows([])
            self.reception_model.set_rows([])
            return
        self.info.setText(f"<b>{row.name}</b>　{row.place}　联系人：{row.contact} {row.phone}<br>"
                          f"接待日：{row.rule_text}；进站代表：{'、'.join(row.deputy_names) or '未安排'}")
        for item, box in self.standards.items():
            box.setChecked(item in row.standards)
            box.setToolTip(f"{row.standards[item]:%Y-%m-%d}达标" if item in row.standards else "尚未达标")
        self.day_model.set_rows(stations.schedule(row.id, date.today(), 12))
        self.show_receptions()

    def show_receptions(self) -> None:
        row = self.current()
        if row is None:
            return
        year = self.year.currentData()
        self.reception_model.set_rows(receptions.list_receptions(row.id, year))
        y = receptions.station_year(row.id, year)
        self.figures.setText(f"应开展接待日{y.scheduled}次，已开展{y.held_on_days}次，预约接待{y.appointments}次；"
                             f"接待选民{y.voters}人次，问题{y.problems}件（已办结{y.closed}件、已反馈{y.fed_back}件）；"
                             f"超过24小时首次答复{y.late_responses}次")

    def _dialog(self, dialog) -> None:
        if dialog.exec():
            self.reload(getattr(dialog.result_row, "id", None))

    def _run(self, action, title: str) -> None:
        try:
            action()
        except TownOfficeError as exc:
            warn(self, title, exc)
        self.show_station()

    def toggle_standard(self, item: str, on: bool) -> None:
        row = self.current()
        if row is not None:
            self._run(lambda: stations.set_standard(row.id, item, date.today() if on else None), "无法保存")

    def change_duty(self) -> None:
        day = highlighted_row(self.days)
        if day is not None and DutyDialog(self, self.current(), day).exec():
            self.show_station()

    def receive(self) -> None:
        day = highlighted_row(self.days)
        if ReceptionDialog(self, self.current(), day if day and day.on <= date.today() else None).exec():
            self.tabs.setCurrentIndex(1)
            self.show_station()

    def first_response(self) -> None:
        reception = highlighted_row(self.receptions)
        if reception is None:
            return
        text, ok = QInputDialog.getText(self, "首次答复", "首次答复选民的时间（YYYY-MM-DD HH:MM）：",
                                        text=datetime.now().strftime("%Y-%m-%d %H:%M"))
        if not ok:
            return
        try:
            when = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
        except ValueError:
            warn(self, "无法保存", TownOfficeError(f"“{text}”不是 YYYY-MM-DD HH:MM 格式的时间"))
            return
        self._run(lambda: receptions.set_first_response(reception.id, when), "无法保存")

    def print_year(self) -> None:
        row, year = self.current(), self.year.currentData()
        if row is None:
            return
        out = attachments.preview_path(f"{row.name}{year}年接待台账.pdf")
        try:
            receptions.print_year(row.id, year, out)
        except TownOfficeError as exc:
            warn(self, "无法生成台账", exc)
            return
        PdfPreviewDialog(self, out, f"{row.name}{year}年接待台账").exec()

    def load(self) -> None:
        self.reload()
