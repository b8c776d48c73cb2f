"""Papers of the livelihood projects: the ballot, the result announcement, the 评估报告."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from town_office.errors import FieldProblem, ValidationError
from town_office.reports import projects as project_papers
from town_office.services.projects import list_projects, round_of
from town_office.services.projects.vote import get_round, vote_session
from town_office.services.roster.mandates import town_people_serving
from town_office.services.settings import get_settings


def print_ballot(year: int, out: Path) -> Path:
    """One 选票 per deputy (of the vote's session when it is set, else every town deputy serving today)."""
    rows = [r for r in list_projects(year) if r.shortlisted]
    if not rows:
        raise ValidationError([FieldProblem("初定", f"{year}年还没有初定的候选项目，先在候选项目中初定")])
    session = vote_session(year)
    today = date.today()
    copies = session.tally.total if session else sum(1 for p in town_people_serving(today, today))
    return project_papers.render_ballot_pdf(get_settings().town_name, year, sorted(rows, key=lambda r: r.id),
                                            round_of(year).quota, max(copies, 1), Path(out))


def print_result(year: int, out: Path) -> Path:
    state = get_round(year)
    rows = [r for r in list_projects(year) if r.votes is not None]
    if not rows:
        raise ValidationError([FieldProblem("票决", f"{year}年还没有票决结果")])
    if state.tied:
        raise ValidationError([FieldProblem("票决", f"{'、'.join(state.tied)}并列，须先录入第二轮投票")])
    session = vote_session(year)
    return project_papers.render_result_pdf(get_settings().town_name, year, state.session_title, state.present, rows,
                                            state.quota, Path(out), session.ends_on if session else date.today())


def print_evaluation(year: int, out: Path, issued_on: date | None = None) -> Path:
    rows = list_projects(year)
    if not any(r.chosen for r in rows):
        raise ValidationError([FieldProblem("票决", f"{year}年还没有票决入选的项目")])
    return project_papers.render_evaluation_pdf(get_settings().town_name, year, rows, Path(out),
                                                issued_on or date.today())
