"""The composition root: data folder -> log -> single-writer lock -> database -> Qt -> window."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler

from PySide6.QtCore import QLockFile
from PySide6.QtWidgets import QApplication, QMessageBox

from town_office import APP_NAME
from town_office.errors import DataFolderLocked, TownOfficeError
from town_office.paths import DataFolder, resolve_data_folder

log = logging.getLogger("town_office")


def setup_logging(folder: DataFolder) -> None:
    handler = RotatingFileHandler(folder.logs / "town_office.log", maxBytes=2_000_000, backupCount=3,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def acquire_lock(folder: DataFolder) -> QLockFile:
    """Hold the data folder's lock for as long as the returned object lives.

    Raises:
        DataFolderLocked: another running program holds it.
    """
    lock = QLockFile(str(folder.lock_file))
    lock.setStaleLockTime(0)  # a crashed program's lock is recognised by its dead PID, not by age
    if not lock.tryLock(100):
        info = lock.getLockInfo()  # PySide6 returns (pid, hostname, appname)
        pid, host = info[-3], info[-2]
        raise DataFolderLocked(
            f"{APP_NAME}已经在运行（进程 {pid}，计算机 {host}），正在使用数据文件夹\n{folder.root}\n"
            "同一个数据文件夹同时只能由一个程序写入。请切换到已打开的窗口。")
    return lock


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("TownOffice")
    from town_office.views.fonts import install_bundled_font

    install_bundled_font(app)
    return app


def run_viewer(backup_file: str, password: str | None) -> int:
    """Open a backup read-only (the county's use): unpacked into this PC's data folder under
    ``viewing/``, upgraded there if older, then opened with every write refused; the local data is
    never touched and the copy is removed on exit."""
    import shutil
    from datetime import datetime
    from pathlib import Path

    from town_office.backup import extract, verify_backup
    from town_office.models import database, open_database
    from town_office.models.db import connect
    from town_office.views.main_window import MainWindow

    folder = resolve_data_folder(None).ensure()
    setup_logging(folder)
    app = ensure_application()
    target = folder.root / "viewing" / datetime.now().strftime("%Y%m%d%H%M%S%f")
    try:
        info = verify_backup(Path(backup_file), password, folder.root)
        extract(Path(backup_file), password, target)
        open_database(target / "town_office.sqlite3", target / "backups")
        database.close()
        connect(target / "town_office.sqlite3", read_only=True)
    except TownOfficeError as exc:
        shutil.rmtree(target, ignore_errors=True)
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    window = MainWindow(str(target))
    window.set_read_only(f"查看备份：{Path(backup_file).name}（{info.town}，"
                         f"{info.created_at:%Y-%m-%d %H:%M}，只读）")
    window.show()
    code = app.exec()
    database.close()
    shutil.rmtree(target, ignore_errors=True)
    return code


def run_app(data_dir: str | None = None) -> int:
    """Open the window on the data folder; returns the process exit code."""
    from town_office.demo import build_demo_town, database_is_empty
    from town_office.models import database, open_database
    from town_office.views.first_run_dialog import FirstRunDialog
    from town_office.views.main_window import MainWindow

    folder = resolve_data_folder(data_dir).ensure()
    setup_logging(folder)
    app = ensure_application()
    try:
        lock = acquire_lock(folder)
        _, what = open_database(folder.database, folder.backups)
        log.info("打开数据库 %s：%s", folder.database, what)
    except TownOfficeError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    if database_is_empty():
        choice = FirstRunDialog().exec()
        if choice == FirstRunDialog.LOAD_DEMO:
            build_demo_town()
        elif choice != 1:
            return 0
    while True:
        window = MainWindow(str(folder.root), close_connection=database.close)
        window.show()
        code = app.exec()
        if not window.restart_requested:
            break
        window.deleteLater()  # a restore replaced the data: open a fresh window on it
        open_database(folder.database, folder.backups)
    database.close()
    lock.unlock()
    return code
