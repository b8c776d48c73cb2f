"""Swapping restored data into the data folder so that a crash at any point leaves it wholly old or
wholly new.

A journal file is written before anything moves. The current database (with its -wal/-shm) and
attachments go aside into ``.restore_old``, the unpacked ones come in from the staging folder, the
journal is marked swapped, and only then is the old data removed. At the next start
:func:`recover` reads the journal: not yet swapped → everything moved aside goes back (wholly old);
swapped → the leftovers are removed (wholly new). Every step is flushed to disk (files, then folders)
before the next, so that a power cut cannot reorder them.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

from town_office.file_safety import fsync_dir
from town_office.paths import DATABASE_FILE

log = logging.getLogger(__name__)

JOURNAL = ".restore_journal.json"
ASIDE = ".restore_old"
STAGING_PREFIX = ".restore_"
SWAPPED = (DATABASE_FILE, DATABASE_FILE + "-wal", DATABASE_FILE + "-shm", "attachments")


def _write_journal(root: Path, staging: Path, phase: str) -> None:
    temporary = root / (JOURNAL + ".part")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump({"staging": staging.name, "aside": ASIDE, "phase": phase}, handle)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, root / JOURNAL)
    fsync_dir(root)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def flush_tree(folder: Path) -> None:
    """fsync every folder of ``folder``'s tree (the files were flushed as they were written)."""
    for current, _dirs, _files in os.walk(folder):
        fsync_dir(Path(current))


def swap_in(root: Path, staging: Path) -> None:
    """Put ``staging``'s database and attachments in place of ``root``'s (see the module text)."""
    root, staging = Path(root), Path(staging)
    flush_tree(staging)
    _write_journal(root, staging, "swapping")
    aside = root / ASIDE
    aside.mkdir(exist_ok=True)
    for name in SWAPPED:
        if (root / name).exists():
            os.replace(root / name, aside / name)
    fsync_dir(aside)
    fsync_dir(root)
    os.replace(staging / DATABASE_FILE, root / DATABASE_FILE)
    if (staging / "attachments").exists():
        os.replace(staging / "attachments", root / "attachments")
    else:
        (root / "attachments").mkdir()
    fsync_dir(root)
    _write_journal(root, staging, "swapped")
    _finish(root, staging)


def _finish(root: Path, staging: Path) -> None:
    for leftover in (root / ASIDE, staging):
        if leftover.exists():
            _remove(leftover)
    (root / JOURNAL).unlink(missing_ok=True)
    fsync_dir(root)


def roll_back(root: Path, staging: Path) -> None:
    """Put back everything moved aside (a swap that failed or was cut off before it completed)."""
    aside = root / ASIDE
    for name in SWAPPED:
        if (aside / name).exists():
            if (root / name).exists() or (root / name).is_symlink():
                _remove(root / name)  # the restored one, partly moved in
            os.replace(aside / name, root / name)
    fsync_dir(root)
    _finish(root, staging)


def recover(root: Path) -> str | None:
    """Finish or undo a restore that was cut off; remove staging folders of one that never began
    to swap. Returns what was done, in Chinese, or None when there was nothing to do."""
    root = Path(root)
    journal = root / JOURNAL
    done = None
    if journal.exists():
        try:
            state = json.loads(journal.read_text(encoding="utf-8"))
            staging = root / Path(state["staging"]).name
            phase = state["phase"]
        except (OSError, ValueError, KeyError, TypeError):
            staging, phase = root / (STAGING_PREFIX + "unknown"), "swapping"
        if phase == "swapped":
            _finish(root, staging)
            done = "上次从备份恢复在最后一步中断，已完成恢复（数据为备份中的数据）。"
        else:
            roll_back(root, staging)
            done = "上次从备份恢复被中断，已退回恢复前的数据（未做任何改动）。"
        log.warning(done)
    (root / (JOURNAL + ".part")).unlink(missing_ok=True)
    for leftover in root.glob(STAGING_PREFIX + "*"):
        if not leftover.name.startswith(JOURNAL):
            _remove(leftover)  # unpacked by a restore that never began to swap
    return done
