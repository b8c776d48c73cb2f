"""The backup files on disk: listing them, the time and reason in their names, the rotation of
automatic backups, and the verified copy to a USB stick. Qt-free."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import json
import zipfile

from town_office import backup
from town_office.backup import AUTO_REASON, SUFFIX
from town_office.errors import StorageError
from town_office.file_safety import CHUNK, fsync_dir, remove_quietly, sha256_of, storage_error


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
        fsync_dir(dest_dir)
    except OSError as exc:
        remove_quietly(partial)
        raise storage_error(dest_dir, exc) from exc
    except BaseException:
        remove_quietly(partial)
        raise
    return final, expected


def changes_marker(db) -> int:
    """Grows with every change the clerk makes (each write leaves an audit row)."""
    return db.execute_sql("SELECT COALESCE(MAX(id), 0) FROM audit_entry").fetchone()[0]


def reason_of(path: Path) -> str:
    """The reason in a backup's file name (备份 / 自动备份 / 恢复前自动备份 / 导入前自动备份 …)."""
    parts = path.stem.split("_")
    return parts[1] if len(parts) >= 4 else "备份"


def read_manifest(path: Path) -> dict | None:
    """The manifest of a backup as a list shows it (time, reason, counts), without checking the
    backup; None when it cannot be read without a password or is damaged."""
    try:
        with backup._open(path, None) as archive:
            info = archive.getinfo(backup.MANIFEST)
            if info.flag_bits & 0x1 or info.file_size > 10 * 1024 * 1024:
                return None
            return json.loads(archive.read(backup.MANIFEST))
    except (backup.BackupError, KeyError, ValueError, OSError, zipfile.BadZipFile, RuntimeError):
        return None
