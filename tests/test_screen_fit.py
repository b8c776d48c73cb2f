"""Every page and dialog of the demo town, opened on a 1366×768 screen, lies inside the screen's
available area, and so does each of its visible buttons (标记已召开, 纪要定稿, 保存, 关闭…)."""

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton

pytestmark = pytest.mark.gui


def _scrolls(widget, window) -> bool:
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def test_every_page_and_dialog_fits_a_1366_by_768_screen(qtbot, qapp, demo_town, data_folder,
                                                         tmp_path):
    from tests.screenshots import tour

    area = qapp.primaryScreen().availableGeometry()
    assert (area.width(), area.height()) == (1366, 768)
    misfits, seen = [], []

    def check(widget, name):
        widget.show()
        qapp.processEvents()
        seen.append(name)
        window = widget.window()
        if not area.contains(window.frameGeometry()):
            misfits.append(f"{name}: {window.frameGeometry().getRect()}")
        for button in window.findChildren(QAbstractButton):
            if button.window() is not window or not button.isVisibleTo(window) or not button.text() \
                    or _scrolls(button, window):
                continue  # a button in scrolling content is reached by scrolling
            top_left = button.mapToGlobal(QPoint(0, 0))
            rect = QRect(top_left, button.size())
            if not area.contains(rect):
                misfits.append(f"{name}: “{button.text()}” at {rect.getRect()}")

    tour(data_folder, tmp_path, check)
    assert len(seen) >= 35
    assert misfits == [], "\n".join(misfits)
