"""Every window and dialog opens inside the available area of the screen it is on, never taller or
wider than it (a 1366×768 laptop as often as not): one event filter on the application clamps each
top-level widget when it is first shown. Forms taller than that scroll inside their dialog (see
``scrolling``) so that their buttons stay on the screen."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QScrollArea, QWidget


def available_area(widget: QWidget) -> QRect:
    screen = widget.screen() or QApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget) -> None:
    """Shrink ``widget`` to the available area (less its frame) and move it inside."""
    area = available_area(widget)
    frame = widget.frameGeometry()
    extra_w = max(0, frame.width() - widget.width())
    extra_h = max(0, frame.height() - widget.height())
    width = min(widget.width(), area.width() - extra_w)
    height = min(widget.height(), area.height() - extra_h)
    if (width, height) != (widget.width(), widget.height()):
        widget.resize(max(width, 1), max(height, 1))
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.left()), area.right() + 1 - frame.width())
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - frame.height())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.left()), max(y, area.top()))


def _fit_if_alive(widget: QWidget) -> None:
    if shiboken6.isValid(widget) and widget.isVisible():
        fit_to_screen(widget)


class ScreenFitter(QObject):
    """Installed on the application: clamps every window as it is shown."""

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        # dialogs and main windows only: popups, menus and tool tips place themselves. Resizing
        # inside the show event itself crashed Qt for some dialogs, so it is done right after.
        if event.type() == QEvent.Type.Show and isinstance(watched, (QDialog, QMainWindow)):
            QTimer.singleShot(0, watched, lambda w=watched: _fit_if_alive(w))
        return False


_fitter: list[ScreenFitter] = []


def install_screen_fitter(app: QApplication) -> None:
    if not _fitter:
        _fitter.append(ScreenFitter(app))
        app.installEventFilter(_fitter[0])


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that grows with the dialog and scrolls when the
    screen is too short for it (the dialog's buttons stay outside, always visible)."""
    area = QScrollArea()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area
