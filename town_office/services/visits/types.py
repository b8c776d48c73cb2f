"""What the visit and problem services hand out and take in, and their choice lists and states."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

FORMS = ("入户走访", "接待日", "座谈会", "屋场会", "电话微信", "其他")
ROUTES = ("当场答复", "交镇政府办理", "报县人大", "转为代表建议")
ON_THE_SPOT = "当场答复"
REGISTERED, ASSIGNED, IN_PROGRESS, CLOSED, FED_BACK = "登记", "交办", "办理中", "已办结", "已反馈"
PROBLEM_STATUSES = (REGISTERED, ASSIGNED, IN_PROGRESS, CLOSED, FED_BACK)
OPEN_STATUSES = (REGISTERED, ASSIGNED, IN_PROGRESS)
SATISFACTION = ("满意", "基本满意", "不满意")
FEEDBACK_WAYS = ("当面", "电话", "微信", "书面")

VISIT_LABELS = {"visited_on": "走访日期", "form": "走访形式", "village": "村（社区）", "hamlet": "组",
                "people": "走访对象", "households": "户数", "summary": "走访情况", "deputies": "代表"}
PROBLEM_LABELS = {"content": "反映问题", "voter_name": "群众姓名", "voter_contact": "联系方式",
                  "category": "类别", "route": "处理方式", "handling_unit": "承办单位",
                  "deadline": "办理时限", "status": "状态", "reply": "答复内容", "replied_on": "答复日期",
                  "feedback_on": "反馈日期", "feedback_how": "反馈方式", "satisfaction": "满意度"}


@dataclass(frozen=True)
class VisitInput:
    visited_on: date | None
    representative_ids: tuple[int, ...]
    form: str
    village: str
    households: int | None
    hamlet: str = ""
    people: str = ""
    summary: str = ""


@dataclass(frozen=True)
class ProblemInput:
    content: str
    category: str = ""
    route: str = ""
    voter_name: str = ""
    voter_contact: str = ""
    handling_unit: str = ""
    deadline: date | None = None  # None: the setting's working days after the visit
    reply: str = ""  # for 当场答复


@dataclass(frozen=True)
class VisitRow:
    id: int
    visited_on: date
    deputies: str  # names, 、-separated
    representative_ids: tuple[int, ...]
    form: str
    village: str
    hamlet: str
    people: str
    households: int
    summary: str
    problem_count: int

    @property
    def place(self) -> str:
        return self.village + (self.hamlet if self.hamlet else "")


@dataclass(frozen=True)
class ProblemRow:
    id: int
    visit_id: int
    visited_on: date
    village: str
    deputies: str
    content: str
    voter_name: str
    voter_contact: str
    category: str
    route: str
    handling_unit: str
    deadline: date | None
    status: str
    reply: str
    replied_on: date | None
    feedback_on: date | None
    feedback_how: str
    satisfaction: str
    reopened: int  # times 不满意 sent it back

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date) -> bool:
        return self.is_open and self.deadline is not None and self.deadline < today


@dataclass(frozen=True)
class ProblemFilter:
    year: int | None = None
    statuses: tuple[str, ...] = ()
    category: str = ""
    representative_id: int | None = None
    village: str = ""
    overdue_only: bool = False
    open_only: bool = False


@dataclass(frozen=True)
class ProblemStats:
    """The figures township reports quote for a period."""

    start: date
    end: date
    visits: int
    households: int
    collected: int
    on_the_spot: int
    handed_on: int
    closed: int  # 已办结 or 已反馈
    fed_back: int  # closed by the voter's feedback (已反馈)
    with_feedback: int  # problems the voter has judged at least once, 不满意 included
    satisfied: int  # latest feedback 满意 or 基本满意
    unsatisfied: int  # latest feedback 不满意

    @property
    def close_rate(self) -> float:
        return self.closed / self.collected if self.collected else 0.0

    @property
    def satisfaction_rate(self) -> float:
        """满意率: of the problems with feedback, the share whose latest feedback is 满意 or 基本满意."""
        return self.satisfied / self.with_feedback if self.with_feedback else 0.0

    @property
    def text(self) -> str:
        return (f"走访{self.visits}次、{self.households}户，收集问题{self.collected}条，现场解决{self.on_the_spot}个，"
                f"交办{self.handed_on}个，办结{self.closed}个（办结率{self.close_rate:.1%}），"
                f"已反馈{self.fed_back}个，群众评价{self.with_feedback}个、其中满意和基本满意{self.satisfied}个"
                f"（满意率{self.satisfaction_rate:.1%}）")


@dataclass(frozen=True)
class QuotaRow:
    """One deputy's visits this year against the (pro-rated) quota."""

    representative_id: int
    name: str
    group_name: str
    visits: int
    households: int
    quota: float
    serving_days: int

    @property
    def met(self) -> bool:
        return self.households >= self.quota

    @property
    def progress(self) -> float:
        """Share of the quota done (1.0 and above: met)."""
        return self.households / self.quota if self.quota else 1.0

    @property
    def shortfall(self) -> float:
        return max(0.0, self.quota - self.households)
