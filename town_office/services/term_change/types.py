"""Data of the change of term (换届): the assistant's five steps and what each shows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

STEPS = ("届末整理", "新一届", "新一届代表", "第一次会议", "规则文件")
CARRY, CLOSE = "转入新一届", "关闭"
FOLLOWUP, PROBLEM, HAZARD, RULE = "督办事项", "群众诉求", "隐患", "规则文件"


@dataclass(frozen=True)
class OpenItem:
    """Something of the old term still open; ``key`` is ``kind:id``."""

    key: str
    kind: str
    title: str
    status: str
    deadline: date | None
    closable: bool  # hazards are closed only by their review; rules are handled in step 5
    choice: str


@dataclass(frozen=True)
class NewDeputy:
    """A deputy of the new term and the mandate of the old term it continues (连任), if any."""

    representative_id: int
    name: str
    group_name: str
    earlier_term: str  # 第十九届 for a 连任 deputy, "" for one newly elected


@dataclass(frozen=True)
class TermChangeState:
    id: int
    old_term_id: int
    old_term_name: str
    old_term_ends_on: date | None
    new_term_id: int | None
    new_term_name: str
    election_day: date | None
    first_session_on: date | None
    first_session_id: int | None
    steps_done: tuple[int, ...]
    package_folder: str
    old_deputies_serving: int  # old-term mandates not yet ended
    new_deputies: tuple[NewDeputy, ...]
    finished: bool

    @property
    def next_step(self) -> int:
        """The first step not done (1–5), or 6 when all are."""
        return next((n for n in range(1, 6) if n not in self.steps_done), 6)

    @property
    def re_elected(self) -> int:
        return sum(1 for d in self.new_deputies if d.earlier_term)
