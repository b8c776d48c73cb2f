"""Papers of the suggestions: the 交办单 of a unit, the 督办卡 of a suggestion, and the year's workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from town_office.errors import FieldProblem, ValidationError
from town_office.reports import suggestions as suggestion_papers
from town_office.services.settings import get_settings
from town_office.services.suggestions import get_suggestion, list_suggestions
from town_office.services.suggestions.answers import statistics
from town_office.services.suggestions.types import REGISTERED, SuggestionFilter


def print_assignment(year: int, unit: str, out: Path, issued_on: date | None = None) -> Path:
    rows = [r for r in list_suggestions(SuggestionFilter(year=year, unit=unit)) if r.status != REGISTERED]
    if not rows:
        raise ValidationError([FieldProblem("主办单位", f"{year}年没有交办给“{unit}”的代表建议")])
    return suggestion_papers.render_assignment_pdf(get_settings().town_name, unit, rows, Path(out),
                                                   issued_on or max(r.assigned_on for r in rows))


def print_card(suggestion_id: int, out: Path) -> Path:
    row = get_suggestion(suggestion_id)
    if row.status == REGISTERED:
        raise ValidationError([FieldProblem("状态", "建议还没有交办，先交办再打印督办卡")])
    return suggestion_papers.render_card_pdf(get_settings().town_name, row, Path(out))


def export_year(year: int, out: Path, today: date | None = None) -> Path:
    title = f"{get_settings().town_name}{year}年代表建议办理情况"
    return suggestion_papers.render_suggestions_xlsx(title, list_suggestions(SuggestionFilter(year=year)),
                                                     statistics(year), Path(out), today or date.today())
