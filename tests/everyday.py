"""Doing a task through the window as the clerk would, counting the steps: each click, each field
filled or chosen, each key pressed is one step. Dialogs that open modally are answered from inside
their own event loop by a handler registered before the click that opens them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
)


class Steps:
    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.log: list[str] = []

    def __len__(self) -> int:
        return len(self.log)

    def expect(self, count: int) -> None:
        """The task took ``count`` steps (printed with -s, for the README)."""
        print(f"\n{len(self)}步：" + "、".join(self.log))
        assert len(self) == count, self.log

    def click(self, button, what: str | None = None) -> None:
        self.log.append(f"点击“{what or button.text()}”")
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def fill(self, widget, value, what: str) -> None:
        """Type, choose or tick ``value`` (Chinese is set, as an input method would deliver it)."""
        self.log.append(f"{'勾选' if isinstance(widget, (QCheckBox, QGroupBox)) else '填写'}{what}")
        if isinstance(widget, QComboBox):
            widget.setCurrentText(value)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value)
        elif isinstance(widget, QDateEdit):
            widget.setDate(value)
        elif isinstance(widget, QAbstractSpinBox):
            widget.setValue(value)
        elif isinstance(widget, (QCheckBox, QGroupBox)):
            widget.setChecked(value)
        elif isinstance(widget, QLineEdit):
            widget.setText(value)
        else:
            raise TypeError(type(widget).__name__)

    def key(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier, what: str = "") -> None:
        self.log.append(f"按{what}")
        self.qtbot.keyClick(widget, key, modifier)

    def type_keys(self, widget, text: str, what: str) -> None:
        self.log.append(f"输入{what}")
        self.qtbot.keyClicks(widget, text)

    def counted(self, what: str) -> None:
        """A step done by something the test cannot drive itself (a system dialog)."""
        self.log.append(what)

    def when_shown(self, kind: type, act) -> None:
        """When a modal ``kind`` opens, run ``act(dialog)`` inside it; should ``act`` fail, the
        dialog is closed so that the test fails instead of waiting for ever."""
        tries = [0]

        def poll() -> None:
            dialog = QApplication.activeModalWidget()
            if isinstance(dialog, kind) and dialog.isVisible():
                try:
                    act(dialog)
                    if dialog.isVisible():
                        raise AssertionError(f"{type(dialog).__name__} is still open after the steps")
                except BaseException:
                    dialog.done(QDialog.DialogCode.Rejected)
                    raise
                return
            tries[0] += 1
            if tries[0] < 500:
                QTimer.singleShot(20, poll)

        QTimer.singleShot(0, poll)

    def answer(self, button_text: str) -> None:
        """The next question box is answered with the button reading ``button_text``."""
        def act(box: QMessageBox) -> None:
            [button] = [b for b in box.buttons() if b.text() == button_text]
            self.click(button)

        self.when_shown(QMessageBox, act)
