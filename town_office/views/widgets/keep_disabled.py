"""Keeps a widget disabled whatever a page later decides (viewing a backup read-only): pages enable
their buttons by selection and state, and this puts them back, so no page has to know about it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class KeepDisabled(QObject):
    """An event filter: install it on a widget and every later ``setEnabled(True)`` is undone."""

    def keep(self, widget, tooltip: str) -> None:
        widget.setEnabled(False)
        widget.setToolTip(tooltip)
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.EnabledChange and watched.isEnabled():
            watched.setEnabled(False)
        return False
