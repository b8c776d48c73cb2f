"""Table models of the meetings area: meetings, follow-ups (overdue in red) and 列席 persons."""

from __future__ import annotations

from datetime import date

from town_office.services.meetings.types import FollowUpRow, MeetingRow
from town_office.views.widgets.table_model import (
    ENDED_GREY,
    OVERDUE_RED,
    ColumnSpec,
    DataclassTableModel,
)


def _date(value) -> str:
    return value.isoformat() if value else ""


class MeetingTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("会次", lambda m: f"{m.term_name}第{m.number}次", lambda m: (m.term_id, m.number)),
        ColumnSpec("会议日期", lambda m: _date(m.held_on), lambda m: m.held_on),
        ColumnSpec("季度", lambda m: f"第{m.quarter}季度", lambda m: (m.held_on.year, m.quarter), True),
        ColumnSpec("类型", lambda m: m.kind, align_center=True),
        ColumnSpec("状态", lambda m: m.status, align_center=True),
        ColumnSpec("应到", lambda m: str(m.expected), lambda m: m.expected, True),
        ColumnSpec("实到", lambda m: str(m.present), lambda m: m.present, True),
        ColumnSpec("议题", lambda m: str(m.item_count), lambda m: m.item_count, True),
        ColumnSpec("未办结督办", lambda m: str(m.open_followups) if m.open_followups else "",
                   lambda m: m.open_followups, True),
        ColumnSpec("地点", lambda m: m.place),
    )

    def foreground(self, row: MeetingRow):
        return ENDED_GREY if row.status == "筹备" else None


class FollowUpTableModel(DataclassTableModel):
    """All follow-ups; ``today`` decides which are overdue (red, with days overdue)."""

    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self.COLUMNS = self._columns()

    def _days(self, f: FollowUpRow) -> str:
        if not f.is_open:
            return ""
        days = f.days_left(self.today)
        return f"逾期{-days}天" if days < 0 else f"剩{days}天"

    def _columns(self) -> tuple[ColumnSpec, ...]:
        return (
            ColumnSpec("交办会议", lambda f: f"第{f.meeting_number}次会议", lambda f: f.meeting_number),
            ColumnSpec("督办内容", lambda f: f.content),
            ColumnSpec("承办单位", lambda f: f.handling_unit),
            ColumnSpec("责任人", lambda f: f.responsible),
            ColumnSpec("办理时限", lambda f: _date(f.deadline), lambda f: f.deadline),
            ColumnSpec("状态", lambda f: f.status, align_center=True),
            ColumnSpec("剩余", self._days, lambda f: f.days_left(self.today) if f.is_open else None,
                       True),
            ColumnSpec("办理结果", lambda f: f.result),
            ColumnSpec("办结日期", lambda f: _date(f.done_on), lambda f: f.done_on),
        )

    def foreground(self, row: FollowUpRow):
        if row.is_overdue(self.today):
            return OVERDUE_RED
        return ENDED_GREY if not row.is_open else None


class ObserverTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("姓名", lambda a: a.name),
        ColumnSpec("单位及职务", lambda a: a.unit_post),
        ColumnSpec("来源", lambda a: "代表名册" if a.representative_id else "手工填写"),
    )
