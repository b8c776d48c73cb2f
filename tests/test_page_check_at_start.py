"""The page check of the database at start (PRAGMA quick_check reads the whole file: half a second on a
big town): after a clean end it runs on a worker once the window is shown, and damage it finds closes
the window and offers the backups; after a crash, and before an upgrade, it runs before the file is
opened, as always."""

import json
import os
import shutil
import socket
import subprocess
import sys
import textwrap

import pytest

from tests.db_files import checkpoint
from town_office import folder_lock
from town_office.database_file import open_database, page_damage
from town_office.errors import DatabaseDamaged
from town_office.models import database

pytestmark = pytest.mark.gui


def _zero_a_page(path) -> None:
    """Damage that only reading every page finds: the header, the length and the tables are sound."""
    checkpoint(path)
    with open(path, "r+b") as handle:
        handle.seek(4096 * 5)
        handle.write(b"\0" * 4096)


def test_the_lock_tells_a_clean_end_from_a_crash(tmp_path):
    lock_file = tmp_path / "town_office.lock"
    first = folder_lock.acquire(lock_file, "窗口")
    assert not first.after_unclean_end  # a new folder
    first.release()
    second = folder_lock.acquire(lock_file, "窗口")
    assert not second.after_unclean_end  # released: a clean end
    second._fd, fd = None, second._fd  # the program dies holding it: its holder stays in the file
    os.close(fd)
    third = folder_lock.acquire(lock_file, "窗口")
    assert third.after_unclean_end
    third.release()


def test_without_the_full_check_only_the_page_check_finds_page_damage(demo_town, data_folder):
    database.close()
    _zero_a_page(data_folder.database)
    with pytest.raises(DatabaseDamaged):
        open_database(data_folder.database, data_folder.backups)
    assert page_damage(data_folder.database) is not None
    open_database(data_folder.database, data_folder.backups, full_check=False)  # opens: the check comes later
    database.close()


def test_an_upgrade_has_the_full_check_first_whatever_the_caller_asks(data_folder):
    shutil.copyfile("tests/fixtures/schema_v10.sqlite3", data_folder.database)
    _zero_a_page(data_folder.database)
    before = data_folder.database.read_bytes()
    with pytest.raises(DatabaseDamaged):
        open_database(data_folder.database, data_folder.backups, full_check=False)
    assert data_folder.database.read_bytes() == before
    assert not list(data_folder.backups.glob("*.tobak"))


def test_damage_found_after_the_window_opened_closes_it_without_a_backup(qtbot, demo_town, data_folder):
    from town_office.views.main_window import MainWindow

    database.close()
    _zero_a_page(data_folder.database)
    open_database(data_folder.database, data_folder.backups, full_check=False)
    window = MainWindow(str(data_folder.root))
    qtbot.addWidget(window)
    window.auto_backup.timer.stop()
    window.show()
    window.check_pages_later(str(data_folder.database))
    assert "已损坏" in window.damage_found
    assert not window.isVisible()
    assert not list(data_folder.backups.glob("*.tobak"))  # the closing backup was not taken
    database.close()


CHILD = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    import town_office.app as app_module
    from town_office.views import damaged_database_dialog, main_window

    events = []
    def refuse(self):
        events.append(["dialog"])
        return 0
    damaged_database_dialog.DamagedDatabaseDialog.exec = refuse
    real_show, real_open = main_window.MainWindow.show, main_window.MainWindow.open_pages
    def shown(self):
        real_show(self)
        events.append(["frame"])
    def opened(self):
        real_open(self)
        events.append(["pages"])
        QTimer.singleShot(5000, QApplication.instance().quit)  # the check closes it long before
    main_window.MainWindow.show = shown
    main_window.MainWindow.open_pages = opened
    code = app_module.run_app(sys.argv[1])
    print(json.dumps({"code": code, "events": events}))
""")


@pytest.mark.parametrize("crashed", [False, True])
def test_the_program_offers_the_backups_for_damage_found_before_or_after_the_window(demo_town, data_folder,
                                                                                    tmp_path, crashed):
    database.close()
    _zero_a_page(data_folder.database)
    if crashed:  # the last program on the folder ended holding the lock
        data_folder.lock_file.write_text(json.dumps({"program": "窗口", "pid": 1, "host": socket.gethostname(),
                                                     "since": "2026-12-06 08:00:00"}), encoding="utf-8")
    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", CHILD, str(data_folder.root)], capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-1500:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 1
    kinds = [event[0] for event in result["events"]]
    # the window's frame is painted first either way; its pages open before the check only after a clean end
    assert kinds == (["frame", "dialog"] if crashed else ["frame", "pages", "dialog"])
