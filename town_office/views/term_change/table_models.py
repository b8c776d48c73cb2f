"""Table models of the 换届 assistant: open items of the old term, deputies of the new term."""

from __future__ import annotations

from town_office.services.term_change.types import CLOSE
from town_office.views.widgets.table_model import ENDED_GREY, ColumnSpec, DataclassTableModel


class OpenItemTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("类别", lambda i: i.kind, align_center=True),
        ColumnSpec("事项", lambda i: i.title),
        ColumnSpec("状态", lambda i: i.status, align_center=True),
        ColumnSpec("期限", lambda i: f"{i.deadline:%Y-%m-%d}" if i.deadline else "", lambda i: i.deadline),
        ColumnSpec("处理方式", lambda i: i.choice, align_center=True),
    )

    def foreground(self, row):
        return ENDED_GREY if row.choice == CLOSE else None

    def row_of_key(self, key: str) -> int:
        return next((n for n, r in enumerate(self.rows()) if r.key == key), -1)


class NewDeputyTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("姓名", lambda d: d.name),
        ColumnSpec("代表小组", lambda d: d.group_name),
        ColumnSpec("当选情况", lambda d: f"连任（{d.earlier_term}）" if d.earlier_term else "新当选",
                   lambda d: bool(d.earlier_term), True),
    )
