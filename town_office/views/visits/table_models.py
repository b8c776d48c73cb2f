"""Table models of the visits area: visits, problems (overdue in red with working days left) and the
household quota progress."""

from __future__ import annotations

from datetime import date

from town_office.services.visits.types import ProblemRow
from town_office.services.common.workdays import workdays_left
from town_office.views.widgets.table_model import (
    ENDED_GREY,
    OVERDUE_RED,
    ColumnSpec,
    DataclassTableModel,
)


def _d(value) -> str:
    return value.isoformat() if value else ""


class VisitTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("日期", lambda v: _d(v.visited_on), lambda v: v.visited_on),
        ColumnSpec("代表", lambda v: v.deputies),
        ColumnSpec("形式", lambda v: v.form, align_center=True),
        ColumnSpec("地点", lambda v: v.place),
        ColumnSpec("户数", lambda v: str(v.households), lambda v: v.households, True),
        ColumnSpec("问题", lambda v: str(v.problem_count) if v.problem_count else "",
                   lambda v: v.problem_count, True),
        ColumnSpec("走访对象", lambda v: v.people),
        ColumnSpec("走访情况", lambda v: v.summary),
    )


class ProblemTableModel(DataclassTableModel):
    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self._left: dict[int, int] = {}
        self.COLUMNS = (
            ColumnSpec("走访日期", lambda p: _d(p.visited_on), lambda p: p.visited_on),
            ColumnSpec("村（社区）", lambda p: p.village),
            ColumnSpec("代表", lambda p: p.deputies),
            ColumnSpec("反映问题", lambda p: p.content),
            ColumnSpec("类别", lambda p: p.category, align_center=True),
            ColumnSpec("承办单位", lambda p: p.handling_unit),
            ColumnSpec("办理时限", lambda p: _d(p.deadline), lambda p: p.deadline),
            ColumnSpec("剩余", self._left_text, self.left, True),
            ColumnSpec("状态", lambda p: p.status + ("（曾不满意）" if p.reopened else ""),
                       align_center=True),
            ColumnSpec("满意度", lambda p: p.satisfaction, align_center=True),
            ColumnSpec("群众", lambda p: p.voter_name),
        )

    def left(self, p: ProblemRow) -> int | None:
        """Working days to the deadline (cached: the holiday walk is per row)."""
        if not p.is_open or p.deadline is None:
            return None
        if p.id not in self._left:
            self._left[p.id] = workdays_left(self.today, p.deadline)
        return self._left[p.id]

    def _left_text(self, p: ProblemRow) -> str:
        days = self.left(p)
        if days is None:
            return ""
        return f"逾期{-days}个工作日" if days < 0 else f"剩{days}个工作日"

    def set_rows(self, rows) -> None:
        self._left = {}
        super().set_rows(rows)

    def foreground(self, p: ProblemRow):
        if p.is_overdue(self.today):
            return OVERDUE_RED
        return ENDED_GREY if not p.is_open else None


class QuotaTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("姓名", lambda q: q.name),
        ColumnSpec("代表小组", lambda q: q.group_name),
        ColumnSpec("走访次数", lambda q: str(q.visits), lambda q: q.visits, True),
        ColumnSpec("走访户数", lambda q: str(q.households), lambda q: q.households, True),
        ColumnSpec("应走访户数", lambda q: f"{q.quota:g}", lambda q: q.quota, True),
        ColumnSpec("完成比例", lambda q: f"{q.progress:.0%}", lambda q: q.progress, True),
        ColumnSpec("还差", lambda q: f"{q.shortfall:g}" if q.shortfall else "达标",
                   lambda q: q.shortfall, True),
        ColumnSpec("说明", lambda q: "" if q.serving_days >= 365 else f"本年任职{q.serving_days}天，按比例折算"),
    )

    def foreground(self, q):
        return None if q.met else OVERDUE_RED
