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

from town_office.errors import DatabaseDamaged, NotOurDatabase, SchemaTooNew, StorageError
from town_office.models.search_index import create as create_search_index
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


APPLICATION_ID = 0x546F4F66  # "ToOf": PRAGMA application_id of every Town Office database
OUR_TABLES = {"setting", "term", "representative", "audit_entry"}


def _file_damage(path: Path, page_size: int, header_pages: int) -> str | None:
    """A file whose length does not match its pages has lost its end (or gained junk)."""
    size = path.stat().st_size
    wal = Path(str(path) + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None  # committed pages may still be in the WAL; SQLite's checks decide
    if size % page_size:
        return f"文件长度（{size} 字节）不是整页，文件末尾缺损"
    if header_pages and header_pages * page_size != size:
        return f"文件长度与文件头记录的页数（{header_pages}页）不符，文件不完整"
    return None


def recognise_file(path: Path, full_check: bool = True) -> None:
    """Look at an existing file read-only before anything touches it: refuse a newer program's
    file, another program's database and a damaged one, each with its reason and nothing changed.

    Args:
        full_check: also read every page (``PRAGMA quick_check``, which grows with the file: half a
            second on a big town). Without it the header, the length and the tables are checked and
            the caller runs ``page_damage`` soon after; an upgrade always has the full check first.

    Raises:
        SchemaTooNew, NotOurDatabase, DatabaseDamaged.
    """
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise StorageError(f"无法读取数据库文件 {path}：{exc.strerror or exc}") from exc
    if not header.startswith(b"SQLite format 3\0"):
        raise NotOurDatabase(f"{path.name} 不是数据库文件（可能已严重损坏或被其他文件替换），未做任何改动。")
    page_size = int.from_bytes(header[16:18], "big") or 65536
    header_pages = int.from_bytes(header[28:32], "big")
    if int.from_bytes(header[24:28], "big") != int.from_bytes(header[92:96], "big"):
        header_pages = 0  # the page count field is only valid when these agree
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        quick = _quick_check(conn) if full_check or version < SCHEMA_VERSION else ["ok"]
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(f"数据库文件 {path.name} 已损坏，无法读取（{exc}）。") from exc
    finally:
        conn.close()
    if version > SCHEMA_VERSION:
        raise _too_new(version)
    if app_id not in (0, APPLICATION_ID) or (tables and not OUR_TABLES <= tables):
        raise NotOurDatabase(f"{path.name} 不是乡镇人大工作台的数据库（是其他程序的数据库），未做任何改动。")
    damage = _file_damage(path, page_size, header_pages)
    if damage or quick != ["ok"]:
        raise DatabaseDamaged(f"数据库文件 {path.name} 已损坏：{damage or '；'.join(quick)}。")


def _quick_check(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("PRAGMA quick_check(5)")]


def page_damage(path: Path) -> str | None:
    """The page check ``recognise_file`` leaves out without ``full_check``, on a read-only connection
    of its own (it may run on a worker thread while the program works): the reason in Chinese, or
    None when the file is sound."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        quick = _quick_check(conn)
    except sqlite3.DatabaseError as exc:
        return f"数据库文件 {Path(path).name} 已损坏，无法读取（{exc}）。"
    finally:
        conn.close()
    return None if quick == ["ok"] else f"数据库文件 {Path(path).name} 已损坏：{'；'.join(quick)}。"


def ensure_schema(db: SqliteDatabase, models: list, before_upgrade) -> str:
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
            create_search_index(db)
            _set_version(db, SCHEMA_VERSION)
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")
        return "新建数据库"
    if db.execute_sql("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        db.execute_sql(f"PRAGMA application_id = {APPLICATION_ID}")  # files from before the mark
    if version == SCHEMA_VERSION:
        return "已是最新"
    before_upgrade(db)  # the caller's verified backup of the data as it was
    migrator = SqliteMigrator(db)
    start = version
    for target in range(version + 1, SCHEMA_VERSION + 1):
        step = STEPS[target - 2]
        with migrator.migration_context():
            step(db, migrator)
            _set_version(db, target)
    return f"已从第{start}版升级到第{SCHEMA_VERSION}版"
