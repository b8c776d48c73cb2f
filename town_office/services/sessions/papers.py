"""The papers of a session: the service reads the session and hands it to its renderer
(``reports/sessions.py``). Items are named by their number on the agenda (1, 2, …), as the CLI
and the printed agenda count them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from town_office.errors import FieldProblem, ValidationError
from town_office.reports import sessions as session_papers
from town_office.services.sessions import get_session
from town_office.services.sessions.types import ELECTION, SessionDetail, SessionItemRow


def item_by_number(detail: SessionDetail, number: int) -> SessionItemRow:
    item = next((i for i in detail.items if i.position == number), None)
    if item is None:
        raise ValidationError([FieldProblem("议程", f"{detail.title}没有第{number}项议程"
                                                   f"（共{len(detail.items)}项）")])
    return item


def print_notice(session_id: int, out: Path, issued_on: date | None = None) -> Path:
    return session_papers.render_notice_pdf(get_session(session_id), out, issued_on or date.today())


def print_signin(session_id: int, out: Path) -> Path:
    return session_papers.render_signin_pdf(get_session(session_id), out)


def print_agenda(session_id: int, out: Path) -> Path:
    return session_papers.render_agenda_pdf(get_session(session_id), out)


def print_announcement(session_id: int, out: Path, issued_on: date | None = None) -> Path:
    detail = get_session(session_id)
    return session_papers.render_announcement_pdf(detail, out, issued_on or detail.ends_on)


def print_resolution(session_id: int, number: int, out: Path) -> Path:
    """The 会议决议 of agenda item ``number``: only a decision that passed has one."""
    detail = get_session(session_id)
    item = item_by_number(detail, number)
    if item.kind == ELECTION or not item.passed:
        raise ValidationError([FieldProblem("议程", f"第{number}项“{item.title}”不是已通过的决定，没有决议")])
    return session_papers.render_resolution_pdf(detail, item, out)


def print_ballot(session_id: int, number: int, out: Path) -> Path:
    """The ballots of agenda item ``number``, one per deputy of the session: a 选票 for an election
    (it needs its candidates), a 表决票 for anything else."""
    detail = get_session(session_id)
    item = item_by_number(detail, number)
    copies = detail.tally.total
    if item.kind == ELECTION:
        if not item.candidates:
            raise ValidationError([FieldProblem("候选人", f"第{number}项“{item.title}”还没有候选人，不能印选票")])
        return session_papers.render_election_ballot_pdf(detail, item, out, copies)
    return session_papers.render_vote_ballot_pdf(detail, item, out, copies)
