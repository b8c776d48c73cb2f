"""报送包: the county package on a USB stick — the backup plus copies anyone can read without the
program (the year's filed 纪要, the hazard ledger, the problems list, the training statistics, the assessment
workbook, every deputy's 履职档案 and the rule documents in force at the year's end) and the
移交清单 listing every file with its checksum, the record counts and lines for both signatures.

Everything is made in a temporary folder inside the data folder first; then each file is copied to
the stick and read back (``backup_files.copy_verified``) into ``<name>.part``, which is renamed only when
all of it is there. A full or removed stick leaves no package that looks complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from town_office import backup, backup_files
from town_office.errors import StorageError, TownOfficeError
from town_office.file_safety import sha256_of, storage_error
from town_office.reports.backups import render_handoff_pdf
from town_office.services.archive import papers as archive_papers
from town_office.services import assessment
from town_office.services.assessment import papers as assessment_papers
from town_office.services import backups
from town_office.services.hazards import papers as hazard_papers
from town_office.services.meetings import papers as meeting_papers
from town_office.services.rules import papers as rule_papers
from town_office.services import rules
from town_office.services.training import papers as training_papers
from town_office.services.visits import papers as visit_papers
from town_office.services.assessment.types import NOT_COMPUTED
from town_office.services.meetings.types import FINALISED
from town_office.services.meetings import list_meetings
from town_office.services.settings import get_settings

SHEET_NAME = "00_移交清单.pdf"
MINUTES_FOLDER = "会议纪要"
RULES_FOLDER = "两规则四办法"
HANDOFF_REASON = "报送备份"


@dataclass(frozen=True)
class PackageFile:
    """One line of the 移交清单: a path inside the package, what it is, its size and SHA-256."""

    name: str
    what: str
    size: int
    sha256: str


@dataclass(frozen=True)
class HandoffSheet:
    town: str
    county: str
    year: int
    made_on: date
    files: tuple[PackageFile, ...]
    missing: tuple[str, ...]
    counts: dict[str, int]
    backup_name: str
    backup_sha256: str
    encrypted: bool


@dataclass(frozen=True)
class HandoffPackage:
    folder: Path
    backup: Path
    sheet: HandoffSheet


def package_name(town: str, year: int, when: datetime) -> str:
    return f"{town or '乡镇'}人大_报送包_{year}年_{when:%Y%m%d_%H%M}"


def _readable_copies(town: str, year: int, into: Path, today: date) -> tuple[list[tuple[Path, str]], list[str]]:
    """Write the year's readable papers into ``into``; returns (file, what it is) and what is missing."""
    made, missing = [], []
    meetings = sorted(list_meetings(year=year), key=lambda m: (m.held_on, m.number))
    for meeting in meetings:
        if meeting.status != FINALISED:
            missing.append(f"{meeting.title}（{meeting.held_on:%Y-%m-%d}，{meeting.status}）纪要尚未定稿")
            continue
        out = into / MINUTES_FOLDER / meeting_papers.paper_file_name("minutes", meeting.title)
        made.append((meeting_papers.print_paper("minutes", meeting.id, out), "会议纪要（定稿原件）"))
    ledger = hazard_papers.ledger_title(year)
    made.append((hazard_papers.export_ledger(year, into / f"{ledger}.xlsx", today), "隐患台账（Excel）"))
    made.append((hazard_papers.print_ledger(year, into / f"{ledger}.pdf", today), "隐患台账（打印版）"))
    problems = f"{town}{year}年群众反映问题清单"
    made.append((visit_papers.export_problems(year, into / f"{problems}.xlsx", today), "群众反映问题清单（Excel）"))
    made.append((visit_papers.print_problems(year, into / f"{problems}.pdf", today=today),
                 "群众反映问题清单（打印版）"))
    if assessment.round_state(year).status == NOT_COMPUTED:
        missing.append(f"{year}年度履职考核（尚未计算）")
    else:
        made.append((assessment_papers.export_assessment(year, into / f"{assessment_papers.title(year)}.xlsx"),
                     f"年度履职考核（{assessment.round_state(year).status}）"))
    deputies = archive_papers.deputies_for(year)
    made += [(path, f"代表履职档案（{len(deputies)}人合订）") for path in archive_papers.print_batch(
        deputies, year, into / f"{town}{year}年度代表履职档案.pdf", combined=True)]
    made += _rule_documents(year, into, today, missing)
    try:
        made.append((training_papers.export_training_year(year, into / f"{town}{year}年代表培训情况.xlsx"),
                     "代表培训统计（按代表、按培训）"))
    except TownOfficeError as exc:
        missing.append(f"代表培训统计（{exc}）")
    return made, missing


def _rule_documents(year: int, into: Path, today: date, missing: list[str]) -> list[tuple[Path, str]]:
    """The rule documents in force at the end of the year (today for the current year)."""
    on, made = min(today, date(year, 12, 31)), []
    for row in rules.list_documents(on):
        if row.in_force is None:
            if row.builtin:
                missing.append(f"《{row.title}》（{on:%Y-%m-%d}{row.state_text}）")
            continue
        detail = rules.get_version(row.in_force.id)
        out = into / RULES_FOLDER / rule_papers.file_name(detail)
        made.append((rule_papers.print_version(row.in_force.id, out),
                     "规则文件（现行）" if on == today else "规则文件（年末有效）"))
    return made


def build_package(dest_dir: Path, year: int | None = None, password: str | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  today: date | None = None) -> HandoffPackage:
    """Write the county package for ``year`` (default: this year) into a new folder in ``dest_dir``.

    Raises:
        StorageError: the stick is full, removed or read-only; no complete-looking package is left.
    """
    today = today or date.today()
    year = year or today.year
    settings = get_settings()
    folder = backups.data_folder()
    local_backup = backups.backup_now(None, password, HANDOFF_REASON)
    info = backups.verify(local_backup, password)
    with tempfile.TemporaryDirectory(prefix=".handoff_", dir=folder.root) as tmp:
        staging = Path(tmp)
        made, missing = _readable_copies(settings.town_name, year, staging, today)
        lines = [PackageFile(local_backup.name, "数据备份（可恢复或只读查看）", info.size, info.sha256)]
        lines += [PackageFile(path.relative_to(staging).as_posix(), what, path.stat().st_size,
                              sha256_of(path)) for path, what in made]
        sheet = HandoffSheet(settings.town_name, settings.county_name, year, today, tuple(lines),
                             tuple(missing), info.counts, local_backup.name, info.sha256, info.encrypted)
        render_handoff_pdf(sheet, staging / SHEET_NAME)
        to_copy = [(local_backup, "")] + [(staging / SHEET_NAME, "")] + \
                  [(path, path.parent.relative_to(staging).as_posix()) for path, _ in made]
        name = package_name(settings.town_name, year, datetime.now())
        final = backup.free_path(Path(dest_dir), lambda copy: name if copy == 1 else f"{name}-{copy}")
        partial = final.with_name(final.name + ".part")
        try:
            for done, (path, sub) in enumerate(to_copy, start=1):
                backup_files.copy_verified(path, partial / sub if sub not in ("", ".") else partial)
                if progress:
                    progress(done, len(to_copy))
            os.replace(partial, final)
            backups.record_handoff(backups.COUNTY_PACKAGE, final)
        except (OSError, StorageError) as exc:
            shutil.rmtree(partial, ignore_errors=True)
            if isinstance(exc, StorageError):
                raise
            raise storage_error(Path(dest_dir), exc) from exc
    return HandoffPackage(final, final / local_backup.name, sheet)
