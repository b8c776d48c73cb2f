"""Files the clerk attaches (meeting materials, filed minutes, later photos) live in the data folder's
``attachments/`` beside the database, so a backup of the folder carries them. Stored paths are
relative to that folder and use forward slashes on every system."""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from town_office.errors import StorageError
from town_office.file_safety import sha256_of
from town_office.models.db import database
from town_office.paths import DataFolder

log = logging.getLogger(__name__)
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class StoredFile:
    stored_path: str  # relative to the attachments folder
    size: int
    sha256: str


def attachments_root() -> Path:
    """The attachments folder of the open database's data folder."""
    return DataFolder(Path(database.obj.database).parent).attachments


def preview_path(file_name: str) -> Path:
    """Where a paper rendered for the preview window goes (inside the data folder, never /tmp:
    the papers carry names and phone numbers)."""
    folder = DataFolder(Path(database.obj.database).parent).previews
    folder.mkdir(parents=True, exist_ok=True)
    return folder / safe_name(file_name)


def absolute(stored_path: str) -> Path:
    """The file a stored (relative, ``/``-separated) path names, resolved; it must lie inside the
    attachments folder, whatever the record says (``../`` or an absolute path are refused).

    Raises:
        StorageError: the path leads outside the attachments folder.
    """
    root = attachments_root().resolve()
    parts = [p for p in str(stored_path).replace("\\", "/").split("/") if p]
    target = root.joinpath(*parts).resolve() if parts else root
    if not parts or Path(str(stored_path)).is_absolute() or not target.is_relative_to(root) \
            or target == root:
        raise StorageError(f"记录中的附件位置“{stored_path}”不在数据文件夹的附件目录中，已拒绝读写或删除。")
    return target


def safe_name(name: str) -> str:
    """A file name Windows and Linux both accept, keeping the Chinese."""
    cleaned = _UNSAFE.sub("_", name).strip(" .")
    return cleaned or "附件"


def _free_target(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix, n = target.stem, target.suffix, 2
    while target.exists():
        target = folder / f"{stem}（{n}）{suffix}"
        n += 1
    return target


def store_file(source: Path, *folder_parts: str, name: str | None = None) -> StoredFile:
    """Copy ``source`` into ``attachments/<folder_parts>/`` under a free name; fsync before returning.

    Raises:
        StorageError: the source cannot be read or the copy cannot be written.
    """
    source = Path(source)
    folder = attachments_root().joinpath(*folder_parts)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = _free_target(folder, safe_name(name or source.name))
        partial = target.with_name(target.name + ".part")
        shutil.copyfile(source, partial)
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except OSError as exc:
        raise StorageError(f"无法保存附件“{source.name}”：{exc.strerror or exc}") from exc
    relative = target.relative_to(attachments_root()).as_posix()
    return StoredFile(relative, target.stat().st_size, sha256_of(target))


@contextmanager
def stored(source: Path, *folder_parts: str) -> Iterator[StoredFile]:
    """Store a copy of ``source`` for the record the block writes; should the block fail (the
    transaction rolled back), the copy is removed again, so no file is left without its record."""
    kept = store_file(source, *folder_parts)
    try:
        yield kept
    except BaseException:
        remove_file(kept.stored_path)
        raise


def remove_file(stored_path: str) -> None:
    """Delete a stored file if it is still there (its record is already gone); a path that leads
    outside the attachments folder is never deleted (logged instead)."""
    try:
        target = absolute(stored_path)
    except StorageError as exc:
        log.error("%s", exc)
        return
    target.unlink(missing_ok=True)
