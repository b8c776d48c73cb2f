"""What the inspection and hazard services hand out and take in, with the states and choice lists."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

INSPECTION_KINDS = ("执法检查", "视察", "专题调研")
STAGES = ("准备", "自查", "检查", "审议整改")
LEVELS = ("一般", "重大")
MAJOR = "重大"
SOURCES = ("执法检查", "群众举报", "日常巡查")
PENDING, FIXING, AWAITING_REVIEW, CLOSED, VOID = "待整改", "整改中", "已整改待复查", "已销号", "已作废"
HAZARD_STATUSES = (PENDING, FIXING, AWAITING_REVIEW, CLOSED, VOID)
OPEN_HAZARD_STATUSES = (PENDING, FIXING, AWAITING_REVIEW)
BEFORE, AFTER = "整改前", "整改后"

HAZARD_LABELS = {
    "found_on": "检查日期", "inspectors": "检查组/检查人", "place": "单位/地点", "description": "隐患描述",
    "category": "类别", "level": "等级", "measures": "整改措施", "funds": "整改资金（万元）",
    "responsible_unit": "责任单位", "responsible_person": "责任人", "deadline": "整改时限",
    "reviewer": "复查人", "supervised": "挂牌督办", "emergency_plan": "应急预案", "progress": "整改情况",
    "completed_on": "完成日期", "reviewed_on": "复查日期", "review_conclusion": "复查结论",
    "status": "状态", "closed_on": "销号日期", "source": "来源",
}


@dataclass(frozen=True)
class HazardInput:
    found_on: date | None
    place: str
    description: str
    level: str = "一般"
    category: str = ""
    inspectors: str = ""
    measures: str = ""
    funds: float | None = None
    responsible_unit: str = ""
    responsible_person: str = ""
    deadline: date | None = None
    reviewer: str = ""
    supervised: bool = False
    emergency_plan: str = ""
    inspection_id: int | None = None
    source: str = "执法检查"
    supervised_on: date | None = None  # the day of 挂牌; a 挂牌 at registration defaults to found_on


@dataclass(frozen=True)
class HazardRow:
    id: int
    number: str
    year: int
    inspection_id: int | None
    inspection_title: str
    source: str
    found_on: date
    inspectors: str
    place: str
    description: str
    category: str
    level: str
    measures: str
    funds: float | None
    responsible_unit: str
    responsible_person: str
    original_deadline: date | None
    deadline: date | None
    reviewer: str
    supervised: bool
    emergency_plan: str
    progress: str
    completed_on: date | None
    reviewed_on: date | None
    review_conclusion: str
    status: str
    closed_on: date | None
    photo_count: int = 0
    supervised_on: date | None = None  # 挂牌 date, as recorded
    notice_number: str = ""  # 文号 of the 挂牌督办通知书, e.g. 青石人大督〔2026〕3号

    @property
    def has_notice(self) -> bool:
        """Only a hazard under 挂牌督办 (and not voided) has a 挂牌督办通知书."""
        return self.supervised and self.status != VOID and bool(self.notice_number)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_HAZARD_STATUSES

    def days_overdue(self, today: date) -> int:
        """Calendar days past the deadline while not closed (0 when not overdue)."""
        if not self.is_open or self.deadline is None or self.deadline >= today:
            return 0
        return (today - self.deadline).days


@dataclass(frozen=True)
class HazardFilter:
    year: int | None = None
    statuses: tuple[str, ...] = ()
    level: str = ""
    category: str = ""
    unit: str = ""
    overdue_only: bool = False
    supervised_only: bool = False


@dataclass(frozen=True)
class PhotoRow:
    id: int
    stage: str
    file_name: str
    stored_path: str
    width: int
    height: int


@dataclass(frozen=True)
class InspectionInput:
    kind: str
    title: str
    starts_on: date | None
    subject: str = ""
    ends_on: date | None = None
    sites: str = ""
    organiser: str = ""
    stage: str = "准备"
    findings: str = ""
    report: str = ""


@dataclass(frozen=True)
class ParticipantRow:
    id: int
    representative_id: int | None
    name: str
    unit_post: str


@dataclass(frozen=True)
class InspectionRow:
    id: int
    kind: str
    title: str
    subject: str
    starts_on: date
    ends_on: date | None
    sites: str
    organiser: str
    stage: str
    findings: str
    report: str
    report_file: str
    participants: tuple[ParticipantRow, ...]
    hazard_count: int

    @property
    def quarter(self) -> int:
        return (self.starts_on.month - 1) // 3 + 1
