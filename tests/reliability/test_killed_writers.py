"""Backup, roster import and schema upgrade killed at each of their file events (os.replace,
fsync, unlink, rename, tree removal), in a child that dies with os._exit: after the next start the
data is intact and either unchanged or wholly changed, and no backup that is not complete sits
under its final name."""

import shutil
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from tests.conftest import FIXTURES
from tests.test_roster_import import good_rows, messy_workbook
from town_office.backup import BackupError, verify_backup

CHILD = textwrap.dedent("""
    import os, shutil, sys
    from pathlib import Path
    operation, root, extra, crash_at = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    count = [0]

    def event(real):
        def wrapped(*args, **kwargs):
            count[0] += 1
            if count[0] == crash_at:
                os._exit(137)
            return real(*args, **kwargs)
        return wrapped

    from town_office.paths import DataFolder
    from town_office.models import database
    from town_office.database_file import open_database
    folder = DataFolder(root)
    if operation != "upgrade":
        open_database(folder.database, folder.backups)
    for name in ("replace", "fsync", "unlink", "rename", "rmdir"):
        setattr(os, name, event(getattr(os, name)))
    shutil.rmtree = event(shutil.rmtree)
    if operation == "backup":
        from town_office.backup import create_backup
        create_backup(database.obj, folder, Path(extra))
    elif operation == "import":
        from town_office.services.roster.importing import apply_import, preview_import
        apply_import(preview_import(Path(extra)))
    else:
        open_database(folder.database, folder.backups)
    print("completed", count[0])
""")


def _reps(database_path) -> int:
    conn = sqlite3.connect(database_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT COUNT(*) FROM representative").fetchone()[0]
    finally:
        conn.close()


def _run_until_complete(operation, data_folder, pristine, extra, check) -> int:
    crash_at = 1
    while True:
        shutil.rmtree(data_folder.root, ignore_errors=True)
        shutil.copytree(pristine, data_folder.root)
        child = subprocess.run([sys.executable, "-c", CHILD, operation, str(data_folder.root),
                                str(extra), str(crash_at)], capture_output=True, text=True, timeout=300)
        assert child.returncode in (0, 137), child.stderr[-800:]
        from town_office import housekeeping, restore_swap

        housekeeping.remove_leftovers(data_folder)  # what the next start does
        restore_swap.recover(data_folder.root)
        check(child.returncode == 0, crash_at)
        if child.returncode == 0:
            return crash_at
        crash_at += 1
        assert crash_at < 400


def test_a_killed_backup_never_leaves_an_incomplete_backup_under_its_name(demo_town, data_folder,
                                                                          tmp_path):
    demo_town.close()
    pristine = tmp_path / "pristine"
    shutil.copytree(data_folder.root, pristine)
    stick = tmp_path / "u"

    def check(finished, crash_at):
        assert _reps(data_folder.database) == 87
        for found in stick.glob("*.tobak"):
            try:
                verify_backup(found, None, tmp_path)
            except BackupError as exc:
                pytest.fail(f"crash at {crash_at}: {found.name} is not complete: {exc}")
        assert not list(data_folder.root.glob(".tobak_*"))
        if finished:
            assert len(list(stick.glob("*.tobak"))) >= 1
        shutil.rmtree(stick, ignore_errors=True)

    events = _run_until_complete("backup", data_folder, pristine, stick, check)
    print(f"backup: {events} crash points tried, all held")


def test_a_killed_import_is_all_or_nothing(current_term, data_folder, tmp_path):
    from town_office.models import database

    database.close()
    pristine = tmp_path / "pristine"
    shutil.copytree(data_folder.root, pristine)
    workbook = messy_workbook(tmp_path / "名册.xlsx", good_rows())

    def check(finished, crash_at):
        count = _reps(data_folder.database)
        assert count in (0, 4), f"crash at {crash_at}: {count} deputies"
        if finished:
            assert count == 4

    events = _run_until_complete("import", data_folder, pristine, workbook, check)
    print(f"import: {events} crash points tried, all held")


def test_a_killed_upgrade_leaves_a_database_the_next_start_opens(data_folder, tmp_path):
    data_folder.ensure()
    shutil.copy(FIXTURES / "schema_v1.sqlite3", data_folder.database)
    pristine = tmp_path / "pristine"
    shutil.copytree(data_folder.root, pristine)

    def check(finished, crash_at):
        from town_office.models import database
        from town_office.database_file import open_database
        from town_office.models.migrations import SCHEMA_VERSION, schema_version

        db, _ = open_database(data_folder.database, data_folder.backups)  # the next start
        assert schema_version(db) == SCHEMA_VERSION
        database.close()
        assert _reps(data_folder.database) == 46, crash_at  # the v1 fixture: one term

    events = _run_until_complete("upgrade", data_folder, pristine, "-", check)
    print(f"upgrade: {events} crash points tried, all held")
