"""Table models of the hazard area: the ledger (overdue red with days overdue) and inspections."""

from __future__ import annotations

from datetime import date

from town_office.views.widgets.table_model import (
    ENDED_GREY,
    OVERDUE_RED,
    ColumnSpec,
    DataclassTableModel,
)


def _d(value) -> str:
    return value.isoformat() if value else ""


class HazardTableModel(DataclassTableModel):
    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self.COLUMNS = (
            ColumnSpec("编号", lambda h: h.number, lambda h: (h.year, h.number)),
            ColumnSpec("检查日期", lambda h: _d(h.found_on), lambda h: h.found_on),
            ColumnSpec("单位/地点", lambda h: h.place),
            ColumnSpec("隐患描述", lambda h: h.description),
            ColumnSpec("类别", lambda h: h.category, align_center=True),
            ColumnSpec("等级", lambda h: h.level, align_center=True),
            ColumnSpec("督办", lambda h: "挂牌" if h.supervised else "", align_center=True),
            ColumnSpec("责任单位", lambda h: h.responsible_unit),
            ColumnSpec("整改时限", lambda h: _d(h.deadline), lambda h: h.deadline),
            ColumnSpec("逾期", lambda h: f"{h.days_overdue(self.today)}天" if h.days_overdue(self.today)
                       else "", lambda h: h.days_overdue(self.today), True),
            ColumnSpec("状态", lambda h: h.status, align_center=True),
            ColumnSpec("照片", lambda h: str(h.photo_count) if h.photo_count else "",
                       lambda h: h.photo_count, True),
        )

    def foreground(self, h):
        if h.days_overdue(self.today):
            return OVERDUE_RED
        return ENDED_GREY if not h.is_open else None


class InspectionTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("日期", lambda i: _d(i.starts_on), lambda i: i.starts_on),
        ColumnSpec("类型", lambda i: i.kind, align_center=True),
        ColumnSpec("名称", lambda i: i.title),
        ColumnSpec("法律或主题", lambda i: i.subject),
        ColumnSpec("阶段", lambda i: i.stage, align_center=True),
        ColumnSpec("参加人数", lambda i: str(len(i.participants)), lambda i: len(i.participants), True),
        ColumnSpec("发现隐患", lambda i: str(i.hazard_count), lambda i: i.hazard_count, True),
        ColumnSpec("地点", lambda i: i.sites),
    )
