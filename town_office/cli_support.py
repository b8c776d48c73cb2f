"""What every command shares: opening the data folder (taking its lock for a command that writes,
finishing an interrupted restore, the start-up housekeeping) and reading the backup password from
a file or the environment, never from the command line."""

from __future__ import annotations

import sys

from town_office.errors import TownOfficeError
from town_office.paths import resolve_data_folder

held_locks: list = []


def open_folder(args, writes: bool = False):
    """The data folder and its open database; a command that writes first takes the folder's lock
    (the same one the window holds), and keeps it until the command ends."""
    from town_office import folder_lock, housekeeping, restore_swap
    from town_office.database_file import open_database

    folder = resolve_data_folder(args.data_dir).ensure()
    if writes or (folder.root / restore_swap.JOURNAL).exists():
        held_locks.append(folder_lock.acquire(folder.lock_file, f"命令行 {args.command}",
                                               force=getattr(args, "break_lock", False)))
        housekeeping.prepare(folder)
        done = restore_swap.recover(folder.root)
        if done:
            print(done, file=sys.stderr)
    db, _ = open_database(folder.database, folder.backups)
    return folder, db


PASSWORD_ENV = "TOWN_OFFICE_BACKUP_PASSWORD"


def backup_password(args) -> str | None:
    """From --password-file or the environment, never from an argument."""
    import os

    if getattr(args, "password_file", None):
        try:
            raw = args.password_file.read_bytes()
        except OSError as exc:
            raise TownOfficeError(f"无法读取密码文件 {args.password_file}：{exc.strerror or exc}") from exc
        for encoding in ("utf-8-sig", "gb18030"):  # Notepad's UTF-8 with BOM, or GBK
            try:
                return raw.decode(encoding).strip("\r\n") or None
            except UnicodeDecodeError:
                continue
        raise TownOfficeError(f"密码文件 {args.password_file} 的编码无法识别，请另存为 UTF-8 文本")
    return os.environ.get(PASSWORD_ENV) or None
