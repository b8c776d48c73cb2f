"""What every start does to the data folder before opening it: make it the user's own (folders
0700 and files 0600 on POSIX, and a umask so that what the program writes later is too; on Windows
the per-user profile already is), and remove what killed programs left behind — snapshots of a
backup (``.tobak_*``), a backup into ``backups/`` cut off while written (``*.tobak.part``, as big as
the folder), a county package being built (``.handoff_*``), a verify's scratch copy (``.verify_*``,
once a day old) and the copies of viewers that are no longer running."""

from __future__ import annotations

import logging
import os
import shutil
import sys
import time
from pathlib import Path

from town_office import folder_lock
from town_office.errors import DataFolderLocked
from town_office.paths import DataFolder

log = logging.getLogger(__name__)

VIEWER_LOCK = "viewer.lock"
_DAY = 24 * 3600


def make_private(folder: DataFolder) -> None:
    """Folders 0700, files 0600 (POSIX); later files are created user-only through the umask."""
    if sys.platform.startswith("win"):
        return
    os.umask(0o077)
    for current, dirs, files in os.walk(folder.root):
        try:
            os.chmod(current, 0o700)
            for name in files:
                os.chmod(os.path.join(current, name), 0o600)
        except OSError as exc:  # a file of someone else's: leave it, say so in the log
            log.warning("无法设置权限 %s：%s", current, exc)
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(current, d))]


def _remove(path: Path) -> None:
    try:
        shutil.rmtree(path) if path.is_dir() else path.unlink()
        log.info("清理遗留文件：%s", path)
    except OSError as exc:
        log.warning("无法清理 %s：%s", path, exc)


def remove_leftovers(folder: DataFolder, now: float | None = None) -> list[Path]:
    """Remove what killed programs left in the data folder (call while holding its lock)."""
    now = time.time() if now is None else now
    removed = []
    for pattern in (".tobak_*", ".handoff_*"):
        for path in folder.root.glob(pattern):
            _remove(path)
            removed.append(path)
    for path in folder.backups.glob("*.tobak.part"):  # a backup of the folder cut off while written
        _remove(path)
        removed.append(path)
    for path in folder.root.glob(".verify_*"):
        if now - path.stat().st_mtime > _DAY:
            _remove(path)
            removed.append(path)
    viewing = folder.root / "viewing"
    if viewing.is_dir():
        for copy in viewing.iterdir():
            try:
                lock = folder_lock.acquire(copy / VIEWER_LOCK, "清理") if copy.is_dir() else None
            except DataFolderLocked:
                continue  # a viewer is still showing it
            if lock:
                lock.release()
            _remove(copy)
            removed.append(copy)
    return removed


def prepare(folder: DataFolder) -> None:
    """The start-up housekeeping of a writer that holds the folder's lock."""
    make_private(folder)
    remove_leftovers(folder)
