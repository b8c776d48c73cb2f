"""What a database file inside a backup holds, read without the program's models: the record count
of every table, the town and term in its settings, and whether it is sound (integrity, foreign keys,
our tables, its schema version)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from town_office.errors import TownOfficeError


class BackupError(TownOfficeError):
    """A backup file that cannot be used; the message says why, in Chinese."""


def table_counts(db_path: Path) -> dict[str, int]:
    """Rows per table of a database file, read through a read-only connection."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'search_index%'")]  # the search index is derived, not the clerk's rows
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}
    finally:
        conn.close()


def _settings_of(db_path: Path) -> tuple[str, str, int]:
    """(town, term name, schema version) read from a database file."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        values = dict(conn.execute("SELECT key, value FROM setting").fetchall())
        town = json.loads(values.get("town_name", '""'))
        term_id = json.loads(values.get("current_term_id", "0"))
        row = conn.execute("SELECT name FROM term WHERE id = ?", (term_id,)).fetchone()
        return town, row[0] if row else "", version
    except sqlite3.DatabaseError:
        return "", "", 0
    finally:
        conn.close()


def check_database(copy: Path) -> int:
    """integrity_check and foreign_key_check on a scratch copy of the database, opened read-only
    and immutable (no journal or WAL files beside it); its schema version."""
    with open(copy, "r+b") as handle:  # WAL mode needs a -shm file; the pages are the same
        handle.seek(18)
        if handle.read(2) == b"\x02\x02":
            handle.seek(18)
            handle.write(b"\x01\x01")
    return _checked(copy, "?mode=ro&immutable=1")


def check_snapshot(snapshot: Path) -> int:
    """The same checks on a fresh snapshot of the open database, read-only and without touching its
    bytes (it is being written into the backup meanwhile): SQLite keeps its -shm beside it, in the
    backup's own temporary folder."""
    return _checked(snapshot, "?mode=ro", "当前的数据库（备份未写成）")


def _checked(path: Path, query: str, what: str = "备份中的数据库") -> int:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}{query}", uri=True)
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{what}已损坏，无法打开。") from exc
    try:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{what}已损坏，无法打开。") from exc
    finally:
        conn.close()
    if result != ["ok"]:
        raise BackupError(f"{what}未通过完整性检查：{result[0]}")
    if broken:
        raise BackupError(f"{what}有{len(broken)}处引用不存在的记录（外键检查未通过）。")
    if not {"representative", "setting", "term"} <= tables:
        raise BackupError(f"{what}不是乡镇人大工作台的数据库。")
    return version
