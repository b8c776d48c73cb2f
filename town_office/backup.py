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

import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pyzipper

from town_office import __version__
from town_office.errors import StorageError
from town_office.backup_inspect import BackupError, _settings_of, check_database, check_snapshot, table_counts
from town_office.backup_members import (
    DEFLATE_LEVEL,
    Hasher,
    hashing_thread,
    member_blocks,
    read_member,
    write_member,
)
from town_office.backup_seal import SEAL_MEMBER, seal, sealed_by
from town_office.file_safety import (
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


def _writer(path: Path, password: str | None):
    if password:
        archive = pyzipper.AESZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=DEFLATE_LEVEL,
                                      encryption=pyzipper.WZ_AES)
        archive.setpassword(password.encode("utf-8"))
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        return archive
    return pyzipper.AESZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=DEFLATE_LEVEL)


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
    with tempfile.TemporaryDirectory(prefix=".tobak_", dir=folder.root) as tmp, \
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-check") as checker:
        snapshot = Path(tmp) / DATABASE_MEMBER
        snapshot_database(db, snapshot, check=False)
        # The snapshot's integrity and foreign-key check runs on its own thread while the zip is written
        # (SQLite releases the GIL); the backup is abandoned before it is closed if the check fails.
        soundness = checker.submit(check_snapshot, snapshot)
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
            _write_archive(partial, password, members, manifest, soundness, progress)
            flushing = checker.submit(fsync_file, partial)  # the rest flushed to the disk during the read-back
            try:
                _verified_manifest(partial, password, Path(tmp), None)
            finally:
                flushing.result()
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


FLUSH_EVERY = 64 << 20  # written bytes flushed to the disk on a helper thread while the writing goes on


def _write_archive(partial: Path, password: str | None, members: dict[str, Path], manifest: dict,
                   soundness: Future, progress: Callable[[int, int], None] | None) -> None:
    """The zip itself: every member (hashed on a helper thread as it is written, the written part
    flushed to the disk on another), then the manifest with their SHA-256s once the database's check
    (``soundness``) has passed."""
    archive = _writer(partial, password)
    try:
        with hashing_thread() as hasher, \
                ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-flush") as flusher:
            flushed_at, flush, written = 0, None, {}
            for done, (name, path) in enumerate(members.items(), start=1):
                written[name] = write_member(archive, path, name, hasher)
                if progress:
                    progress(done, len(members) + 1)
                if archive.fp.tell() - flushed_at > FLUSH_EVERY and (flush is None or flush.done()):
                    if flush is not None:
                        flush.result()
                    archive.fp.flush()
                    flushed_at = archive.fp.tell()
                    flush = flusher.submit(os.fsync, archive.fp.fileno())
            if flush is not None:
                flush.result()
            manifest["members"] = {name: {"sha256": checksum.result(), "size": size}
                                   for name, (checksum, size) in written.items()}
        soundness.result()
        manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")
        archive.writestr(MANIFEST, manifest_bytes)
        if password:
            archive.writestr(SEAL_MEMBER, seal(manifest_bytes, password))
        archive.close()
    except BaseException:
        _abandon(archive)  # zipfile's own close would hide the disk error behind its own
        raise


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


def verify_backup(path: Path, password: str | None = None, work_dir: Path | None = None) -> BackupInfo:
    """Check a backup completely: readable zip, manifest, every member's SHA-256 and size, the
    database's integrity_check and foreign_key_check, and a schema this program knows.

    Every member is streamed; the database is checked in a scratch copy in ``work_dir`` (default:
    this run's data folder, never the system's temporary folder), removed afterwards.

    Raises:
        BackupError: with the reason in Chinese (wrong password, damaged file, member missing,
            newer program needed).
    """
    path = Path(path)
    with hashing_thread() as hasher:
        manifest, encrypted = _verified_manifest(path, password, work_dir, hasher)
    return BackupInfo(path, datetime.fromisoformat(manifest["created_at"]), manifest.get("town", ""),
                      manifest.get("term", ""), manifest.get("reason", ""),
                      manifest.get("program_version", ""), manifest.get("schema_version", 0),
                      manifest.get("counts", {}), path.stat().st_size, sha256_of(path), encrypted)


def _verified_manifest(path: Path, password: str | None, work_dir: Path | None,
                       hasher: Hasher | None) -> tuple[dict, bool]:
    """verify_backup's checks; (the manifest, whether the members are encrypted).

    Without a ``hasher``: the read-back of a backup this process has just written. Its SHA-256s were
    computed from the very bytes written and its database is the snapshot checked while writing, so
    the read-back checks the manifest, every member's presence, size and the zip's own CRC-32 (or
    authentication code) — that the file holds what was written — and leaves out a second SHA-256 of
    every byte and the database's scratch copy. verify_backup (校验, restore, the county) does both."""
    from town_office.models.migrations import SCHEMA_VERSION

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
            manifest_bytes = b"".join(member_blocks(archive, MANIFEST, encrypted, password))
            manifest = json.loads(manifest_bytes)
            expected = manifest["members"]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BackupError("备份清单已损坏，无法核对。") from exc
        if manifest.get("encrypted") and not encrypted:
            raise BackupError("清单写明备份已加密，文件却没有加密：备份被改动过，不能使用。")
        if encrypted and (SEAL_MEMBER in names or manifest.get("sealed")):
            sealed = b"".join(member_blocks(archive, SEAL_MEMBER, encrypted, password)) \
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
        checksums = []  # compared once all are read: hashing runs on behind the reading
        for name, facts in expected.items():
            with _scratch_copy(scratch, name == DATABASE_MEMBER and hasher is not None) as (out, copy):
                checksum, size = read_member(archive, name, encrypted, password, hasher, out)
                checksums.append((name, facts, size, checksum))
                if copy is not None:
                    _compare_with_manifest(*checksums.pop())
                    out.close()
                    version = check_database(copy)
                    if version != manifest.get("schema_version") or version > SCHEMA_VERSION:
                        raise BackupError(
                            f"备份中的数据库结构为第{version}版，与清单（第{manifest.get('schema_version')}版）"
                            f"不符或本程序不认识（本程序到第{SCHEMA_VERSION}版），不能使用。")
        for checked in checksums:
            _compare_with_manifest(*checked)
    return manifest, encrypted


def _compare_with_manifest(name: str, facts: dict, size: int, checksum: Future | None) -> None:
    if size != facts["size"] or (checksum is not None and checksum.result() != facts["sha256"]):
        raise BackupError(f"备份中的“{name}”与清单不符（校验值不同），文件已损坏。")


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
    with _open(path, password) as archive, hashing_thread() as hasher:
        encrypted = any(info.flag_bits & 0x1 for info in archive.infolist())
        try:
            expected = json.loads(b"".join(member_blocks(archive, MANIFEST, encrypted, password)))["members"]
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
                checksum, size = read_member(archive, name, encrypted, password, hasher, handle)
                handle.flush()
                os.fsync(handle.fileno())
            if checksum.result() != expected[name]["sha256"] or size != expected[name]["size"]:
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
