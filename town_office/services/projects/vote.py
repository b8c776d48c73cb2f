"""The vote on the year's shortlisted projects at a congress session's 民生实事票决 item: the votes
each candidate received from the deputies present (none above those present; no ballot marks more
than the year's number), the projects chosen by rank up to that number, and — when candidates tie
at the last place — a second round among them, recorded, before anything is chosen."""

from __future__ import annotations

from town_office.errors import FieldProblem, ValidationError
from town_office.models import Project, ProjectYear, SessionItem
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.projects import list_projects, round_of
from town_office.services.projects.types import ProjectRow, RoundRow
from town_office.services.sessions import get_session
from town_office.services.sessions.types import PROJECTS, SessionDetail


def vote_session(year: int) -> SessionDetail | None:
    row = round_of(year)
    return get_session(SessionItem.get_by_id(row.item_id).session_id) if row.item_id else None


def _order(p: Project) -> tuple:
    return (-(p.votes or 0), -(p.second_votes or 0))


def tied_at_the_cut(year: int) -> list[Project]:
    """The candidates sharing the last chosen place with one left out (empty when the cut is clear)."""
    quota = round_of(year).quota
    voted = sorted((p for p in Project.select().where((Project.year == year) & Project.votes.is_null(False))),
                   key=_order)
    if len(voted) <= quota:
        return []
    cut = _order(voted[quota - 1])
    if _order(voted[quota]) != cut:
        return []
    return [p for p in voted if _order(p) == cut]


def _choose(year: int) -> None:
    quota = round_of(year).quota
    voted = sorted((p for p in Project.select().where((Project.year == year) & Project.votes.is_null(False))),
                   key=_order)
    chosen = [] if tied_at_the_cut(year) else [p.id for p in voted[:quota]]
    Project.update(chosen=Project.id.in_(chosen or [0])).where(Project.year == year).execute()
    if chosen:
        ProjectYear.update(stage="监督").where(ProjectYear.year == year).execute()


def record_votes(year: int, item_id: int, votes: dict[int, int]) -> list[ProjectRow]:
    """The first round: every shortlisted candidate's votes, at the session's 民生实事票决 item."""
    row = round_of(year)
    item = SessionItem.get_or_none(SessionItem.id == item_id)
    problems = []
    if item is None or item.kind != PROJECTS:
        problems.append(FieldProblem("票决会议", "请选择人代会议程中的“民生实事票决”一项"))
    else:
        session = get_session(item.session_id)
        if not session.tally.quorum_met:
            problems.append(FieldProblem("票决会议", f"出席代表不足法定人数（{session.tally.text}），不能票决"))
        shortlisted = {p.id: p.name for p in Project.select().where((Project.year == year) & Project.shortlisted)}
        missing = [name for pid, name in shortlisted.items() if votes.get(pid) is None]
        if missing:
            problems.append(FieldProblem("得票", f"请填写每个候选项目的得票：{'、'.join(missing)}"))
        for pid, count in votes.items():
            if pid not in shortlisted:
                problems.append(FieldProblem("得票", "只有初定的候选项目可以计票"))
            elif count is not None and not 0 <= count <= session.tally.present:
                problems.append(FieldProblem("得票", f"{shortlisted[pid]}：得票应在0至出席代表{session.tally.present}人之间"))
        if not problems and sum(votes.values()) > session.tally.present * row.quota:
            problems.append(FieldProblem("得票", f"得票合计{sum(votes.values())}，超过出席代表{session.tally.present}人×"
                                                 f"每票最多选{row.quota}项，请核对"))
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        for pid, count in votes.items():
            Project.update(votes=count, second_votes=None).where(Project.id == pid).execute()
        ProjectYear.update(item=item_id, stage="票决").where(ProjectYear.id == row.id).execute()
        _choose(year)
        audit.record("project_round", row.id, "票决", {"计票": (None, sum(votes.values()))})
    return list_projects(year)


def record_second_round(year: int, votes: dict[int, int]) -> list[ProjectRow]:
    """The second round among the candidates tied at the last place."""
    tied = {p.id: p.name for p in tied_at_the_cut(year)}
    if not tied:
        raise ValidationError([FieldProblem("第二轮", "没有并列的候选项目，不需要第二轮投票")])
    if set(votes) != set(tied):
        raise ValidationError([FieldProblem("第二轮", f"第二轮只在并列的项目中进行：{'、'.join(tied.values())}")])
    if len(set(votes.values())) < len(votes) and len(tied) > 1 and max(votes.values()) == sorted(votes.values())[-2]:
        raise ValidationError([FieldProblem("第二轮", "第二轮仍然并列，请再次投票后录入")])
    with database.atomic():
        for pid, count in votes.items():
            Project.update(second_votes=count).where(Project.id == pid).execute()
        _choose(year)
        audit.record("project_round", round_of(year).id, "第二轮投票", {"并列项目": (None, "、".join(tied.values()))})
    return list_projects(year)


def get_round(year: int) -> RoundRow:
    row = round_of(year)
    session = vote_session(year)
    return RoundRow(year, row.quota, row.stage, session.title if session else "", row.item_id,
                    session.tally.present if session else 0, tuple(p.name for p in tied_at_the_cut(year)))


def set_quota(year: int, quota: int) -> RoundRow:
    if not 1 <= quota <= 30:
        raise ValidationError([FieldProblem("票决项目数", "请填写1至30")])
    with database.atomic():
        row = round_of(year)
        if row.stage not in ("征集", "初定"):
            raise ValidationError([FieldProblem("票决项目数", "已经票决，项目数不能再改")])
        ProjectYear.update(quota=quota).where(ProjectYear.id == row.id).execute()
        audit.record("project_round", row.id, "票决项目数", {"项目数": (row.quota, quota)})
    return get_round(year)
