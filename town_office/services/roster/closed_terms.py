"""A closed term (届满, not the current term) stays readable and printable, but its records are not
changed by accident: a write to one raises :class:`ClosedTermChange`, and the window asks the clerk
before it repeats the write inside :func:`allow_closed_term_changes`. Every path that writes a
term's sessions, presidium meetings or deputies checks here, so the rule holds in every dialog and
in the CLI alike."""

from __future__ import annotations

import contextvars
from contextlib import contextmanager
from datetime import date

from town_office.errors import TownOfficeError
from town_office.models import Term
from town_office.services import settings

_allowed = contextvars.ContextVar("closed_term_changes_allowed", default=False)


class ClosedTermChange(TownOfficeError):
    """A write to a closed term's records that the clerk has not confirmed."""

    def __init__(self, term_name: str, what: str):
        super().__init__(f"{term_name}已经结束（换届后只供查阅和打印），{what}属于这一届。")
        self.term_name = term_name
        self.what = what


def is_closed(term: Term, today: date | None = None) -> bool:
    """Closed: not the current term, and its last day has passed."""
    today = today or date.today()
    return (term.id != settings.get_settings().current_term_id and term.ends_on is not None
            and term.ends_on < today)


def term_is_closed(term_id: int) -> str:
    """The name of the term when it is closed, else "" (for a window that asks once up front)."""
    term = Term.get_or_none(Term.id == term_id)
    return term.name if term is not None and is_closed(term) else ""


def ensure_open_term(term_id: int, what: str) -> None:
    """Refuse a change to a closed term's record unless the clerk has confirmed it."""
    if _allowed.get():
        return
    term = Term.get_or_none(Term.id == term_id)
    if term is not None and is_closed(term):
        raise ClosedTermChange(term.name, what)


@contextmanager
def allow_closed_term_changes():
    """The clerk has said yes: the writes inside may change a closed term's records."""
    token = _allowed.set(True)
    try:
        yield
    finally:
        _allowed.reset(token)
