"""The database handle, the base model and how a SQLite file is opened and snapshotted.

Pragmas: WAL so readers never block the writer, foreign keys on, ``synchronous=full`` because office
PCs lose power, and a busy timeout instead of instant "database is locked" errors.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import DatabaseProxy, Model, SqliteDatabase

from town_office.errors import StorageError

database = DatabaseProxy()

PRAGMAS = (
    ("journal_mode", "wal"),
    ("foreign_keys", 1),
    ("synchronous", "full"),
    ("busy_timeout", 5000),
)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


def connect(path: Path) -> SqliteDatabase:
    """Open (or create) the SQLite file and bind every model to it."""
    db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    db.connect(reuse_if_open=True)
    database.initialize(db)
    return db


def snapshot_database(db: SqliteDatabase, dest: Path) -> None:
    """Copy a live database into ``dest`` with SQLite's online backup API and check the copy.

    Raises:
        StorageError: the copy fails ``integrity_check``.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    target = sqlite3.connect(str(dest))
    try:
        db.connection().backup(target)
        result = target.execute("PRAGMA integrity_check").fetchone()[0]
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
