"""The data folder is the user's own, killed programs' leftovers go at the next start, password
files in the encodings Windows writes are read, and nothing with full ID numbers is left outside
the data folder."""

import os
import stat
import sys
import time

import pytest

from town_office import backup, housekeeping
from town_office.cli import main


@pytest.mark.skipif(sys.platform.startswith("win"), reason="POSIX permissions")
def test_the_data_folder_and_its_files_are_the_users_own(tmp_path, capsys):
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "demo"]) == 0
    for current, _dirs, files in os.walk(data):
        assert stat.S_IMODE(os.stat(current).st_mode) == 0o700, current
        for name in files:
            mode = stat.S_IMODE(os.stat(os.path.join(current, name)).st_mode)
            assert mode & 0o077 == 0, (name, oct(mode))


def test_killed_programs_leftovers_are_removed_at_the_next_start(data_folder):
    data_folder.ensure()
    snapshot = data_folder.root / ".tobak_abc123"
    snapshot.mkdir()
    (snapshot / "database.sqlite3").write_text("名单")
    package = data_folder.root / ".handoff_x"
    package.mkdir()
    cut_off = data_folder.backups / "青石镇人大_备份_20261206_0930.tobak.part"
    cut_off.write_bytes(b"PK\x03\x04 half a backup")
    complete = data_folder.backups / "青石镇人大_备份_20261206_0900.tobak"
    complete.write_bytes(b"PK\x03\x04 a whole one")
    old_verify = data_folder.root / ".verify_old.sqlite3"
    old_verify.write_text("x")
    os.utime(old_verify, (time.time() - 3 * 86400,) * 2)
    fresh_verify = data_folder.root / ".verify_now.sqlite3"
    fresh_verify.write_text("x")
    dead_viewer = data_folder.root / "viewing" / "20261201"
    dead_viewer.mkdir(parents=True)
    (dead_viewer / "town_office.sqlite3").write_text("副本")
    live_viewer = data_folder.root / "viewing" / "20261206"
    live_viewer.mkdir()
    from town_office import folder_lock

    held = folder_lock.acquire(live_viewer / housekeeping.VIEWER_LOCK, "查看备份")
    try:
        housekeeping.remove_leftovers(data_folder)
    finally:
        held.release()
    assert not snapshot.exists() and not package.exists() and not old_verify.exists()
    assert not cut_off.exists() and complete.exists()
    assert fresh_verify.exists()  # a verify may be running right now
    assert not dead_viewer.exists() and live_viewer.exists()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gbk", "utf-8"])
def test_password_files_as_notepad_writes_them(demo_town, data_folder, tmp_path, capsys,
                                               monkeypatch, encoding):
    made = backup.create_backup(demo_town, data_folder, tmp_path / "u", "青石2026")
    secret = tmp_path / "密码.txt"
    secret.write_bytes("青石2026\r\n".encode(encoding))
    monkeypatch.delenv("TOWN_OFFICE_BACKUP_PASSWORD", raising=False)
    assert main(["--data-dir", str(data_folder.root), "verify", str(made), "--password-file",
                 str(secret)]) == 0


def test_a_package_without_a_password_says_its_copies_are_unencrypted(demo_town, tmp_path):
    from tests.pdf_helpers import pdf_text
    from town_office.services.backups import handoff

    package = handoff.build_package(tmp_path / "U盘", 2026, None)
    text = "".join(pdf_text(package.folder / handoff.SHEET_NAME)).replace("\n", "").replace(" ", "")
    assert "备份文件和全部可阅读的副本都没有加密" in text


def test_no_export_leaves_personal_data_outside_the_data_folder(demo_town, tmp_path, monkeypatch):
    """Exports with full ID numbers write only their target: the system temp folder stays clean."""
    import tempfile

    from town_office.models import Representative
    from town_office.services.roster.export import export_roster

    temp = tmp_path / "system-temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    export_roster(tmp_path / "名册.xlsx", with_id_numbers=True)
    assert list(temp.iterdir()) == []
    numbers = [r.id_number for r in Representative.select() if r.id_number]
    assert numbers
    leftovers = [p for p in tmp_path.iterdir() if p.name != "名册.xlsx" and p.is_file()]
    assert leftovers == []


def test_no_readable_output_holds_a_full_id_number(demo_town, tmp_path):
    """Every readable file of the county package (papers, workbooks, archives) and the default
    roster export, searched for each deputy's full ID number and its middle digits."""
    import zipfile

    from tests.pdf_helpers import pdf_text
    from town_office.models import Representative
    from town_office.services.backups import handoff
    from town_office.services.roster.export import export_roster

    numbers = [r.id_number for r in Representative.select() if r.id_number]
    assert len(numbers) > 10
    package = handoff.build_package(tmp_path / "U盘", 2026, None)
    export_roster(package.folder / "名册.xlsx")
    searched = 0
    for path in package.folder.rglob("*"):
        if path.suffix == ".pdf":
            text = "".join(pdf_text(path)).replace(" ", "").replace("\n", "")
        elif path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as book:
                text = "".join(book.read(n).decode("utf-8", "replace") for n in book.namelist())
        else:
            continue
        searched += 1
        for number in numbers:
            assert number not in text and number[6:14] not in text, (path.name, number[:4])
    assert searched >= 8
