"""The audit trail: who changed what and when, one row per changed field.

Services call :func:`record` inside their own transaction so a write and its audit row commit
together. Field names are stored as the Chinese labels the clerk knows, so the history reads the same
after a later schema change.
"""

from __future__ import annotations

import functools
import getpass
from dataclasses import dataclass
from datetime import date, datetime

from town_office.models import AuditEntry


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    actor: str
    action: str
    field: str
    old_value: str
    new_value: str


_actor: list[str] = []  # the clerk's name from the settings, once known


def use_actor(name: str) -> None:
    """Name the clerk in every audit row from now on (the settings' 经办人姓名)."""
    _actor[:] = [name.strip()] if name and name.strip() else []


@functools.cache
def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on some locked-down PCs
        return "未知用户"


def current_actor() -> str:
    """Who made the change: the clerk's name from the settings, else the computer's login name."""
    return _actor[0] if _actor else _login_name()


def as_text(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set)):
        return "、".join(str(v) for v in value)
    return str(value)


def diff(before: dict, after: dict, labels: dict[str, str]) -> dict[str, tuple]:
    """Changed fields as ``{label: (old, new)}``, for keys present in ``labels``."""
    return {labels[k]: (before.get(k), after.get(k)) for k in labels
            if (as_text(before.get(k)) or "") != (as_text(after.get(k)) or "")}


_INSERT = ('INSERT INTO "audit_entry" ("at", "actor", "table_name", "record_id", "action", "field", '
           '"old_value", "new_value") VALUES (?, ?, ?, ?, ?, ?, ?, ?)')


def record(table: str, record_id: int, action: str, changes: dict[str, tuple] | None = None) -> None:
    """Write audit rows for one action; a change-less action still leaves one row.

    A prepared statement rather than a query built per call: every write of the program passes
    here, and a 10,000-row import writes 100,000 audit rows."""
    now, actor = str(datetime.now()), current_actor()
    rows = [(now, actor, table, record_id, action, label, as_text(old), as_text(new))
            for label, (old, new) in (changes or {}).items()]
    if not rows:
        rows = [(now, actor, table, record_id, action, "", None, None)]
    AuditEntry._meta.database.cursor().executemany(_INSERT, rows)


def history(table: str, record_id: int) -> list[AuditRow]:
    """Every audit row of one record, oldest first."""
    query = (AuditEntry.select()
             .where((AuditEntry.table == table) & (AuditEntry.record_id == record_id))
             .order_by(AuditEntry.at, AuditEntry.id))
    return [AuditRow(e.at, e.actor, e.action, e.field, e.old_value or "", e.new_value or "")
            for e in query]
