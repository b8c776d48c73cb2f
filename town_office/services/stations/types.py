"""Data of the liaison stations (代表联络站): the reception-day rules, the 六有, what pages and papers get."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

MONTHLY, ENDING, LUNAR = "每月", "逢", "农历"
RULE_KINDS = (MONTHLY, ENDING, LUNAR)
SIX_STANDARDS = ("有场地", "有标识", "有制度", "有台账", "有活动", "有实效")
RECEPTION_DAY, APPOINTMENT = "接待日", "预约接待"
RESPONSE_HOURS = 24


@dataclass(frozen=True)
class StationInput:
    name: str
    place: str = ""
    contact: str = ""
    phone: str = ""
    rule_kind: str = MONTHLY
    rule_days: str = "15"
    notes: str = ""


@dataclass(frozen=True)
class StationRow:
    id: int
    name: str
    place: str
    contact: str
    phone: str
    rule_kind: str
    rule_days: str
    notes: str
    standards: dict = field(default_factory=dict)  # item -> date met
    deputy_ids: tuple[int, ...] = ()
    deputy_names: tuple[str, ...] = ()

    @property
    def rule_text(self) -> str:
        days = "、".join(self.rule_days.split(","))
        if self.rule_kind == MONTHLY:
            return f"每月{days}日"
        if self.rule_kind == ENDING:
            return f"逢{days}（日子尾数为{days}）"
        names = ["十一二三四五六七八九"[int(d)] if d.isdigit() and len(d) == 1 else d for d in self.rule_days.split(",")]
        return f"每逢农历“{'”“'.join(names)}”"

    @property
    def standards_met(self) -> int:
        return len(self.standards)


@dataclass(frozen=True)
class ReceptionDay:
    """A scheduled reception day, its lunar date (for lunar rules) and who is on duty."""

    on: date
    lunar: str
    on_duty: tuple[str, ...]
    changed: bool  # the clerk changed the rota for this day


@dataclass(frozen=True)
class ReceptionInput:
    station_id: int
    held_on: date | None
    kind: str
    representative_ids: tuple[int, ...]
    voters: int | None
    received_at: datetime | None
    responded_at: datetime | None = None
    people: str = ""
    summary: str = ""
    problems: tuple = ()  # ProblemInput of the visits module


@dataclass(frozen=True)
class ReceptionRow:
    id: int
    station_id: int
    station_name: str
    visit_id: int
    held_on: date
    kind: str
    deputies: str
    voters: int
    problems: int
    received_at: datetime
    responded_at: datetime | None

    @property
    def response_hours(self) -> float | None:
        if self.responded_at is None:
            return None
        return round((self.responded_at - self.received_at).total_seconds() / 3600, 1)

    @property
    def response_late(self) -> bool:
        hours = self.response_hours
        return hours is not None and hours > RESPONSE_HOURS


@dataclass(frozen=True)
class StationYear:
    """A station's year: receptions held against the days scheduled, voters and their problems."""

    station: str
    year: int
    scheduled: int
    held_on_days: int
    appointments: int
    voters: int
    problems: int
    closed: int
    fed_back: int
    late_responses: int
    until: date  # 31 December, or today for the current year
