"""Writing the clerk's files safely: the program's one checksum helper, flushing a file and the
rename of it to disk, quiet clean-up of a partial file, and the message for a destination that
cannot be written. Used by backups, the copy to a stick, the county package and attachments."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from town_office.errors import StorageError

CHUNK = 1 << 20


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


def fsync_file(path: Path) -> None:
    """Flush a written file to the disk."""
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op where folders cannot be opened)."""
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


def remove_quietly(path: Path) -> None:
    """Delete a file if it is there; a file that cannot be deleted is left alone."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
