"""Qt's own words in Chinese: the buttons of message boxes (确定/是/否/取消), the file and print
dialogs and the context menus come from the qtbase zh_CN catalogue that PySide6 ships; dates and
numbers follow the Chinese locale."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []  # kept alive: a collected translator silently stops translating


def install_translations(app: QApplication) -> bool:
    """Load Qt's Chinese catalogues into ``app`` once; True when they are in place."""
    if _installed:
        return True
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue in ("qtbase_zh_CN", "qt_zh_CN"):
        translator = QTranslator(app)
        if translator.load(catalogue, folder):
            app.installTranslator(translator)
            _installed.append(translator)
    if not _installed:
        log.warning("找不到 Qt 的中文翻译（%s），Qt 自带的按钮将显示英文", folder)
    return bool(_installed)
