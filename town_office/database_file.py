"""Opening the data folder's database: the models recognise the file and migrate it, and before an
upgrade this module has the backup code take a full, verified ``.tobak`` of the data as it was
(listed on the 备份与恢复 page as 升级前自动备份). Kept apart from both so that neither the models nor
the backup code imports the other's caller."""

from __future__ import annotations

from pathlib import Path


def open_database(path, backup_dir, full_check: bool = True):
    """Connect to the SQLite file at ``path`` and bring its schema up to date, backing the data up
    into ``backup_dir`` first when an upgrade is due. ``full_check=False`` leaves the page check
    (which reads the whole file) to ``page_damage``, run by the caller soon after.

    Returns:
        ``(db, what_happened)``.
    """
    from town_office.backup import BEFORE_UPGRADE, create_backup
    from town_office.models import open_and_migrate
    from town_office.paths import DataFolder, set_open_folder

    backup_dir = Path(backup_dir)
    set_open_folder(DataFolder(Path(path).parent))

    def backup_before_upgrade(db) -> None:
        create_backup(db, DataFolder(backup_dir.parent), backup_dir, reason=BEFORE_UPGRADE)

    return open_and_migrate(path, before_upgrade=backup_before_upgrade, full_check=full_check)


def page_damage(path) -> str | None:
    """Every page of the database file read and checked (``PRAGMA quick_check``) through a read-only
    connection of its own: why the file is damaged, in Chinese, or None when it is sound."""
    from town_office.models.migrations import page_damage as check

    return check(Path(path))


def thread_connection():
    """A context for work on a thread of its own (a list read in the background): that thread's
    own SQLite connection to the open database, closed when the work is done."""
    from town_office.models import database

    return database.connection_context()
