"""Never lose typed work: a dialog remembers what its form held when it was loaded or last saved,
and 关闭, Esc or the window's × ask 「放弃修改？」 when anything differs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from town_office.views.widgets.messages import confirm


def _value(widget: QWidget):
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QDateEdit):
        return widget.date().toString("yyyy-MM-dd")
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if widget.objectName() == "raised_problems":  # an entry table: what its cells hold
        model = widget.model()
        return tuple(model.index(r, c).data() or "" for r in range(model.rowCount())
                     for c in range(model.columnCount()))
    if isinstance(widget, QListWidget):
        return tuple(widget.item(i).text() for i in range(widget.count()))
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


NOT_FORM_DATA = "not_form_data"


def not_form_data(*widgets: QWidget) -> None:
    """Inputs that choose or act rather than hold the record (a chooser, a list saved at once):
    changing them is no unsaved work."""
    for widget in widgets:
        widget.setProperty(NOT_FORM_DATA, True)


def form_state(root: QWidget) -> tuple:
    """Every input of ``root`` with what it holds (line edits inside combo boxes and spin boxes are
    read through their owner)."""
    state = []
    for widget in root.findChildren(QWidget):
        parent = widget.parentWidget()
        if isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox)):
            continue
        if widget.property(NOT_FORM_DATA):
            continue
        value = _value(widget)
        if value is not None:
            state.append((widget.objectName() or type(widget).__name__, value))
    return tuple(state)


class GuardsUnsavedWork:
    """Mixed into a QDialog before QDialog: call :meth:`remember_saved_state` after loading and
    after each save (or let the first show remember what the form was opened with); :meth:`reject`
    then asks before dropping changes. A class naming its save method in ``KEYBOARD_SAVE`` also
    saves on Ctrl+Enter / Ctrl+S from every field."""

    _saved_state: tuple | None = None
    _keys_installed = False
    KEYBOARD_SAVE: str | None = None

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self._saved_state is None:
            self.remember_saved_state()
        if self.KEYBOARD_SAVE and not self._keys_installed:
            save_keys(self, getattr(self, self.KEYBOARD_SAVE))
            self._keys_installed = True
        super().showEvent(event)

    def extra_state(self) -> tuple:
        """What the form holds outside its input boxes (a table model, say); none by default."""
        return ()

    def remember_saved_state(self) -> None:
        self._saved_state = (form_state(self), self.extra_state())

    def has_unsaved_changes(self) -> bool:
        return self._saved_state is not None and (
            form_state(self), self.extra_state()) != self._saved_state

    def reject(self) -> None:
        if self.has_unsaved_changes() and not confirm(
                self, "放弃修改？", "表单中有尚未保存的修改，关闭后这些修改将丢失。", "放弃修改"):
            return
        super().reject()


class _SaveKeys(QObject):
    """Ctrl+Enter and Ctrl+S save from any field of a form, multi-line boxes included (which would
    otherwise keep the key to themselves)."""

    def __init__(self, parent: QWidget, save):
        super().__init__(parent)
        self._save = save

    def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and event.modifiers() & Qt.KeyboardModifier.ControlModifier \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_S):
            self._save()
            return True
        return False


def save_keys(form: QWidget, save) -> None:
    """Let Ctrl+Enter / Ctrl+S call ``save`` from every input of ``form``."""
    keys = _SaveKeys(form, save)
    form.installEventFilter(keys)
    for widget in form.findChildren(QWidget):
        if _value(widget) is not None or isinstance(widget, QAbstractItemView):
            widget.installEventFilter(keys)
