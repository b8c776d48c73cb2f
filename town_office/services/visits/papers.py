"""Printing and exporting visits: a deputy's 走访日志 for a year, and the 问题清单 of a year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from town_office.errors import FieldProblem, ValidationError
from town_office.reports import visits as visit_papers
from town_office.services.common import attachments
from town_office.services.visits import problems
from town_office.services import roster
from town_office.services.roster.units import current_term_id
from town_office.services.settings import get_settings
from town_office.services.visits.types import ProblemFilter
from town_office.services.visits import list_visits


def find_deputy(name: str, term_id: int | None = None):
    """The deputy of the (current) term called ``name``; a clear error when none or several."""
    term_id = term_id or current_term_id(required=True)
    found = [r for r in roster.list_representatives(term_id) if r.name == name.strip()]
    if not found:
        raise ValidationError([FieldProblem("代表", f"本届代表名册中没有“{name}”")])
    if len(found) > 1:
        raise ValidationError([FieldProblem("代表", f"本届有{len(found)}名代表叫“{name}”，请在窗口中选择")])
    return found[0]


def print_visit_log(representative_id: int, year: int, out: Path) -> Path:
    rep = roster.get_representative(representative_id)
    rows = sorted(list_visits(year, representative_id), key=lambda v: (v.visited_on, v.id))
    by_visit: dict[int, list] = {}
    for p in problems.list_problems(ProblemFilter(year=year, representative_id=representative_id)):
        by_visit.setdefault(p.visit_id, []).append(p)
    town = get_settings().town_name
    quota = get_settings().visit_quota_households
    households = sum(v.households for v in rows)
    summary = (f"{year}年共走访{len(rows)}次、{households}户（年度要求{quota}户），"
               f"收集群众反映的问题{sum(len(v) for v in by_visit.values())}条。")
    deputy = f"代表：{rep.name}　　代表小组：{rep.group_name or '—'}　　选区：{rep.constituency_name or '—'}"
    return visit_papers.render_visit_log_pdf(f"{town}人大代表{year}年走访日志", deputy, rows, by_visit,
                                             summary, Path(out))


def preview_visit_log(representative_id: int, year: int) -> Path:
    rep = roster.get_representative(representative_id)
    return print_visit_log(representative_id, year,
                           attachments.preview_path(f"{rep.name}_{year}年走访日志.pdf"))


def _problems_title(year: int) -> str:
    return f"{get_settings().town_name}{year}年群众反映问题清单"


def export_problems(year: int, out: Path, today: date | None = None) -> Path:
    """Every problem of visits made in ``year``, every field and the overdue flag."""
    today = today or date.today()
    rows = problems.list_problems(ProblemFilter(year=year), today)
    rows.sort(key=lambda p: (p.visited_on, p.id))
    return visit_papers.render_problems_xlsx(_problems_title(year), rows, today, Path(out))


def print_problems(year: int, out: Path, flt: ProblemFilter | None = None,
                   today: date | None = None) -> Path:
    today = today or date.today()
    flt = flt or ProblemFilter(year=year)
    rows = sorted(problems.list_problems(flt, today), key=lambda p: (p.visited_on, p.id))
    stats = problems.statistics(date(year, 1, 1), date(year, 12, 31))
    return visit_papers.render_problems_pdf(_problems_title(year), rows, today, stats.text, Path(out))
