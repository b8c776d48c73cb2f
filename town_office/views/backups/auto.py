"""Automatic backups while the window is open: at most every N minutes (setting) when something
changed, and once more on close. The timed ones run on a thread of their own: a big town's folder
(hundreds of MB of photos) takes seconds to pack, and the window must keep answering meanwhile."""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QObject, QTimer

from town_office.database_file import thread_connection
from town_office.errors import TownOfficeError
from town_office.services import settings, backups

log = logging.getLogger(__name__)


class AutoBackup(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.marker = backups.changes_marker()
        self.last_time = time.monotonic()
        self.worker: threading.Thread | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(60_000)

    def due(self) -> bool:
        interval = settings.get_settings().backup_interval_minutes * 60
        return time.monotonic() - self.last_time >= interval

    def tick(self) -> None:
        if self.due() and not (self.worker and self.worker.is_alive()):
            self.worker = threading.Thread(target=self._run_on_own_thread, daemon=True, name="town-office-backup")
            self.worker.start()

    def _run_on_own_thread(self) -> None:
        with thread_connection():
            self._back_up()

    def run(self) -> None:
        """Back up now (on close) if anything changed since the last automatic backup, after a timed
        one still running has finished."""
        if self.worker is not None:
            self.worker.join()
        self._back_up()

    def _back_up(self) -> None:
        try:
            self.marker, path = backups.automatic_backup(self.marker)
        except TownOfficeError as exc:  # a full disk must not stop the clerk's work
            log.warning("自动备份失败：%s", exc)
            return
        self.last_time = time.monotonic()
        if path:
            log.info("自动备份：%s", path)
