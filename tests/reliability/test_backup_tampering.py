"""Backups under attack: every flipped byte of a plain and an encrypted backup is refused with a
reason (never accepted, never a traceback); an encrypted backup cannot be forged without its
password; malformed manifests are refused."""

import json
import zipfile

import pytest

from town_office.backup import BackupError, create_backup, verify_backup
from town_office.backup_seal import SEAL_MEMBER

PASSWORD = "青石2026"


@pytest.fixture
def small(make_representative, data_folder, tmp_path):
    from town_office.models import database

    make_representative()
    (data_folder.attachments / "会议材料.txt").write_text("材料内容" * 50)
    plain = create_backup(database.obj, data_folder, tmp_path / "plain")
    sealed = create_backup(database.obj, data_folder, tmp_path / "sealed", PASSWORD)
    return plain, sealed


def _flip(path, offset, out):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xA5
    out.write_bytes(bytes(data))
    return out


@pytest.mark.parametrize("which, flips", [
    ("plain", 150), ("sealed", 150),
    pytest.param("plain", 2000, marks=pytest.mark.long),
    pytest.param("sealed", 2000, marks=pytest.mark.long),
])
def test_every_flipped_byte_is_refused_with_a_reason(small, tmp_path, which, flips):
    source = small[0] if which == "plain" else small[1]
    password = None if which == "plain" else PASSWORD
    size = source.stat().st_size
    stride = max(1, size // flips)
    tried = held = 0
    for offset in range(0, size, stride):
        damaged = _flip(source, offset, tmp_path / "flip.tobak")
        tried += 1
        try:
            verify_backup(damaged, password, tmp_path)
        except BackupError:
            held += 1
            continue
        # a flip the zip format never reads (e.g. inside a comment or padding) must change nothing
        with zipfile.ZipFile(damaged) as a, zipfile.ZipFile(source) as b:
            assert [i.CRC for i in a.infolist()] == [i.CRC for i in b.infolist()], offset
            held += 1
    assert tried == held and tried >= min(flips, size) * 0.6
    print(f"{which}: {tried} byte flips tried, {held} held")


def test_an_encrypted_backup_cannot_be_forged_by_swapping_in_plain_members(small, tmp_path):
    plain, sealed = small
    with zipfile.ZipFile(plain) as p:
        plain_db, plain_manifest = p.read("database.sqlite3"), p.read("manifest.json")
    import pyzipper

    forged = tmp_path / "forged.tobak"
    with zipfile.ZipFile(forged, "w", zipfile.ZIP_DEFLATED) as dst:  # the forger's own content
        dst.writestr("database.sqlite3", plain_db)
        dst.writestr("manifest.json", plain_manifest)
    with pyzipper.AESZipFile(forged, "a", compression=zipfile.ZIP_DEFLATED,
                             encryption=pyzipper.WZ_AES) as dst, zipfile.ZipFile(plain) as p:
        dst.setpassword(b"not-the-password")  # the forger does not know the clerk's
        for name in p.namelist():
            if name.startswith("attachments/"):
                dst.writestr(name, p.read(name))
    with pytest.raises(BackupError, match="未加密|改动"):
        verify_backup(forged, PASSWORD, tmp_path)
    # all plain, but the manifest says it was encrypted
    with zipfile.ZipFile(forged, "w") as dst:
        manifest = json.loads(plain_manifest)
        manifest["encrypted"] = True
        dst.writestr("manifest.json", json.dumps(manifest))
        dst.writestr("database.sqlite3", plain_db)
        with zipfile.ZipFile(plain) as p:
            for name in p.namelist():
                if name.startswith("attachments/"):
                    dst.writestr(name, p.read(name))
    with pytest.raises(BackupError, match="没有加密"):
        verify_backup(forged, PASSWORD, tmp_path)


def test_a_sealed_backup_without_its_seal_is_refused(small, tmp_path):
    import pyzipper

    _, sealed = small
    stripped = tmp_path / "stripped.tobak"
    with pyzipper.AESZipFile(sealed) as src:
        src.setpassword(PASSWORD.encode())
        members = {n: src.read(n) for n in src.namelist() if n != SEAL_MEMBER}
    with pyzipper.AESZipFile(stripped, "w", compression=zipfile.ZIP_DEFLATED,
                             encryption=pyzipper.WZ_AES) as dst:
        dst.setpassword(PASSWORD.encode())
        manifest = json.loads(members["manifest.json"])
        manifest["counts"]["representative"] = 999  # an edited manifest, re-encrypted
        members["manifest.json"] = json.dumps(manifest).encode()
        for name, data in members.items():
            dst.writestr(name, data)
    with pytest.raises(BackupError, match="签名"):
        verify_backup(stripped, PASSWORD, tmp_path)
    assert verify_backup(sealed, PASSWORD, tmp_path).counts["representative"] == 1


@pytest.mark.parametrize("change", ["no members", "schema 99", "extra member"])
def test_malformed_manifests_are_refused(small, tmp_path, change):
    plain, _ = small
    out = tmp_path / "bad.tobak"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        manifest = json.loads(src.read("manifest.json"))
        if change == "no members":
            manifest["members"] = {}
        if change == "schema 99":
            import sqlite3

            db = tmp_path / "db.sqlite3"
            db.write_bytes(src.read("database.sqlite3"))
            conn = sqlite3.connect(db)
            conn.execute("PRAGMA user_version = 99")
            conn.commit()
            conn.close()
        for name in src.namelist():
            if name == "manifest.json":
                continue
            data = src.read(name)
            if change == "schema 99" and name == "database.sqlite3":
                import hashlib

                data = db.read_bytes()
                manifest["members"][name] = {"sha256": hashlib.sha256(data).hexdigest(),
                                             "size": len(data)}
            dst.writestr(name, data)
        if change == "extra member":
            dst.writestr("attachments/../../evil.txt", b"x")
        dst.writestr("manifest.json", json.dumps(manifest))
    with pytest.raises(BackupError) as caught:
        verify_backup(out, None, tmp_path)
    assert {"no members": "没有数据库", "schema 99": "第99版", "extra member": "清单上没有"}[change] \
        in str(caught.value)
