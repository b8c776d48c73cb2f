"""Background work with a progress dialog: exports, imports, batches.

The work function takes plain data and a ``progress(done, total)`` callback and returns plain data;
it never touches widgets. ``on_done``/``on_error`` run on the GUI thread. Each worker thread opens its
own SQLite connection (peewee keeps one per thread) and closes it when done.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class TaskCancelled(Exception):
    """Raised inside the work function by ``progress`` once the clerk pressed 取消."""


class _Signals(QObject):
    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, work: Callable[[Callable[[int, int], None]], Any], close_connection: Callable | None):
        super().__init__()
        self.work, self.signals, self.cancelled = work, _Signals(), False
        self.close_connection = close_connection
        self.setAutoDelete(False)

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise TaskCancelled()
        self.signals.progressed.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            if not isinstance(exc, TaskCancelled):
                log.error("后台任务失败\n%s", traceback.format_exc())
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        finally:
            if self.close_connection:
                self.close_connection()


_running: set[_Task] = set()


def run_task(parent: QWidget, label: str, work, on_done: Callable[[Any], None],
             on_error: Callable[[BaseException], None], cancellable: bool = True,
             close_connection: Callable | None = None) -> _Task:
    """Run ``work(progress)`` off the GUI thread behind a modal progress dialog."""
    dialog = QProgressDialog(label, "取消" if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle("请稍候")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    if not cancellable:
        dialog.setCancelButton(None)
    task = _Task(work, close_connection)
    _running.add(task)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def finish(callback, value) -> None:
        _running.discard(task)
        dialog.reset()
        dialog.deleteLater()
        callback(value)

    task.signals.progressed.connect(progressed)
    task.signals.finished.connect(lambda result: finish(on_done, result))
    task.signals.failed.connect(lambda exc: finish(on_error, exc))
    dialog.canceled.connect(lambda: setattr(task, "cancelled", True))
    QThreadPool.globalInstance().start(task)
    return task
