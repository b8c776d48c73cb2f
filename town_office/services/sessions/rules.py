"""The congress's counting rules, as pure functions: quorum (more than two thirds of all deputies
present, a setting), whether a vote passes and who is elected (more than half of ALL deputies, a
setting), and the vote-count check."""

from __future__ import annotations

from town_office.errors import FieldProblem
from town_office.services.settings import CONGRESS_PASS_RULES, CONGRESS_QUORUM_RULES


def quorum_met(rule: str, total: int, present: int) -> bool:
    """Whether ``present`` of ``total`` deputies may hold the session."""
    if total <= 0:
        return False
    if rule == CONGRESS_QUORUM_RULES[1]:  # 三分之二以上（含本数）
        return present * 3 >= total * 2
    if rule == CONGRESS_QUORUM_RULES[2]:  # 过半数
        return present * 2 > total
    return present * 3 > total * 2  # 超过全体代表的三分之二


def votes_needed(rule: str, total: int, present: int) -> int:
    """The fewest 赞成 votes (or, in an election, votes for a candidate) that pass."""
    if rule == CONGRESS_PASS_RULES[1]:  # 出席代表过半数
        return present // 2 + 1
    return total // 2 + 1  # 全体代表过半数


def vote_problems(present: int, votes_for, votes_against, votes_abstain) -> list[FieldProblem]:
    """赞成 / 反对 / 弃权: whole numbers ≥ 0, all three or none, adding up to at most those present."""
    counts = {"赞成": votes_for, "反对": votes_against, "弃权": votes_abstain}
    if all(v is None for v in counts.values()):
        return []
    problems = [FieldProblem(label, "请填写票数（没有请填0）") for label, v in counts.items() if v is None]
    problems += [FieldProblem(label, "票数不能为负数") for label, v in counts.items()
                 if v is not None and v < 0]
    if not problems and sum(counts.values()) > present:
        problems.append(FieldProblem("赞成", f"赞成、反对、弃权合计{sum(counts.values())}票，"
                                           f"超过出席代表{present}人，请核对"))
    return problems


def elected_positions(votes: list[int | None], seats: int, needed: int) -> set[int]:
    """Which candidates (by index) are elected: at least ``needed`` votes, the most votes first, up
    to ``seats``; a tie at the last seat elects neither (a further round decides)."""
    ranked = sorted(((v, i) for i, v in enumerate(votes) if v is not None and v >= needed), reverse=True)
    chosen = ranked[:seats]
    if len(ranked) > seats and chosen and ranked[seats][0] == chosen[-1][0]:
        tied = chosen[-1][0]
        chosen = [c for c in chosen if c[0] != tied]
    return {i for _, i in chosen}


def ballot_problems(present: int, votes: list[int | None], seats: int) -> list[FieldProblem]:
    """An election's counts: whole numbers ≥ 0, none above those present, and no more votes cast in
    all than present × seats (each ballot marks at most ``seats`` names)."""
    problems = []
    for number, v in enumerate(votes, 1):
        if v is not None and v < 0:
            problems.append(FieldProblem("得票", f"第{number}名候选人：票数不能为负数"))
        elif v is not None and v > present:
            problems.append(FieldProblem("得票", f"第{number}名候选人：得票{v}超过出席代表{present}人"))
    if not problems and sum(v or 0 for v in votes) > present * seats:
        problems.append(FieldProblem("得票", f"得票合计{sum(v or 0 for v in votes)}，超过出席代表{present}人"
                                           f"×应选{seats}名，请核对"))
    return problems
