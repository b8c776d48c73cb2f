"""Opening databases: fresh, current, every released schema, newer, foreign; and the upgrade path."""

import shutil
import sqlite3

import pytest
from peewee import CharField

from tests.conftest import FIXTURES
from tests.db_files import cut_short
from town_office.backup import verify_backup
from town_office.errors import SchemaTooNew, StorageError
from town_office.models import Representative, database
from town_office.database_file import open_database
from town_office.models.migrations import SCHEMA_VERSION, schema_version, steps


def _schema(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
                        "ORDER BY type, name").fetchall()
    conn.close()
    return rows


def test_fresh_file_gets_the_current_schema(data_folder):
    db, what = open_database(data_folder.database, data_folder.backups)
    assert what == "新建数据库"
    assert schema_version(db) == SCHEMA_VERSION
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    database.close()


def test_fixture_of_the_current_version_matches_a_fresh_schema(data_folder):
    """A model change without a migration step (and a new fixture) fails here."""
    open_database(data_folder.database, data_folder.backups)
    database.close()
    assert _schema(data_folder.database) == _schema(FIXTURES / f"schema_v{SCHEMA_VERSION}.sqlite3")


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_every_released_schema_opens_with_its_data(data_folder, version, tmp_path):
    shutil.copy(FIXTURES / f"schema_v{version}.sqlite3", data_folder.database)
    db, _ = open_database(data_folder.database, data_folder.backups)
    assert schema_version(db) == SCHEMA_VERSION
    # from version 9 the demo town is in the middle of its 换届: 第二十届's 41 deputies as well
    assert Representative.select().count() == (46 if version < 9 else 87)
    assert Representative.get(Representative.name == "刘𬌗", Representative.term == 1).gender == "女"
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    database.close()
    fresh = tmp_path / "fresh" / "db.sqlite3"
    fresh.parent.mkdir()
    open_database(fresh, tmp_path / "fresh")
    database.close()
    assert _schema(data_folder.database) == _schema(fresh)  # upgraded == created new


def test_newer_schema_is_refused_and_left_untouched(data_folder):
    shutil.copy(FIXTURES / "schema_v1.sqlite3", data_folder.database)
    conn = sqlite3.connect(data_folder.database)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = data_folder.database.read_bytes()
    with pytest.raises(SchemaTooNew, match="新版本"):
        open_database(data_folder.database, data_folder.backups)
    assert data_folder.database.read_bytes() == before


def test_a_foreign_sqlite_file_is_refused(data_folder):
    conn = sqlite3.connect(data_folder.database)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="不是乡镇人大工作台的数据库"):
        open_database(data_folder.database, data_folder.backups)


def test_upgrade_backs_up_first_and_keeps_child_rows(data_folder, monkeypatch):
    """A step that makes SQLite rebuild a parent table must not cascade-delete its children."""
    shutil.copy(FIXTURES / "schema_v1.sqlite3", data_folder.database)

    def step_2(db, migrator):
        from playhouse.migrate import migrate
        migrate(migrator.add_column("term", "note", CharField(default="")),
                migrator.drop_column("term", "note"))  # drop_column rebuilds the table

    monkeypatch.setattr(steps, "STEPS", [step_2])
    from town_office.models import migrations
    monkeypatch.setattr(migrations, "STEPS", [step_2])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 2)
    db, what = open_database(data_folder.database, data_folder.backups)
    assert what == "已从第1版升级到第2版"
    assert schema_version(db) == 2
    assert Representative.select().count() == 46
    assert db.execute_sql("SELECT COUNT(*) FROM representative_level").fetchone()[0] >= 46
    backups = list(data_folder.backups.glob("*_升级前自动备份_*.tobak"))
    assert len(backups) == 1
    info = verify_backup(backups[0])
    assert info.schema_version == 1 and info.counts["representative"] == 46
    assert info.reason == "升级前自动备份"
    database.close()


def test_upgrade_to_v8_records_the_listing_of_hazards_already_supervised(data_folder):
    from town_office.models import HazardSupervision

    shutil.copy(FIXTURES / "schema_v7.sqlite3", data_folder.database)
    open_database(data_folder.database, data_folder.backups)
    rows = [(s.hazard.year, s.hazard.seq, s.listed_on.isoformat(), s.notice_year, s.notice_seq)
            for s in HazardSupervision.select()]
    database.close()
    assert rows == [(2026, 2, "2026-05-12", 2026, 1)]  # the demo's one 重大 hazard, listed when found


def test_another_programs_database_with_a_version_is_never_upgraded(data_folder):
    from town_office.errors import NotOurDatabase

    conn = sqlite3.connect(data_folder.database)
    conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    before = data_folder.database.read_bytes()
    with pytest.raises(NotOurDatabase, match="不是乡镇人大工作台的数据库"):
        open_database(data_folder.database, data_folder.backups)
    assert data_folder.database.read_bytes() == before
    assert not list(data_folder.backups.glob("*"))  # no "before upgrade" backup of it either


def test_our_files_carry_the_application_id(data_folder):
    from town_office.models.migrations import APPLICATION_ID

    db, _ = open_database(data_folder.database, data_folder.backups)
    assert db.execute_sql("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    database.close()


def test_a_database_cut_short_by_one_byte_is_found_damaged_by_open_check_and_backup(
        demo_town, data_folder, tmp_path, capsys):
    from town_office.cli import main
    from town_office.errors import DatabaseDamaged

    database.close()
    cut_short(data_folder.database)
    before = data_folder.database.read_bytes()
    with pytest.raises(DatabaseDamaged, match="缺损"):
        open_database(data_folder.database, data_folder.backups)
    assert main(["--data-dir", str(data_folder.root), "check"]) == 1
    assert "已损坏" in capsys.readouterr().err
    assert main(["--data-dir", str(data_folder.root), "backup", "--to", str(tmp_path / "u")]) == 2
    assert not (tmp_path / "u").exists() or not list((tmp_path / "u").glob("*.tobak"))
    assert data_folder.database.read_bytes() == before  # never touched


def test_restore_over_a_damaged_database_works_without_opening_it_and_keeps_it(
        demo_town, data_folder, tmp_path, capsys):
    from town_office import backup
    from town_office.cli import main

    made = backup.create_backup(demo_town, data_folder, tmp_path / "u")
    database.close()
    cut_short(data_folder.database)
    damaged = data_folder.database.read_bytes()
    assert main(["--data-dir", str(data_folder.root), "restore", str(made)]) == 0
    out = capsys.readouterr()
    assert "已损坏" in out.err and "原来的数据库文件保存为" in out.out
    [kept] = data_folder.backups.glob("损坏的数据库_*.sqlite3")
    assert kept.read_bytes() == damaged  # the damaged file is kept as it was
    database.close()
    assert main(["--data-dir", str(data_folder.root), "check"]) == 0
