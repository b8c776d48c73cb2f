"""Demo congress sessions of 第十九届: the first session on 28 December 2021 (it elected the
presidium), then two a year (January: the government's and the presidium's reports, the budget and
the livelihood projects; July: the half-year report and the budget adjustment), each with its
attendance (a few 请假, now and then a 缺席), votes and 列席."""

from __future__ import annotations

import random
from datetime import date

from town_office.services import roster, sessions
from town_office.services.roster import units as roster_units
from town_office.services.sessions import agenda
from town_office.services.sessions.types import (
    DECISION,
    ELECTION,
    FIRST,
    OTHER,
    PROJECTS,
    REGULAR,
    REPORT,
    SessionInput,
    SessionItemInput,
)

PLACE = "青石镇人民政府大礼堂"
LEAVE_REASONS = ("外出务工", "生病住院", "参加县里培训", "家中有事", "外出学习")
DATES = (date(2022, 7, 12), date(2023, 1, 10), date(2023, 7, 11), date(2024, 1, 16), date(2024, 7, 9),
         date(2025, 1, 16), date(2025, 7, 10), date(2026, 1, 15), date(2026, 7, 9))


def _votes(rng: random.Random, present: int) -> tuple[int, int, int]:
    against, abstain = rng.randint(0, 2), rng.randint(0, 2)
    return present - against - abstain, against, abstain


def _mark_attendance(rng: random.Random, detail) -> None:
    changes = []
    for deputy in rng.sample(list(detail.deputies), rng.randint(1, 3)):
        changes.append((deputy.id, "请假", rng.choice(LEAVE_REASONS)))
    if rng.random() < 0.3:
        others = [d for d in detail.deputies if d.id not in {c[0] for c in changes}]
        changes.append((rng.choice(others).id, "缺席", ""))
    sessions.set_attendance(detail.id, changes)


def _first_session(rng: random.Random, term_id: int) -> int:
    detail = sessions.create_session(SessionInput(term_id, FIRST, date(2021, 12, 28), date(2021, 12, 29),
                                                  PLACE, "王建国"))
    _mark_attendance(rng, detail)
    detail = sessions.get_session(detail.id)
    present = detail.tally.present
    members = {r.presidium_role: r for r in roster.list_representatives(term_id) if r.presidium_role}
    others = [r for r in roster.list_representatives(term_id) if r.presidium_role == "成员"]
    for title, post, people, seats in (
            ("选举镇人民代表大会主席", "主席", [members["主席"]], 1),
            ("选举镇人民代表大会副主席", "副主席", [members["副主席"]], 1),
            ("选举镇人民代表大会主席团成员", "主席团成员", others, len(others))):
        agenda.add_item(detail.id, SessionItemInput(ELECTION, title, seats=seats, candidates=tuple(
            (r.name, post, r.id, present - rng.randint(0, 2)) for r in people)))
    agenda.add_item(detail.id, SessionItemInput(ELECTION, "选举镇长", seats=1,
                                                candidates=(("周志华", "镇长", None, present - 1),)))
    return detail.id


def _regular_session(rng: random.Random, term_id: int, day: date) -> None:
    detail = sessions.create_session(SessionInput(term_id, REGULAR, day, day, PLACE, "王建国"))
    sessions.add_observer(detail.id, "周志华", "镇人民政府镇长")
    sessions.add_observer(detail.id, "刘明", "镇财政所所长")
    _mark_attendance(rng, detail)
    present = sessions.get_session(detail.id).tally.present
    year = day.year
    if day.month == 1:
        items = ((REPORT, "审议镇人民政府工作报告", "周志华", ""),
                 (REPORT, "审议镇人民代表大会主席团工作报告", "王建国", ""),
                 (DECISION, f"关于{year}年财政预算的决议", "刘明",
                  f"会议审查了镇人民政府提出的{year}年财政预算（草案），同意镇财政所所长刘明所作的报告，"
                  f"批准{year}年镇本级财政预算。\n会议要求，镇人民政府要严格执行预算，加强收支管理，"
                  "确保民生支出，自觉接受镇人民代表大会及其主席团的监督。"),
                 (PROJECTS, f"票决{year}年度民生实事项目", "周志华", ""))
    else:
        items = ((REPORT, f"听取镇人民政府{year}年上半年工作情况报告", "周志华", ""),
                 (DECISION, f"关于{year}年财政预算调整方案的决议", "刘明",
                  f"会议审查并批准了{year}年镇本级财政预算调整方案。"),
                 (OTHER, "听取代表建议办理情况报告", "周志华", ""))
    for kind, title, reporter, text in items:
        counts = _votes(rng, present) if kind != OTHER else (None, None, None)
        agenda.add_item(detail.id, SessionItemInput(kind, title, reporter, text, *counts))


def build() -> dict[str, int]:
    rng = random.Random(21)
    term_id = roster_units.current_term_id(required=True)
    _first_session(rng, term_id)
    for day in DATES:
        _regular_session(rng, term_id, day)
    return {"人代会会议": 1 + len(DATES)}
