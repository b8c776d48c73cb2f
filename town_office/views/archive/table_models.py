"""Table models of the 履职档案 page: the deputies and one deputy's activities."""

from __future__ import annotations

from town_office.services.archive.types import SECTION_MARKS, SECTION_TITLES
from town_office.views.widgets.table_model import ColumnSpec, DataclassTableModel


class DeputyTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("姓名", lambda r: r.name, lambda r: r.name_pinyin),
        ColumnSpec("代表小组", lambda r: r.group_name),
        ColumnSpec("状态", lambda r: r.status, align_center=True),
    )


class ActivityTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("栏目", lambda a: f"{SECTION_MARKS[a.section - 1]}{SECTION_TITLES[a.section]}",
                   lambda a: (a.section, a.on)),
        ColumnSpec("日期", lambda a: f"{a.on:%Y-%m-%d}", lambda a: a.on),
        ColumnSpec("类别", lambda a: a.category),
        ColumnSpec("内容", lambda a: a.content),
        ColumnSpec("情况", lambda a: a.status),
        ColumnSpec("来源", lambda a: a.origin, align_center=True),
    )
