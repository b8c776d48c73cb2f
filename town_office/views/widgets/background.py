"""A page's rows read off the GUI thread, so the window keeps answering while a big town's list is
read (issue 22: no stall over 100 ms).

A page splits its reload into ``fetch`` — services only, no widgets; it runs in a worker thread on
that thread's own SQLite connection — and ``show(result)``, which fills the widgets on the GUI
thread. A later reload supersedes an earlier one still running: only the newest result is shown.

The program turns background reading on at start (``RowLoader.in_background``); tests read
synchronously unless they turn it on, so a test sees the rows right after the call."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, Signal

from town_office.database_file import thread_connection

log = logging.getLogger(__name__)
LOADING_TEXT = "正在读取……"


class RowLoader(QObject):
    in_background = False  # the program's window: True (see app.run_app)
    _delivered = Signal(int, object, object)  # generation, result, error

    def __init__(self, parent: QObject, status_label: Callable[[], Any] | None = None):
        """``status_label`` gives the label that says "正在读取……" while a read runs (the page's
        count or summary, which its ``show`` then fills)."""
        super().__init__(parent)
        self.generation = 0
        self._show: Callable[[Any], None] | None = None
        self._synchronous = 0
        self._status_label = status_label
        self.running = False
        self._delivered.connect(self._deliver)

    def run(self, fetch: Callable[[], Any], show: Callable[[Any], None]) -> None:
        self.generation += 1
        if not self.in_background or self._synchronous:
            show(fetch())
            return
        self._show = show
        self._set_busy(True)
        threading.Thread(target=self._work, args=(self.generation, fetch), daemon=True,
                         name="town-office-rows").start()

    @contextmanager
    def synchronously(self):
        """Within it, reloads read on the calling thread: a record about to be selected and opened
        (a link from the workbench or the search) must be in the list first."""
        self._synchronous += 1
        try:
            yield
        finally:
            self._synchronous -= 1

    def _work(self, generation: int, fetch: Callable[[], Any]) -> None:
        try:
            with thread_connection():
                result, error = fetch(), None
        except Exception as exc:  # shown on the GUI thread
            result, error = None, exc
        try:
            self._delivered.emit(generation, result, error)
        except RuntimeError:  # the page was closed meanwhile
            pass

    def _deliver(self, generation: int, result: Any, error: BaseException | None) -> None:
        if generation != self.generation:
            return  # a newer reload is on its way
        self._set_busy(False)
        if error is not None:
            raise error  # the program's error dialog names the log; a TownOfficeError says what
        self._show(result)

    def _set_busy(self, busy: bool) -> None:
        self.running = busy
        if busy and self._status_label is not None:
            self._status_label().setText(LOADING_TEXT)
