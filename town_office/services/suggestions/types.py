"""Data of the deputies' suggestions (代表建议): states, answer classes, and what views and papers get."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

REGISTERED, ASSIGNED, ANSWERED, REDO, CLOSED = "登记", "已交办", "已答复", "重新办理", "已办结"
STATUSES = (REGISTERED, ASSIGNED, ANSWERED, REDO, CLOSED)
OPEN_STATUSES = (ASSIGNED, REDO)  # waiting for the unit's answer: these can be overdue
GRADES = ("一般", "重点")
ANSWER_CLASSES = {"A": "已解决", "B": "正在解决", "C": "列入计划逐步解决", "D": "留作参考"}
PROMISING = ("B", "C")  # answers that promise something by a date
SATISFACTION = ("满意", "基本满意", "不满意")
UNSATISFIED = "不满意"
RECESS = "闭会"


@dataclass(frozen=True)
class SuggestionInput:
    lead_id: int | None
    title: str
    content: str
    category: str = ""
    submitted_on: date | None = None
    session_id: int | None = None  # handed in at this congress session; None: in recess
    cosigner_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class AssignInput:
    assigned_on: date | None
    main_unit: str
    co_units: str = ""
    grade: str = "一般"
    responsible_id: int | None = None
    complex: bool = False


@dataclass(frozen=True)
class AnswerInput:
    answer_class: str
    answered_on: date | None
    text: str
    promised_on: date | None = None
    reply_file: str = ""  # a file to attach (the unit's reply letter)


@dataclass(frozen=True)
class AnswerRow:
    round: int
    answer_class: str
    answered_on: date
    text: str
    deadline: date | None
    promised_on: date | None
    file_name: str
    stored_path: str
    satisfaction: str
    opinion: str
    feedback_on: date | None

    @property
    def on_time(self) -> bool:
        return self.deadline is None or self.answered_on <= self.deadline

    @property
    def class_text(self) -> str:
        return f"{self.answer_class}类（{ANSWER_CLASSES.get(self.answer_class, '')}）"


@dataclass(frozen=True)
class SuggestionRow:
    id: int
    number: str
    year: int
    session_id: int | None
    lead_id: int
    lead_name: str
    cosigners: tuple[str, ...]
    cosigner_ids: tuple[int, ...]
    title: str
    content: str
    category: str
    submitted_on: date
    main_unit: str
    co_units: str
    grade: str
    responsible_id: int | None
    responsible_name: str
    complex: bool
    assigned_on: date | None
    deadline: date | None
    status: str
    excellent: bool
    excellent_reason: str
    problem_id: int | None
    answers: tuple[AnswerRow, ...] = ()

    @property
    def last_answer(self) -> AnswerRow | None:
        return self.answers[-1] if self.answers else None

    @property
    def satisfaction(self) -> str:
        return self.last_answer.satisfaction if self.last_answer else ""

    def days_left(self, today: date) -> int | None:
        if self.status not in OPEN_STATUSES or self.deadline is None:
            return None
        return (self.deadline - today).days

    def overdue(self, today: date) -> bool:
        left = self.days_left(today)
        return left is not None and left < 0

    @property
    def signers_text(self) -> str:
        return self.lead_name + (f"（附议：{'、'.join(self.cosigners)}）" if self.cosigners else "")


@dataclass(frozen=True)
class SuggestionFilter:
    year: int | None = None
    status: str = ""
    overdue_only: bool = False
    unit: str = ""
    text: str = ""
    signer_id: int | None = None  # only those this deputy led or co-signed


@dataclass(frozen=True)
class RateLine:
    """One line of the statistics: 件数, 按期答复, 办结, 满意 (of those with the deputy's opinion)."""

    label: str
    count: int
    answered: int
    on_time: int
    closed: int
    opinions: int
    satisfied: int

    @staticmethod
    def rate(part: int, whole: int) -> str:
        return f"{part / whole:.1%}" if whole else "—"


@dataclass(frozen=True)
class SuggestionStats:
    year: int
    total: RateLine
    by_class: tuple[RateLine, ...]
    by_unit: tuple[RateLine, ...]
