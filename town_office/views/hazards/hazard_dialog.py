"""登记 / 修改 a hazard: the ledger fields (重大 demands 五落实, which the form marks), and the before
and after photos with thumbnails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import settings
from town_office.services.hazards import photos as hazard_photos
from town_office.services import hazards
from town_office.services.hazards import inspections
from town_office.services.hazards.types import (
    AFTER,
    BEFORE,
    LEVELS,
    MAJOR,
    SOURCES,
    HazardInput,
    HazardRow,
)
from town_office.views import ui_state
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.widgets.form import ERROR_STYLE, FieldErrors, text_box
from town_office.views.widgets.messages import warn
from town_office.views.widgets.screen_fit import scrolling
from town_office.views.widgets.unsaved import GuardsUnsavedWork

NO_FUNDS = -1.0  # the spin box's "未填" value


class HazardDialog(GuardsUnsavedWork, QDialog):
    KEYBOARD_SAVE = "save"  # Ctrl+Enter / Ctrl+S from any field

    def __init__(self, parent, hazard: HazardRow | None = None):
        super().__init__(parent)
        self.hazard = hazard
        self.setWindowTitle(f"隐患 {hazard.number}" if hazard else "登记隐患")
        self.resize(760, 820)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.inspection = QComboBox()
        self.inspection.addItem("（不属于某次检查）", None)
        for row in inspections.list_inspections():
            self.inspection.addItem(f"{row.starts_on} {row.title}", row.id)
        self.source = QComboBox()
        self.source.addItems(SOURCES)
        self.found_on = date_edit()
        self.inspectors, self.place = QLineEdit(), QLineEdit()
        self.description, self.measures = text_box(54), text_box(54)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(("", *settings.get_settings().hazard_categories))
        self.level = QComboBox()
        self.level.addItems(LEVELS)
        self.funds = QDoubleSpinBox()
        self.funds.setRange(NO_FUNDS, 100000)
        self.funds.setDecimals(2)
        self.funds.setSpecialValueText("未填")
        self.funds.setSuffix(" 万元")
        self.funds.setValue(NO_FUNDS)
        self.responsible_unit, self.responsible_person = QLineEdit(), QLineEdit()
        self.has_deadline = QCheckBox("已定整改时限")
        self.deadline = date_edit()
        self.deadline.setEnabled(False)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.reviewer = QLineEdit()
        self.supervised = QCheckBox("挂牌督办（重大隐患一律挂牌）")
        self.supervised_on = date_edit()
        self.supervised_on.setToolTip("挂牌督办的日期，印在挂牌督办通知书上")
        self.supervised_on.setEnabled(False)
        self.supervised.toggled.connect(self.supervised_on.setEnabled)
        self.found_on.dateChanged.connect(self._found_on_changed)
        self.notice_number = QLabel()
        supervised_row = QWidget()
        supervised_box = QHBoxLayout(supervised_row)
        supervised_box.setContentsMargins(0, 0, 0, 0)
        supervised_box.addWidget(self.supervised)
        supervised_box.addWidget(QLabel("挂牌日期"))
        supervised_box.addWidget(self.supervised_on, 1)
        supervised_box.addWidget(self.notice_number)
        self.emergency_plan = text_box(40)
        deadline_row = QWidget()
        deadline_box = QHBoxLayout(deadline_row)
        deadline_box.setContentsMargins(0, 0, 0, 0)
        deadline_box.addWidget(self.has_deadline)
        deadline_box.addWidget(self.deadline, 1)
        for label, widget, field in (
                ("所属检查", self.inspection, None), ("来源", self.source, None),
                ("检查日期", self.found_on, None), ("检查组/检查人", self.inspectors, None),
                ("单位/地点", self.place, None), ("隐患描述", self.description, None),
                ("类别", self.category, None), ("等级", self.level, None),
                ("整改措施", self.measures, None), ("整改资金", self.funds, "整改资金（万元）"),
                ("责任单位", self.responsible_unit, None), ("责任人", self.responsible_person, None),
                ("整改时限", deadline_row, None), ("复查人", self.reviewer, None),
                ("", supervised_row, "挂牌督办"), ("应急预案", self.emergency_plan, None)):
            self.errors.add_row(label, widget, field)
        # a problem with the 挂牌 date shows under the 挂牌 row
        self.errors.labels["挂牌日期"] = self.errors.labels["挂牌督办"]
        self.errors.widgets["挂牌日期"] = self.supervised_on
        self.level.currentTextChanged.connect(self._level_changed)

        self.photos = QWidget()
        self.photo_row = QHBoxLayout(self.photos)
        scroll = QScrollArea()
        scroll.setWidget(self.photos)
        scroll.setWidgetResizable(True)
        scroll.setFixedHeight(150)
        self.before_button, self.after_button = QPushButton("添加整改前照片…"), QPushButton("添加整改后照片…")
        photo_buttons = QHBoxLayout()
        photo_buttons.addWidget(QLabel("现场照片"))
        photo_buttons.addStretch(1)
        photo_buttons.addWidget(self.before_button)
        photo_buttons.addWidget(self.after_button)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        save, close = QPushButton("保存(&S)"), QPushButton("关闭")
        save.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        box = QVBoxLayout(self)
        fields = QWidget()
        fields.setLayout(form)
        box.addWidget(scrolling(fields), 1)  # the form scrolls on a short screen; 保存 stays in view
        box.addLayout(photo_buttons)
        box.addWidget(scroll)
        box.addLayout(buttons)
        save.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        self.before_button.clicked.connect(lambda: self.add_photo(BEFORE))
        self.after_button.clicked.connect(lambda: self.add_photo(AFTER))
        if hazard:
            self._load(hazard)
        else:
            self._found_on_changed(self.found_on.date())
        self._photos()
        self.remember_saved_state()

    def _found_on_changed(self, found_on: QDate) -> None:
        """Until a 挂牌 date is on record, it follows the day the hazard was found; an unset
        deadline is offered a month after it (never today)."""
        if self.hazard is None or not self.hazard.supervised:
            self.supervised_on.setDate(found_on)
        if not self.has_deadline.isChecked():
            self.deadline.setDate(found_on.addMonths(1))

    def _level_changed(self, level: str) -> None:
        major = level == MAJOR
        if major:
            self.supervised.setChecked(True)
        elif not self.supervised.isEnabled() and not (self.hazard and self.hazard.supervised):
            self.supervised.setChecked(False)  # ticked only because it was 重大: back to 一般, unticked
        self.supervised.setEnabled(not major)

    def _load(self, h: HazardRow) -> None:
        self.inspection.setCurrentIndex(max(0, self.inspection.findData(h.inspection_id)))
        self.source.setCurrentText(h.source)
        self.found_on.setDate(QDate(h.found_on))
        self.inspectors.setText(h.inspectors)
        self.place.setText(h.place)
        self.description.setPlainText(h.description)
        self.category.setCurrentText(h.category)
        self.level.setCurrentText(h.level)
        self.measures.setPlainText(h.measures)
        self.funds.setValue(NO_FUNDS if h.funds is None else h.funds)
        self.responsible_unit.setText(h.responsible_unit)
        self.responsible_person.setText(h.responsible_person)
        self.has_deadline.setChecked(h.deadline is not None)
        if h.deadline:
            self.deadline.setDate(QDate(h.deadline))
        self.has_deadline.setEnabled(h.deadline is None)  # later changes go through 延期
        self.deadline.setEnabled(h.deadline is None and self.has_deadline.isChecked())
        self.reviewer.setText(h.reviewer)
        self.supervised.setChecked(h.supervised)
        self.supervised_on.setDate(QDate(h.supervised_on or h.found_on))
        self.notice_number.setText(f"通知书文号：{h.notice_number}" if h.has_notice else "")
        self.emergency_plan.setPlainText(h.emergency_plan)

    def _photos(self) -> None:
        while self.photo_row.count():
            item = self.photo_row.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        for button in (self.before_button, self.after_button):
            button.setEnabled(self.hazard is not None)
        if self.hazard is None:
            self.photo_row.addWidget(QLabel("保存后可添加照片"))
            return
        for photo in hazard_photos.list_photos(self.hazard.id):
            label = QLabel()
            label.setPixmap(QPixmap(str(hazard_photos.thumbnail_path(photo))).scaledToHeight(
                100, Qt.TransformationMode.SmoothTransformation))
            label.setToolTip(f"{photo.stage}：{photo.file_name}（{photo.width}×{photo.height}）")
            cell = QWidget()
            holder = QVBoxLayout(cell)
            holder.addWidget(label)
            holder.addWidget(QLabel(photo.stage), alignment=Qt.AlignmentFlag.AlignHCenter)
            self.photo_row.addWidget(cell)
        self.photo_row.addStretch(1)

    def form_data(self) -> HazardInput:
        return HazardInput(
            read_date(self.found_on), self.place.text(), self.description.toPlainText(),
            self.level.currentText(), self.category.currentText().strip(), self.inspectors.text(),
            self.measures.toPlainText(), None if self.funds.value() == NO_FUNDS else self.funds.value(),
            self.responsible_unit.text(), self.responsible_person.text(),
            read_date(self.deadline) if self.has_deadline.isChecked() else None, self.reviewer.text(),
            self.supervised.isChecked(), self.emergency_plan.toPlainText(),
            self.inspection.currentData(), self.source.currentText(),
            read_date(self.supervised_on) if self.supervised.isChecked() else None)

    def save(self) -> bool:
        saved = self.errors.attempt(
            lambda: (hazards.update(self.hazard.id, self.form_data()) if self.hazard
                     else hazards.register(self.form_data())), self.general_error, self, "未保存")
        if saved is None:
            return False
        self.hazard = saved
        self.setWindowTitle(f"隐患 {saved.number}")
        self._load(saved)
        self._photos()
        self.remember_saved_state()
        return True

    def add_photo(self, stage: str) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, f"选择{stage}照片", ui_state.last_folder("photos"),
                                                "照片 (*.jpg *.jpeg *.png)")
        for path in paths:
            ui_state.remember_folder("photos", str(Path(path).parent))
            try:
                hazard_photos.add_photo(self.hazard.id, Path(path), stage)
            except TownOfficeError as exc:
                warn(self, "无法添加照片", exc)
        self._photos()
