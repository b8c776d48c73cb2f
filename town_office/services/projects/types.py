"""Data of the livelihood projects chosen by the deputies' vote (民生实事票决)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

STAGES = ("征集", "初定", "票决", "监督", "评估")
PROPOSERS = ("代表", "镇人民政府", "选民")
RATINGS = ("满意", "基本满意", "不满意")


@dataclass(frozen=True)
class ProjectInput:
    name: str
    area: str = ""
    investment: float = 0
    funding: str = ""
    description: str = ""
    planned_on: date | None = None
    proposer_kind: str = "镇人民政府"
    proposer_id: int | None = None
    problem_id: int | None = None


@dataclass(frozen=True)
class ProjectRow:
    id: int
    year: int
    name: str
    area: str
    investment: float
    funding: str
    description: str
    planned_on: date | None
    proposer_kind: str
    proposer_name: str
    problem_id: int | None
    shortlisted: bool
    votes: int | None
    second_votes: int | None
    chosen: bool
    progress: int
    completed_on: date | None
    rank: int | None  # place in the vote (ties share a place)
    ratings: dict  # rating -> count

    @property
    def satisfaction_rate(self) -> float | None:
        total = sum(self.ratings.values())
        return (self.ratings.get("满意", 0) + self.ratings.get("基本满意", 0)) / total if total else None


@dataclass(frozen=True)
class RoundRow:
    year: int
    quota: int
    stage: str
    session_title: str
    item_id: int | None
    present: int  # deputies present at the vote
    tied: tuple[str, ...]  # names tied at the last place, waiting for a second round
