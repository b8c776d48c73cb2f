"""Registers the bundled CJK font with Qt so Chinese never renders as boxes, even on a PC (or a bare
Linux) without a Chinese system font; the system's own UI font stays first where it has one."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from town_office.resources import BUNDLED_CJK_FONT, resource_path

log = logging.getLogger(__name__)


def install_bundled_font(app: QApplication) -> str | None:
    """Add the bundled font and make it the fallback of the application font; returns its family."""
    path = resource_path(*BUNDLED_CJK_FONT)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("无法加载内置字体 %s", path)
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    font = app.font()
    families = [f for f in font.families() if f] or [font.family()]
    preferred = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
                 "WenQuanYi Micro Hei"]
    installed = set(QFontDatabase.families())
    system_cjk = [f for f in preferred if f in installed]
    font.setFamilies(system_cjk[:1] + families + [family])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    return family

