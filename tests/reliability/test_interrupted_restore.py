"""A restore killed at every file event (each os.replace, fsync, unlink, rename and tree removal,
in a child process that dies with os._exit, so no cleanup runs) leaves, after the next start's
recovery, the data folder wholly as it was or wholly as the backup: never a folder without its
database, never a database with the other side's attachments."""

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from town_office import backup, restore_swap
from town_office.models import database
from town_office.database_file import open_database
from town_office.services import settings

CHILD = textwrap.dedent("""
    import os, shutil, sys
    from pathlib import Path
    root, backup_file, crash_at = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
    count = [0]

    def event(real):
        def wrapped(*args, **kwargs):
            count[0] += 1
            if count[0] == crash_at:
                os._exit(137)  # killed: no finally, no cleanup
            return real(*args, **kwargs)
        return wrapped

    from town_office.paths import DataFolder
    from town_office import backup
    from town_office.models import database
    from town_office.database_file import open_database
    folder = DataFolder(root)
    open_database(folder.database, folder.backups)
    for name in ("replace", "fsync", "unlink", "rename", "rmdir"):
        setattr(os, name, event(getattr(os, name)))
    shutil.rmtree = event(shutil.rmtree)
    backup.restore_backup(backup_file, folder, None, database.close, lambda: None)
    print("completed", count[0])
""")


def _state(folder) -> tuple[str, list[str]]:
    conn = sqlite3.connect(folder.database)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    town = conn.execute("SELECT value FROM setting WHERE key='town_name'").fetchone()[0]
    conn.close()
    files = sorted(p.name for p in folder.attachments.rglob("*") if p.is_file())
    return town, files


@pytest.fixture
def old_and_new(data_folder, tmp_path):
    db, _ = open_database(data_folder.database, data_folder.backups)
    settings.update_settings(town_name="新镇")
    (data_folder.attachments / "new.txt").write_text("新的附件")
    made = backup.create_backup(db, data_folder, tmp_path / "u")
    settings.update_settings(town_name="旧镇")
    (data_folder.attachments / "new.txt").unlink()
    (data_folder.attachments / "old.txt").write_text("原有附件")
    database.close()
    return made


def test_a_restore_killed_at_any_file_event_is_wholly_old_or_wholly_new_after_recovery(
        data_folder, old_and_new, tmp_path):
    old = ('"旧镇"', ["old.txt"])
    new = ('"新镇"', ["new.txt"])
    seen, crash_at = {"old": 0, "new": 0}, 1
    pristine = tmp_path / "pristine"
    import shutil

    shutil.copytree(data_folder.root, pristine)
    while True:
        shutil.rmtree(data_folder.root)
        shutil.copytree(pristine, data_folder.root)
        child = subprocess.run([sys.executable, "-c", CHILD, str(data_folder.root), str(old_and_new),
                                str(crash_at)], capture_output=True, text=True, timeout=120)
        finished = child.returncode == 0
        assert finished or child.returncode == 137, child.stderr[-800:]
        restore_swap.recover(data_folder.root)
        assert data_folder.database.exists(), f"no database after a crash at event {crash_at}"
        state = _state(data_folder)
        assert state in (old, new), f"crash at event {crash_at}: {state}"
        seen["old" if state == old else "new"] += 1
        leftovers = [p.name for p in data_folder.root.iterdir() if p.name.startswith(".restore")]
        assert leftovers == [], leftovers
        if finished:
            assert state == new
            break
        crash_at += 1
        assert crash_at < 200
    assert seen["old"] > 3 and seen["new"] >= 1, seen
    print(f"restore: {crash_at} crash points tried, all held ({seen})")
