"""Automatic backups while the window is open: at most every N minutes (setting) when something
changed, and once more on close. The backup itself is quick (a snapshot and a zip) and runs on the
GUI thread between the clerk's actions."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer

from town_office.errors import TownOfficeError
from town_office.services import settings, backups

log = logging.getLogger(__name__)


class AutoBackup(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.marker = backups.changes_marker()
        self.last_time = time.monotonic()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.timer.start(60_000)

    def due(self) -> bool:
        interval = settings.get_settings().backup_interval_minutes * 60
        return time.monotonic() - self.last_time >= interval

    def tick(self) -> None:
        if self.due():
            self.run()

    def run(self) -> None:
        """Back up if anything changed since the last automatic backup."""
        try:
            self.marker, path = backups.automatic_backup(self.marker)
        except TownOfficeError as exc:  # a full disk must not stop the clerk's work
            log.warning("自动备份失败：%s", exc)
            return
        self.last_time = time.monotonic()
        if path:
            log.info("自动备份：%s", path)
