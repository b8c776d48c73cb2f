"""Step 1 of the change of term (届末整理): what of the old term is still open — follow-ups, voters'
problems, hazards, rule documents — with the clerk's choice to carry each into the new term (it
stays open and shows on the new term's lists and first meetings) or close it now; and the term-end
package: every deputy's 整届 履职档案 (one PDF each and one combined), the term's statistics, and a
verified backup named for the term."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from town_office.errors import FieldProblem, ValidationError
from town_office.models import TermChange
from town_office.models.db import database
from town_office.services import backups, hazards, rules
from town_office.services.archive import papers as archive_papers
from town_office.services.hazards.types import OPEN_HAZARD_STATUSES, HazardFilter
from town_office.services.meetings import followups
from town_office.services.meetings.types import DONE, FollowUpFilter
from town_office.services.term_change import _change, _choices, _save_choices, mark_step
from town_office.services.term_change.types import (
    CARRY,
    CLOSE,
    FOLLOWUP,
    HAZARD,
    PROBLEM,
    RULE,
    OpenItem,
)
from town_office.services.visits import problems
from town_office.services.visits.types import ASSIGNED, IN_PROGRESS, ProblemFilter

CLOSING_NOTE = "换届时关闭"


def open_items(change_id: int) -> list[OpenItem]:
    """Everything still open at the end of the term, with the choice made so far (转入 by default)."""
    chosen = _choices(_change(change_id)).get("items", {})
    found = []
    for f in followups.list_followups(FollowUpFilter(open_only=True)):
        found.append(OpenItem(f"{FOLLOWUP}:{f.id}", FOLLOWUP, f.content, f.status, f.deadline, True,
                              chosen.get(f"{FOLLOWUP}:{f.id}", CARRY)))
    for p in problems.list_problems(ProblemFilter(open_only=True)):
        found.append(OpenItem(f"{PROBLEM}:{p.id}", PROBLEM, p.content, p.status, p.deadline,
                              p.status in (ASSIGNED, IN_PROGRESS),
                              chosen.get(f"{PROBLEM}:{p.id}", CARRY)))
    for h in hazards.list_hazards(HazardFilter(statuses=OPEN_HAZARD_STATUSES)):
        found.append(OpenItem(f"{HAZARD}:{h.id}", HAZARD, f"{h.number} {h.description}", h.status,
                              h.deadline, False, CARRY))
    for d in rules.list_documents():
        if d.in_force:
            found.append(OpenItem(f"{RULE}:{d.id}", RULE, d.title, "现行有效", None, False, CARRY))
    return found


def apply_choices(change_id: int, choices: dict[str, str], closed_on: date | None = None) -> list[OpenItem]:
    """Record each item's choice and close those marked 关闭 (a follow-up 已办结, a problem 已办结,
    each with the note 换届时关闭). Hazards close only through their review; rules in step 5."""
    change = _change(change_id)
    closed_on = closed_on or date.today()
    items = {i.key: i for i in open_items(change_id)}
    wrong = [key for key, choice in choices.items()
             if key not in items or choice not in (CARRY, CLOSE) or (choice == CLOSE and not items[key].closable)]
    if wrong:
        raise ValidationError([FieldProblem("处理方式", f"{items[k].kind}“{items[k].title}”只能转入新一届"
                                                     if k in items else f"找不到待处理事项{k}") for k in wrong])
    note = f"{CLOSING_NOTE}（{change.old_term.name}届末）"
    with database.atomic():  # all closed, or none
        for key, choice in choices.items():
            kind, record_id = key.split(":")
            if choice == CLOSE and kind == FOLLOWUP:
                followups.set_progress(int(record_id), DONE, note, closed_on)
            elif choice == CLOSE and kind == PROBLEM:
                problems.close(int(record_id), note, closed_on)
        recorded = dict(_choices(change).get("items", {}))
        recorded.update({k: v for k, v in choices.items() if v == CARRY})
        _save_choices(change, {"items": recorded})
    return open_items(change_id)


def build_package(change_id: int, folder: Path,
                  progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Write the term-end package into ``folder`` (the clerk's choice, e.g. a USB stick):
    履职档案/ one PDF per deputy, 履职档案（合订本）.pdf, 届内统计.xlsx and a verified backup named
    for the term. ``progress`` may raise to cancel; the step is done only when all is written."""
    from town_office.services.term_change.statistics import write_term_statistics

    change = _change(change_id)
    term = change.old_term
    folder = Path(folder)
    rep_ids = archive_papers.deputies_for(None, term_id=term.id)
    total = 2 * len(rep_ids) + 3

    def step(done: int) -> None:
        if progress:
            progress(done, total)

    written = archive_papers.print_batch(rep_ids, None, folder / "履职档案", combined=False,
                                         progress=lambda d, _: step(d))
    written += archive_papers.print_batch(rep_ids, None, folder / f"{term.name}代表履职档案（合订本）.pdf",
                                          combined=True, progress=lambda d, _: step(len(rep_ids) + d))
    step(2 * len(rep_ids) + 1)
    written.append(write_term_statistics(term.id, folder / f"{term.name}届内统计.xlsx"))
    step(2 * len(rep_ids) + 2)
    written.append(backups.backup_now(folder, reason=f"{term.name}届末备份"))
    backups.verify(written[-1])
    step(total)
    TermChange.update(package_folder=str(folder)).where(TermChange.id == change.id).execute()
    return written


def finish_step_one(change_id: int) -> None:
    change = _change(change_id)
    if not change.package_folder:
        raise ValidationError([FieldProblem("届末资料", "请先生成届末资料包（履职档案、统计和备份）")])
    mark_step(change_id, 1)
