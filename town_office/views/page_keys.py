"""The keys that act on whatever page is shown: Ctrl+N its new record, Ctrl+P its print preview,
Ctrl+F its filter box, F5 a refresh. A page may name its own (``new_record``, ``print_preview``,
``focus_filter``, ``reload``); otherwise the page's own button of that kind is clicked, the one
the clerk would click, so the key obeys the same enabled state and the same dialogs."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

NEW_WORDS = ("新增", "新建", "登记", "录入", "添加")
PRINT_WORDS = ("打印", "预览")


def _button(page: QWidget, words: tuple[str, ...]) -> QPushButton | None:
    for button in page.findChildren(QPushButton):
        if button.isVisibleTo(page) and button.isEnabled() and button.text().startswith(words):
            return button
    return None


def _page_action(page: QWidget, method: str, words: tuple[str, ...]) -> bool:
    """The page's own ``method`` if it has one, else a click on its enabled button named ``words``."""
    if hasattr(page, method):
        getattr(page, method)()
        return True
    button = _button(page, words)
    if button is not None:
        button.click()
    return button is not None


def new_record(page: QWidget) -> bool:
    return _page_action(page, "new_record", NEW_WORDS)


def print_preview(page: QWidget) -> bool:
    return _page_action(page, "print_preview", PRINT_WORDS)


def focus_filter(page: QWidget) -> bool:
    box = getattr(page, "search", None)
    if not isinstance(box, QLineEdit):
        box = next((e for e in page.findChildren(QLineEdit)
                    if e.isVisibleTo(page) and e.placeholderText().startswith("搜索")), None)
    if box is None:
        return False
    box.setFocus()
    box.selectAll()
    return True


def refresh(page: QWidget) -> bool:
    for name in ("reload", "load"):
        method = getattr(page, name, None)
        if callable(method):
            method()
            return True
    return False
