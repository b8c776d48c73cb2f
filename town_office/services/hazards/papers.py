"""Printing and exporting the hazard ledger, the 挂牌督办通知书 and inspection reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from town_office.errors import FieldProblem, ValidationError
from town_office.reports import hazards as hazard_papers
from town_office.services.common import attachments
from town_office.services import hazards
from town_office.services.hazards import inspections
from town_office.services.hazards.photos import list_photos
from town_office.services.hazards.types import VOID, HazardFilter
from town_office.services.settings import get_settings, report_addressee


def ledger_title(year: int) -> str:
    return f"{get_settings().town_name}人大主席团{year}年隐患排查整改台账"


def export_ledger(year: int, out: Path, today: date | None = None) -> Path:
    return hazard_papers.render_ledger_xlsx(ledger_title(year),
                                            hazards.list_hazards(HazardFilter(year=year)),
                                            today or date.today(), Path(out))


def print_ledger(year: int, out: Path, today: date | None = None) -> Path:
    return hazard_papers.render_ledger_pdf(ledger_title(year),
                                           hazards.list_hazards(HazardFilter(year=year)),
                                           today or date.today(), Path(out))


def print_notice(number: str, out: Path) -> Path:
    """The 挂牌督办通知书 of the hazard numbered ``number`` (e.g. 2026-003), dated the day it was
    挂牌 and carrying its 文号.

    Raises:
        ValidationError: the hazard is not under 挂牌督办, or it was voided.
    """
    hazard = hazards.find_by_number(number)
    if hazard.status == VOID:
        raise ValidationError([FieldProblem("状态", f"隐患{hazard.number}已作废，不能打印挂牌督办通知书")])
    if not hazard.has_notice:
        raise ValidationError([FieldProblem(
            "挂牌督办", f"隐患{hazard.number}没有挂牌督办，只有挂牌督办的隐患才有挂牌督办通知书。"
                        "如需挂牌，请在隐患登记中勾选“挂牌督办”并填写挂牌日期")])
    return hazard_papers.render_notice_pdf(get_settings().town_name, hazard, Path(out))


def print_inspection_report(inspection_id: int, out: Path) -> Path:
    inspection = inspections.get_inspection(inspection_id)
    found = [h for h in hazards.list_hazards() if h.inspection_id == inspection_id]
    photos = {h.id: [(f"{p.stage}", attachments.absolute(p.stored_path)) for p in list_photos(h.id)]
              for h in found}
    current = get_settings()
    return hazard_papers.render_inspection_report_pdf(current.town_name, report_addressee(current),
                                                      inspection, found, photos, Path(out))


def preview(kind: str, key, year: int | None = None) -> Path:
    """A paper rendered into the data folder's previews/ for the preview window."""
    if kind == "ledger":
        return print_ledger(key, attachments.preview_path(f"{key}年隐患台账.pdf"))
    if kind == "notice":
        return print_notice(key, attachments.preview_path(f"挂牌督办通知书_{key}.pdf"))
    return print_inspection_report(key, attachments.preview_path(f"检查报告_{key}.pdf"))
