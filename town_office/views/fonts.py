"""Registers the bundled CJK font with Qt so Chinese never renders as boxes, even on a PC (or a bare
Linux) without a Chinese system font; the system's own UI font stays first where it has one."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from town_office.resources import BUNDLED_CJK_FONT, resource_path

log = logging.getLogger(__name__)


PREFERRED_SYSTEM_CJK = ("Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                        "WenQuanYi Micro Hei")
_bundled: list[str] = []  # the bundled font's family, once added


def system_cjk_font(app: QApplication) -> str | None:
    """Make the system's own Chinese UI font (Microsoft YaHei on Windows …) the application's first
    family; returns it, or None when the system has none and the bundled font is needed at once."""
    installed = set(QFontDatabase.families())
    family = next((f for f in PREFERRED_SYSTEM_CJK if f in installed), None)
    if family is not None:
        _set_families(app, first=[family])
    return family


def install_bundled_font(app: QApplication) -> str | None:
    """Add the bundled font (once) and make it the fallback of the application font, after the
    system's Chinese font where it has one; returns its family. Reading the 15 MB file takes ~10 ms,
    so the program's start does it after the first paint where the system has a font of its own."""
    if not _bundled:
        path = resource_path(*BUNDLED_CJK_FONT)
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("无法加载内置字体 %s", path)
            return None
        _bundled.append(QFontDatabase.applicationFontFamilies(font_id)[0])
    installed = set(QFontDatabase.families())
    _set_families(app, first=[f for f in PREFERRED_SYSTEM_CJK if f in installed][:1], last=_bundled)
    return _bundled[0]


_default_families: list[str] = []  # the platform's own UI font, before any of ours


def _set_families(app: QApplication, first: list[str], last: list[str] = ()) -> None:
    """The application font: ``first`` (the system's Chinese font), the platform's own UI font, then
    ``last`` (the bundled font, a fallback for characters the others lack)."""
    font = app.font()
    if not _default_families:
        _default_families.extend([f for f in font.families() if f] or [font.family()])
    ours = [*first, *last]
    font.setFamilies([*first, *(f for f in _default_families if f not in ours), *last])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
