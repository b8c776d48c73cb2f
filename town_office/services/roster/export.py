"""Builds the roster workbook's data (one row per deputy) and hands it to the renderer."""

from __future__ import annotations

from pathlib import Path

from town_office.models import Term
from town_office.reports.roster import render_roster_xlsx
from town_office.services import settings
from town_office.services.roster import list_representatives
from town_office.services.roster.units import current_term_id


def roster_title(town: str, term_name: str) -> str:
    return f"{town}{term_name}人民代表大会代表名册"


def roster_rows(term_id: int, with_id_numbers: bool = False) -> list[tuple]:
    rows = []
    reps = sorted(list_representatives(term_id),
                  key=lambda r: (r.status != "在任", r.group_name or "\uffff", r.group_role != "组长",
                                 r.name_pinyin))
    for i, r in enumerate(reps, start=1):
        rows.append((
            i, r.name, r.gender, r.ethnicity, r.birth_month, r.party, r.education, r.work_unit_post,
            r.levels_text, r.constituency_name, r.group_name, r.group_role, r.presidium_role, r.phone,
            r.card_number, r.elected_on, r.status, r.notes,
            r.id_number if with_id_numbers else r.masked_id_number, r.ended_on, r.end_reason))
    return rows


def export_roster(out: Path, term_id: int | None = None, with_id_numbers: bool = False) -> int:
    """Write the roster of ``term_id`` (default: current term) to ``out``; returns the row count.

    ID numbers are masked unless ``with_id_numbers``; the import keeps stored numbers for masked cells.
    """
    term_id = term_id or current_term_id(required=True)
    term = Term.get_by_id(term_id)
    rows = roster_rows(term_id, with_id_numbers)
    render_roster_xlsx(roster_title(settings.get_settings().town_name, term.name), rows, out)
    return len(rows)
