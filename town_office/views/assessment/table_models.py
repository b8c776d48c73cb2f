"""Table models of the 年度考核 page: the ranking and one deputy's scored lines."""

from __future__ import annotations

from town_office.views.widgets.table_model import OVERDUE_RED, ColumnSpec, DataclassTableModel


class ScoreTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("名次", lambda s: str(s.rank), lambda s: s.rank, True),
        ColumnSpec("姓名", lambda s: s.name),
        ColumnSpec("代表小组", lambda s: s.group_name),
        ColumnSpec("任职天数", lambda s: f"{s.served_days}/{s.period_days}", lambda s: s.served_days, True),
        ColumnSpec("总分", lambda s: f"{s.total:g}", lambda s: s.total, True),
        ColumnSpec("等次", lambda s: s.grade, align_center=True),
    )

    def foreground(self, row):
        return OVERDUE_RED if row.grade == "较差" else None

    def row_of_id(self, row_id: int) -> int:
        return next((i for i, r in enumerate(self.rows()) if r.representative_id == row_id), -1)


class LineTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("计分项目", lambda ln: ln.item_name),
        ColumnSpec("日期", lambda ln: f"{ln.on:%Y-%m-%d}" if ln.on else "", lambda ln: ln.on),
        ColumnSpec("来源记录", lambda ln: ln.record),
        ColumnSpec("分值", lambda ln: f"{ln.points:+g}", lambda ln: ln.points, True),
        ColumnSpec("说明", lambda ln: ln.note),
    )

    def foreground(self, row):
        return OVERDUE_RED if row.points < 0 else None
