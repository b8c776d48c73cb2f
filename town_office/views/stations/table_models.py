"""Table models of the stations page: the reception days with who is on duty, and the receptions."""

from __future__ import annotations

from town_office.views.widgets.table_model import OVERDUE_RED, ColumnSpec, DataclassTableModel

WEEKDAYS = "一二三四五六日"


class ReceptionDayTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("接待日", lambda d: f"{d.on:%Y-%m-%d} 星期{WEEKDAYS[d.on.weekday()]}", lambda d: d.on),
        ColumnSpec("农历", lambda d: d.lunar),
        ColumnSpec("值班代表", lambda d: "、".join(d.on_duty) + ("（已调整）" if d.changed else "")),
    )


class ReceptionTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("日期", lambda r: f"{r.held_on:%Y-%m-%d}", lambda r: r.held_on),
        ColumnSpec("方式", lambda r: r.kind, align_center=True),
        ColumnSpec("接待代表", lambda r: r.deputies),
        ColumnSpec("选民", lambda r: str(r.voters), lambda r: r.voters, True),
        ColumnSpec("问题", lambda r: str(r.problems), lambda r: r.problems, True),
        ColumnSpec("首次答复", lambda r: "未答复" if r.response_hours is None else
                   f"{r.response_hours:g}小时" + ("（超过24小时）" if r.response_late else ""),
                   lambda r: r.response_hours if r.response_hours is not None else -1),
    )

    def foreground(self, row):
        return OVERDUE_RED if row.response_late else None
