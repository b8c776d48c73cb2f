"""Backups: create, verify and restore ``.tobak`` files (rotation and the copy to a stick are in
``backup_files``). Qt-free.

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
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyzipper

from town_office import __version__
from town_office.errors import StorageError
from town_office.backup_inspect import BackupError, _settings_of, check_database, table_counts
from town_office.backup_seal import SEAL_MEMBER, seal, sealed_by
from town_office.file_safety import (
    CHUNK,
    fsync_dir,
    fsync_file,
    remove_quietly,
    sha256_of,
    storage_error,
)
from town_office.paths import DATABASE_FILE, DataFolder, resolve_data_folder

SUFFIX = ".tobak"
MANIFEST, DATABASE_MEMBER, ATTACHMENTS = "manifest.json", "database.sqlite3", "attachments/"
AUTO_REASON, BEFORE_RESTORE = "自动备份", "恢复前自动备份"
BEFORE_IMPORT, BEFORE_UPGRADE = "导入前自动备份", "升级前自动备份"


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


DEFLATE_LEVEL = 1  # the database deflates to about a third at level 1 already; level 6 took three times as long


def _writer(path: Path, password: str | None):
    if password:
        archive = pyzipper.AESZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=DEFLATE_LEVEL,
                                      encryption=pyzipper.WZ_AES)
        archive.setpassword(password.encode("utf-8"))
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        return archive
    return pyzipper.AESZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=DEFLATE_LEVEL)


# Formats that are compressed already: stored as they are (deflating 700 MB of photos again gains
# nothing and took most of a big town's backup time).
STORED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".pdf", ".xlsx", ".xls",
                             ".docx", ".pptx", ".zip", ".rar", ".7z", ".mp4", ".mp3", ".tobak"})


def _write_member(archive, path: Path, name: str) -> dict:
    """Write one file into the archive, hashing it on the way (one read of the file, not two)."""
    info = archive.zipinfo_cls.from_file(path, name)
    info.compress_type = zipfile.ZIP_STORED if path.suffix.lower() in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
    info._compresslevel = DEFLATE_LEVEL  # zipfile reads the level from the entry when streaming
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as source, archive.open(info, "w") as member:
        while block := source.read(CHUNK):
            digest.update(block)
            member.write(block)
            size += len(block)
    return {"sha256": digest.hexdigest(), "size": size}


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
            "sealed": bool(password), "members": {},
        }
        final = free_path(dest_dir, lambda copy: file_name(town, now, reason, copy))
        partial = final.with_name(final.name + ".part")
        try:
            dest_dir.mkdir(parents=True, exist_ok=True)
            archive = _writer(partial, password)
            try:
                for done, (name, path) in enumerate(members.items(), start=1):
                    manifest["members"][name] = _write_member(archive, path, name)
                    if progress:
                        progress(done, len(members) + 1)
                manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
                archive.writestr(MANIFEST, manifest_bytes)
                if password:
                    archive.writestr(SEAL_MEMBER, seal(manifest_bytes, password))
                archive.close()
            except BaseException:
                _abandon(archive)  # zipfile's own close would hide the disk error behind its own
                raise
            fsync_file(partial)
            verify_backup(partial, password, Path(tmp))
            os.replace(partial, final)
            fsync_dir(dest_dir)
        except OSError as exc:
            remove_quietly(partial)
            raise storage_error(dest_dir, exc) from exc
        except BaseException:
            remove_quietly(partial)
            raise
    if progress:
        progress(len(members) + 1, len(members) + 1)
    return final


def _abandon(archive) -> None:
    """Close a zip being written after a failure, without zipfile raising over the real error."""
    archive._writing = False
    try:
        archive.fp.close()
    except (OSError, AttributeError):
        pass
    archive.fp = None


def _open(path: Path, password: str | None):
    try:
        archive = pyzipper.AESZipFile(path)
    except Exception as exc:  # noqa: BLE001 - a damaged directory raises anything (struct, version…)
        raise BackupError(f"{Path(path).name} 不是完整的备份文件（已损坏或未写完）。") from exc
    if password:
        archive.setpassword(password.encode("utf-8"))
    return archive


def _blocks(archive, name: str, encrypted: bool, password: str | None) -> Iterator[bytes]:
    """A member's bytes in 1 MB blocks, so that a database of any size is never held in memory."""
    try:
        with archive.open(name) as member:
            while block := member.read(CHUNK):
                yield block
    except RuntimeError as exc:  # zipfile: password required / bad password
        if not password:
            raise BackupError("这个备份设有密码，请输入密码。") from exc
        raise BackupError("密码不正确，无法打开这个备份。") from exc
    except BackupError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged members raise zlib, struct, EOF, version errors
        if encrypted and password and "password" in str(exc).lower():
            raise BackupError("密码不正确，无法打开这个备份。") from exc
        raise BackupError(f"备份中的“{name}”已损坏（校验失败）。") from exc


def _copy_member(archive, name: str, encrypted: bool, password: str | None, out=None):
    """Read a member through once: its SHA-256 and size, written to the open file ``out`` if given."""
    digest, size = hashlib.sha256(), 0
    for block in _blocks(archive, name, encrypted, password):
        digest.update(block)
        size += len(block)
        if out is not None:
            out.write(block)
    return digest.hexdigest(), size


def verify_backup(path: Path, password: str | None = None, work_dir: Path | None = None) -> BackupInfo:
    """Check a backup completely: readable zip, manifest, every member's SHA-256 and size, the
    database's integrity_check and foreign_key_check, and a schema this program knows.

    Every member is streamed; the database is checked in a scratch copy in ``work_dir`` (default:
    this run's data folder, never the system's temporary folder), removed afterwards.

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
        flags = {info.filename: bool(info.flag_bits & 0x1) for info in archive.infolist()}
        encrypted = any(flags.values())
        plain = sorted(name for name, on in flags.items() if not on)
        if encrypted and plain:
            raise BackupError(f"加密的备份中有未加密的文件“{plain[0]}”，备份被改动过，不能使用。")
        try:
            manifest_bytes = b"".join(_blocks(archive, MANIFEST, encrypted, password))
            manifest = json.loads(manifest_bytes)
            expected = manifest["members"]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BackupError("备份清单已损坏，无法核对。") from exc
        if manifest.get("encrypted") and not encrypted:
            raise BackupError("清单写明备份已加密，文件却没有加密：备份被改动过，不能使用。")
        if encrypted and (SEAL_MEMBER in names or manifest.get("sealed")):
            sealed = b"".join(_blocks(archive, SEAL_MEMBER, encrypted, password)) \
                if SEAL_MEMBER in names else b""
            if not sealed_by(manifest_bytes, sealed, password or ""):
                raise BackupError("备份清单的密码签名不符：清单被改动过，不能使用。")
        if not isinstance(expected, dict) or DATABASE_MEMBER not in expected:
            raise BackupError("备份清单中没有数据库，备份不完整或清单被改动过。")
        for name in expected:
            if name not in names:
                raise BackupError(f"备份中缺少文件“{name}”，备份不完整。")
        extra = sorted(names - set(expected) - {MANIFEST, SEAL_MEMBER})
        if extra:
            raise BackupError(f"备份中有清单上没有的文件“{extra[0]}”，备份被改动过。")
        if manifest.get("schema_version", 0) > SCHEMA_VERSION:
            raise BackupError(f"这个备份由较新版本的程序生成（数据库结构第{manifest['schema_version']}版），"
                              f"本程序只认识到第{SCHEMA_VERSION}版，请先升级程序。")
        scratch = Path(work_dir or resolve_data_folder().ensure().root)
        for name, facts in expected.items():
            with _scratch_copy(scratch, name == DATABASE_MEMBER) as (out, copy):
                checksum, size = _copy_member(archive, name, encrypted, password, out)
                if size != facts["size"] or checksum != facts["sha256"]:
                    raise BackupError(f"备份中的“{name}”与清单不符（校验值不同），文件已损坏。")
                if copy is not None:
                    out.close()
                    version = check_database(copy)
                    if version != manifest.get("schema_version") or version > SCHEMA_VERSION:
                        raise BackupError(
                            f"备份中的数据库结构为第{version}版，与清单（第{manifest.get('schema_version')}版）"
                            f"不符或本程序不认识（本程序到第{SCHEMA_VERSION}版），不能使用。")
    return BackupInfo(path, datetime.fromisoformat(manifest["created_at"]), manifest.get("town", ""),
                      manifest.get("term", ""), manifest.get("reason", ""),
                      manifest.get("program_version", ""), manifest.get("schema_version", 0),
                      manifest.get("counts", {}), path.stat().st_size, sha256_of(path), encrypted)


@contextmanager
def _scratch_copy(folder: Path, wanted: bool):
    """(open file, its path) of a scratch file in ``folder`` when ``wanted``, else (None, None);
    the file is removed on the way out whatever happens."""
    if not wanted:
        yield None, None
        return
    handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".verify_", suffix=".sqlite3",
                                         delete=False)
    try:
        with handle:
            yield handle, Path(handle.name)
    finally:
        remove_quietly(Path(handle.name))


def extract(path: Path, password: str | None, target: Path) -> None:
    """Unpack a verified backup: ``target/town_office.sqlite3`` and ``target/attachments/``."""
    with _open(path, password) as archive:
        encrypted = any(info.flag_bits & 0x1 for info in archive.infolist())
        try:
            expected = json.loads(b"".join(_blocks(archive, MANIFEST, encrypted, password)))["members"]
        except (ValueError, KeyError, TypeError) as exc:
            raise BackupError("备份清单已损坏，无法核对。") from exc
        for name in archive.namelist():
            if name == MANIFEST or name not in expected:
                continue
            if name == DATABASE_MEMBER:
                out = target / DATABASE_FILE
            elif name.startswith(ATTACHMENTS) and ".." not in Path(name).parts:
                out = target / "attachments" / Path(*name[len(ATTACHMENTS):].split("/"))
            else:
                continue
            out.parent.mkdir(parents=True, exist_ok=True)
            with open(out, "wb") as handle:
                checksum, size = _copy_member(archive, name, encrypted, password, handle)
                handle.flush()
                os.fsync(handle.fileno())
            if checksum != expected[name]["sha256"] or size != expected[name]["size"]:
                raise BackupError(f"备份中的“{name}”解开后与清单不符，文件已损坏。")


def restore_backup(path: Path, folder: DataFolder, password: str | None, close_db: Callable[[], None],
                   take_safety_backup: Callable[[], Path | None]) -> Path | None:
    """Replace the data in ``folder`` with the backup, all or nothing, even across a crash.

    Order: verify; unpack beside the data and check what was unpacked (every member against the
    manifest, the database's integrity and schema); take the safety backup ("恢复前自动备份"); close
    the database; swap (``restore_swap``: journalled, flushed, undone or finished at the next start
    if cut off). The caller opens (and so migrates) the database afterwards.

    Returns:
        The safety backup's path.
    """
    from town_office import restore_swap

    verify_backup(path, password, folder.root)
    staging = folder.root / f"{restore_swap.STAGING_PREFIX}{datetime.now():%Y%m%d%H%M%S}"
    try:
        extract(path, password, staging)
        check_database(staging / DATABASE_FILE)
        safety = take_safety_backup()
        close_db()
        try:
            restore_swap.swap_in(folder.root, staging)
        except OSError as exc:
            restore_swap.roll_back(folder.root, staging)
            raise StorageError(f"恢复失败，原有数据未改动：{exc.strerror or exc}") from exc
        return safety
    finally:
        shutil.rmtree(staging, ignore_errors=True)
