"""The composition root: data folder -> log -> single-writer lock -> database -> Qt -> window."""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from town_office import APP_NAME
from town_office.errors import DatabaseDamaged, DataFolderLocked, NotOurDatabase, TownOfficeError
from town_office.paths import DataFolder, resolve_data_folder

if TYPE_CHECKING:
    from town_office.folder_lock import FolderLock

log = logging.getLogger("town_office")


def setup_logging(folder: DataFolder) -> None:
    from logging.handlers import RotatingFileHandler

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
    from town_office import folder_lock

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


def configure_application(app: QApplication, frame_first: bool = False) -> QApplication:
    """What every QApplication of the program gets (the tests' too): the bundled CJK font as
    fallback, Qt's Chinese translations, and windows fitted to the screen. ``frame_first`` (the
    program's start): what can wait for the main window's first paint waits for ``show_main_frame``
    — the bundled font where the system has a Chinese font, the screen fitter and the window icon
    (its first file loads Qt's image plugins)."""
    from town_office.views.fonts import system_cjk_font
    from town_office.views.translations import install_translations

    install_translations(app)
    if not frame_first or system_cjk_font(app) is None:
        finish_configuration(app)
    return app


def finish_configuration(app: QApplication) -> None:
    from town_office.views.fonts import install_bundled_font
    from town_office.views.widgets.screen_fit import install_screen_fitter

    install_bundled_font(app)
    install_screen_fitter(app)
    install_window_icon(app)


def install_window_icon(app: QApplication) -> None:
    """The program's icon (resources/icons, drawn from installer/town_office.svg) on every window."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    from town_office.resources import resource_path

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        path = resource_path("icons", f"town_office_{size}.png")
        if path.exists():
            icon.addFile(str(path), QSize(size, size))  # the size given: no file read before it is drawn
    if not icon.isNull():
        app.setWindowIcon(icon)


def install_error_dialog(folder: DataFolder) -> None:
    """An unexpected error is written to the log and shown in Chinese with the log's path, instead of
    the window vanishing (a windowed program has no console to print it to)."""
    log_file = folder.logs / "town_office.log"

    def show(kind, value, trace) -> None:
        log.critical("未处理的错误", exc_info=(kind, value, trace))
        if QApplication.instance() is not None:
            QMessageBox.critical(None, APP_NAME, f"程序遇到了意外错误：{value}\n\n详细情况已记入日志文件：\n{log_file}\n"
                                                 "请把这个文件发给维护人员。数据已保存的部分不受影响。")

    sys.excepthook = show


SINGLE_INSTANCE_MUTEX = "TownOffice.SingleInstance"  # installer/town_office.iss AppMutex
_held: list = []  # the mutex handle, kept for the life of the process


def hold_instance_mutex():
    """On Windows, a named mutex held while the window runs: the installer (AppMutex) asks the clerk
    to close the program before an upgrade or uninstall. Returns the handle (None elsewhere)."""
    if sys.platform != "win32":
        return None
    import ctypes

    return ctypes.windll.kernel32.CreateMutexW(None, False, SINGLE_INSTANCE_MUTEX)


SMOKE_QUIT_ENV = "TOWN_OFFICE_QUIT_AFTER_MS"  # the installer's smoke test: open the window, then close it


def ensure_application(argv: list[str] | None = None, frame_first: bool = False) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("TownOffice")
    return configure_application(app, frame_first)


def close_database() -> None:
    from town_office.models import database

    database.close()


def show_main_frame(folder: DataFolder):
    """The main window's frame (titles, menus, the data folder), painted before the database is opened
    and the first page built, so the window is there at once however big the town is (issue 22).
    Then the application's configuration is finished (``configure_application``): the screen
    fitter's application-wide event filter waits till now because its first events (Python wrappers
    made for each new Qt class) cost 45 ms."""
    from town_office.views.main_window import MainWindow
    from town_office.views.widgets.screen_fit import fit_to_screen

    window = MainWindow(str(folder.root), close_connection=close_database, opened=False)
    window.show_frame()
    finish_configuration(QApplication.instance())
    fit_to_screen(window)
    return window


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


def _restored_after_damage(folder: DataFolder, reason: str) -> bool:
    """The damaged-database dialog: True when the clerk restored a backup (the database is open)."""
    from town_office.views.damaged_database_dialog import DamagedDatabaseDialog

    log.error("数据库损坏：%s", reason)
    return DamagedDatabaseDialog(folder, reason).exec() == DamagedDatabaseDialog.DialogCode.Accepted


def run_app(data_dir: str | None = None) -> int:
    """Open the window on the data folder; returns the process exit code. The window's frame is
    painted first (``show_main_frame``); the database is then opened, with any question about it
    asked over that frame, and the pages follow."""
    app = ensure_application(frame_first=True)
    try:
        folder = resolve_data_folder(data_dir).ensure()
    except TownOfficeError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 1
    window = show_main_frame(folder)  # nothing of the data folder is touched before its lock is held
    try:
        lock = acquire_lock(folder)
        _held.append(hold_instance_mutex())
    except TownOfficeError as exc:
        QMessageBox.critical(window, APP_NAME, str(exc))
        window.close()
        return 1
    setup_logging(folder)
    install_error_dialog(folder)
    try:
        pages_checked = _open_data(folder, lock)
    except _StartEnded as ended:
        lock.release()
        window.close()
        return ended.code
    return _run_windows(app, folder, lock, window, pages_checked)


class _StartEnded(Exception):
    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def _open_data(folder: DataFolder, lock: FolderLock) -> bool:
    """Tidy the folder, open (and if need be upgrade or restore) the database and, on an empty one,
    ask for a new or the demo town. Returns whether every page of the file has been checked.

    Raises:
        _StartEnded: the program ends here (an error was shown, or the clerk chose to quit).
    """
    from town_office import housekeeping, restore_swap
    from town_office.database_file import open_database
    from town_office.demo import build_demo_town, database_is_empty
    from town_office.views.first_run_dialog import FirstRunDialog

    housekeeping.prepare(folder)
    recovered = restore_swap.recover(folder.root)
    if recovered:
        QMessageBox.information(None, APP_NAME, recovered)
    # After a clean end the page check, which reads the whole file (half a second on a big town), runs
    # on a worker once the window is shown; after a crash, before an upgrade and on restore it runs first.
    pages_checked = lock.after_unclean_end
    try:
        _, what = open_database(folder.database, folder.backups, full_check=pages_checked)
        log.info("打开数据库 %s：%s", folder.database, what)
    except (DatabaseDamaged, NotOurDatabase) as exc:  # a garbled header reads as "not ours"
        pages_checked = True
        if not _restored_after_damage(folder, str(exc)):
            raise _StartEnded(1) from None
    except TownOfficeError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        raise _StartEnded(1) from None
    if database_is_empty():
        choice = FirstRunDialog().exec()
        if choice == FirstRunDialog.LOAD_DEMO:
            _load_demo_with_progress(build_demo_town)
        elif choice != 1:
            raise _StartEnded(0)
    return pages_checked


def _run_windows(app: QApplication, folder: DataFolder, lock: FolderLock, window, pages_checked: bool) -> int:
    """The window's life, and a fresh window after a restore or on a restored copy after damage."""
    from town_office.database_file import open_database
    from town_office.views.main_window import MainWindow
    from town_office.views.page_registry import import_pages_when_idle
    from town_office.views.widgets.background import RowLoader

    RowLoader.in_background = True  # big lists are read off the GUI thread (views/widgets/background.py)
    while True:
        if window is None:
            window = MainWindow(str(folder.root), close_connection=close_database)
            window.show()
        else:
            window.open_pages()
        if os.environ.get(SMOKE_QUIT_ENV):
            from PySide6.QtCore import QTimer

            for title in window.titles:  # every page is built: a module left out of a bundle shows here
                window.page(title)
            QTimer.singleShot(int(os.environ[SMOKE_QUIT_ENV]), window.close)
        if not pages_checked:
            window.check_pages_later(str(folder.database))
            pages_checked = True
        import_pages_when_idle(window)
        code = app.exec()
        if window.damage_found:
            close_database()
            if not _restored_after_damage(folder, window.damage_found):
                lock.release()
                return 1
            window.deleteLater()
            window = None
            continue
        if not window.restart_requested:
            break
        window.deleteLater()  # a restore replaced the data: open a fresh window on it
        window = None
        open_database(folder.database, folder.backups)
    close_database()
    lock.unlock()
    return code
