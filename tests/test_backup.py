"""Backups: the round trip with every table and attachment compared, a backup taken while another
connection writes, every kind of damage refused with its reason, a failed restore leaving the data
untouched, rotation across simulated days, and a full destination leaving nothing that verifies."""

import errno
import hashlib
import json
import os
import sqlite3
import threading
import tracemalloc
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from town_office import backup, backup_files
from town_office.backup import BackupError, create_backup, restore_backup, verify_backup
from town_office.errors import StorageError
from town_office.file_safety import sha256_of
from town_office.models import database
from town_office.database_file import open_database
from town_office.paths import DataFolder


def _dump(db_path: Path) -> dict[str, list]:
    conn = sqlite3.connect(db_path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
    dump = {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}
    conn.close()
    return dump


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def made(demo_town, data_folder, tmp_path):
    return create_backup(demo_town, data_folder, tmp_path / "u盘"), demo_town


def test_round_trip_keeps_every_table_and_attachment(made, data_folder, tmp_path):
    path, db = made
    assert path.name.startswith("青石镇人大_备份_") and path.suffix == ".tobak"
    info = verify_backup(path)
    assert info.town == "青石镇" and info.counts["representative"] == 87 and info.counts["hazard_photo"] == 2
    before_tables, before_files = _dump(data_folder.database), _files(data_folder.attachments)
    assert before_files
    other = DataFolder(tmp_path / "other").ensure()
    database.close()
    open_database(other.database, other.backups)
    restore_backup(path, other, None, database.close, lambda: None)
    open_database(other.database, other.backups)
    assert _dump(other.database) == before_tables
    assert _files(other.attachments) == before_files


def test_a_backup_taken_while_another_connection_writes(made, data_folder, tmp_path):
    _, db = made
    stop = threading.Event()

    def writer():
        conn = sqlite3.connect(data_folder.database, timeout=30)
        n = 0
        while not stop.is_set():
            conn.execute("INSERT INTO setting(key, value) VALUES (?, ?)", (f"k{n}", "1"))
            conn.commit()
            n += 1
        conn.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        paths = [create_backup(db, data_folder, tmp_path / "b", now=datetime(2026, 1, 1, 9, 0, i))
                 for i in range(3)]
    finally:
        stop.set()
        thread.join()
    for path in paths:
        assert verify_backup(path).counts["representative"] == 87


def _rewrite(path: Path, out: Path, change) -> Path:
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = change(info.filename, source.read(info.filename))
            if data is not None:
                target.writestr(info.filename, data)
    return out


def _flip_on_disk(path: Path, member: str, out: Path) -> Path:
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + info.compress_size // 2] ^= 0xFF
    out.write_bytes(bytes(data))
    return out


def test_every_kind_of_damage_is_refused_with_its_reason(made, tmp_path):
    path, _ = made
    with zipfile.ZipFile(path) as archive:
        attachment = next(n for n in archive.namelist() if n.startswith("attachments/"))
    cases = {
        "数据库": (_flip_on_disk(path, "database.sqlite3", tmp_path / "a.tobak"), "database.sqlite3"),
        "附件": (_flip_on_disk(path, attachment, tmp_path / "b.tobak"), attachment),
        "清单": (_flip_on_disk(path, "manifest.json", tmp_path / "c.tobak"), "manifest.json"),
        "截断": (tmp_path / "d.tobak", "不是完整的备份文件"),
        "缺少": (_rewrite(path, tmp_path / "e.tobak",
                        lambda name, data: None if name == attachment else data), "缺少文件"),
        "不符": (_rewrite(path, tmp_path / "f.tobak",
                        lambda name, data: data + b"x" if name == attachment else data), "与清单不符"),
    }
    (tmp_path / "d.tobak").write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    for label, (damaged, reason) in cases.items():
        with pytest.raises(BackupError) as caught:
            verify_backup(damaged)
        assert reason in str(caught.value), (label, str(caught.value))


def test_passwords(demo_town, data_folder, tmp_path):
    path = create_backup(demo_town, data_folder, tmp_path, password="青石2026")
    assert verify_backup(path, "青石2026").encrypted
    with pytest.raises(BackupError, match="密码不正确"):
        verify_backup(path, "wrong")
    with pytest.raises(BackupError, match="设有密码"):
        verify_backup(path)
    with zipfile.ZipFile(path) as archive:  # nothing readable without the password
        with pytest.raises(RuntimeError):
            archive.read("manifest.json")


def test_a_newer_schema_needs_a_newer_program(made, tmp_path, monkeypatch):
    path, _ = made
    from town_office.models import migrations

    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 1)
    with pytest.raises(BackupError, match="请先升级程序"):
        verify_backup(path)


def test_a_failed_restore_leaves_the_current_data_untouched(made, data_folder, monkeypatch):
    path, db = made
    database.close()
    before_db, before_files = data_folder.database.read_bytes(), _files(data_folder.attachments)
    real_replace, calls = os.replace, []

    def failing(src, dst):
        calls.append(dst)
        if len(calls) == 3:  # after the current data was moved aside, while the new moves in
            raise OSError(errno.EIO, "模拟磁盘错误")
        return real_replace(src, dst)

    monkeypatch.setattr(backup.os, "replace", failing)
    with pytest.raises(StorageError, match="原有数据未改动"):
        restore_backup(path, data_folder, None, lambda: None, lambda: None)
    monkeypatch.setattr(backup.os, "replace", real_replace)
    assert data_folder.database.read_bytes() == before_db
    assert _files(data_folder.attachments) == before_files
    assert not [p for p in data_folder.root.iterdir() if p.name.startswith(".restore")]


def test_a_destination_that_fills_up_leaves_nothing_that_verifies(made, data_folder, tmp_path,
                                                                    monkeypatch):
    _, db = made
    real_write, written = backup.write_member, []

    def filling(archive, path, name, hasher):
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(name)
        return real_write(archive, path, name, hasher)

    monkeypatch.setattr(backup, "write_member", filling)
    target = tmp_path / "满的U盘"
    with pytest.raises(StorageError, match="空间是否足够"):
        create_backup(db, data_folder, target)
    assert list(target.iterdir()) == []


def test_rotation_keeps_seven_days_four_weeks_twelve_months(tmp_path):
    start = datetime(2026, 11, 22, 18, 0)
    for days in range(0, 420):
        for hour in (9, 17):
            when = start - timedelta(days=days, hours=18 - hour)
            (tmp_path / backup.file_name("青石镇", when, backup.AUTO_REASON)).write_bytes(b"x")
    (tmp_path / backup.file_name("青石镇", start - timedelta(days=500), "恢复前自动备份")).write_bytes(b"x")
    backup_files.rotate(tmp_path)
    kept = sorted(backup_files.stamp_of(p) for p in tmp_path.glob("*自动备份_*") if "恢复前" not in p.name)
    days = {k.date() for k in kept}
    assert all((start - timedelta(days=d)).date() in days for d in range(7))  # 7 daily
    assert len({k.isocalendar()[:2] for k in kept}) >= 4
    assert len({(k.year, k.month) for k in kept}) == 12
    assert len(kept) <= 7 + 4 + 12
    assert all(k.hour == 17 for k in kept)  # the newest of each day
    assert list(tmp_path.glob("*恢复前自动备份*"))  # other reasons are never rotated away


def test_viewing_a_backup_refuses_writes_in_every_service(made, tmp_path):
    from datetime import date

    from town_office.backup import extract
    from town_office.errors import ReadOnlyError
    from town_office.models.db import connect
    from town_office.services import settings, hazards, meetings, roster, visits
    from town_office.services.roster.types import RepresentativeInput
    from town_office.services.visits.types import VisitInput

    path, _ = made
    database.close()
    target = tmp_path / "viewing"
    extract(path, None, target)
    connect(target / "town_office.sqlite3", read_only=True)
    assert len(roster.list_representatives()) == 87 and meetings.list_meetings()
    for write in (lambda: settings.update_settings(town_name="改名镇"),
                  lambda: roster.create_representative(RepresentativeInput(name="新人", gender="男")),
                  lambda: meetings.reopen(meetings.list_meetings()[-1].id, "试图重新打开"),
                  lambda: visits.save_visit(None, VisitInput(date(2026, 1, 5), (1,), "入户走访", "石门村", 2)),
                  lambda: hazards.void(hazards.find_by_number("2026-004").id, "试图作废记录",
                                       date(2026, 1, 5))):
        with pytest.raises(ReadOnlyError, match="只读"):
            write()
    assert settings.get_settings().town_name == "青石镇"
    database.close()


def test_the_window_says_it_is_read_only(qtbot, made):
    from PySide6.QtWidgets import QPushButton

    from town_office.views.main_window import MainWindow

    window = MainWindow("/tmp/viewing")
    qtbot.addWidget(window)
    window.set_read_only("查看备份：青石镇人大_备份.tobak（只读）")
    assert "只读" in window.windowTitle()
    buttons = {b.text(): b.isEnabled() for b in window.meetings_page.findChildren(QPushButton)}
    assert buttons["新建会议"] is False and buttons["删除"] is False
    assert window.ledger_page.buttons["pdf"].isEnabled() and not window.ledger_page.buttons["void"].isEnabled()
    rules_page = window.rules_page
    rules_page.document_table.selectRow(4)  # a new selection must not bring the edit buttons back
    assert rules_page.preview_button.isEnabled() and rules_page.compare_button.isEnabled()
    assert not rules_page.new_version_button.isEnabled() and not rules_page.adopt_button.isEnabled()
    window.show_page("年度考核")  # refreshing a page does not bring them back either
    assert not window.assessment_page.compute_button.isEnabled()


def test_two_backups_in_the_same_minute_get_their_own_names(made, data_folder, tmp_path):
    _, db = made
    when = datetime(2026, 11, 22, 9, 30, 5)
    first = create_backup(db, data_folder, tmp_path / "同一分钟", now=when)
    second = create_backup(db, data_folder, tmp_path / "同一分钟", now=when.replace(second=40))
    assert first.name == "青石镇人大_备份_20261122_0930.tobak"
    assert second.name == "青石镇人大_备份_20261122_0930-2.tobak"
    assert backup_files.stamp_of(second) == datetime(2026, 11, 22, 9, 30)


def _stick_that_fills_up(monkeypatch, after_bytes: int):
    """Files opened for writing by backup.py accept ``after_bytes`` and then report a full device."""
    real_open = open

    class Filling:
        def __init__(self, handle):
            self.handle, self.left = handle, after_bytes

        def write(self, data):
            if len(data) > self.left:
                self.handle.write(data[: self.left])
                self.left = 0
                raise OSError(errno.ENOSPC, "No space left on device")
            self.left -= len(data)
            return self.handle.write(data)

        def __getattr__(self, name):
            return getattr(self.handle, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    def fake_open(path, mode="r", *args, **kwargs):
        handle = real_open(path, mode, *args, **kwargs)
        return Filling(handle) if "w" in mode else handle

    monkeypatch.setattr(backup_files, "open", fake_open, raising=False)


def test_copying_to_a_stick_that_runs_out_of_space_leaves_nothing_that_verifies(made, tmp_path,
                                                                                 monkeypatch):
    local, _ = made
    stick = tmp_path / "U盘"
    _stick_that_fills_up(monkeypatch, after_bytes=local.stat().st_size // 3)
    with pytest.raises(StorageError, match="空间是否足够"):
        backup_files.copy_verified(local, stick)
    assert list(stick.iterdir()) == []
    monkeypatch.undo()
    for leftover in stick.rglob("*"):
        with pytest.raises(BackupError):
            verify_backup(leftover)
    verify_backup(local)  # the local backup is untouched


def test_a_stick_that_reads_back_differently_is_refused(made, tmp_path, monkeypatch):
    local, _ = made
    real_sha = backup_files.sha256_of
    monkeypatch.setattr(backup_files, "sha256_of", lambda p: "0" * 64 if p.name.endswith(".part") else real_sha(p))
    with pytest.raises(StorageError, match="读回"):
        backup_files.copy_verified(local, tmp_path / "坏U盘")
    assert list((tmp_path / "坏U盘").iterdir()) == []


def test_copying_to_a_stick_reads_back_the_same_checksum(made, tmp_path):
    local, _ = made
    path, checksum = backup_files.copy_verified(local, tmp_path / "U盘")
    assert path.name == local.name and checksum == sha256_of(local) == sha256_of(path)
    assert verify_backup(path).sha256 == checksum


def _with_database(path: Path, out: Path, image: bytes) -> Path:
    """The backup with another database image and a manifest that agrees with it (a forged or
    badly written backup that only the database checks can catch)."""
    def change(name, data):
        if name == "database.sqlite3":
            return image
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["members"]["database.sqlite3"] = {
                "sha256": hashlib.sha256(image).hexdigest(), "size": len(image)}
            return json.dumps(manifest).encode()
        return data
    return _rewrite(path, out, change)


def test_a_damaged_database_with_a_matching_manifest_is_refused(made, data_folder, tmp_path):
    path, _ = made
    with zipfile.ZipFile(path) as archive:
        image = bytearray(archive.read("database.sqlite3"))
    page = int.from_bytes(image[16:18], "big")
    for number in range(2, 12):  # b-tree page headers no longer say what kind of page they are
        image[(number - 1) * page] = 0xFF
    damaged = _with_database(path, tmp_path / "forged.tobak", bytes(image))
    with pytest.raises(BackupError, match="完整性检查|已损坏"):
        verify_backup(damaged)
    assert not list(data_folder.root.glob(".verify_*")), "the scratch copy is removed"


@pytest.fixture
def big_backup(demo_town, data_folder, tmp_path):
    """A backup of a 24 MB database: reading it whole costs at least 24 MB of Python memory;
    streamed, the peak stays at a few 1 MB blocks."""
    demo_town.execute_sql("CREATE TABLE filler (data BLOB)")
    demo_town.execute_sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)"
                          " INSERT INTO filler SELECT randomblob(8000) FROM n")
    return create_backup(demo_town, data_folder, tmp_path / "u盘")


def _peak_memory(work) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_verify_streams_the_database_instead_of_holding_it(big_backup, data_folder):
    info, peak = _peak_memory(lambda: verify_backup(big_backup, None, data_folder.root))
    assert info.counts["filler"] == 3000
    assert peak < 8 * 1024 * 1024, f"verify held {peak >> 20} MB"
    assert not list(data_folder.root.glob(".verify_*"))


def test_extract_streams_and_restores_the_same_bytes(big_backup, tmp_path):
    target = tmp_path / "unpacked"
    _, peak = _peak_memory(lambda: backup.extract(big_backup, None, target))
    with zipfile.ZipFile(big_backup) as archive:
        expected = archive.read("database.sqlite3")
    assert (target / "town_office.sqlite3").read_bytes() == expected
    assert peak < 8 * 1024 * 1024, f"extract held {peak >> 20} MB"


def _same_length_change(data: bytes) -> bytes:
    changed = bytearray(data)
    changed[len(changed) // 2] ^= 0x01
    return bytes(changed)


def test_a_member_changed_to_the_same_size_with_a_correct_zip_crc_is_caught(made, tmp_path):
    """Rewritten by a zip tool, the member's size and the zip's own CRC are consistent again: only
    the manifest's SHA-256 can tell."""
    path, _ = made
    with zipfile.ZipFile(path) as archive:
        attachment = next(n for n in archive.namelist() if n.startswith("attachments/"))
        original = archive.read(attachment)
    forged = _rewrite(path, tmp_path / "forged.tobak",
                      lambda name, data: _same_length_change(data) if name == attachment else data)
    with zipfile.ZipFile(forged) as archive:
        assert archive.testzip() is None  # the zip itself is sound
        info = archive.getinfo(attachment)
        assert info.file_size == len(original) and archive.read(attachment) != original
    with pytest.raises(BackupError, match="与清单不符"):
        verify_backup(forged)


def test_restore_of_a_damaged_backup_through_the_command_line_changes_nothing(made, data_folder,
                                                                              tmp_path, capsys):
    from town_office.cli import main

    path, db = made
    damaged = _flip_on_disk(path, "database.sqlite3", tmp_path / "坏.tobak")
    db.close()
    before_db, before_files = _dump(data_folder.database), _files(data_folder.attachments)
    backups_before = sorted(p.name for p in data_folder.backups.glob("*"))
    assert main(["--data-dir", str(data_folder.root), "restore", str(damaged)]) != 0
    assert "损坏" in capsys.readouterr().err
    database.close()
    assert _dump(data_folder.database) == before_db
    assert _files(data_folder.attachments) == before_files
    assert sorted(p.name for p in data_folder.backups.glob("*")) == backups_before


def test_a_backup_is_never_visible_under_its_final_name_before_it_is_complete(
        demo_town, data_folder, tmp_path, monkeypatch):
    import town_office.backup as backup_module

    dest = tmp_path / "u盘"
    seen = []
    real_verify = backup_module._verified_manifest

    def watching_verify(path, *args, **kwargs):
        seen.append(sorted(p.name for p in dest.iterdir()))
        return real_verify(path, *args, **kwargs)

    monkeypatch.setattr(backup_module, "_verified_manifest", watching_verify)
    final = create_backup(demo_town, data_folder, dest)
    [while_writing] = seen
    assert while_writing == [final.name + ".part"]  # written and checked under the .part name
    assert sorted(p.name for p in dest.iterdir()) == [final.name]
