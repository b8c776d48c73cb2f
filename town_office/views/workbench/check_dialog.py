"""提醒设置: switch each schedule check on or off and set its number."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QGridLayout, QLabel, QSpinBox, QVBoxLayout

from town_office.errors import TownOfficeError
from town_office.services.workbench import check_settings
from town_office.views.widgets.messages import warn
from town_office.views.widgets.unsaved import GuardsUnsavedWork


class CheckSettingsDialog(GuardsUnsavedWork, QDialog):
    KEYBOARD_SAVE = "save"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("工作台提醒设置")
        grid = QGridLayout()
        self.rows: dict[str, tuple[QCheckBox, QSpinBox]] = {}
        current = check_settings.check_settings()
        for line, rule in enumerate(check_settings.RULES):
            on, number = current[rule.key]
            box = QCheckBox(rule.label)
            box.setChecked(on)
            spin = QSpinBox()
            spin.setRange(rule.minimum, rule.maximum)
            spin.setValue(number)
            spin.setEnabled(on)
            box.toggled.connect(spin.setEnabled)
            grid.addWidget(box, line, 0)
            grid.addWidget(QLabel(rule.number_label), line, 1)
            grid.addWidget(spin, line, 2)
            self.rows[rule.key] = (box, spin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(QLabel("取消勾选的提醒不再出现在工作台上；数字可按本地安排修改。"))
        box.addLayout(grid)
        box.addWidget(buttons)

    def values(self) -> dict[str, tuple[bool, int]]:
        return {key: (box.isChecked(), spin.value()) for key, (box, spin) in self.rows.items()}

    def save(self) -> None:
        try:
            check_settings.save_check_settings(self.values())
        except TownOfficeError as exc:
            warn(self, "无法保存", exc)
            return
        self.remember_saved_state()
        self.accept()
