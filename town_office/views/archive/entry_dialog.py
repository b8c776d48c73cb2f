"""新增/修改档案记录: date, kind (which fills in the section), section, description, attachment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from town_office.services import archive
from town_office.services.archive.types import (
    ENTRY_KINDS,
    SECTION_MARKS,
    SECTION_TITLES,
    ArchiveEntryInput,
)
from town_office.views.widgets.form import ERROR_STYLE, FieldErrors, text_box
from town_office.views.widgets.unsaved import GuardsUnsavedWork


class EntryDialog(GuardsUnsavedWork, QDialog):
    KEYBOARD_SAVE = "save"

    def __init__(self, parent, representative_id: int, deputy_name: str, entry=None):
        super().__init__(parent)
        self.setWindowTitle(f"{'修改' if entry else '新增'}档案记录 — {deputy_name}")
        self.representative_id, self.entry, self.attachment = representative_id, entry, None
        self.remove_attachment = False
        self.day = QDateEdit(QDate.currentDate())
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        self.kind.addItems(list(ENTRY_KINDS))
        self.section = QComboBox()
        for number in range(2, 9):
            self.section.addItem(f"{SECTION_MARKS[number - 1]} {SECTION_TITLES[number]}", number)
        self.description = text_box(90, "如：参加第三代表小组视察农村公路建设，提出加快硬化的意见")
        self.file_label = QLabel("（无）")
        choose, clear = QPushButton("选择文件…"), QPushButton("移除")
        files = QHBoxLayout()
        for widget in (self.file_label, choose, clear):
            files.addWidget(widget)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("日期", self.day)
        self.errors.add_row("类别", self.kind)
        self.errors.add_row("档案栏目", self.section)
        self.errors.add_row("内容", self.description)
        form.addRow("附件", files)
        self.general = QLabel()
        self.general.setStyleSheet(ERROR_STYLE)
        self.general.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存(&S)")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.general)
        box.addWidget(buttons)
        self.kind.currentTextChanged.connect(self._kind_changed)
        choose.clicked.connect(self.choose_file)
        clear.clicked.connect(self.clear_file)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        if entry:
            self.day.setDate(QDate(entry.happened_on.year, entry.happened_on.month, entry.happened_on.day))
            self.kind.setCurrentText(entry.kind)
            self.section.setCurrentIndex(self.section.findData(entry.section))
            self.description.setPlainText(entry.description)
            self.file_label.setText(entry.file_name or "（无）")
        else:
            self._kind_changed(self.kind.currentText())
        self.resize(520, 360)

    def _kind_changed(self, kind: str) -> None:
        self.section.setCurrentIndex(self.section.findData(ENTRY_KINDS[kind][0]))

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择附件（照片、证书扫描件、材料）")
        if path:
            self.attachment, self.remove_attachment = Path(path), False
            self.file_label.setText(Path(path).name)

    def clear_file(self) -> None:
        self.attachment, self.remove_attachment = None, True
        self.file_label.setText("（无）")

    def value(self) -> ArchiveEntryInput:
        q = self.day.date()
        return ArchiveEntryInput(date(q.year(), q.month(), q.day()), self.kind.currentText(),
                                 self.section.currentData(), self.description.toPlainText(),
                                 self.attachment, self.remove_attachment)

    def save(self) -> None:
        saved = self.errors.attempt(
            lambda: archive.save_entry(self.entry.id if self.entry else None, self.representative_id, self.value()),
            self.general, self, "无法保存")
        if saved is not None:
            self.accept()
