"""Form helpers: a red message under each field that is wrong, and plain readers for line edits."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget

from town_office.errors import FieldProblem, TownOfficeError, ValidationError
from town_office.views.widgets.messages import answering_closed_term

ERROR_STYLE = "color: #c0392b;"
INVALID_STYLE = "border: 1px solid #c0392b;"


class FieldErrors:
    """Adds rows to a QFormLayout, each with a hidden error label under the field."""

    def __init__(self, form: QFormLayout):
        self.form = form
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add_row(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = QLabel()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        box.addWidget(error)
        key = field or label
        self.labels[key], self.widgets[key] = error, widget
        error.setObjectName(f"error_{key}")
        self.form.addRow(label, holder)
        return widget

    def clear(self) -> None:
        for key, label in self.labels.items():
            label.hide()
            label.clear()
            self.widgets[key].setStyleSheet("")

    def show(self, problems: list[FieldProblem]) -> list[FieldProblem]:
        """Show each problem next to its field; returns the problems that have no field here."""
        self.clear()
        unplaced = []
        for problem in problems:
            label = self.labels.get(problem.field)
            if label is None:
                unplaced.append(problem)
                continue
            label.setText((label.text() + "\n" if label.text() else "") + problem.message)
            label.show()
            self.widgets[problem.field].setStyleSheet(INVALID_STYLE)
        first = next((self.widgets[p.field] for p in problems if p.field in self.widgets), None)
        if first is not None:
            first.setFocus()
        return unplaced

    def attempt(self, action, general: QLabel, parent: QWidget, title: str):
        """Run a save: problems go next to their fields (the rest into ``general``), any other error
        into a message box. Returns what ``action`` returned, or None when nothing was saved."""
        try:
            result = answering_closed_term(parent, action)
        except ValidationError as exc:
            unplaced = self.show(exc.problems)
            general.setText("\n".join(str(p) for p in unplaced))
            general.setVisible(bool(unplaced))
            return None
        except TownOfficeError as exc:
            QMessageBox.warning(parent, title, str(exc))
            return None
        self.clear()
        general.hide()
        return result


def text_box(height: int, placeholder: str = "") -> QPlainTextEdit:
    """A multi-line field that Tab leaves (keyboard entry moves on instead of typing a tab)."""
    box = QPlainTextEdit()
    box.setFixedHeight(height)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    return box
