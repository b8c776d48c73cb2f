"""Data of the performance file (一人一档): the eight sections, the activities filed in them and the
archive entries the clerk adds by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

SECTION_TITLES = {1: "基本情况", 2: "参加人大会议", 3: "视察、调研、执法检查", 4: "学习培训",
                  5: "代表小组活动", 6: "提出建议和意见", 7: "向选民述职、接受监督", 8: "表彰奖励"}
SECTION_MARKS = "①②③④⑤⑥⑦⑧"

# Kinds of hand-made entries: the section each goes to by default, and what it counts as in the
# annual assessment (see services/assessment_sources.py).
ENTRY_KINDS = {
    "参加人代会": (2, "congress_session"),
    "视察调研": (3, "inspection_joined"),
    "学习培训": (4, "training_present"),
    "代表小组活动": (5, "group_activity"),
    "提出建议": (6, "suggestion"),
    "向选民述职": (7, "report_to_voters"),
    "接待选民": (7, "reception"),
    "表彰奖励": (8, "award"),
    "其他履职": (5, "other_duty"),
}


@dataclass(frozen=True)
class Activity:
    """One line of a section: what the deputy did, from another module or an archive entry.

    ``source`` says what it counts as in the assessment; ``units`` carries hours (training) or
    households (visits); ``record_table``/``record_id`` lead back to the record itself.
    """

    section: int
    on: date
    category: str
    content: str
    status: str
    source: str
    record_table: str
    record_id: int
    units: float = 0.0
    origin: str = ""  # 主席团会议 / 代表培训 / 走访日志 / 问题清单 / 执法检查 / 档案登记


@dataclass(frozen=True)
class ArchiveEntryRow:
    id: int
    representative_id: int
    happened_on: date
    kind: str
    section: int
    description: str
    file_name: str
    stored_path: str


@dataclass
class ArchiveEntryInput:
    happened_on: date | None
    kind: str
    section: int
    description: str
    attachment: Path | None = None  # a new file to attach (None keeps the current one)
    remove_attachment: bool = False


@dataclass(frozen=True)
class ArchiveSection:
    number: int
    title: str
    activities: tuple[Activity, ...]

    @property
    def heading(self) -> str:
        return f"{SECTION_MARKS[self.number - 1]} {self.title}"


@dataclass(frozen=True)
class DeputyArchive:
    """Everything one deputy's file shows for one period."""

    deputy: object  # roster RepresentativeRow
    town: str
    term_name: str
    period_label: str  # 2026年度 / 第十九届（2021—2026年）
    start: date
    end: date
    sections: tuple[ArchiveSection, ...]  # ② to ⑧ (① is the deputy's own data)
    summary: tuple[tuple[str, str], ...]  # the 履职登记表 lines: (项目, 情况)
    grade: str = ""  # the frozen assessment of the year, when there is one
