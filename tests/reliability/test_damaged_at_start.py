"""A damaged database at start: four kinds of damage are each recognised before anything touches the
file, and the dialog lists the backups newest first and restores the chosen one, keeping the
damaged file."""

import sqlite3

import pytest

from tests.db_files import checkpoint, cut_short
from town_office import backup
from town_office.errors import DatabaseDamaged, NotOurDatabase
from town_office.models import database
from town_office.database_file import open_database

pytestmark = pytest.mark.gui


def _cut_one_byte(path):
    cut_short(path)


def _zero_a_page(path):
    with open(path, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\0" * 4096)


def _garble_header(path):
    with open(path, "r+b") as handle:
        handle.write(b"not a database at all")


def _flip_in_the_middle(path):
    data = bytearray(path.read_bytes())
    for offset in range(len(data) // 2, len(data) // 2 + 4096, 7):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


DAMAGE = {"截短": _cut_one_byte, "整页清零": _zero_a_page, "文件头": _garble_header,
          "中部乱码": _flip_in_the_middle}


@pytest.mark.parametrize("kind", DAMAGE)
def test_each_kind_of_damage_is_refused_untouched_and_the_dialog_restores(qtbot, demo_town,
                                                                          data_folder, tmp_path,
                                                                          monkeypatch, kind):
    from PySide6.QtWidgets import QMessageBox

    from town_office.views.damaged_database_dialog import DamagedDatabaseDialog

    older = backup.create_backup(demo_town, data_folder, data_folder.backups,
                                 reason=backup.AUTO_REASON)
    database.close()
    checkpoint(data_folder.database)
    DAMAGE[kind](data_folder.database)
    damaged = data_folder.database.read_bytes()
    with pytest.raises((DatabaseDamaged, NotOurDatabase)) as caught:
        open_database(data_folder.database, data_folder.backups)
    assert data_folder.database.read_bytes() == damaged
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    dialog = DamagedDatabaseDialog(data_folder, str(caught.value))
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1 and "代表87人" in dialog.list.item(0).text()
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert dialog.result() == DamagedDatabaseDialog.DialogCode.Accepted
    assert dialog.kept.read_bytes() == damaged
    conn = sqlite3.connect(data_folder.database)
    assert conn.execute("SELECT COUNT(*) FROM representative").fetchone()[0] == 87
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert older.exists()
