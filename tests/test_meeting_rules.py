"""The presidium's counting rules under every setting, and the month arithmetic of extensions."""

from datetime import date

import pytest

from town_office.services.meetings.rules import (
    add_months,
    latest_allowed_deadline,
    quorum_met,
    vote_passes,
    vote_problems,
    votes_needed,
)
from town_office.services.settings import PASS_RULES, QUORUM_RULES

HALF, TWO_THIRDS = QUORUM_RULES


@pytest.mark.parametrize("rule, members, present, met", [
    (HALF, 7, 4, True), (HALF, 7, 3, False), (HALF, 8, 4, False), (HALF, 8, 5, True),
    (TWO_THIRDS, 9, 6, True), (TWO_THIRDS, 9, 5, False), (TWO_THIRDS, 7, 5, True),
    (TWO_THIRDS, 7, 4, False), (HALF, 0, 0, False),
])
def test_quorum(rule, members, present, met):
    assert quorum_met(rule, members, present) is met


@pytest.mark.parametrize("rule, members, present, needed", [
    (PASS_RULES[0], 7, 5, 4), (PASS_RULES[0], 8, 8, 5),  # 全体成员过半数
    (PASS_RULES[1], 7, 5, 3), (PASS_RULES[1], 8, 6, 4),  # 出席成员过半数
    (PASS_RULES[2], 9, 9, 6), (PASS_RULES[2], 7, 7, 5),  # 全体成员三分之二以上
])
def test_votes_needed(rule, members, present, needed):
    assert votes_needed(rule, members, present) == needed
    assert vote_passes(rule, members, present, needed)
    assert not vote_passes(rule, members, present, needed - 1)


def test_all_members_rule_counts_absent_members_against():
    """4 of 7 present all voting yes passes only under the 'all members' majority, barely."""
    assert vote_passes(PASS_RULES[0], 7, 4, 4)
    assert not vote_passes(PASS_RULES[0], 7, 5, 3)
    assert vote_passes(PASS_RULES[1], 7, 5, 3)


def test_vote_counts_must_fit_those_present():
    assert vote_problems(5, 3, 1, 1) == []
    [problem] = vote_problems(5, 4, 1, 1)
    assert "超过实到成员5人" in problem.message
    assert {p.field for p in vote_problems(5, None, -1, 0)} == {"赞成", "反对"}


def test_months_are_calendar_months():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 3) == date(2027, 3, 15)
    assert latest_allowed_deadline(date(2026, 6, 30), 6) == date(2026, 12, 30)
