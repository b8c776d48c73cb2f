"""The due-and-late list's table model: late rows red; the deadline columns first, so that they
show on the narrowest screen."""

from __future__ import annotations

from town_office.services.workbench.types import DueItem
from town_office.views.widgets.table_model import OVERDUE_RED, ColumnSpec, DataclassTableModel


class DueTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("类别", lambda r: r.area),
        ColumnSpec("期限", lambda r: f"{r.deadline:%Y-%m-%d}", lambda r: r.deadline, align_center=True),
        ColumnSpec("剩余", lambda r: r.left_text, lambda r: (not r.late, r.left), align_center=True),
        ColumnSpec("事项", lambda r: r.title),
        ColumnSpec("承办与说明", lambda r: r.detail),
    )

    def foreground(self, row: DueItem):
        return OVERDUE_RED if row.late else None

    def row_of_id(self, row_id) -> int:  # rows of several areas share ids: (area, id) finds one
        return next((i for i, r in enumerate(self._rows) if (r.area, r.record_id) == row_id), -1)
