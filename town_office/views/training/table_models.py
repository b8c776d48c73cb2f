"""Table models of the training area: sessions, the editable attendance list of one session, and the
year statistics per deputy and per group."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt

from town_office.services.meetings.types import ATTENDANCE, EXCUSED
from town_office.services.training.types import hours_text
from town_office.views.widgets.table_model import (
    ENDED_GREY,
    OVERDUE_RED,
    ColumnSpec,
    DataclassTableModel,
)


class SessionTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("日期", lambda s: s.held_on.isoformat(), lambda s: s.held_on),
        ColumnSpec("培训名称", lambda s: s.title),
        ColumnSpec("类型", lambda s: s.kind, align_center=True),
        ColumnSpec("组织单位", lambda s: s.organiser),
        ColumnSpec("学时", lambda s: hours_text(s.hours), lambda s: s.hours, True),
        ColumnSpec("出席/应到", lambda s: f"{s.present}/{s.expected}", lambda s: s.present, True),
        ColumnSpec("请假", lambda s: str(s.excused), lambda s: s.excused, True),
        ColumnSpec("缺席", lambda s: str(s.absent), lambda s: s.absent, True),
        ColumnSpec("地点", lambda s: s.place),
    )


@dataclass(frozen=True)
class AttendanceLine:
    """One expected deputy as the dialog edits them (not yet saved)."""

    id: int  # the deputy's id, so the base model's row_of_id works
    name: str
    group_name: str
    attendance: str = "出席"
    reason: str = ""


ATTENDANCE_COLUMN, REASON_COLUMN = 2, 3


class AttendanceTableModel(DataclassTableModel):
    """Editable: 出席情况 (also by keys 1/2/3 in the view) and 请假原因."""

    COLUMNS = (
        ColumnSpec("姓名", lambda a: a.name),
        ColumnSpec("代表小组", lambda a: a.group_name),
        ColumnSpec("出席情况", lambda a: a.attendance, align_center=True),
        ColumnSpec("请假原因", lambda a: a.reason),
    )

    def flags(self, index):
        flags = super().flags(index)
        if index.column() in (ATTENDANCE_COLUMN, REASON_COLUMN):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        line = self._rows[index.row()]
        if index.column() == ATTENDANCE_COLUMN:
            if value not in ATTENDANCE:
                return False
            new = replace(line, attendance=value, reason=line.reason if value == EXCUSED else "")
        elif index.column() == REASON_COLUMN:
            new = replace(line, reason=str(value).strip())
        else:
            return False
        self.replace_row(index.row(), new)
        return True

    def mark(self, rows: list[int], attendance: str) -> None:
        for row in rows:
            self.setData(self.index(row, ATTENDANCE_COLUMN), attendance)

    def foreground(self, line: AttendanceLine):
        if line.attendance == "缺席" or (line.attendance == EXCUSED and not line.reason):
            return OVERDUE_RED
        return ENDED_GREY if line.attendance == EXCUSED else None


class DeputyStatTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("姓名", lambda d: d.name),
        ColumnSpec("代表小组", lambda d: d.group_name),
        ColumnSpec("参加次数", lambda d: str(d.sessions), lambda d: d.sessions, True),
        ColumnSpec("学时", lambda d: hours_text(d.hours), lambda d: d.hours, True),
        ColumnSpec("请假", lambda d: str(d.excused), lambda d: d.excused, True),
        ColumnSpec("缺席", lambda d: str(d.absent), lambda d: d.absent, True),
        ColumnSpec("备注", lambda d: "；".join(
            n for n, on in (("年内终止资格", not d.serving_at_end),
                            ("新任代表，尚未参加初任培训", d.is_new and not d.had_first_training),
                            ("本年未参加培训", d.serving_at_end and not d.sessions)) if on)),
    )

    def foreground(self, d):
        if not d.serving_at_end:
            return ENDED_GREY
        return OVERDUE_RED if not d.sessions else None


class GroupStatTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("代表小组", lambda g: g.group_name),
        ColumnSpec("在任代表", lambda g: str(g.serving), lambda g: g.serving, True),
        ColumnSpec("参加过培训", lambda g: str(g.trained), lambda g: g.trained, True),
        ColumnSpec("覆盖率", lambda g: f"{g.coverage:.0%}", lambda g: g.coverage, True),
        ColumnSpec("参加人次", lambda g: str(g.sessions_attended), lambda g: g.sessions_attended, True),
        ColumnSpec("学时合计", lambda g: hours_text(g.hours), lambda g: g.hours, True),
    )
