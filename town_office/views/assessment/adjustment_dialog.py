"""调整分数: a deputy, the points (加分 positive, 减分 negative) and the reason, required."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from town_office.services import assessment
from town_office.views.assessment.scheme_dialog import _spin
from town_office.views.widgets.form import ERROR_STYLE, FieldErrors, text_box
from town_office.views.widgets.unsaved import GuardsUnsavedWork


class AdjustmentDialog(GuardsUnsavedWork, QDialog):
    KEYBOARD_SAVE = "save"

    def __init__(self, parent, year: int, scores: list, chosen_id: int | None = None):
        super().__init__(parent)
        self.year = year
        self.setWindowTitle(f"{year}年度考核 — 调整分数")
        self.deputy = QComboBox()
        for s in sorted(scores, key=lambda s: s.name):
            self.deputy.addItem(f"{s.name}（{s.group_name}，现{s.total:g}分）", s.representative_id)
        if chosen_id:
            self.deputy.setCurrentIndex(max(0, self.deputy.findData(chosen_id)))
        self.points = _spin(-100, 100)
        self.reason = text_box(80, "如：漏登记3月参加县人大视察，经核实补加")
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("代表", self.deputy)
        self.errors.add_row("分值", self.points)
        self.errors.add_row("原因", self.reason)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.hide()
        note = QLabel("调整在下次“计算”时计入，并作为一条明细列出。")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存(&S)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(note)
        box.addWidget(self.general)
        box.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def save(self) -> None:
        if self.errors.attempt(lambda: assessment.add_adjustment(
                self.year, self.deputy.currentData(), self.points.value(), self.reason.toPlainText()),
                self.general, self, "无法保存") is not None:
            self.accept()
