"""The term's statistics for the term-end package: one line per year of the term (congress sessions,
presidium meetings, training, visits, problems, hazards) and one per deputy of the term (sessions
and meetings attended, training, visits), counted from the records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from peewee import fn

from town_office.models import (
    Hazard,
    Meeting,
    Problem,
    Term,
    TrainingSession,
    Visit,
)
from town_office.reports.term_change import TermStatistics, render_term_statistics_xlsx
from town_office.services.archive import activities
from town_office.services.roster.mandates import term_town_deputies
from town_office.services.sessions import list_sessions
from town_office.services.settings import get_settings


def term_statistics(term_id: int, today: date | None = None) -> TermStatistics:
    term = Term.get_by_id(term_id)
    today = today or date.today()
    start = term.starts_on or date(today.year - 4, 1, 1)
    end = min(term.ends_on or today, today)
    years = []
    for year in range(start.year, end.year + 1):
        first, last = max(start, date(year, 1, 1)), min(end, date(year, 12, 31))
        sessions = [s for s in list_sessions(term_id) if first <= s.starts_on <= last]
        problems = Problem.select().join(Visit).where(Visit.visited_on.between(first, last))
        visits = Visit.select().where(Visit.visited_on.between(first, last))
        found = Hazard.select().where(Hazard.found_on.between(first, last))
        years.append((
            f"{year}年", len(sessions),
            Meeting.select().where((Meeting.term == term_id) & Meeting.held_on.between(first, last)).count(),
            TrainingSession.select().where(TrainingSession.held_on.between(first, last)).count(),
            visits.count(), int(visits.select(fn.SUM(Visit.households)).scalar() or 0),
            problems.count(), problems.where(Problem.status.in_(("已办结", "已反馈"))).count(),
            found.count(), found.where(Hazard.status == "已销号").count(),
        ))
    deputies = []
    for rep in term_town_deputies(term_id):
        found = activities(rep.id, start, end)

        def count(source: str) -> int:
            return sum(1 for a in found if a.source == source)

        deputies.append((rep.name, rep.status + (f"（{rep.end_reason}）" if rep.end_reason else ""),
                         count("congress_session"), count("congress_excused") + count("congress_absent"),
                         count("meeting_present"), count("training_present"),
                         sum(a.units for a in found if a.source == "training_present"),
                         count("visit"), int(sum(a.units for a in found if a.source == "visit")),
                         count("problem_raised")))
    return TermStatistics(f"{get_settings().town_name}{term.name}人大工作统计（{start:%Y.%m}—{end:%Y.%m}）",
                          tuple(years), tuple(deputies))


def write_term_statistics(term_id: int, out: Path) -> Path:
    return render_term_statistics_xlsx(term_statistics(term_id), Path(out))
