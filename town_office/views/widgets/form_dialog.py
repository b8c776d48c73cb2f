"""The small form dialog every step uses (交办, 延期, 整改完成, 通过, 废止 …): fields with their error
labels, 保存 / 取消, and ``submit`` calling the service; a refusal stays in the dialog next to its field."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from town_office.errors import TownOfficeError, ValidationError
from town_office.views.widgets.form import ERROR_STYLE, FieldErrors
from town_office.views.widgets.messages import answering_closed_term
from town_office.views.widgets.unsaved import GuardsUnsavedWork


class FormDialog(GuardsUnsavedWork, QDialog):
    """A small form with field errors and 保存 / 取消; ``submit`` calls the service. Closing with
    changes asks first; Ctrl+Enter / Ctrl+S save from any field."""

    KEYBOARD_SAVE = "accept"

    def __init__(self, parent, title: str, save_text: str = "保存"):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.errors = FieldErrors(self.form)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "保存(&S)" if save_text == "保存" else save_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.general_error)
        box.addWidget(buttons)
        self.result_row = None
        self.resize(520, 0)

    def submit(self):
        """Call the service with the form's values and return what it returned (each dialog
        defines its own)."""
        raise TypeError(f"{type(self).__name__} does not say what to save")

    def accept(self) -> None:
        try:
            self.result_row = answering_closed_term(self, self.submit)
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            self.general_error.setText("\n".join(str(p) for p in unplaced))
            self.general_error.setVisible(bool(unplaced))
            return
        except TownOfficeError as exc:
            self.general_error.setText(str(exc))
            self.general_error.show()
            return
        super().accept()
