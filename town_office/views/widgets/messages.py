"""Telling the clerk what went wrong: one message box for any TownOfficeError, listing every
problem (field and what to do), and the confirmation asked before anything is removed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from town_office.errors import TownOfficeError, ValidationError


def warn(parent: QWidget, title: str, error: TownOfficeError) -> None:
    if isinstance(error, ValidationError):
        text = "\n".join(str(p) for p in error.problems)
    else:
        text = str(error)
    QMessageBox.warning(parent, title, text)


def confirm(parent: QWidget, title: str, text: str, yes: str = "删除") -> bool:
    """Ask before a removal; 取消 is the default so Enter never deletes by accident."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes_button
