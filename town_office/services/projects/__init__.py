"""Livelihood projects chosen by the deputies' vote (民生实事票决), a year at a time: candidates
(征集, from a deputy, the government or a voter's wish on a visit), the shortlist on the ballot
(初定), the vote at a congress session's 民生实事票决 item (票决: votes per candidate from the deputies
present, chosen by rank up to the year's number; a tie at the last place is settled by a recorded
second round), then progress (监督) and each deputy's year-end rating (评估)."""

from __future__ import annotations

from datetime import date

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import Project, ProjectRating, ProjectYear, Representative
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.projects.types import PROPOSERS, ProjectInput, ProjectRow

TABLE = "project"


def round_of(year: int) -> ProjectYear:
    found = ProjectYear.get_or_none(ProjectYear.year == year)
    return found or ProjectYear.create(year=year)


def project_or_404(project_id: int) -> Project:
    found = Project.get_or_none(Project.id == project_id)
    if found is None:
        raise NotFound("找不到这个项目，可能已被删除。")
    return found


def ranking(projects: list[Project]) -> dict[int, int]:
    """Competition places by (votes, second-round votes): equal counts share a place."""
    keyed = [(p.votes or 0, p.second_votes or 0) for p in projects]
    return {p.id: 1 + sum(1 for k in keyed if k > key) for p, key in zip(projects, keyed)}


def list_projects(year: int) -> list[ProjectRow]:
    projects = list(Project.select().where(Project.year == year).order_by(Project.id))
    places = ranking([p for p in projects if p.votes is not None])
    names = dict(Representative.select(Representative.id, Representative.name).where(
        Representative.id.in_([p.proposer_id for p in projects if p.proposer_id] or [0])).tuples())
    counts: dict[int, dict[str, int]] = {}
    for project_id, rating in ProjectRating.select(ProjectRating.project, ProjectRating.rating).where(
            ProjectRating.project.in_([p.id for p in projects] or [0])).tuples():
        counts.setdefault(project_id, {}).setdefault(rating, 0)
        counts[project_id][rating] += 1
    rows = [ProjectRow(p.id, p.year, p.name, p.area, p.investment, p.funding, p.description, p.planned_on,
                       p.proposer_kind, names.get(p.proposer_id, ""), p.problem_id, p.shortlisted, p.votes,
                       p.second_votes, p.chosen, p.progress, p.completed_on, places.get(p.id), counts.get(p.id, {}))
            for p in projects]
    return sorted(rows, key=lambda r: (r.rank or 999, r.id))


def _problems(data: ProjectInput) -> list[FieldProblem]:
    problems = []
    if not data.name.strip():
        problems.append(FieldProblem("项目名称", "请填写项目名称，如：石门村至桃源村公路硬化"))
    if data.investment < 0:
        problems.append(FieldProblem("投资（万元）", "不能为负数"))
    if data.proposer_kind not in PROPOSERS:
        problems.append(FieldProblem("提出方", f"请从{'、'.join(PROPOSERS)}中选择"))
    elif data.proposer_kind == "代表" and not data.proposer_id:
        problems.append(FieldProblem("提出方", "代表提出的项目请选择代表"))
    return problems


def save_project(year: int, project_id: int | None, data: ProjectInput) -> ProjectRow:
    """Add or change a candidate (before the vote)."""
    problems = _problems(data)
    if problems:
        raise ValidationError(problems)
    values = {"name": data.name.strip(), "area": data.area.strip(), "investment": round(data.investment, 2),
              "funding": data.funding.strip(), "description": data.description.strip(), "planned_on": data.planned_on,
              "proposer_kind": data.proposer_kind,
              "proposer": data.proposer_id if data.proposer_kind == "代表" else None,
              "problem": data.problem_id}
    with database.atomic():
        if round_of(year).stage not in ("征集", "初定"):
            raise ValidationError([FieldProblem("阶段", f"{year}年已经票决，候选项目不能再改")])
        if project_id:
            project_or_404(project_id)
            Project.update(**values).where(Project.id == project_id).execute()
        else:
            project_id = Project.create(year=year, **values).id
        audit.record(TABLE, project_id, "候选项目", {"项目": (None, values["name"])})
    return next(r for r in list_projects(year) if r.id == project_id)


def shortlist(year: int, project_ids: list[int]) -> list[ProjectRow]:
    """初定: the candidates that go on the ballot (at least the year's number)."""
    with database.atomic():
        row = round_of(year)
        if row.stage not in ("征集", "初定"):
            raise ValidationError([FieldProblem("阶段", f"{year}年已经票决，初定名单不能再改")])
        if len(set(project_ids)) < row.quota:
            raise ValidationError([FieldProblem("初定", f"初定的候选项目不能少于票决项目数{row.quota}个")])
        Project.update(shortlisted=Project.id.in_(project_ids)).where(Project.year == year).execute()
        ProjectYear.update(stage="初定").where(ProjectYear.id == row.id).execute()
        audit.record("project_round", row.id, "初定", {"候选项目": (None, len(set(project_ids)))})
    return list_projects(year)


def project_years() -> list[int]:
    years = {y for (y,) in Project.select(Project.year).distinct().tuples()} | {date.today().year}
    return sorted(years, reverse=True)
