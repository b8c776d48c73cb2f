"""The database handle, the base model and how a SQLite file is opened and snapshotted.

Pragmas: WAL so readers never block the writer, foreign keys on, ``synchronous=full`` because office
PCs lose power, and a busy timeout instead of instant "database is locked" errors.
"""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import peewee
from peewee import DatabaseError, DatabaseProxy, Model, SqliteDatabase

from town_office.errors import ReadOnlyError, StorageError

database = DatabaseProxy()

PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", "full"),
    ("busy_timeout", 5000),
)


class DateField(peewee.DateField):
    """peewee's DateField, read with ``date.fromisoformat`` (peewee tries ``strptime`` formats one by
    one: a tenth of a second for a year of a big town's visits)."""

    def python_value(self, value):
        if isinstance(value, str) and len(value) >= 10:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                pass
        return super().python_value(value)


class DateTimeField(peewee.DateTimeField):
    """peewee's DateTimeField, read with ``datetime.fromisoformat`` first (see DateField)."""

    def python_value(self, value):
        if isinstance(value, str):
            try:
                return datetime.fromisoformat(value)
            except ValueError:
                pass
        return super().python_value(value)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


def raw_rows(query) -> list[tuple]:
    """The rows of a peewee query as SQLite returns them (dates stay ISO text): for lists of tens of
    thousands of rows, where peewee's per-value conversion costs more than the query itself."""
    return database.execute(query).fetchall()


def iso_date(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


READ_ONLY_MESSAGE = "正在以只读方式查看备份，不能修改任何数据。"
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")
_SQLITE_READS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION,
                 sqlite3.SQLITE_PRAGMA, sqlite3.SQLITE_TRANSACTION, sqlite3.SQLITE_SAVEPOINT}


class ReadOnlyDatabase(SqliteDatabase):
    """A database that refuses every write with a Chinese message (viewing a backup): the refusal
    sits here, below every service, so no button that was missed can change anything."""

    def _connect(self):
        conn = super()._connect()
        conn.set_authorizer(lambda action, *_: sqlite3.SQLITE_OK if action in _SQLITE_READS
                            else sqlite3.SQLITE_DENY)
        return conn

    def execute_sql(self, sql, params=None, *args, **kwargs):
        if sql.lstrip().upper().startswith(_WRITES):
            raise ReadOnlyError(READ_ONLY_MESSAGE)
        try:
            return super().execute_sql(sql, params, *args, **kwargs)
        except DatabaseError as exc:
            if "not authorized" in str(exc):
                raise ReadOnlyError(READ_ONLY_MESSAGE) from exc
            raise


def connect(path: Path, read_only: bool = False) -> SqliteDatabase:
    """Open (or create) the SQLite file and bind every model to it."""
    if read_only:
        db = ReadOnlyDatabase(str(path), pragmas=(("foreign_keys", 1),), check_same_thread=False)
    else:
        db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.connect(reuse_if_open=True)
    database.initialize(db)
    return db


def snapshot_database(db: SqliteDatabase, dest: Path, check: bool = True) -> None:
    """Copy a live database into ``dest`` with SQLite's online backup API and (``check``) check the
    copy; a backup checks it itself, alongside writing it.

    Raises:
        StorageError: the copy fails ``integrity_check``.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(str(dest))
    try:
        db.connection().backup(target)
        result = target.execute("PRAGMA integrity_check").fetchone()[0] if check else "ok"
    finally:
        target.close()
    if result != "ok":
        raise StorageError(f"备份文件 {dest.name} 未通过完整性检查：{result}")


def health_findings(db: SqliteDatabase) -> list[str]:
    """integrity_check and foreign_key_check findings in Chinese; empty when healthy."""
    findings = []
    rows = [r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall()]
    if rows != ["ok"]:
        findings += [f"完整性检查：{r}" for r in rows]
    for table, rowid, parent, _ in db.execute_sql("PRAGMA foreign_key_check").fetchall():
        findings.append(f"外键检查：表 {table} 第 {rowid} 条记录引用的 {parent} 不存在")
    return findings
