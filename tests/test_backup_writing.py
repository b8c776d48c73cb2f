"""Writing a backup with its work spread over helper threads (hashing, the database's check, flushing):
the manifest's checksums are still each file's own, a database that fails its check is never backed
up, and a file that does not read back as written is never kept."""

import hashlib
import json
import zipfile

import pytest

from town_office import backup
from town_office.backup import BackupError, create_backup, verify_backup


def test_the_manifest_holds_each_files_own_checksum_though_hashed_on_another_thread(demo_town, data_folder,
                                                                                     tmp_path):
    large = data_folder.attachments / "hazards" / "大照片.jpg"
    large.parent.mkdir(parents=True, exist_ok=True)
    large.write_bytes(bytes(range(256)) * 14_000 + b"end")  # 3.4 MB: several blocks whose order matters
    path = create_backup(demo_town, data_folder, tmp_path / "u盘")
    with zipfile.ZipFile(path) as archive:
        members = json.loads(archive.read(backup.MANIFEST))["members"]
        assert archive.getinfo("attachments/hazards/大照片.jpg").compress_type == zipfile.ZIP_STORED
    files = [p for p in data_folder.attachments.rglob("*") if p.is_file()]
    assert len(files) >= 3
    for file in files:
        name = "attachments/" + file.relative_to(data_folder.attachments).as_posix()
        assert members[name] == {"sha256": hashlib.sha256(file.read_bytes()).hexdigest(),
                                 "size": file.stat().st_size}
    assert verify_backup(path).counts["representative"] == 87  # the full check: every SHA-256 read back


def test_a_live_database_with_a_broken_reference_is_not_backed_up(demo_town, data_folder, tmp_path):
    demo_town.execute_sql("PRAGMA foreign_keys = OFF")
    demo_town.execute_sql("INSERT INTO visit_deputy (visit_id, representative_id) "
                          "SELECT MIN(id), 999999 FROM visit")
    demo_town.execute_sql("PRAGMA foreign_keys = ON")
    dest = tmp_path / "u盘"
    with pytest.raises(BackupError, match="当前的数据库（备份未写成）有1处引用不存在的记录（外键检查未通过）"):
        create_backup(demo_town, data_folder, dest)
    assert list(dest.iterdir()) == []
    assert not [p for p in data_folder.root.iterdir() if p.name.startswith(".tobak_")]


def test_a_file_that_does_not_read_back_as_written_is_not_kept(demo_town, data_folder, tmp_path, monkeypatch):
    photo = data_folder.attachments / "hazards" / "现场.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(b"\xff\xd8" + b"photo-bytes " * 5000)
    real_read_back = backup._verified_manifest

    def damaged_read_back(path, *args):  # the disk gives back one byte changed in the photo's stored data
        data = bytearray(path.read_bytes())
        data[data.index(b"photo-bytes " * 100) + 600] ^= 0x01
        path.write_bytes(bytes(data))
        return real_read_back(path, *args)

    monkeypatch.setattr(backup, "_verified_manifest", damaged_read_back)
    dest = tmp_path / "u盘"
    with pytest.raises(BackupError, match="现场.jpg"):
        create_backup(demo_town, data_folder, dest)
    assert list(dest.iterdir()) == []
