"""A form field for one file: the chosen path shown read-only with 选择… beside it; the file dialog
opens in the folder last used for this kind of file (``ui_state``) and remembers the new one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QWidget

from town_office.views import ui_state


def choose_file(parent: QWidget, title: str, file_filter: str, folder_key: str) -> str:
    """An existing file the clerk picks ("" when they cancel), starting where they last looked."""
    path, _ = QFileDialog.getOpenFileName(parent, title, ui_state.last_folder(folder_key), file_filter)
    if path:
        ui_state.remember_folder(folder_key, str(Path(path).parent))
    return path


class FileField(QWidget):
    def __init__(self, button_text: str, title: str, file_filter: str, folder_key: str):
        super().__init__()
        self.title, self.file_filter, self.folder_key = title, file_filter, folder_key
        self.line = QLineEdit()
        self.line.setReadOnly(True)
        choose = QPushButton(button_text)
        choose.clicked.connect(self._choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(choose)

    def path(self) -> str:
        return self.line.text().strip()

    def _choose(self) -> None:
        path = choose_file(self, self.title, self.file_filter, self.folder_key)
        if path:
            self.line.setText(path)
