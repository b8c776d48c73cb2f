"""Backups of the open database for the window: back up now, to a USB stick (built locally, verified,
copied, read back), automatically when changes happened, list, verify and restore. The work itself is
in ``town_office/backup.py``; this module only supplies the open database and its data folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from town_office import backup, backup_files
from town_office.database_file import open_database
from town_office.models.db import database
from town_office.paths import DataFolder
from town_office.services.common import audit
from town_office.services.settings import get_settings


@dataclass(frozen=True)
class BackupFileRow:
    path: Path
    created_at: datetime
    size: int
    reason: str

    @property
    def id(self) -> str:  # the table model finds rows by id
        return str(self.path)


def data_folder() -> DataFolder:
    return DataFolder(Path(database.obj.database).parent)


def backup_now(dest_dir: Path | None = None, password: str | None = None, reason: str = "手动备份",
               progress: Callable[[int, int], None] | None = None) -> Path:
    folder = data_folder()
    return backup.create_backup(database.obj, folder, dest_dir or folder.backups, password, reason,
                                progress)


def backup_to_stick(dest_dir: Path, password: str | None,
                    progress: Callable[[int, int], None] | None = None) -> tuple[Path, str]:
    """Build and verify the backup in the data folder's backups/, then copy it to the stick and read
    it back; returns the path on the stick and its SHA-256."""
    local = backup_now(None, password, "报送备份", progress)
    copied = backup_files.copy_verified(local, Path(dest_dir))
    record_handoff(STICK_BACKUP, copied[0])
    return copied


STICK_BACKUP, COUNTY_PACKAGE = "备份到U盘", "生成报送包"


def record_handoff(action: str, where: Path) -> None:
    """A copy that left the data folder (stick backup, county package), in the audit log: the
    workbench reminds the clerk when the last one is too long ago."""
    with database.atomic():
        audit.record("backup", 0, action, {"位置": (None, str(where))})


def list_local_backups() -> list[BackupFileRow]:
    rows = []
    for path in backup_files.list_backups(data_folder().backups):
        stat = path.stat()
        rows.append(BackupFileRow(path, backup_files.stamp_of(path) or datetime.fromtimestamp(stat.st_mtime),
                                  stat.st_size, backup_files.reason_of(path)))
    return rows


def verify(path: Path, password: str | None = None) -> backup.BackupInfo:
    return backup.verify_backup(Path(path), password, data_folder().root)


def current_counts() -> dict[str, int]:
    return backup.table_counts(Path(database.obj.database))


def restore(path: Path, password: str | None = None) -> Path | None:
    """Replace the current data with the backup (after a safety backup), then reopen and upgrade.

    Returns:
        The safety backup of the data as it was.
    """
    folder = data_folder()
    db = database.obj
    safety = backup.restore_backup(
        Path(path), folder, password, database.close,
        lambda: backup.create_backup(db, folder, folder.backups, None, backup.BEFORE_RESTORE))
    open_database(folder.database, folder.backups)
    return safety


def keep_damaged_database(folder: DataFolder, now: datetime | None = None) -> Path | None:
    """Copy a database that cannot be opened into backups/ (``损坏的数据库_….sqlite3``) so that
    restoring over it never loses it; None when there is no database file."""
    import shutil

    if not folder.database.exists():
        return None
    folder.backups.mkdir(parents=True, exist_ok=True)
    kept = folder.backups / f"损坏的数据库_{(now or datetime.now()):%Y%m%d_%H%M%S}.sqlite3"
    shutil.copy2(folder.database, kept)
    for suffix in ("-wal", "-shm"):
        side = Path(str(folder.database) + suffix)
        if side.exists():
            shutil.copy2(side, Path(str(kept) + suffix))
    return kept


def restore_over_damaged(path: Path, password: str | None, folder: DataFolder) -> Path | None:
    """Restore when the current database cannot be opened (damaged, foreign or missing): it is
    not opened at all; it is kept aside (never overwritten) and the backup swapped in.

    Returns:
        Where the damaged database was kept.
    """
    kept = backup.restore_backup(Path(path), folder, password, lambda: None,
                                 lambda: keep_damaged_database(folder))
    open_database(folder.database, folder.backups)
    return kept


def changes_marker() -> int:
    return backup_files.changes_marker(database.obj)


def automatic_backup(since_marker: int | None) -> tuple[int, Path | None]:
    """If anything changed since ``since_marker``: an automatic backup into backups/, then rotation.

    Returns:
        The new marker and the backup written (None when nothing changed).
    """
    marker = changes_marker()
    if since_marker is not None and marker == since_marker:
        return marker, None
    settings = get_settings()
    path = backup_now(reason=backup.AUTO_REASON)
    backup_files.rotate(data_folder().backups, settings.backup_keep_daily, settings.backup_keep_weekly,
                  settings.backup_keep_monthly)
    return marker, path
