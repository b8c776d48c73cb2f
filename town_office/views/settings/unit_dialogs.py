"""Small dialogs for a term (届次) and for a deputy group or constituency."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)

from town_office.errors import FieldProblem, ValidationError
from town_office.services.roster.identity import parse_date
from town_office.services.roster.types import TermRow, UnitRow
from town_office.views.widgets.form import FieldErrors
from town_office.views.widgets.unsaved import GuardsUnsavedWork


class _SaveDialog(GuardsUnsavedWork, QDialog):
    """A form whose 保存 calls ``self.save()``; a ValidationError keeps it open with the messages."""

    KEYBOARD_SAVE = "accept"

    def __init__(self, parent, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.saved = None
        self.box = QVBoxLayout(self)
        self.form = QFormLayout()
        self.errors = FieldErrors(self.form)
        self.box.addLayout(self.form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存(&S)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

    def finish_layout(self) -> None:
        self.box.addWidget(self.buttons)

    def save(self):
        raise RuntimeError("subclasses save")

    def accept(self) -> None:
        try:
            self.saved = self.save()
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return
        super().accept()


class TermDialog(_SaveDialog):
    def __init__(self, parent, save: Callable, row: TermRow | None = None, is_current: bool = False):
        super().__init__(parent, f"编辑届次 — {row.name}" if row else "新增届次")
        self._save = save
        self.name = QLineEdit(row.name if row else "")
        self.name.setPlaceholderText("如 第十九届")
        self.starts_on = QLineEdit(row.starts_on.isoformat() if row and row.starts_on else "")
        self.starts_on.setPlaceholderText("如 2021-12-28")
        self.ends_on = QLineEdit(row.ends_on.isoformat() if row and row.ends_on else "")
        self.ends_on.setPlaceholderText("如 2026-12-27")
        self.make_current = QCheckBox("设为当前届次")
        self.make_current.setChecked(is_current or row is None)
        self.errors.add_row("届次名称", self.name)
        self.errors.add_row("起始日期", self.starts_on)
        self.errors.add_row("届满日期", self.ends_on)
        self.form.addRow("", self.make_current)
        self.finish_layout()

    def save(self):
        dates, problems = {}, []
        for label, edit in (("起始日期", self.starts_on), ("届满日期", self.ends_on)):
            value = parse_date(edit.text())
            if value is None:
                problems.append(FieldProblem(label, "看不懂，请写成 2021-12-28"))
            dates[label] = value or None
        if problems:
            raise ValidationError(problems)
        return self._save(self.name.text(), dates["起始日期"], dates["届满日期"], self.make_current.isChecked())


class UnitDialog(_SaveDialog):
    """代表小组 or 选区: name, the area it covers, notes."""

    def __init__(self, parent, label: str, save: Callable, row: UnitRow | None = None):
        super().__init__(parent, f"编辑{label} — {row.name}" if row else f"新增{label}")
        self._save = save
        self.name = QLineEdit(row.name if row else "")
        self.area = QLineEdit(row.area if row else "")
        self.area.setPlaceholderText("包含的村（社区），如 柳溪村、桃源村")
        self.notes = QLineEdit(row.notes if row else "")
        self.errors.add_row(f"{label}名称", self.name)
        self.errors.add_row("范围", self.area)
        self.errors.add_row("备注", self.notes)
        self.finish_layout()

    def save(self):
        return self._save(self.name.text(), self.area.text(), self.notes.text())
