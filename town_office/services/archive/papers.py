"""Printing 一人一档: one deputy for a year or the whole term, or a batch (all deputies or one group)
as one PDF per deputy in a folder or one combined PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from town_office.models import AssessmentResult, AssessmentRound
from town_office.reports.archive import render_archives_pdf
from town_office.services.common import attachments
from town_office.services.archive import deputy_archive, year_period
from town_office.services.archive.activities import PeriodRecords
from town_office.services.archive.types import DeputyArchive
from town_office.services.assessment.types import FROZEN


def _frozen_grade(rep_id: int, year: int | None) -> str:
    if year is None:
        return ""
    result = (AssessmentResult.select(AssessmentResult.grade, AssessmentResult.total).join(AssessmentRound)
              .where((AssessmentRound.year == year) & (AssessmentRound.status == FROZEN)
                     & (AssessmentResult.representative == rep_id)).first())
    return f"{result.grade}（{result.total:g}分）" if result else ""


def archive_of(rep_id: int, year: int | None, records: PeriodRecords | None = None) -> DeputyArchive:
    """The deputy's file for ``year``, or for their whole term when ``year`` is None; ``records``:
    the year's records of every deputy, read once for a batch."""
    return deputy_archive(rep_id, year, _frozen_grade(rep_id, year), records)


def file_name(archive: DeputyArchive) -> str:
    d = archive.deputy
    number = f"_{d.card_number}" if d.card_number else f"_{d.id}"
    return attachments.safe_name(f"{d.name}{number}_{archive.period_label}履职档案.pdf")


def print_archive(rep_id: int, out: Path, year: int | None = None) -> Path:
    archive = archive_of(rep_id, year)
    render_archives_pdf([archive], Path(out), f"{archive.deputy.name}履职档案（{archive.period_label}）")
    return Path(out)


def preview_archive(rep_id: int, year: int | None = None) -> Path:
    archive = archive_of(rep_id, year)
    out = attachments.preview_path(file_name(archive))
    render_archives_pdf([archive], out, f"{archive.deputy.name}履职档案（{archive.period_label}）")
    return out


def deputies_for(year: int | None, group_id: int | None = None, term_id: int | None = None) -> list[int]:
    """Whose files a batch prints: for ``year``, every town deputy who served in it, in either term
    (a 连任 deputy once, by the latest mandate); for the whole term (``year`` None), the town deputies
    of ``term_id`` (the current term by default). Optionally of one group."""
    from datetime import date

    from town_office.services.roster.mandates import term_town_deputies, town_people_serving
    from town_office.services.roster.units import current_term_id

    if year:
        reps = [p.representative for p in town_people_serving(date(year, 1, 1), date(year, 12, 31))]
    else:
        reps = term_town_deputies(term_id or current_term_id(required=True))
    return [r.id for r in reps if group_id is None or r.group_id == group_id]


READ_ONCE_FROM = 20  # from this many deputies of a year on, everyone's records are read in one pass


def print_batch(rep_ids: list[int], year: int | None, out: Path, combined: bool,
                progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Files of many deputies: one PDF each in the folder ``out``, or all in the file ``out``.

    ``progress`` may raise to cancel; files already written stay (each one is complete).
    """
    out = Path(out)
    records = PeriodRecords(*year_period(year)[:2]) if year and len(rep_ids) >= READ_ONCE_FROM else None
    written, archives = [], []
    total = len(rep_ids) + (1 if combined else 0)
    for done, rep_id in enumerate(rep_ids):
        if progress:
            progress(done, total)
        archive = archive_of(rep_id, year, records)
        if combined:
            archives.append(archive)
            continue
        path = out / file_name(archive)
        render_archives_pdf([archive], path, f"{archive.deputy.name}履职档案（{archive.period_label}）")
        written.append(path)
    if combined and archives:
        render_archives_pdf(archives, out, f"代表履职档案（{archives[0].period_label}）")
        written.append(out)
    if progress:
        progress(total, total)
    return written
