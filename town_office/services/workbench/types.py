"""Rows the workbench shows: due items, fired schedule checks, year figures, calendar events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

# The areas of the due list, in the order the filter offers them.
FOLLOWUP, PROBLEM, HAZARD, SUGGESTION, RECEPTION, MINUTES, FIRST_TRAINING = (
    "督办事项", "群众诉求", "隐患整改", "代表建议", "接待首次答复", "会议纪要", "初任培训")
AREAS = (FOLLOWUP, PROBLEM, HAZARD, SUGGESTION, RECEPTION, MINUTES, FIRST_TRAINING)

WORKDAYS, DAYS, HOURS = "工作日", "天", "小时"


@dataclass(frozen=True)
class DueItem:
    """One open record with a deadline: ``left`` counts ``unit`` from today (negative: late)."""

    area: str
    record_id: int
    title: str
    detail: str
    deadline: date
    left: int
    unit: str
    page: str  # the page that shows the record (the main window's title of it)
    late: bool = False  # past the deadline (a working-day count may still be 0 over a weekend)

    @property
    def left_text(self) -> str:
        unit = "个工作日" if self.unit == WORKDAYS else self.unit
        if self.late:
            return f"逾期{-self.left}{unit}" if self.left < 0 else "已过期限"
        if self.left == 0:
            return "今天到期" if self.unit != HOURS else "不足1小时"
        return f"还剩{self.left}{unit}"


@dataclass(frozen=True)
class CheckRule:
    """A schedule check the clerk can switch off or retune: ``number`` means what ``number_label`` says."""

    key: str
    label: str
    number_label: str
    default_number: int
    minimum: int = 0
    maximum: int = 366


@dataclass(frozen=True)
class FiredCheck:
    key: str
    message: str
    page: str
    urgent: bool = False  # shown in red
    filters: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Figure:
    """A number of the year at a glance; clicking it opens ``page`` with ``filters`` applied."""

    group: str
    label: str
    value: str
    page: str
    filters: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Chart:
    """A small bar chart: labels and values, in order."""

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    unit: str = ""


@dataclass(frozen=True)
class CalendarEvent:
    day: date
    kind: str  # 主席团会议 / 人代会 / 培训 / 执法检查 / 接待日 / 到期
    title: str
    page: str
    record_id: int = 0
