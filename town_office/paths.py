"""The data folder: where the database, attachments, backups and logs live.

The only module that imports appdirs. Precedence: ``--data-dir``, then the ``TOWN_OFFICE_DATA_DIR``
environment variable, then portable mode (a ``portable.txt`` beside the executable keeps the data in
``data/`` next to it, for a USB-stick install), then the user data folder of the operating system.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import appdirs

APP_DIR_NAME = "TownOffice"
# appauthor=False: appdirs would otherwise use the app name as author too (…\TownOffice\TownOffice).
APP_AUTHOR = False
ENV_DATA_DIR = "TOWN_OFFICE_DATA_DIR"
PORTABLE_MARKER = "portable.txt"
DATABASE_FILE = "town_office.sqlite3"


@dataclass(frozen=True)
class DataFolder:
    """The files and folders inside one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DATABASE_FILE

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def previews(self) -> Path:
        """Papers rendered for the preview window; replaced each time, safe to empty."""
        return self.root / "previews"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def lock_file(self) -> Path:
        return self.root / "town_office.lock"

    def ensure(self) -> DataFolder:
        """Create the folder tree if missing and return self.

        Raises:
            StorageError: the folder cannot be created or written (read-only disk or folder, no
                permission), said as such instead of as a damaged database later.
        """
        from town_office.errors import StorageError

        probe = self.root / ".write_probe"
        try:
            for folder in (self.root, self.attachments, self.backups, self.logs):
                folder.mkdir(parents=True, exist_ok=True)
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise StorageError(
                f"数据文件夹 {self.root} 不能写入（{'只读' if exc.errno in (30, 13, 1) else exc.strerror}）。"
                "程序需要能写入它：请把数据文件夹放在可写的位置（或用 --data-dir 指定），"
                "只看不改请用“查看备份”。") from exc
        return self


_open_folder: list[DataFolder] = []  # the data folder whose database this process has open


def set_open_folder(folder: DataFolder) -> None:
    """Remember the data folder whose database is now open (``database_file.open_database``): where
    scratch files of the clerk's data go (``open_folder().previews``), never the system temp folder."""
    _open_folder[:] = [folder]


def open_folder() -> DataFolder | None:
    return _open_folder[0] if _open_folder else None


def executable_dir() -> Path | None:
    """Folder of the frozen executable; None when running from source (no portable mode then)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def resolve_data_folder(
    cli_dir: str | os.PathLike | None = None,
    environ: Mapping[str, str] | None = None,
    exe_dir: Path | None = None,
) -> DataFolder:
    """Decide which data folder this run uses (see the module docstring for the order)."""
    environ = os.environ if environ is None else environ
    if cli_dir:
        return DataFolder(Path(cli_dir).expanduser().resolve())
    if environ.get(ENV_DATA_DIR):
        return DataFolder(Path(environ[ENV_DATA_DIR]).expanduser().resolve())
    exe_dir = executable_dir() if exe_dir is None else exe_dir
    if exe_dir is not None and (exe_dir / PORTABLE_MARKER).exists():
        return DataFolder(exe_dir / "data")
    return DataFolder(Path(appdirs.user_data_dir(APP_DIR_NAME, APP_AUTHOR)))
