"""What the training services hand out and take in: session rows and details, the input form, the
ways of choosing who is expected, and the statistics of a year."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

ORGANISERS = ("县人大常委会", "镇人大主席团", "代表小组")
FIRST_TRAINING = "初任培训"

# Ways to choose the expected attendees of a session.
ALL_TOWN, BY_GROUP, NEW_DEPUTIES, COUNTY_DEPUTIES = "全体在任镇人大代表", "一个代表小组", "新任代表", "居住在本镇的县人大代表"
CHOOSERS = (ALL_TOWN, BY_GROUP, NEW_DEPUTIES, COUNTY_DEPUTIES)

SESSION_LABELS = {
    "title": "培训名称", "kind": "培训类型", "organiser": "组织单位", "held_on": "培训日期",
    "hours": "学时", "place": "培训地点", "lecturer": "授课人", "lecturer_post": "授课人职务",
    "topics": "培训内容",
}


@dataclass(frozen=True)
class SessionInput:
    title: str
    kind: str
    organiser: str
    held_on: date | None
    hours: float
    place: str = ""
    lecturer: str = ""
    lecturer_post: str = ""
    topics: str = ""


@dataclass(frozen=True)
class SessionRow:
    """One line of the sessions list."""

    id: int
    title: str
    kind: str
    organiser: str
    held_on: date
    hours: float
    place: str
    lecturer: str
    expected: int
    present: int
    excused: int
    absent: int

    @property
    def hours_text(self) -> str:
        return hours_text(self.hours)


@dataclass(frozen=True)
class TrainingAttendeeRow:
    id: int
    representative_id: int
    name: str
    group_name: str
    work_unit_post: str
    attendance: str
    reason: str


@dataclass(frozen=True)
class MaterialRow:
    id: int
    file_name: str
    stored_path: str
    size: int


@dataclass(frozen=True)
class SessionDetail:
    """A whole session: what the dialog shows and the papers print."""

    id: int
    town_name: str
    title: str
    kind: str
    organiser: str
    held_on: date
    hours: float
    place: str
    lecturer: str
    lecturer_post: str
    topics: str
    attendees: tuple[TrainingAttendeeRow, ...]
    materials: tuple[MaterialRow, ...] = ()

    def count(self, attendance: str) -> int:
        return sum(1 for a in self.attendees if a.attendance == attendance)

    @property
    def counts_text(self) -> str:
        return (f"应参加{len(self.attendees)}人，出席{self.count('出席')}人，"
                f"请假{self.count('请假')}人，缺席{self.count('缺席')}人")


@dataclass(frozen=True)
class DeputyTrainingStat:
    """One deputy's training in a year."""

    representative_id: int
    name: str
    group_name: str
    status: str
    serving_at_end: bool
    sessions: int
    hours: float
    excused: int
    absent: int
    is_new: bool
    had_first_training: bool


@dataclass(frozen=True)
class GroupTrainingStat:
    group_name: str
    serving: int
    trained: int
    sessions_attended: int
    hours: float

    @property
    def coverage(self) -> float:
        return self.trained / self.serving if self.serving else 0.0


@dataclass(frozen=True)
class TrainingYearStats:
    """A year of training: per deputy, per group, coverage and new deputies lacking 初任培训."""

    year: int
    period_end: date
    sessions: tuple[SessionRow, ...]
    deputies: tuple[DeputyTrainingStat, ...]
    groups: tuple[GroupTrainingStat, ...]
    serving: int
    trained: int
    new_without_first: tuple[DeputyTrainingStat, ...]

    @property
    def coverage(self) -> float:
        return self.trained / self.serving if self.serving else 0.0

    @property
    def total_hours(self) -> float:
        return sum(s.hours for s in self.sessions)


def hours_text(hours: float) -> str:
    """3.0 -> 3, 1.5 -> 1.5."""
    return f"{hours:g}"
