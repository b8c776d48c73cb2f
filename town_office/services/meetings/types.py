"""What the meeting services hand out and take in: frozen rows for lists and the meeting page, input
forms for saving, and the choice lists (kinds, statuses, attendance)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from town_office.reports.chinese_numbers import chinese_number

KINDS = ("例会", "临时会议")
PREPARING, HELD, FINALISED = "筹备", "已召开", "纪要定稿"
STATUSES = (PREPARING, HELD, FINALISED)
PRESENT, EXCUSED, ABSENT = "出席", "请假", "缺席"
ATTENDANCE = (PRESENT, EXCUSED, ABSENT)
MEMBER, OBSERVER = "成员", "列席"
ASSIGNED, IN_PROGRESS, EXTENDED, DONE = "交办", "办理中", "延期", "已办结"
FOLLOWUP_STATUSES = (ASSIGNED, IN_PROGRESS, EXTENDED, DONE)
OPEN_FOLLOWUP_STATUSES = (ASSIGNED, IN_PROGRESS, EXTENDED)
PASSED, NOT_PASSED = "通过", "未通过"
REVIEW_ITEM_TITLE = "听取上次会议议定事项落实情况的汇报"

MEETING_LABELS = {
    "number": "会次", "kind": "会议类型", "held_on": "会议日期", "starts_at": "开始时间",
    "ends_at": "结束时间", "place": "会议地点", "chair": "主持人", "recorder": "记录人",
    "summary": "会议概况", "minutes_issue": "纪要期号", "minutes_date": "纪要日期",
}
AGENDA_LABELS = {
    "title": "议题", "reporter": "汇报人", "discussion": "审议意见", "decision": "议定事项",
    "voted": "是否表决", "votes_for": "赞成", "votes_against": "反对", "votes_abstain": "弃权",
    "vote_result": "表决结果",
}
FOLLOWUP_LABELS = {
    "content": "督办内容", "handling_unit": "承办单位", "responsible": "责任人", "deadline": "办理时限",
    "status": "办理状态", "result": "办理结果", "done_on": "办结日期",
}


def meeting_title(town_name: str, term_name: str, number: int) -> str:
    """青石镇第十九届人大主席团第三次会议."""
    return f"{town_name}{term_name}人大主席团第{chinese_number(number)}次会议"


@dataclass(frozen=True)
class Tally:
    """应到 / 实到 / 请假 / 缺席 of the presidium members, and whether quorum is reached."""

    expected: int
    present: int
    excused: int
    absent: int
    quorum_met: bool
    quorum_rule: str

    @property
    def text(self) -> str:
        return f"应到{self.expected}人，实到{self.present}人，请假{self.excused}人，缺席{self.absent}人"


@dataclass(frozen=True)
class MeetingRow:
    """One line of the meetings list."""

    id: int
    term_id: int
    term_name: str
    number: int
    title: str
    kind: str
    held_on: date
    starts_at: str
    place: str
    status: str
    expected: int
    present: int
    item_count: int
    open_followups: int

    @property
    def quarter(self) -> int:
        return (self.held_on.month - 1) // 3 + 1


@dataclass(frozen=True)
class AttendeeRow:
    id: int
    role: str  # 成员 / 列席
    representative_id: int | None
    name: str
    unit_post: str
    presidium_role: str
    attendance: str
    reason: str


@dataclass(frozen=True)
class MaterialRow:
    id: int
    file_name: str
    stored_path: str
    size: int
    sha256: str


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    agenda_item_id: int
    meeting_id: int
    meeting_title: str
    meeting_number: int
    content: str
    handling_unit: str
    responsible: str
    original_deadline: date
    deadline: date
    status: str
    result: str
    done_on: date | None
    extended_months_used: float
    extension_notes: tuple[str, ...] = ()

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_FOLLOWUP_STATUSES

    def is_overdue(self, today: date) -> bool:
        return self.is_open and self.deadline < today

    def days_left(self, today: date) -> int:
        return (self.deadline - today).days


@dataclass(frozen=True)
class AgendaItemRow:
    id: int
    position: int
    title: str
    reporter: str
    discussion: str
    decision: str
    voted: bool
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    vote_result: str
    reviews_followups: bool
    materials: tuple[MaterialRow, ...] = ()
    followups: tuple[FollowUpRow, ...] = ()

    @property
    def vote_text(self) -> str:
        if not self.voted:
            return ""
        return (f"赞成{self.votes_for or 0}票，反对{self.votes_against or 0}票，"
                f"弃权{self.votes_abstain or 0}票，{self.vote_result}")


@dataclass(frozen=True)
class FiledMinutesRow:
    id: int
    stored_path: str
    sha256: str
    size: int
    filed_at: object
    withdrawn_at: object
    withdraw_reason: str


@dataclass(frozen=True)
class MeetingDetail:
    """Everything about one meeting: what the meeting page shows and every paper prints."""

    id: int
    term_id: int
    term_name: str
    town_name: str
    number: int
    title: str
    kind: str
    held_on: date
    starts_at: str
    ends_at: str
    place: str
    chair: str
    recorder: str
    summary: str
    status: str
    minutes_issue: int | None
    minutes_date: date | None
    members: tuple[AttendeeRow, ...]
    observers: tuple[AttendeeRow, ...]
    items: tuple[AgendaItemRow, ...]
    tally: Tally
    pass_rule: str
    reviewed_followups: tuple[FollowUpRow, ...] = ()  # open ones from earlier meetings
    filed_minutes: tuple[FiledMinutesRow, ...] = ()
    copy_to: str = ""  # 纪要 版记 抄送, from the settings

    @property
    def locked(self) -> bool:
        return self.status == FINALISED

    @property
    def in_preparation(self) -> bool:
        """Not held yet: its record and 纪要 can only be drafts, with no attendance as fact."""
        return self.status == PREPARING

    @property
    def time_text(self) -> str:
        return f"{self.starts_at}—{self.ends_at}" if self.ends_at else self.starts_at

    def names(self, attendance: str) -> list[str]:
        return [m.name for m in self.members if m.attendance == attendance]


@dataclass(frozen=True)
class MeetingInput:
    """The header fields of a meeting as the dialog hands them over."""

    held_on: date
    kind: str = "例会"
    number: int | None = None  # None: the next number in the term
    starts_at: str = "09:00"
    ends_at: str = ""
    place: str = ""
    chair: str = ""
    recorder: str = ""
    summary: str = ""
    minutes_issue: int | None = None
    minutes_date: date | None = None
    term_id: int | None = None  # None: the current term


@dataclass(frozen=True)
class AgendaItemInput:
    title: str
    reporter: str = ""
    discussion: str = ""
    decision: str = ""
    voted: bool = False
    votes_for: int | None = None
    votes_against: int | None = None
    votes_abstain: int | None = None


@dataclass(frozen=True)
class FollowUpInput:
    content: str
    deadline: date | None
    handling_unit: str = ""
    responsible: str = ""


@dataclass(frozen=True)
class QuarterStatus:
    """How many meetings were held in one quarter, and whether the quarter is over."""

    quarter: int
    held: int
    planned: int
    over: bool

    @property
    def missing(self) -> bool:
        return self.held == 0


@dataclass(frozen=True)
class AttendanceChange:
    attendee_id: int
    attendance: str
    reason: str = ""


@dataclass(frozen=True)
class ObserverInput:
    name: str
    unit_post: str = ""
    representative_id: int | None = None


@dataclass(frozen=True)
class FollowUpFilter:
    open_only: bool = False
    overdue_only: bool = False
    meeting_id: int | None = None
    statuses: tuple[str, ...] = ()
