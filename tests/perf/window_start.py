"""Run in a child process by ``measure.py``: the time from process start to the first painted main
window, for the program on a data folder (``program FOLDER``) or a bare QMainWindow (``bare``); prints
seconds, the peak resident memory in MB after visiting every page (``--visit-pages``), the longest
event-loop stall meanwhile, and the seconds to the first page (工作台) shown with its figures."""

import time

STARTED = time.perf_counter()

import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def main() -> None:
    kind = sys.argv[1]
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    lock = None
    if kind == "bare":
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        painted = []

        class FirstPaint(QObject):
            def eventFilter(self, watched, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint and not painted:
                    painted.append(time.perf_counter() - STARTED)
                return False

        watcher = FirstPaint()
        window.installEventFilter(watcher)
        window.resize(1280, 740)
        window.show()
        while not painted:
            app.processEvents()
        first_page = painted[0]
    else:  # as app.run_app does it: the frame painted, then the database opened and the pages
        from town_office.app import acquire_lock, ensure_application, show_main_frame
        from town_office.paths import DataFolder

        app = ensure_application(frame_first=True)
        folder = DataFolder(Path(sys.argv[2]))
        window = show_main_frame(folder)
        painted = [(window.first_painted or time.perf_counter()) - STARTED]
        lock = acquire_lock(folder)
        from town_office.database_file import open_database
        from town_office.views.page_registry import import_pages_when_idle
        from town_office.views.widgets.background import RowLoader

        open_database(folder.database, folder.backups, full_check=lock.after_unclean_end)
        RowLoader.in_background = True
        window.open_pages()
        window.auto_backup.timer.stop()
        app.processEvents()
        first_page = time.perf_counter() - STARTED
        if not lock.after_unclean_end:
            window.check_pages_later(str(folder.database))
        import_pages_when_idle(window)
    longest_stall = 0.0
    if "--visit-pages" in sys.argv and kind != "bare":
        longest_stall = _visit_every_page(app, window)
    peak_mb = _peak_mb()
    print(f"{painted[0]:.3f} {peak_mb:.0f} {longest_stall:.3f} {first_page:.3f}")
    if lock is not None:
        lock.release()  # a clean end: the next start may leave the page check to a worker too
    os._exit(0)  # no close-time backup: the figure is the start


def _peak_mb() -> float:
    """This program's own peak resident memory: /proc's VmHWM (ru_maxrss would also count the
    measuring parent's memory, inherited across fork and exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _visit_every_page(app, window) -> float:
    """Show each page in turn from the event loop, as the clerk's clicks would, while a 10 ms timer
    ticks; the longest gap between two ticks is the longest time the window could not respond."""
    from PySide6.QtCore import QTimer

    ticks, rows = [(time.perf_counter(), "")], list(range(window.nav.count()))
    shown = [""]
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append((time.perf_counter(), shown[0])))

    timer.start()

    def next_page() -> None:
        if rows:
            row = rows.pop(0)
            shown[0] = window.nav.item(row).text()
            window.nav.setCurrentRow(row)
            QTimer.singleShot(int(os.environ.get("TOWN_OFFICE_PERF_PAGE_MS", "1000")), next_page)
        else:
            app.quit()

    QTimer.singleShot(50, next_page)
    app.exec()
    timer.stop()
    gaps = sorted(((b - a, page) for (a, _), (b, page) in zip(ticks, ticks[1:])), reverse=True)
    for gap, page in gaps[:5]:
        print(f"stall {gap:.3f} s on {page or 'start'}", file=sys.stderr)
    return gaps[0][0] if gaps else 0.0


if __name__ == "__main__":
    main()
