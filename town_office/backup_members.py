"""The members of a backup zip, written and read with their SHA-256 computed on a second thread.

Hashing releases the GIL, as do the zip's CRC, deflate and the disk work, so on two cores the checksum
costs almost nothing beside the copy itself: each block is hashed on the helper thread while this
thread writes (or reads) it. Blocks are hashed in order, one in flight at a time. Qt-free.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from town_office.backup_inspect import BackupError
from town_office.file_safety import CHUNK

DEFLATE_LEVEL = 1  # the database deflates to about a quarter at level 1 already; level 6 took three times as long

# Formats that are compressed already: stored as they are (deflating 700 MB of photos again gains
# nothing and took most of a big town's backup time).
STORED_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".pdf", ".xlsx", ".xls",
                             ".docx", ".pptx", ".zip", ".rar", ".7z", ".mp4", ".mp3", ".tobak"})


IN_FLIGHT = 8  # blocks handed to the hashing thread and not yet hashed: at most 8 MB held


class Hasher:
    """SHA-256s computed on one helper thread, blocks in the order given, up to IN_FLIGHT blocks
    behind this thread; each member's digest is a Future, so the copying runs on into the next member
    while the last blocks of this one are hashed (a photo is a single block)."""

    def __init__(self, pool: ThreadPoolExecutor):
        self._pool, self._pending = pool, deque()

    def feed(self, digest, block: bytes) -> None:
        while len(self._pending) >= IN_FLIGHT:
            self._pending.popleft().result()
        self._pending.append(self._pool.submit(digest.update, block))

    def digest_of(self, digest) -> Future:
        """The hex digest once every block fed so far is hashed (the one thread keeps the order)."""
        return self._pool.submit(digest.hexdigest)


@contextmanager
def hashing_thread() -> Iterator[Hasher]:
    """The helper thread that hashes blocks while this thread copies them."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-hash")
    try:
        yield Hasher(pool)
    finally:
        pool.shutdown(wait=True)


def write_member(archive, path: Path, name: str, hasher: Hasher) -> tuple[Future, int]:
    """Write one file into the archive, hashing it on the way (one read of the file, not two).

    Returns:
        The member's SHA-256 (a Future of its hex digest) and size.
    """
    info = archive.zipinfo_cls.from_file(path, name)
    info.compress_type = zipfile.ZIP_STORED if path.suffix.lower() in STORED_SUFFIXES else zipfile.ZIP_DEFLATED
    info._compresslevel = DEFLATE_LEVEL  # zipfile reads the level from the entry when streaming
    digest, size = hashlib.sha256(), 0
    with open(path, "rb") as source, archive.open(info, "w") as member:
        while block := source.read(CHUNK):
            hasher.feed(digest, block)
            member.write(block)
            size += len(block)
    return hasher.digest_of(digest), size


def member_blocks(archive, name: str, encrypted: bool, password: str | None) -> Iterator[bytes]:
    """A member's bytes in 1 MB blocks, so that a database of any size is never held in memory."""
    try:
        with archive.open(name) as member:
            while block := member.read(CHUNK):
                yield block
    except RuntimeError as exc:  # zipfile: password required / bad password
        if not password:
            raise BackupError("这个备份设有密码，请输入密码。") from exc
        raise BackupError("密码不正确，无法打开这个备份。") from exc
    except BackupError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged members raise zlib, struct, EOF, version errors
        if encrypted and password and "password" in str(exc).lower():
            raise BackupError("密码不正确，无法打开这个备份。") from exc
        raise BackupError(f"备份中的“{name}”已损坏（校验失败）。") from exc


def read_member(archive, name: str, encrypted: bool, password: str | None, hasher: Hasher | None,
                out=None) -> tuple[Future | None, int]:
    """Read a member through once: its SHA-256 (a Future of its hex digest; None without a ``hasher``)
    and size, written to the open file ``out`` if given. Reading it to the end also checks the zip's
    own CRC-32 (or, encrypted, its authentication code) of the member."""
    digest, size = hashlib.sha256(), 0
    for block in member_blocks(archive, name, encrypted, password):
        if hasher is not None:
            hasher.feed(digest, block)
        size += len(block)
        if out is not None:
            out.write(block)
    return (hasher.digest_of(digest) if hasher is not None else None), size
