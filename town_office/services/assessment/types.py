"""Data of the annual assessment (年度履职考核): the scheme, the scored lines and the results."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

NOT_COMPUTED, COMPUTED, PUBLISHED, FROZEN = "未计算", "已计算", "公示", "定稿"

# What an item can count: the activity source (see services/archive.py) and how it is described.
# training_hour and visit_household count the hours / households of an activity, the rest count
# activities one by one.
SOURCES = {
    "meeting_present": "出席主席团会议（每次）",
    "meeting_excused": "主席团会议请假（每次）",
    "meeting_absent": "主席团会议缺席（每次）",
    "congress_session": "出席镇人代会（每次，按会议出席记录）",
    "congress_excused": "镇人代会请假（每次）",
    "congress_absent": "镇人代会缺席（每次）",
    "training_present": "参加学习培训（每次）",
    "training_hour": "培训学时（每学时）",
    "training_absent": "培训缺席（每次）",
    "visit": "走访选民（每次）",
    "visit_household": "走访选民户数（每户）",
    "problem_raised": "反映群众问题（每件）",
    "suggestion": "领衔提出建议（每件，含档案登记）",
    "suggestion_key": "领衔提出重点建议（每件）",
    "suggestion_cosigned": "附议建议（每件）",
    "suggestion_excellent": "建议评为金点子（每件）",
    "project_rating": "评议民生实事项目（每个）",
    "inspection_joined": "参加视察、调研、执法检查（每次）",
    "group_activity": "参加代表小组活动（每次）",
    "report_to_voters": "向选民述职（每次）",
    "reception": "接待选民（每次）",
    "award": "获得表彰奖励（每项）",
    "other_duty": "其他履职（每次）",
}
PER_UNIT = {"training_hour": "training_present", "visit_household": "visit"}
# An item counts its own source and these too: a 重点 suggestion is a suggestion, and scores extra
# under its own item.
INCLUDES = {"suggestion": ("suggestion_key",)}

DEFAULT_BASE, DEFAULT_FULL = 60.0, 100.0
DEFAULT_BANDS = (("优秀", 90.0), ("良好", 80.0), ("一般", 60.0), ("较差", 0.0))
DEFAULT_ITEMS = (
    ("meeting_present", "出席主席团会议", 3.0, 12.0),
    ("meeting_excused", "主席团会议请假", 0.0, None),
    ("meeting_absent", "主席团会议无故缺席", -5.0, 20.0),
    ("congress_session", "出席镇人代会", 4.0, 8.0),
    ("congress_absent", "镇人代会无故缺席", -4.0, 8.0),
    ("training_present", "参加学习培训", 2.0, 8.0),
    ("training_absent", "培训无故缺席", -2.0, 10.0),
    ("visit_household", "走访选民（每户）", 0.5, 6.0),
    ("problem_raised", "反映群众问题", 1.0, 5.0),
    ("suggestion", "提出建议", 2.0, 6.0),
    ("inspection_joined", "参加视察、调研、执法检查", 2.0, 6.0),
    ("group_activity", "参加代表小组活动", 1.0, 4.0),
    ("report_to_voters", "向选民述职", 3.0, 3.0),
    ("award", "获得表彰奖励", 3.0, 6.0),
)

# Lines that are not items of the scheme.
BASE, PRORATE, ADJUSTMENT, CLIP = "base", "prorate", "adjustment", "clip"


@dataclass(frozen=True)
class SchemeItem:
    source: str
    name: str
    points: float
    cap: float | None = None


@dataclass(frozen=True)
class Scheme:
    year: int
    base_points: float = DEFAULT_BASE
    full_marks: float = DEFAULT_FULL
    bands: tuple[tuple[str, float], ...] = DEFAULT_BANDS
    items: tuple[SchemeItem, ...] = ()

    def grade_of(self, total: float) -> str:
        for name, lowest in sorted(self.bands, key=lambda b: -b[1]):
            if total >= lowest:
                return name
        return self.bands[-1][0] if self.bands else ""


@dataclass(frozen=True)
class ScoredLine:
    """One line of 明细: which record earned which points under which item."""

    source: str
    item_name: str
    on: date | None
    record: str
    points: float
    record_table: str = ""
    record_id: int | None = None
    note: str = ""


@dataclass(frozen=True)
class DeputyScore:
    representative_id: int
    name: str
    group_name: str
    served_days: int
    period_days: int
    total: float
    grade: str
    rank: int = 0
    lines: tuple[ScoredLine, ...] = field(default=(), compare=False)

    def points_of(self, source: str) -> float:
        return round(sum(line.points for line in self.lines if line.source == source), 2)


@dataclass(frozen=True)
class Adjustment:
    id: int
    year: int
    representative_id: int
    name: str
    points: float
    reason: str
    created_at: datetime


@dataclass(frozen=True)
class RoundState:
    year: int
    status: str
    computed_at: datetime | None = None
    published_at: datetime | None = None
    frozen_at: datetime | None = None
    stale: bool = False  # records changed after the last 计算
