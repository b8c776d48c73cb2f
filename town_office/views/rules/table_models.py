"""Table models of the rule documents page: the documents with the version in force on the chosen
day (red where one of the six has no adopted version), and the versions of one document."""

from __future__ import annotations

from PySide6.QtGui import QColor

from town_office.services.rules.types import DRAFT, REPEALED, REVISED
from town_office.views.widgets.table_model import (
    ENDED_GREY,
    OVERDUE_RED,
    ColumnSpec,
    DataclassTableModel,
)

DRAFT_BLUE = QColor("#1f5fa8")


def _d(value) -> str:
    return value.isoformat() if value else ""


class DocumentTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("类别", lambda d: d.kind),
        ColumnSpec("标题", lambda d: d.title),
        ColumnSpec("状态", lambda d: d.state_text),
        ColumnSpec("有效版本", lambda d: d.in_force.label if d.in_force else "无",
                   lambda d: d.in_force.number if d.in_force else 0, True),
        ColumnSpec("生效日期", lambda d: _d(d.in_force.effective_on) if d.in_force else "",
                   lambda d: d.in_force.effective_on if d.in_force else None),
        ColumnSpec("版本数", lambda d: str(len(d.versions)), lambda d: len(d.versions), True),
        ColumnSpec("通过会议", lambda d: d.in_force.adopted_by if d.in_force else ""),
    )

    def foreground(self, d):
        if d.builtin and not d.has_adopted:
            return OVERDUE_RED  # one of the six the town has not adopted yet
        if d.in_force is None:
            return ENDED_GREY
        return None


class VersionTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("版本", lambda v: v.label, lambda v: v.number, True),
        ColumnSpec("状态", lambda v: v.status, align_center=True),
        ColumnSpec("起草日期", lambda v: _d(v.drafted_on), lambda v: v.drafted_on),
        ColumnSpec("通过日期", lambda v: _d(v.adopted_on), lambda v: v.adopted_on),
        ColumnSpec("通过会议", lambda v: v.adopted_by),
        ColumnSpec("生效日期", lambda v: _d(v.effective_on), lambda v: v.effective_on),
        ColumnSpec("废止日期", lambda v: _d(v.repealed_on), lambda v: v.repealed_on),
        ColumnSpec("章", lambda v: str(v.chapters) if v.chapters else "", lambda v: v.chapters, True),
        ColumnSpec("条", lambda v: str(v.articles), lambda v: v.articles, True),
        ColumnSpec("原件", lambda v: v.file_name),
        ColumnSpec("说明", lambda v: v.repeal_reason if v.repealed_on else v.notes.split("\n")[0][:60]),
    )

    def foreground(self, v):
        if v.status in (REVISED, REPEALED):
            return ENDED_GREY
        if v.status == DRAFT:
            return DRAFT_BLUE
        return None
