"""Table model of the suggestions list: overdue ones in red with the days overdue."""

from __future__ import annotations

from datetime import date

from town_office.views.widgets.table_model import ENDED_GREY, OVERDUE_RED, ColumnSpec, DataclassTableModel


def _date(value) -> str:
    return value.isoformat() if value else ""


class SuggestionTableModel(DataclassTableModel):
    def __init__(self, parent=None, today: date | None = None):
        super().__init__(parent)
        self.today = today or date.today()
        self.COLUMNS = (
            ColumnSpec("编号", lambda s: s.number, lambda s: (s.year, s.session_id is None, s.number)),
            ColumnSpec("标题", lambda s: ("★ " if s.excellent else "") + s.title),
            ColumnSpec("领衔代表", lambda s: s.signers_text),
            ColumnSpec("主办单位", lambda s: s.main_unit),
            ColumnSpec("分类", lambda s: s.grade, align_center=True),
            ColumnSpec("答复期限", lambda s: _date(s.deadline), lambda s: s.deadline),
            ColumnSpec("状态", self._state, lambda s: s.status, True),
            ColumnSpec("答复", lambda s: s.last_answer.class_text if s.last_answer else ""),
            ColumnSpec("代表意见", lambda s: s.satisfaction, align_center=True),
        )

    def _state(self, s) -> str:
        left = s.days_left(self.today)
        if left is None:
            return s.status
        return f"{s.status}（逾期{-left}天）" if left < 0 else f"{s.status}（剩{left}天）"

    def foreground(self, row):
        if row.overdue(self.today):
            return OVERDUE_RED
        return ENDED_GREY if row.status == "已办结" else None
