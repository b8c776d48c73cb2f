"""The composition root: data folder -> log -> single-writer lock -> database -> Qt -> window."""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler

from PySide6.QtWidgets import QApplication, QMessageBox

from town_office import APP_NAME, folder_lock
from town_office.errors import DatabaseDamaged, DataFolderLocked, NotOurDatabase, TownOfficeError
from town_office.folder_lock import FolderLock
from town_office.paths import DataFolder, resolve_data_folder

log = logging.getLogger("town_office")


def setup_logging(folder: DataFolder) -> None:
    handler = RotatingFileHandler(folder.logs / "town_office.log", maxBytes=2_000_000, backupCount=3,
                                  encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def acquire_lock(folder: DataFolder) -> FolderLock:
    """Hold the data folder's lock for the window's whole life (see ``folder_lock``). A lock that
    names another computer is shown with its host and time, and the clerk may break it.

    Raises:
        DataFolderLocked: another running program holds it (and was not broken).
    """
    try:
        return folder_lock.acquire(folder.lock_file, "窗口")
    except DataFolderLocked as exc:
        if getattr(exc, "other_host", None) is None or QApplication.instance() is None:
            raise
        answer = QMessageBox.question(
            None, APP_NAME, f"{exc}\n\n确认那台计算机上已经没有程序在使用这个文件夹，强制解除锁定？",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            raise
        return folder_lock.acquire(folder.lock_file, "窗口", force=True)


def configure_application(app: QApplication) -> QApplication:
    """What every QApplication of the program gets (the tests' too): the bundled CJK font as
    fallback, Qt's Chinese translations, and windows fitted to the screen."""
    from town_office.views.fonts import install_bundled_font
    from town_office.views.translations import install_translations
    from town_office.views.widgets.screen_fit import install_screen_fitter

    install_bundled_font(app)
    install_translations(app)
    install_screen_fitter(app)
    return app


def ensure_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("TownOffice")
    return configure_application(app)


def run_viewer(backup_file: str, password: str | None, data_dir: str | None = None) -> int:
    """Open a backup read-only (the county's use): unpacked into this PC's data folder under
    ``viewing/``, upgraded there if older, then opened with every write refused; the local data is
    never touched and the copy is removed on exit."""
    import shutil
    from datetime import datetime
    from pathlib import Path

    from town_office.backup import extract, verify_backup
    from town_office.models import database
    from town_office.database_file import open_database
    from town_office.models.db import connect
    from town_office.views.main_window import MainWindow

    from town_office import folder_lock, housekeeping

    app = ensure_application()
    try:
        folder = resolve_data_folder(data_dir).ensure()
    except TownOfficeError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    housekeeping.make_private(folder)
    setup_logging(folder)
    target = folder.root / "viewing" / datetime.now().strftime("%Y%m%d%H%M%S%f")
    target.mkdir(parents=True)
    viewer_lock = folder_lock.acquire(target / housekeeping.VIEWER_LOCK, "查看备份")
    try:
        info = verify_backup(Path(backup_file), password, folder.root)
        extract(Path(backup_file), password, target)
        open_database(target / "town_office.sqlite3", target / "backups")
        database.close()
        connect(target / "town_office.sqlite3", read_only=True)
    except TownOfficeError as exc:
        viewer_lock.release()
        shutil.rmtree(target, ignore_errors=True)
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    window = MainWindow(str(target))
    window.set_read_only(f"查看备份：{Path(backup_file).name}（{info.town}，"
                         f"{info.created_at:%Y-%m-%d %H:%M}，只读）")
    window.show()
    code = app.exec()
    database.close()
    viewer_lock.release()
    shutil.rmtree(target, ignore_errors=True)
    return code


def _load_demo_with_progress(build) -> None:
    """Seven seconds of building the demo town behind a progress bar, not a black window."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    dialog = QProgressDialog("正在载入示例乡镇“青石镇”…", "", 0, 7)
    dialog.setWindowTitle(APP_NAME)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setValue(0)
    QApplication.processEvents()

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        QApplication.processEvents()

    try:
        build(progressed)
    finally:
        dialog.close()


def run_app(data_dir: str | None = None) -> int:
    """Open the window on the data folder; returns the process exit code."""
    from town_office.demo import build_demo_town, database_is_empty
    from town_office.models import database
    from town_office.database_file import open_database
    from town_office.views.first_run_dialog import FirstRunDialog
    from town_office.views.main_window import MainWindow

    app = ensure_application()
    try:
        folder = resolve_data_folder(data_dir).ensure()
        setup_logging(folder)
        lock = acquire_lock(folder)
    except TownOfficeError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    from town_office import housekeeping, restore_swap

    housekeeping.prepare(folder)
    recovered = restore_swap.recover(folder.root)
    if recovered:
        QMessageBox.information(None, APP_NAME, recovered)
    try:
        _, what = open_database(folder.database, folder.backups)
        log.info("打开数据库 %s：%s", folder.database, what)
    except (DatabaseDamaged, NotOurDatabase) as exc:  # a garbled header reads as "not ours"
        from town_office.views.damaged_database_dialog import DamagedDatabaseDialog

        log.error("数据库损坏：%s", exc)
        if DamagedDatabaseDialog(folder, str(exc)).exec() != DamagedDatabaseDialog.DialogCode.Accepted:
            lock.release()
            return 1
    except TownOfficeError as exc:
        lock.release()
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    if database_is_empty():
        choice = FirstRunDialog().exec()
        if choice == FirstRunDialog.LOAD_DEMO:
            _load_demo_with_progress(build_demo_town)
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
