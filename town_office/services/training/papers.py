"""Printing and exporting training: the sign-in sheet and summary of a session, and a year's
workbook."""

from __future__ import annotations

from pathlib import Path

from town_office.reports.training import papers as training_papers
from town_office.reports.training import xlsx as training_xlsx
from town_office.services.common import attachments
from town_office.services.settings import get_settings
from town_office.services.training import get_session
from town_office.services.training.stats import year_stats

PAPERS = {"signin": "培训签到表", "summary": "培训情况"}


def print_session_paper(kind: str, session_id: int, out: Path) -> Path:
    """``signin`` or ``summary`` of one session, as PDF."""
    session = get_session(session_id)
    if kind == "signin":
        return training_papers.render_training_signin_pdf(session, Path(out))
    if kind == "summary":
        return training_papers.render_training_summary_pdf(session, Path(out))
    raise KeyError(kind)


def preview_session_paper(kind: str, session_id: int) -> Path:
    session = get_session(session_id)
    return print_session_paper(kind, session_id,
                               attachments.preview_path(f"{session.title}_{PAPERS[kind]}.pdf"))


def export_training_year(year: int, out: Path) -> Path:
    """The year's workbook: per deputy and per session."""
    stats = year_stats(year)
    title = f"{get_settings().town_name}{year}年人大代表培训情况"
    return training_xlsx.render_training_xlsx(title, stats, Path(out))
