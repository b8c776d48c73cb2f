"""Window geometry and table column layouts, kept in QSettings (per PC, not in backups)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QHeaderView, QWidget

ORGANISATION, APPLICATION = "TownOffice", "TownOffice"


def _settings() -> QSettings:
    return QSettings(ORGANISATION, APPLICATION)


def restore_geometry(widget: QWidget, key: str) -> bool:
    data = _settings().value(f"geometry/{key}")
    return bool(data) and widget.restoreGeometry(data)


def save_geometry(widget: QWidget, key: str) -> None:
    _settings().setValue(f"geometry/{key}", widget.saveGeometry())


def restore_header(header: QHeaderView, key: str) -> bool:
    data = _settings().value(f"header/{key}")
    return bool(data) and header.restoreState(data)


def save_header(header: QHeaderView, key: str) -> None:
    _settings().setValue(f"header/{key}", header.saveState())


def last_folder(key: str) -> str:
    """The folder the clerk last chose for this kind of file (their documents folder at first)."""
    from PySide6.QtCore import QStandardPaths

    default = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return str(_settings().value(f"folder/{key}", default) or default)


def remember_folder(key: str, folder: str) -> None:
    _settings().setValue(f"folder/{key}", folder)
