"""Data of the congress sessions (镇人民代表大会会议): what the views and the papers receive."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from town_office.reports.chinese_numbers import chinese_number

REGULAR, FIRST, EXTRAORDINARY = "例行会议", "届次第一次会议", "临时会议"
SESSION_KINDS = (REGULAR, FIRST, EXTRAORDINARY)
PRESENT, EXCUSED, ABSENT = "出席", "请假", "缺席"
ATTENDANCE = (PRESENT, EXCUSED, ABSENT)
DEPUTY, OBSERVER = "代表", "列席"

REPORT, ELECTION, DECISION, PROJECTS, OTHER = "审议工作报告", "选举", "决定", "民生实事票决", "其他"
ITEM_KINDS = (REPORT, ELECTION, DECISION, PROJECTS, OTHER)
# Titles the agenda offers by kind; the clerk may type any other.
ITEM_TITLES = {
    REPORT: ("政府工作报告", "主席团工作报告", "财政预算执行情况和预算草案的报告", "财政决算报告"),
    ELECTION: ("选举镇人民代表大会主席、副主席", "选举镇人民代表大会主席团成员", "选举镇长、副镇长"),
    DECISION: ("关于批准财政预算的决议", "关于政府工作报告的决议", "关于主席团工作报告的决议"),
    PROJECTS: ("票决年度民生实事项目",),
    OTHER: (),
}
ELECTION_POSTS = ("主席", "副主席", "主席团成员", "镇长", "副镇长")
PRESIDIUM_POSTS = {"主席": "主席", "副主席": "副主席", "主席团成员": "成员"}
VOTED_KINDS = (REPORT, DECISION, PROJECTS, OTHER)  # an election has candidates instead


def session_title(town: str, term_name: str, number: int) -> str:
    """青石镇第十九届人民代表大会第一次会议."""
    return f"{town}{term_name}人民代表大会第{chinese_number(number)}次会议"


@dataclass(frozen=True)
class SessionInput:
    term_id: int | None
    kind: str
    starts_on: date | None
    ends_on: date | None
    place: str = ""
    chair: str = ""
    notes: str = ""


@dataclass(frozen=True)
class SessionTally:
    """Attendance against all deputies of the term on the session's first day, and the rules."""

    total: int
    present: int
    excused: int
    absent: int
    quorum_rule: str
    quorum_met: bool
    needed_to_pass: int  # 赞成 votes (or an election's votes) a decision needs
    pass_rule: str = ""

    @property
    def text(self) -> str:
        return (f"应到{self.total}人，实到{self.present}人，请假{self.excused}人，缺席{self.absent}人"
                f"（{'符合' if self.quorum_met else '不足'}法定人数：{self.quorum_rule}）")


@dataclass(frozen=True)
class SessionRow:
    id: int
    term_id: int
    term_name: str
    number: int
    title: str
    kind: str
    starts_on: date
    ends_on: date
    place: str
    present: int
    total: int
    quorum_met: bool
    items: int

    @property
    def dates_text(self) -> str:
        if self.starts_on == self.ends_on:
            return f"{self.starts_on:%Y-%m-%d}"
        return f"{self.starts_on:%Y-%m-%d}至{self.ends_on:%Y-%m-%d}"


@dataclass(frozen=True)
class AttendeeRow:
    id: int
    representative_id: int | None
    role: str
    name: str
    unit_post: str
    group_name: str
    attendance: str
    reason: str


@dataclass(frozen=True)
class CandidateRow:
    id: int
    name: str
    post: str
    representative_id: int | None
    votes: int | None
    elected: bool


@dataclass(frozen=True)
class DocumentRow:
    id: int
    file_name: str
    stored_path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class SessionItemRow:
    id: int
    position: int
    kind: str
    title: str
    reporter: str
    decision: str
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    seats: int
    result: str  # 通过 / 未通过 / 未表决, or for an election 已选出N人
    passed: bool
    candidates: tuple[CandidateRow, ...] = ()
    documents: tuple[DocumentRow, ...] = ()

    @property
    def voted(self) -> bool:
        return self.votes_for is not None


@dataclass(frozen=True)
class SessionDetail:
    id: int
    term_id: int
    term_name: str
    term_closed: bool
    number: int
    title: str
    kind: str
    starts_on: date
    ends_on: date
    place: str
    chair: str
    notes: str
    town_name: str
    deputies: tuple[AttendeeRow, ...]
    observers: tuple[AttendeeRow, ...]
    items: tuple[SessionItemRow, ...]
    tally: SessionTally

    @property
    def dates_text(self) -> str:
        if self.starts_on == self.ends_on:
            return f"{self.starts_on.year}年{self.starts_on.month}月{self.starts_on.day}日"
        return (f"{self.starts_on.year}年{self.starts_on.month}月{self.starts_on.day}日至"
                f"{self.ends_on.month}月{self.ends_on.day}日")


@dataclass(frozen=True)
class SessionItemInput:
    kind: str
    title: str
    reporter: str = ""
    decision: str = ""
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None
    seats: int = 1
    candidates: tuple = field(default=())  # (name, post, representative_id | None, votes | None)
