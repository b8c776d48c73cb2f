"""考核办法 of a year: base points, full marks, grade bands, and one row per kind of record with its
points per occurrence and cap (an unticked row does not count). 复制上一年 fills it from last year."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from town_office.services import assessment
from town_office.services.assessment.types import SOURCES, Scheme, SchemeItem
from town_office.views.widgets.form import ERROR_STYLE, FieldErrors
from town_office.views.widgets.unsaved import GuardsUnsavedWork


def _spin(low: float, high: float, step: float = 0.5) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(low, high)
    spin.setDecimals(1)
    spin.setSingleStep(step)
    return spin


class SchemeDialog(GuardsUnsavedWork, QDialog):
    KEYBOARD_SAVE = "save"

    def __init__(self, parent, year: int):
        super().__init__(parent)
        self.year = year
        self.setWindowTitle(f"{year}年度考核办法")
        self.base, self.full = _spin(0, 1000), _spin(1, 1000)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("基础分", self.base)
        self.errors.add_row("满分", self.full)
        self.band_edits = []
        bands = QHBoxLayout()
        for _ in range(4):
            name, low = QLineEdit(), _spin(0, 1000, 1)
            name.setMaximumWidth(60)
            bands.addWidget(name)
            bands.addWidget(QLabel("≥"))
            bands.addWidget(low)
            self.band_edits.append((name, low))
        holder = QWidget()
        holder.setLayout(bands)
        self.errors.add_row("等次", holder)
        grid = QGridLayout()
        for c, text in enumerate(("计分", "依据（每条记录）", "项目名称", "分值（扣分填负数）", "上限（分）")):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, c)
        self.rows = {}
        for r, (source, label) in enumerate(SOURCES.items(), start=1):
            used, name, points, cap = QCheckBox(), QLineEdit(label.split("（")[0]), _spin(-100, 100), _spin(0, 1000)
            cap.setSpecialValueText("不限")
            for c, widget in enumerate((used, QLabel(label), name, points, cap)):
                grid.addWidget(widget, r, c)
            self.rows[source] = (used, name, points, cap)
        items = QWidget()
        items.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidget(items)
        scroll.setWidgetResizable(True)
        group = QGroupBox("计分项目（上限为0表示不限；扣分项的上限也填正数）")
        group_box = QVBoxLayout(group)
        group_box.addWidget(scroll)
        self.errors.add_row("计分项目", group)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.hide()
        self.copy_button = QPushButton(f"复制{year - 1}年度办法")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存(&S)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ResetRole)
        box = QVBoxLayout(self)
        box.addLayout(form, 1)
        box.addWidget(self.general)
        box.addWidget(buttons)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_last_year)
        self.copy_button.setEnabled(assessment.get_scheme(year - 1) is not None)
        self.fill(assessment.get_scheme(year) or assessment.default_scheme(year))
        self.resize(820, 640)

    def fill(self, scheme: Scheme) -> None:
        self.base.setValue(scheme.base_points)
        self.full.setValue(scheme.full_marks)
        for (name, low), band in zip(self.band_edits, list(scheme.bands) + [("", 0)] * 4, strict=False):
            name.setText(band[0])
            low.setValue(band[1])
        chosen = {i.source: i for i in scheme.items}
        for source, (used, name, points, cap) in self.rows.items():
            item = chosen.get(source)
            used.setChecked(item is not None)
            if item:
                name.setText(item.name)
                points.setValue(item.points)
                cap.setValue(item.cap or 0)

    def copy_last_year(self) -> None:
        last = assessment.get_scheme(self.year - 1)
        if last:
            self.fill(last)

    def value(self) -> Scheme:
        bands = tuple((name.text().strip(), low.value()) for name, low in self.band_edits if name.text().strip())
        items = tuple(SchemeItem(source, name.text(), points.value(), cap.value() or None)
                      for source, (used, name, points, cap) in self.rows.items() if used.isChecked())
        return Scheme(self.year, self.base.value(), self.full.value(), bands, items)

    def save(self) -> None:
        if self.errors.attempt(lambda: assessment.save_scheme(self.value()), self.general, self,
                               "无法保存") is not None:
            self.accept()
