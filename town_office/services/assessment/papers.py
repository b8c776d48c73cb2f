"""Printing the annual assessment: the workbook (汇总, 明细, 规则) and the 公示 PDF. Both use the
stored round; before 计算 there is nothing to print."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from town_office.errors import FieldProblem, ValidationError
from town_office.reports.assessment import render_assessment_xlsx, render_publication_pdf
from town_office.services.common import attachments
from town_office.services.assessment import get_scheme, results, round_state
from town_office.services.settings import get_settings


def _stored(year: int):
    scores = results(year)
    scheme = get_scheme(year)
    if not scores or scheme is None:
        raise ValidationError(FieldProblem("考核", f"{year}年度考核还没有计算，请先在“年度考核”页计算"))
    return scheme, scores


def title(year: int) -> str:
    return f"{get_settings().town_name}{year}年度人大代表履职考核"


def export_assessment(year: int, out: Path) -> Path:
    scheme, scores = _stored(year)
    return render_assessment_xlsx(title(year), scheme, scores, round_state(year).status,
                                  get_settings().assessment_prorate, Path(out))


def print_publication(year: int, out: Path, published_on: date | None = None) -> Path:
    scheme, scores = _stored(year)
    state = round_state(year)
    day = published_on or (state.published_at.date() if state.published_at else date.today())
    return render_publication_pdf(get_settings().town_name, year, scores, scheme.bands, day, Path(out))


def preview_publication(year: int) -> Path:
    return print_publication(year, attachments.preview_path(f"{title(year)}结果公示.pdf"))
