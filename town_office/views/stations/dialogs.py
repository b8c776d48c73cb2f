"""The dialogs of a liaison station: the station and its reception-day rule, the deputies who take
turns there, a day's duty, and a reception with the problems raised (one row each)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QLineEdit, QListWidget, QListWidgetItem, QSpinBox

from town_office.services import roster, settings, stations
from town_office.services.roster import units as roster_units
from town_office.services.stations import receptions
from town_office.services.stations.types import APPOINTMENT, RECEPTION_DAY, RULE_KINDS, ReceptionInput, StationInput
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.visits.raised_problems import RaisedProblemsTable
from town_office.views.widgets.form import text_box
from town_office.views.widgets.form_dialog import FormDialog


def _checklist(people, chosen: set[int]) -> QListWidget:
    box = QListWidget()
    for rep_id, name in people:
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, rep_id)
        item.setCheckState(Qt.CheckState.Checked if rep_id in chosen else Qt.CheckState.Unchecked)
        box.addItem(item)
    return box


def _checked(box: QListWidget) -> list[int]:
    return [box.item(i).data(Qt.ItemDataRole.UserRole) for i in range(box.count())
            if box.item(i).checkState() == Qt.CheckState.Checked]


def _datetime(edit: QDateTimeEdit) -> datetime:
    return edit.dateTime().toPython()


class StationDialog(FormDialog):
    def __init__(self, parent, row=None):
        super().__init__(parent, "修改联络站" if row else "新增联络站")
        self.row = row
        self.name = self.errors.add_row("名称", QLineEdit(row.name if row else ""), "名称")
        self.name.setPlaceholderText("如：石门片代表联络站")
        self.place = self.errors.add_row("地点", QLineEdit(row.place if row else ""), "地点")
        self.contact = self.errors.add_row("联系人", QLineEdit(row.contact if row else ""), "联系人")
        self.phone = self.errors.add_row("联系电话", QLineEdit(row.phone if row else ""), "联系电话")
        self.kind = self.errors.add_row("接待日规则", QComboBox(), "接待日规则")
        self.kind.addItems(RULE_KINDS)
        self.kind.setCurrentText(row.rule_kind if row else RULE_KINDS[0])
        self.days = self.errors.add_row("接待日", QLineEdit(row.rule_days if row else "15"), "接待日")
        self.days.setToolTip("每月：日子，如 15；逢：尾数，如 6；农历：尾数，如 4,9（每逢农历“四”“九”）")

    def submit(self):
        data = StationInput(self.name.text(), self.place.text(), self.contact.text(), self.phone.text(),
                            self.kind.currentText(), self.days.text())
        return stations.save_station(self.row.id if self.row else None, data)


class StationDeputiesDialog(FormDialog):
    def __init__(self, parent, row):
        super().__init__(parent, f"进站代表 — {row.name}")
        self.row = row
        reps = [r for r in roster.list_representatives(roster_units.current_term_id()) if r.status == "在任"]
        self.people = self.errors.add_row("进站代表（按值班顺序）", _checklist(
            [(r.id, f"{r.name}（{r.group_name or '未分组'}）") for r in reps], set(row.deputy_ids)), "进站代表")
        self.people.setMinimumHeight(320)

    def submit(self):
        return stations.set_deputies(self.row.id, _checked(self.people))


class DutyDialog(FormDialog):
    def __init__(self, parent, row, day):
        super().__init__(parent, f"调整值班 — {day.on:%Y-%m-%d}")
        self.row, self.day = row, day
        self.people = self.errors.add_row("值班代表", _checklist(
            list(zip(row.deputy_ids, row.deputy_names)),
            {i for i, n in zip(row.deputy_ids, row.deputy_names) if n in day.on_duty}), "值班代表")

    def submit(self):
        stations.set_duty(self.row.id, self.day.on, _checked(self.people))
        return self.day


class ReceptionDialog(FormDialog):
    """登记接待: the day, how, the deputies present, voters, when received and first answered, and
    the problems raised (each its own row and category, as on a visit)."""

    def __init__(self, parent, row, day=None):
        super().__init__(parent, f"登记接待 — {row.name}")
        self.row = row
        self.kind = self.errors.add_row("接待方式", QComboBox(), "接待方式")
        self.kind.addItems((RECEPTION_DAY, APPOINTMENT))
        self.held_on = self.errors.add_row("接待日期", date_edit(day.on if day else None), "接待日期")
        on_duty = set(day.on_duty) if day else set()
        self.people = self.errors.add_row("接待代表", _checklist(
            list(zip(row.deputy_ids, row.deputy_names)),
            {i for i, n in zip(row.deputy_ids, row.deputy_names) if n in on_duty}), "代表")
        self.people.setMaximumHeight(110)
        self.voters = self.errors.add_row("接待选民（人）", QSpinBox(), "户数")
        self.voters.setRange(0, 999)
        start = QDateTime(read_date(self.held_on), datetime.min.time().replace(hour=9))
        self.received = self.errors.add_row("接待时间", QDateTimeEdit(start), "接待时间")
        self.responded = self.errors.add_row("首次答复时间", QDateTimeEdit(start.addSecs(4 * 3600)), "首次答复时间")
        for edit in (self.received, self.responded):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.summary = self.errors.add_row("接待情况", text_box(50), "情况摘要")
        for field, shown_at in (("走访日期", "接待日期"), ("村（社区）", "接待方式")):
            self.errors.labels[field] = self.errors.labels[shown_at]  # the visit's words for the same fields
            self.errors.widgets[field] = self.errors.widgets[shown_at]
        self.problems = self.errors.add_row("反映问题", RaisedProblemsTable(settings.get_settings().problem_categories),
                                            "反映问题")
        self.resize(680, 0)

    def extra_state(self) -> tuple:
        return tuple(p.content for p in self.problems.problems())

    def submit(self):
        return receptions.record_reception(ReceptionInput(
            self.row.id, read_date(self.held_on), self.kind.currentText(), tuple(_checked(self.people)),
            self.voters.value(), _datetime(self.received), _datetime(self.responded),
            summary=self.summary.toPlainText(), problems=tuple(self.problems.problems())))
