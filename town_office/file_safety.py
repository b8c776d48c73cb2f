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
    """The message for a destination that cannot be written, saying what happened: 空间不足,
    只读, 被拔出 (or the system's own words)."""
    import errno

    what = {errno.ENOSPC: "空间不足", errno.EROFS: "磁盘或U盘是只读的", errno.EACCES: "没有写入权限（只读）",
            errno.EPERM: "没有写入权限（只读）", errno.ENOENT: "文件夹不存在（U盘可能已被拔出）",
            errno.EIO: "读写出错（U盘可能已被拔出或损坏）", errno.ENODEV: "设备已被拔出",
            getattr(errno, "EDQUOT", -1): "空间不足（超出配额）"}.get(exc.errno)
    detail = what or (exc.strerror or str(exc))
    return StorageError(f"无法写入 {dest_dir}：{detail}。请检查U盘是否已拔出、空间是否足够或是否只读；"
                        "没有留下不完整的文件。")


def write_file_atomically(out: Path, data: bytes) -> None:
    """Write ``data`` to ``out``: a temporary name beside it, flushed, then renamed (the folder
    flushed too); on any failure nothing is left under either name."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.part")
    try:
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, out)
    except BaseException:
        remove_quietly(partial)
        raise
    fsync_dir(out.parent)


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
