"""Schema versions and the upgrade path, kept in ``PRAGMA user_version``.

An empty file gets today's tables and ``SCHEMA_VERSION``. A file from a newer program is refused. An
older file is first snapshotted (online backup API + integrity_check), then upgraded one step at a
time; each step runs inside ``migrator.migration_context()``, which turns foreign keys off around the
transaction so that SQLite's table rebuilds cannot cascade-delete child rows. Steps live in
``steps.py`` and declare their columns inline, frozen at their version, never via today's models.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from peewee import SqliteDatabase
from playhouse.migrate import SqliteMigrator

from town_office.errors import SchemaTooNew, StorageError
from town_office.models.migrations.steps import STEPS

SCHEMA_VERSION = 1 + len(STEPS)


def schema_version(db: SqliteDatabase) -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def _set_version(db: SqliteDatabase, version: int) -> None:
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def _too_new(version: int) -> SchemaTooNew:
    return SchemaTooNew(
        f"数据库是较新版本的程序建立的（数据库结构第{version}版，本程序只认识到第{SCHEMA_VERSION}版）。"
        "请安装新版本的乡镇人大工作台后再打开，数据未被改动。")


def refuse_newer_file(path: Path) -> None:
    """Read the version of an existing file read-only and refuse a newer one without touching it."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StorageError(f"{path.name} 不是可以打开的数据库文件（{exc}），未做任何改动。") from exc
    finally:
        conn.close()
    if version > SCHEMA_VERSION:
        raise _too_new(version)


def _backup_before_upgrade(db: SqliteDatabase, backup_dir: Path) -> None:
    """A full, verified ``.tobak`` of the data as it was (database and attachments), listed on the
    备份与恢复 page with the reason 升级前自动备份."""
    from town_office.backup import BEFORE_UPGRADE, create_backup
    from town_office.paths import DataFolder

    create_backup(db, DataFolder(backup_dir.parent), backup_dir, reason=BEFORE_UPGRADE)


def ensure_schema(db: SqliteDatabase, backup_dir: Path, models: list) -> str:
    """Bring the open database to ``SCHEMA_VERSION``.

    Returns:
        What happened, in Chinese, for the log ("新建数据库", "已是最新", "已从第1版升级到第2版").

    Raises:
        SchemaTooNew: the file was written by a newer program.
        StorageError: the file is not a Town Office database.
    """
    version = schema_version(db)
    if version > SCHEMA_VERSION:
        raise _too_new(version)
    if version == 0:
        if db.get_tables():
            raise StorageError("这个文件不是乡镇人大工作台的数据库（没有版本号却已有数据表），未做任何改动。")
        with db.atomic():
            db.create_tables(models)
            _set_version(db, SCHEMA_VERSION)
        return "新建数据库"
    if version == SCHEMA_VERSION:
        return "已是最新"
    _backup_before_upgrade(db, Path(backup_dir))
    migrator = SqliteMigrator(db)
    start = version
    for target in range(version + 1, SCHEMA_VERSION + 1):
        step = STEPS[target - 2]
        with migrator.migration_context():
            step(db, migrator)
            _set_version(db, target)
    return f"已从第{start}版升级到第{SCHEMA_VERSION}版"
