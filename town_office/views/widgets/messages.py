"""Telling the clerk what went wrong: one message box for any TownOfficeError, listing every
problem (field and what to do), the confirmation asked before anything is removed, and the
question asked before a closed term's record is changed."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from town_office.errors import TownOfficeError, ValidationError
from town_office.services.roster.closed_terms import ClosedTermChange, allow_closed_term_changes


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


def answering_closed_term(parent: QWidget, action):
    """Run ``action``; when it would change a closed term's record, ask, and on 修改 run it again
    with the change allowed. 取消 leaves everything as it was (said as a TownOfficeError)."""
    try:
        return action()
    except ClosedTermChange as exc:
        if not ask_closed_term(parent, str(exc)):
            raise TownOfficeError(f"未作修改：{exc.term_name}的记录保持原样。") from exc
        with allow_closed_term_changes():
            return action()


def ask_closed_term(parent: QWidget, what: str) -> bool:
    """「修改已结束届次的记录」: 修改 or 取消 (the default)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "修改已结束届次的记录",
                      f"{what}\n\n这一届的记录一般不再修改。确定要修改吗？", parent=parent)
    change = box.addButton("修改", QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is change
