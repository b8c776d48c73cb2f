"""The 备份与恢复 page and the automatic backups: back up now, to a stick (read back), verify,
restore with the counts shown first; automatic backups only when something changed."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from town_office import backup
from town_office.services import settings, backups
from town_office.views.backups import page as page_module
from town_office.views.backups.page import BackupPage


@pytest.fixture
def page(qtbot, demo_town):
    widget = BackupPage()
    qtbot.addWidget(widget)
    return widget


def test_automatic_backup_only_after_a_change(demo_town, data_folder):
    marker = backups.changes_marker()
    assert backups.automatic_backup(marker) == (marker, None)
    assert not list(data_folder.backups.glob("*.tobak"))
    settings.update_settings(backup_interval_minutes=15)
    new_marker, path = backups.automatic_backup(marker)
    assert new_marker > marker and path.parent == data_folder.backups
    assert "_自动备份_" in path.name and backup.verify_backup(path).reason == "自动备份"
    assert backups.automatic_backup(new_marker) == (new_marker, None)


def test_back_up_now_lists_the_file_and_verifies_it(qtbot, page, data_folder):
    page.now_button.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=20000)
    assert "已备份" in page.result.text()
    row = page.model.rows()[0]
    assert row.reason == "备份" and row.path.exists() and row.size > 0
    page.table.selectRow(0)
    page.verify_button.click()
    assert page.result.text().startswith("备份完好：青石镇") and "代表87" in page.result.text()


def test_back_up_to_a_stick_reads_it_back(qtbot, page, tmp_path, monkeypatch):
    stick = tmp_path / "U盘"
    stick.mkdir()
    page.drive.insertItem(0, "测试U盘", str(stick))
    page.drive.setCurrentIndex(0)
    answers = iter([("机密口令", True), ("机密口令", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    page.to_stick.click()
    qtbot.waitUntil(lambda: "备份成功" in page.result.text(), timeout=20000)
    on_stick = list(stick.glob("*.tobak"))
    assert len(on_stick) == 1 and str(on_stick[0]) in page.result.text()
    info = backup.verify_backup(on_stick[0], "机密口令")
    assert info.encrypted and info.sha256 in page.result.text()
    with pytest.raises(backup.BackupError, match="密码"):
        backup.verify_backup(on_stick[0])


def test_passwords_that_differ_stop_the_stick_backup(qtbot, page, tmp_path, monkeypatch):
    stick = tmp_path / "U盘"
    stick.mkdir()
    page.drive.insertItem(0, "测试U盘", str(stick))
    page.drive.setCurrentIndex(0)
    answers = iter([("口令一", True), ("口令二", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    page.to_stick.click()
    assert warned and "不一致" in warned[0]
    assert list(stick.iterdir()) == []


def test_restore_shows_both_sides_then_replaces_the_data(qtbot, page, data_folder, monkeypatch):
    from town_office.services import roster
    from town_office.services.roster.types import RepresentativeInput

    kept = backups.backup_now()
    page.reload()
    roster.create_representative(RepresentativeInput(name="备份后新增", gender="女"))
    assert len(roster.list_representatives()) == 88
    shown = []
    monkeypatch.setattr(page_module, "confirm", lambda parent, title, text, *a: shown.append(text) or True)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page.table.selectRow(0)
    assert page.selected().path == kept
    with qtbot.waitSignal(page.restored):
        page.restore_button.click()
    assert "代表87" in shown[0] and "现有：代表88" in shown[0]
    assert len(roster.list_representatives()) == 87
    safety = [p for p in data_folder.backups.glob("*.tobak") if "恢复前自动备份" in p.name]
    assert len(safety) == 1 and backup.verify_backup(safety[0]).counts["representative"] == 88


def test_a_damaged_backup_is_not_restored(qtbot, page, data_folder, tmp_path, monkeypatch):
    from town_office.services import roster

    path = backups.backup_now()
    broken = tmp_path / path.name
    broken.write_bytes(path.read_bytes()[:1000])
    warned = []
    monkeypatch.setattr(page_module, "warn", lambda parent, title, exc: warned.append(str(exc)))
    monkeypatch.setattr(page_module, "confirm", lambda *a: pytest.fail("不应询问是否恢复"))
    page.restore_from(Path(broken))
    assert warned and "不是完整的备份文件" in warned[0]
    assert len(roster.list_representatives()) == 87


def test_the_county_package_from_the_page(qtbot, page, tmp_path, monkeypatch):
    stick = tmp_path / "U盘"
    stick.mkdir()
    page.drive.insertItem(0, "测试U盘", str(stick))
    page.drive.setCurrentIndex(0)
    page.year.setValue(2025)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", True))
    page.package_button.click()
    qtbot.waitUntil(lambda: "报送包已生成" in page.result.text(), timeout=30000)
    folders = list(stick.iterdir())
    assert len(folders) == 1 and folders[0].name.startswith("青石镇人大_报送包_2025年_")
    assert str(folders[0]) in page.result.text() and "移交清单" in page.result.text()
    minutes = sorted(p.name for p in (folders[0] / "会议纪要").iterdir())
    assert len(minutes) == 4 and "第十三次" in minutes[0] + minutes[1] + minutes[2] + minutes[3]


def test_verifying_an_encrypted_backup_asks_for_its_password(page, monkeypatch):
    path = backups.backup_now(password="口令")
    answers = iter([("错的", True), ("口令", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(answers))
    warned = []
    monkeypatch.setattr(page_module, "warn", lambda parent, title, exc: warned.append(str(exc)))
    page._verify(path)
    assert warned and "密码" in warned[0] and not page.result.text().startswith("备份完好")
    page._verify(path)
    assert page.result.text().startswith("备份完好：青石镇")
