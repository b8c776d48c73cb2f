"""The data folder's single-writer lock, shared by the window and every command that writes.

The lock is ``town_office.lock`` in the data folder: the holder keeps an operating-system lock on it
(``flock`` on POSIX, ``msvcrt.locking`` on Windows) for as long as it runs, and writes into it who
holds it (program, process, computer, since when). The operating system drops the lock when a
program dies, so a lock left by a crashed program on this PC is simply taken over. On a folder shared
between PCs the other PC's lock may not be visible to this one: a lock file naming another computer
is therefore respected, reported with its host and time, and can be broken deliberately (``force``).
"""

from __future__ import annotations

import json
import logging
import os
import socket
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from town_office.errors import DataFolderLocked

log = logging.getLogger(__name__)

_WINDOWS_LOCK_OFFSET = 0x7FFFFFF0  # lock a byte far past the text, so the text stays readable


@dataclass(frozen=True)
class LockHolder:
    """Who holds (or last held) the lock."""

    program: str
    pid: int
    host: str
    since: str

    @property
    def text(self) -> str:
        return f"{self.program}（进程 {self.pid}，计算机 {self.host}，自 {self.since} 起）"


def _this_host() -> str:
    return socket.gethostname() or "本机"


def _os_lock(fd: int) -> bool:
    """Take the operating-system lock without waiting; False when another process holds it."""
    try:
        if sys.platform.startswith("win"):
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _os_unlock(fd: int) -> None:
    try:
        if sys.platform.startswith("win"):
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


def read_holder(path: Path) -> LockHolder | None:
    """The holder written in the lock file, or None when it is empty or unreadable."""
    try:
        text = Path(path).read_text(encoding="utf-8").strip()
        data = json.loads(text) if text else None
        if not data:
            return None
        return LockHolder(str(data["program"]), int(data["pid"]), str(data["host"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


class FolderLock:
    """A held lock; :meth:`release` (or the end of the process) frees it. ``after_unclean_end``: the
    lock file still named a holder, so the last program on this folder ended without releasing it
    (crashed, killed, power lost)."""

    def __init__(self, path: Path, fd: int, holder: LockHolder, after_unclean_end: bool = False):
        self.path, self._fd, self.holder = path, fd, holder
        self.after_unclean_end = after_unclean_end

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            os.ftruncate(self._fd, 0)  # an empty lock file is a free folder
        except OSError:
            pass
        _os_unlock(self._fd)
        os.close(self._fd)
        self._fd = None

    unlock = release  # the name QLockFile used

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def acquire(lock_file: Path, program: str, force: bool = False) -> FolderLock:
    """Take the data folder's lock for ``program`` (e.g. "窗口", "命令行 restore").

    Args:
        force: break a lock that names another computer (the clerk confirmed that nobody there is
            working on this folder).

    Raises:
        DataFolderLocked: another running program holds it; the message names it.
    """
    lock_file = Path(lock_file)
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o600)
    if not _os_lock(fd):
        os.close(fd)
        holder = read_holder(lock_file)
        who = holder.text if holder else "另一个程序"
        raise DataFolderLocked(
            f"数据文件夹正在被{who}使用：\n{lock_file.parent}\n"
            "同一个数据文件夹同时只能由一个程序写入。请先关闭它，或切换到已打开的窗口。")
    previous = read_holder(lock_file)
    here = _this_host()
    if previous and previous.host != here and not force:
        _os_unlock(fd)
        os.close(fd)
        error = DataFolderLocked(
            f"数据文件夹由另一台计算机 {previous.host} 上的{previous.program}"
            f"（自 {previous.since} 起）锁定：\n{lock_file.parent}\n"
            "如果那台计算机已经不再使用这个文件夹（例如程序异常退出），可以强制解除锁定。")
        error.other_host = previous  # the window offers to break it
        raise error
    if previous:
        log.warning("接管锁定：%s 已不在运行或已被强制解除", previous.text)
    holder = LockHolder(program, os.getpid(), here, datetime.now().strftime("%Y-%m-%d %H:%M:%S"))
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(holder.__dict__, ensure_ascii=False).encode("utf-8"))
    os.fsync(fd)
    return FolderLock(lock_file, fd, holder, after_unclean_end=previous is not None)
