"""Backups: create, verify, restore and rotate ``.tobak`` files. Qt-free.

A backup is one zip: ``database.sqlite3`` (a snapshot taken with SQLite's online backup API and
checked with integrity_check, never a copy of the live file), every attached file under
``attachments/``, and ``manifest.json`` (program and schema version, town, term, time, reason, record
counts per table, and the SHA-256 and size of every member). With a password the members are AES-256
encrypted (pyzipper); the password is never stored.

Writing is crash-safe: the file is written under a ``.part`` name, fsynced, verified, and only then
renamed, so a half-written file never looks like a backup.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyzipper

from town_office import __version__
from town_office.errors import StorageError, TownOfficeError
from town_office.paths import DataFolder

SUFFIX = ".tobak"
MANIFEST, DATABASE_MEMBER, ATTACHMENTS = "manifest.json", "database.sqlite3", "attachments/"
AUTO_REASON, BEFORE_RESTORE = "自动备份", "恢复前自动备份"
BEFORE_IMPORT, BEFORE_UPGRADE = "导入前自动备份", "升级前自动备份"
CHUNK = 1 << 20


class BackupError(TownOfficeError):
    """A backup file that cannot be used; the message says why, in Chinese."""


@dataclass(frozen=True)
class BackupInfo:
    """What a verified backup holds (from its manifest)."""

    path: Path
    created_at: datetime
    town: str
    term: str
    reason: str
    program_version: str
    schema_version: int
    counts: dict[str, int]
    size: int
    sha256: str
    encrypted: bool


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MB blocks (the one checksum helper of the program)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def storage_error(dest_dir: Path, exc: OSError) -> StorageError:
    """The message for a destination that cannot be written (full, removed, read-only)."""
    return StorageError(f"无法写入 {dest_dir}：{exc.strerror or exc}。请检查U盘是否已拔出、空间是否足够或是否只读。")


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open folders; NTFS journals the rename
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def file_name(town: str, when: datetime, reason: str = "", copy: int = 1) -> str:
    """``<镇名>人大_备份_YYYYMMDD_HHMM.tobak``; other reasons replace 备份 (自动备份, 恢复前自动备份 …);
    a second backup within the same minute gets ``-2`` after the time."""
    prefix = f"{town or '乡镇'}人大_{'备份' if reason in ('', '手动备份') else reason}"
    return f"{prefix}_{when:%Y%m%d_%H%M}{'' if copy == 1 else f'-{copy}'}{SUFFIX}"


def free_path(dest_dir: Path, name_of: Callable[[int], str]) -> Path:
    """The first ``dest_dir / name_of(copy)`` (copy 1, 2, …) that exists neither finished nor as
    ``.part``: backups and county packages made within the same minute never overwrite each other."""
    copy = 1
    while True:
        path = Path(dest_dir) / name_of(copy)
        if not path.exists() and not path.with_name(path.name + ".part").exists():
            return path
        copy += 1


def table_counts(db_path: Path) -> dict[str, int]:
    """Rows per table of a database file, read through a read-only connection."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in sorted(tables)}
    finally:
        conn.close()


def _settings_of(db_path: Path) -> tuple[str, str, int]:
    """(town, term name, schema version) read from a database file."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        values = dict(conn.execute("SELECT key, value FROM setting").fetchall())
        town = json.loads(values.get("town_name", '""'))
        term_id = json.loads(values.get("current_term_id", "0"))
        row = conn.execute("SELECT name FROM term WHERE id = ?", (term_id,)).fetchone()
        return town, row[0] if row else "", version
    except sqlite3.DatabaseError:
        return "", "", 0
    finally:
        conn.close()


def _writer(path: Path, password: str | None):
    if password:
        archive = pyzipper.AESZipFile(path, "w", compression=zipfile.ZIP_DEFLATED,
                                      encryption=pyzipper.WZ_AES)
        archive.setpassword(password.encode("utf-8"))
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        return archive
    return pyzipper.AESZipFile(path, "w", compression=zipfile.ZIP_DEFLATED)


def create_backup(db, folder: DataFolder, dest_dir: Path, password: str | None = None,
                  reason: str = "手动备份", progress: Callable[[int, int], None] | None = None,
                  now: datetime | None = None) -> Path:
    """Write a verified backup of the open database ``db`` and ``folder``'s attachments.

    Returns:
        The path of the new ``.tobak`` file in ``dest_dir``.

    Raises:
        StorageError: the destination cannot be written (full, removed, read-only); no file that
            looks like a backup is left behind.
    """
    from town_office.models.db import snapshot_database

    now = now or datetime.now()
    dest_dir = Path(dest_dir)
    with tempfile.TemporaryDirectory(prefix=".tobak_", dir=folder.root) as tmp:
        snapshot = Path(tmp) / DATABASE_MEMBER
        snapshot_database(db, snapshot)
        town, term, version = _settings_of(snapshot)
        files = sorted(p for p in folder.attachments.rglob("*") if p.is_file()) \
            if folder.attachments.exists() else []
        members = {DATABASE_MEMBER: snapshot}
        for path in files:
            members[ATTACHMENTS + path.relative_to(folder.attachments).as_posix()] = path
        manifest = {
            "program": "乡镇人大工作台", "program_version": __version__, "schema_version": version,
            "town": town, "term": term, "created_at": now.isoformat(timespec="seconds"),
            "reason": reason, "counts": table_counts(snapshot), "encrypted": bool(password),
            "members": {name: {"sha256": sha256_of(path), "size": path.stat().st_size}
                        for name, path in members.items()},
        }
        final = free_path(dest_dir, lambda copy: file_name(town, now, reason, copy))
        partial = final.with_name(final.name + ".part")
        try:
            dest_dir.mkdir(parents=True, exist_ok=True)
            with _writer(partial, password) as archive:
                for done, (name, path) in enumerate(members.items(), start=1):
                    archive.write(path, name)
                    if progress:
                        progress(done, len(members) + 1)
                archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            _fsync(partial)
            verify_backup(partial, password)
            os.replace(partial, final)
            _fsync_dir(dest_dir)
        except OSError as exc:
            _remove_quietly(partial)
            raise storage_error(dest_dir, exc) from exc
        except BaseException:
            _remove_quietly(partial)
            raise
    if progress:
        progress(len(members) + 1, len(members) + 1)
    return final


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def _open(path: Path, password: str | None):
    try:
        archive = pyzipper.AESZipFile(path)
    except (zipfile.BadZipFile, pyzipper.BadZipFile, OSError, ValueError) as exc:
        raise BackupError(f"{Path(path).name} 不是完整的备份文件（已损坏或未写完）。") from exc
    if password:
        archive.setpassword(password.encode("utf-8"))
    return archive


def _read(archive, name: str, encrypted: bool, password: str | None) -> bytes:
    try:
        return archive.read(name)
    except RuntimeError as exc:  # zipfile: password required / bad password
        if not password:
            raise BackupError("这个备份设有密码，请输入密码。") from exc
        raise BackupError("密码不正确，无法打开这个备份。") from exc
    except (zipfile.BadZipFile, pyzipper.BadZipFile, zlib.error, OSError, ValueError) as exc:
        if encrypted and password and "password" in str(exc).lower():
            raise BackupError("密码不正确，无法打开这个备份。") from exc
        raise BackupError(f"备份中的“{name}”已损坏（校验失败）。") from exc


def verify_backup(path: Path, password: str | None = None) -> BackupInfo:
    """Check a backup completely: readable zip, manifest, every member's SHA-256 and size, the
    database's integrity_check and foreign_key_check, and a schema this program knows.

    Raises:
        BackupError: with the reason in Chinese (wrong password, damaged file, member missing,
            newer program needed).
    """
    from town_office.models.migrations import SCHEMA_VERSION

    path = Path(path)
    with _open(path, password) as archive:
        names = set(archive.namelist())
        if MANIFEST not in names:
            raise BackupError("备份文件缺少清单（manifest.json），可能不是本程序的备份或已损坏。")
        encrypted = any(info.flag_bits & 0x1 for info in archive.infolist())
        try:
            manifest = json.loads(_read(archive, MANIFEST, encrypted, password).decode("utf-8"))
            expected = manifest["members"]
        except (ValueError, KeyError, TypeError) as exc:
            raise BackupError("备份清单已损坏，无法核对。") from exc
        for name in expected:
            if name not in names:
                raise BackupError(f"备份中缺少文件“{name}”，备份不完整。")
        if manifest.get("schema_version", 0) > SCHEMA_VERSION:
            raise BackupError(f"这个备份由较新版本的程序生成（数据库结构第{manifest['schema_version']}版），"
                              f"本程序只认识到第{SCHEMA_VERSION}版，请先升级程序。")
        for name, facts in expected.items():
            data = _read(archive, name, encrypted, password)
            if len(data) != facts["size"] or hashlib.sha256(data).hexdigest() != facts["sha256"]:
                raise BackupError(f"备份中的“{name}”与清单不符（校验值不同），文件已损坏。")
            if name == DATABASE_MEMBER:
                _check_database(data)
    return BackupInfo(path, datetime.fromisoformat(manifest["created_at"]), manifest.get("town", ""),
                      manifest.get("term", ""), manifest.get("reason", ""),
                      manifest.get("program_version", ""), manifest.get("schema_version", 0),
                      manifest.get("counts", {}), path.stat().st_size, sha256_of(path), encrypted)


def _check_database(image: bytes) -> None:
    """integrity_check and foreign_key_check on the database image, in memory: the clerk's data is
    never written to the system's temporary folder."""
    image = bytearray(image)
    if image[18:20] == b"\x02\x02":  # WAL mode cannot be opened in memory; the pages are the same
        image[18:20] = b"\x01\x01"
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(bytes(image))
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise BackupError("备份中的数据库已损坏，无法打开。") from exc
    finally:
        conn.close()
    if result != ["ok"]:
        raise BackupError(f"备份中的数据库未通过完整性检查：{result[0]}")
    if broken:
        raise BackupError(f"备份中的数据库有{len(broken)}处引用不存在的记录（外键检查未通过）。")


def extract(path: Path, password: str | None, target: Path) -> None:
    """Unpack a verified backup: ``target/town_office.sqlite3`` and ``target/attachments/``."""
    from town_office.paths import DATABASE_FILE

    with _open(path, password) as archive:
        encrypted = any(info.flag_bits & 0x1 for info in archive.infolist())
        for name in archive.namelist():
            if name == MANIFEST:
                continue
            if name == DATABASE_MEMBER:
                out = target / DATABASE_FILE
            elif name.startswith(ATTACHMENTS) and ".." not in Path(name).parts:
                out = target / "attachments" / Path(*name[len(ATTACHMENTS):].split("/"))
            else:
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(_read(archive, name, encrypted, password))


def restore_backup(path: Path, folder: DataFolder, password: str | None, close_db: Callable[[], None],
                   take_safety_backup: Callable[[], Path | None]) -> Path | None:
    """Replace the data in ``folder`` with the backup, all or nothing.

    Order: verify; unpack beside the data; take the safety backup ("恢复前自动备份"); close the
    database; move the current database and attachments aside; move the backup's in; on any
    failure move the old ones back. The caller opens (and so migrates) the database afterwards.

    Returns:
        The safety backup's path.
    """
    from town_office.paths import DATABASE_FILE

    verify_backup(path, password)
    staging = folder.root / f".restore_{datetime.now():%Y%m%d%H%M%S}"
    aside = folder.root / f".replaced_{datetime.now():%Y%m%d%H%M%S}"
    try:
        extract(path, password, staging)
        safety = take_safety_backup()
        close_db()
        aside.mkdir()
        moved = []
        try:
            for name in (DATABASE_FILE, DATABASE_FILE + "-wal", DATABASE_FILE + "-shm", "attachments"):
                if (folder.root / name).exists():
                    os.replace(folder.root / name, aside / name)
                    moved.append(name)
            os.replace(staging / DATABASE_FILE, folder.root / DATABASE_FILE)
            if (staging / "attachments").exists():
                os.replace(staging / "attachments", folder.root / "attachments")
            else:
                (folder.root / "attachments").mkdir()
        except OSError as exc:
            for name in (DATABASE_FILE, "attachments"):
                if (aside / name).exists() and (folder.root / name).exists():
                    _move_out_of_the_way(folder.root / name, staging)
            for name in moved:
                os.replace(aside / name, folder.root / name)
            raise StorageError(f"恢复失败，原有数据未改动：{exc.strerror or exc}") from exc
        shutil.rmtree(aside, ignore_errors=True)
        return safety
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _move_out_of_the_way(path: Path, into: Path) -> None:
    into.mkdir(parents=True, exist_ok=True)
    os.replace(path, into / f"failed_{path.name}")


# --- automatic backups and rotation ------------------------------------------------------------


def list_backups(folder: Path) -> list[Path]:
    """Backup files in ``folder``, newest first."""
    if not Path(folder).exists():
        return []
    return sorted(Path(folder).glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)


def rotation_keeps(stamps: list[tuple[Path, datetime]], daily: int, weekly: int,
                   monthly: int) -> set[Path]:
    """Which automatic backups rotation keeps: the newest of each of the last ``daily`` days,
    ``weekly`` ISO weeks and ``monthly`` months."""
    keep: set[Path] = set()
    newest_first = sorted(stamps, key=lambda s: s[1], reverse=True)
    for count, key in ((daily, lambda d: d.date()), (weekly, lambda d: d.isocalendar()[:2]),
                       (monthly, lambda d: (d.year, d.month))):
        seen = []
        for path, when in newest_first:
            bucket = key(when)
            if bucket in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(bucket)
            keep.add(path)
    return keep


def stamp_of(path: Path) -> datetime | None:
    """The time in a backup's file name (…_YYYYMMDD_HHMM[-N].tobak)."""
    try:
        day, clock = path.stem.split("_")[-2:]
        return datetime.strptime(day + clock.split("-")[0], "%Y%m%d%H%M")
    except ValueError:
        return None


def rotate(folder: Path, daily: int = 7, weekly: int = 4, monthly: int = 12) -> list[Path]:
    """Delete automatic backups that rotation no longer keeps; returns the deleted ones. Backups
    taken for another reason (before an upgrade, import or restore, or by hand) are never touched."""
    automatic = [(p, stamp_of(p)) for p in list_backups(folder) if f"_{AUTO_REASON}_" in p.name]
    automatic = [(p, w) for p, w in automatic if w is not None]
    keep = rotation_keeps(automatic, daily, weekly, monthly)
    removed = []
    for path, _ in automatic:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


# --- the USB hand-off --------------------------------------------------------------------------


def copy_verified(local: Path, dest_dir: Path) -> tuple[Path, str]:
    """Copy a verified backup to a stick: written as ``.part``, flushed, read back and compared by
    SHA-256, and only then renamed. Returns the path on the stick and the checksum.

    Raises:
        StorageError: the stick is full, removed or read-only, or the copy reads back differently;
            nothing that looks like a backup is left on it.
    """
    local, dest_dir = Path(local), Path(dest_dir)
    expected = sha256_of(local)
    final = dest_dir / local.name
    partial = final.with_name(final.name + ".part")
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
        with open(local, "rb") as source, open(partial, "wb") as target:
            for block in iter(lambda: source.read(CHUNK), b""):
                target.write(block)
            target.flush()
            os.fsync(target.fileno())
        if sha256_of(partial) != expected:
            raise StorageError("写入U盘后读回的内容与原备份不一致，U盘可能有坏块，请换一个U盘。")
        os.replace(partial, final)
        _fsync_dir(dest_dir)
    except OSError as exc:
        _remove_quietly(partial)
        raise storage_error(dest_dir, exc) from exc
    except BaseException:
        _remove_quietly(partial)
        raise
    return final, expected


def changes_marker(db) -> int:
    """Grows with every change the clerk makes (each write leaves an audit row)."""
    return db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").fetchone()[0]


def reason_of(path: Path) -> str:
    """The reason in a backup's file name (备份 / 自动备份 / 恢复前自动备份 / 导入前自动备份 …)."""
    parts = path.stem.split("_")
    return parts[1] if len(parts) >= 4 else "备份"
