"""What the rule-document services hand out and take in, and the timeline rules that say which
version of a document was in force on a day.

A version is a 草案 until it is adopted. After that its state follows from the dates alone, so that
"in force on a day" and "its state today" can never disagree: 已通过 (adopted, not yet effective),
已生效, 已修订 (a later version has taken effect) or 已废止 (repealed on or before the day).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# The six documents every township congress keeps (两规则四办法), in their usual order.
RULE_KINDS = ("乡镇人民代表大会议事规则", "乡镇人大主席团议事规则", "执法检查办法",
              "听取和讨论专项工作报告办法", "视察调研办法", "工作评议办法")
DRAFT, ADOPTED, IN_FORCE, REVISED, REPEALED = "草案", "已通过", "已生效", "已修订", "已废止"
VERSION_STATUSES = (DRAFT, ADOPTED, IN_FORCE, REVISED, REPEALED)

DOCUMENT_LABELS = {"kind": "类别", "title": "标题"}
VERSION_LABELS = {"notes": "说明", "drafted_on": "起草日期", "adopted_on": "通过日期",
                  "adopted_by": "通过会议", "effective_on": "生效日期", "repealed_on": "废止日期",
                  "repeal_reason": "废止原因"}


def default_title(kind: str, town: str) -> str:
    """The title a document of ``kind`` usually carries: 青石镇人民代表大会主席团议事规则."""
    if kind == "乡镇人民代表大会议事规则":
        return f"{town}人民代表大会议事规则"
    if kind == "乡镇人大主席团议事规则":
        return f"{town}人民代表大会主席团议事规则"
    if kind in RULE_KINDS:
        return f"{town}人大主席团{kind}"
    return f"{town}{kind}" if town and not kind.startswith(town) else kind


@dataclass(frozen=True)
class RuleUnit:
    """One unit of a rule's text as entered: a chapter heading or an article (paragraphs on lines)."""

    is_chapter: bool
    text: str


@dataclass(frozen=True)
class NumberedUnit:
    is_chapter: bool
    number: int  # chapters and articles are numbered separately, articles through the whole text
    label: str  # 第一章 / 第一条
    text: str


@dataclass(frozen=True)
class AdoptionInput:
    adopted_on: date | None
    effective_on: date | None
    meeting_id: int | None = None  # a presidium meeting, or
    adopted_by: str = ""  # typed: 青石镇第十九届人民代表大会第一次会议
    session_id: int | None = None  # a congress session of the program (adopted_by is its title)


@dataclass(frozen=True)
class VersionRow:
    id: int
    document_id: int
    number: int
    status: str  # as of today
    notes: str
    drafted_on: date | None
    adopted_on: date | None
    adopted_meeting_id: int | None
    adopted_by: str  # the meeting's title when linked, else the typed text
    effective_on: date | None
    repealed_on: date | None
    repeal_reason: str
    file_name: str
    stored_path: str
    sha256: str
    chapters: int
    articles: int

    @property
    def label(self) -> str:
        return f"第{self.number}版"

    @property
    def adopted(self) -> bool:
        return self.adopted_on is not None


@dataclass(frozen=True)
class DocumentRow:
    """One document with its versions (oldest first) and the version in force on ``on``."""

    id: int | None  # None: one of the six that the town has not started yet
    kind: str
    title: str
    builtin: bool
    versions: tuple[VersionRow, ...]
    on: date
    in_force: VersionRow | None

    @property
    def has_adopted(self) -> bool:
        return any(v.adopted for v in self.versions)

    @property
    def draft(self) -> VersionRow | None:
        return next((v for v in self.versions if not v.adopted), None)

    @property
    def state_text(self) -> str:
        """What the document's state was on ``on``, in a few words."""
        if self.in_force:
            pending = f"；{self.draft.label}草案待通过" if self.draft else ""
            return f"有效（{self.in_force.label}）{pending}"
        adopted = [v for v in self.versions if v.adopted]
        known = [v for v in adopted if v.adopted_on <= self.on]
        pending = [v for v in known if v.effective_on > self.on]
        if pending:
            return f"已通过，{pending[0].effective_on:%Y-%m-%d}起施行"
        if any(v.repealed_on and v.repealed_on <= self.on for v in known):
            return "已废止"
        later = [v for v in adopted if v.adopted_on > self.on]
        if later:
            return f"尚未通过（{later[0].adopted_on:%Y-%m-%d}才通过）"
        if self.draft:
            return "草案待通过"
        return "尚未制定"


@dataclass(frozen=True)
class VersionDetail:
    """A version with its numbered text and the adoption history printed under the title."""

    document_id: int
    kind: str
    title: str
    town_name: str
    version: VersionRow
    units: tuple[NumberedUnit, ...]
    history: tuple[str, ...]  # 2022年1月16日青石镇第十九届人民代表大会第一次会议通过
    notice: str = ""  # printed under the history: 本版本自…起已由第2版取代，仅供查阅


UNCHANGED, RENUMBERED, CHANGED, ADDED, REMOVED = "未改", "仅序号变化", "修改", "新增", "删除"
Segment = tuple[str, bool]  # (text, marked): deleted text on the left, inserted text on the right


@dataclass(frozen=True)
class ComparedUnit:
    change: str
    is_chapter: bool
    left_label: str
    left: tuple[Segment, ...]
    right_label: str
    right: tuple[Segment, ...]

    @property
    def is_change(self) -> bool:
        return self.change in (CHANGED, ADDED, REMOVED)


@dataclass(frozen=True)
class Comparison:
    title: str
    left_label: str  # 第1版（2022年1月16日通过）
    right_label: str
    rows: tuple[ComparedUnit, ...]

    def count(self, change: str) -> int:
        return sum(1 for r in self.rows if r.change == change and not r.is_chapter)

    @property
    def summary(self) -> str:
        return (f"修改{self.count(CHANGED)}条，新增{self.count(ADDED)}条，删除{self.count(REMOVED)}条，"
                f"仅序号变化{self.count(RENUMBERED)}条，未改{self.count(UNCHANGED)}条")


# --- the timeline --------------------------------------------------------------------------------

def in_force_on(versions, day: date):
    """The adopted version that was in force on ``day``, or None.

    The latest version whose effective date is on or before the day, unless it was repealed on
    or before the day. Works on anything with ``adopted_on``, ``effective_on``, ``repealed_on``
    and ``number`` (model rows or ``VersionRow``).
    """
    started = [v for v in versions if v.adopted_on is not None and v.effective_on is not None
               and v.effective_on <= day]
    if not started:
        return None
    latest = max(started, key=lambda v: (v.effective_on, v.number))
    if latest.repealed_on is not None and latest.repealed_on <= day:
        return None
    return latest


def status_on(version, versions, day: date) -> str:
    """草案 / 已通过 / 已生效 / 已修订 / 已废止 of ``version`` on ``day``."""
    if version.adopted_on is None:
        return DRAFT
    if version.repealed_on is not None and version.repealed_on <= day:
        return REPEALED
    if version.effective_on > day:
        return ADOPTED
    current = in_force_on(versions, day)
    return IN_FORCE if current is not None and current.number == version.number else REVISED
