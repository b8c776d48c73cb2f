"""The presidium's counting rules, as pure functions: quorum, whether a vote passes, the vote-count
check and the follow-up extension limit. The rules themselves are settings (see ``settings.py``)."""

from __future__ import annotations

import calendar
from datetime import date

from town_office.errors import FieldProblem
from town_office.services.meetings.types import ABSENT, EXCUSED, PRESENT, Tally
from town_office.services.settings import PASS_RULES, QUORUM_RULES


def quorum_met(rule: str, members: int, present: int) -> bool:
    """Whether ``present`` of ``members`` satisfies the quorum rule (全体成员过半数出席 by default)."""
    if members <= 0:
        return False
    if rule == QUORUM_RULES[1]:  # 三分之二以上 includes exactly two thirds
        return present * 3 >= members * 2
    return present * 2 > members


def votes_needed(rule: str, members: int, present: int) -> int:
    """The smallest number of 赞成 votes that passes under ``rule``."""
    if rule == PASS_RULES[1]:  # 出席成员过半数
        return present // 2 + 1
    if rule == PASS_RULES[2]:  # 全体成员三分之二以上
        return -(-members * 2 // 3)
    return members // 2 + 1


def vote_passes(rule: str, members: int, present: int, votes_for: int) -> bool:
    return votes_for >= votes_needed(rule, members, present)


def vote_problems(present: int, votes_for, votes_against, votes_abstain,
                  row: int | None = None) -> list[FieldProblem]:
    """The 赞成 / 反对 / 弃权 counts must be whole numbers ≥ 0 adding up to at most those present."""
    problems = []
    counts = {"赞成": votes_for, "反对": votes_against, "弃权": votes_abstain}
    for label, value in counts.items():
        if value is None:
            problems.append(FieldProblem(label, "请填写票数（没有请填0）", row))
        elif value < 0:
            problems.append(FieldProblem(label, "票数不能为负数", row))
    if not problems and sum(counts.values()) > present:
        problems.append(FieldProblem(
            "赞成", f"赞成、反对、弃权合计{sum(counts.values())}票，超过实到成员{present}人，请核对", row))
    return problems


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, or the month's last day when it is shorter (1月31日 + 1 = 2月28日)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def latest_allowed_deadline(original: date, limit_months: int) -> date:
    """The latest deadline an extension may set: the original deadline plus the setting's months."""
    return add_months(original, limit_months)


def months_between(start: date, end: date) -> float:
    """Roughly how many months lie between two dates (for "已延期约N个月")."""
    return round((end - start).days / 30.44, 1)


def numbering_out_of_order(meetings: list[tuple[int, date]]) -> list[str]:
    """Meetings of one term whose 会次 contradict their dates, as sentences (empty when in order):
    a meeting numbered higher but held earlier than another usually means a number typed wrong."""
    ordered = sorted(meetings)
    found = []
    for (number, held_on), (later_number, later_on) in zip(ordered, ordered[1:]):
        if later_on < held_on:
            found.append(f"第{later_number}次会议（{later_on}）早于第{number}次会议（{held_on}）")
    return found


def tally_from(attendances: list[str], quorum_rule: str) -> Tally:
    """应到/实到/请假/缺席 and the quorum verdict from each member's attendance (as saved, or as marked
    on screen before saving)."""
    present = attendances.count(PRESENT)
    return Tally(len(attendances), present, attendances.count(EXCUSED), attendances.count(ABSENT),
                 quorum_met(quorum_rule, len(attendances), present), quorum_rule)
