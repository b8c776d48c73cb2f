"""One inspection: kind, title, law or subject, dates, sites, organiser, stage, findings and report
text, participants (deputies picked from the roster, department staff typed in), the report file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from town_office.errors import TownOfficeError
from town_office.services.common import attachments
from town_office.services.hazards import inspections
from town_office.services import roster
from town_office.services.roster import units as roster_units
from town_office.services.hazards.types import (
    INSPECTION_KINDS,
    STAGES,
    InspectionInput,
    InspectionRow,
)
from town_office.views import ui_state
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.widgets.form import ERROR_STYLE, FieldErrors, text_box
from town_office.views.widgets.messages import warn
from town_office.views.widgets.unsaved import GuardsUnsavedWork

PERSON = 256  # Qt.UserRole: (representative id or None, name, unit and post)


class InspectionDialog(GuardsUnsavedWork, QDialog):
    KEYBOARD_SAVE = "save"  # Ctrl+Enter / Ctrl+S from any field

    def __init__(self, parent, inspection: InspectionRow | None = None):
        super().__init__(parent)
        self.inspection = inspection
        self.setWindowTitle(inspection.title if inspection else "新增执法检查")
        self.resize(720, 760)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.kind, self.stage = QComboBox(), QComboBox()
        self.kind.addItems(INSPECTION_KINDS)
        self.stage.addItems(STAGES)
        self.title, self.subject = QLineEdit(), QLineEdit()
        self.subject.setPlaceholderText("如 《中华人民共和国安全生产法》")
        self.starts_on = date_edit()
        self.has_end = QCheckBox("多日")
        self.ends_on = date_edit()
        self.ends_on.setEnabled(False)
        self.has_end.toggled.connect(self.ends_on.setEnabled)
        dates = QHBoxLayout()
        dates.addWidget(self.starts_on, 1)
        dates.addWidget(self.has_end)
        dates.addWidget(self.ends_on, 1)
        self.sites, self.organiser = QLineEdit(), QLineEdit("镇人大主席团")
        self.findings, self.report = text_box(60), text_box(60)
        for label, widget, field in (("类型", self.kind, None), ("名称", self.title, None),
                                     ("法律或主题", self.subject, None), ("阶段", self.stage, None),
                                     ("检查地点", self.sites, None), ("组织单位", self.organiser, None),
                                     ("发现的问题", self.findings, None), ("报告", self.report, None)):
            self.errors.add_row(label, widget, field)
        form.insertRow(3, "日期", dates)

        term_id = roster_units.current_term_id()
        self.deputies = {f"{r.name}（{r.group_name or '、'.join(r.levels)}）": r
                         for r in (roster.list_representatives(term_id) if term_id else [])
                         if r.status == "在任"}
        self.pick = QComboBox()
        self.pick.setEditable(True)
        self.pick.addItem("")
        self.pick.addItems(list(self.deputies))
        self.pick.lineEdit().setPlaceholderText("选择代表，或输入部门人员姓名")
        self.pick_post = QLineEdit()
        self.pick_post.setPlaceholderText("单位及职务")
        add, remove = QPushButton("加入"), QPushButton("移除")
        pick_row = QHBoxLayout()
        for widget in (self.pick, self.pick_post, add, remove):
            pick_row.addWidget(widget)
        self.people = QListWidget()
        self.people.setMaximumHeight(110)
        self.report_label = QLabel()
        self.attach_button, self.open_button = QPushButton("附报告文件…"), QPushButton("打开报告文件")
        report_row = QHBoxLayout()
        report_row.addWidget(self.report_label, 1)
        report_row.addWidget(self.attach_button)
        report_row.addWidget(self.open_button)
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.hide()
        save, close = QPushButton("保存(&S)"), QPushButton("关闭")
        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addWidget(save)
        buttons.addWidget(close)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(QLabel("参加人员"))
        box.addLayout(pick_row)
        box.addWidget(self.people)
        box.addLayout(report_row)
        box.addLayout(buttons)
        add.clicked.connect(self.add_person)
        remove.clicked.connect(lambda: [self.people.takeItem(self.people.row(i))
                                        for i in self.people.selectedItems()])
        self.attach_button.clicked.connect(self.attach_report)
        self.open_button.clicked.connect(self.open_report)
        save.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        if inspection:
            self._load(inspection)
        self._report_state()
        self.remember_saved_state()

    def _load(self, row: InspectionRow) -> None:
        self.kind.setCurrentText(row.kind)
        self.title.setText(row.title)
        self.subject.setText(row.subject)
        self.stage.setCurrentText(row.stage)
        self.starts_on.setDate(QDate(row.starts_on))
        self.has_end.setChecked(row.ends_on is not None)
        if row.ends_on:
            self.ends_on.setDate(QDate(row.ends_on))
        self.sites.setText(row.sites)
        self.organiser.setText(row.organiser)
        self.findings.setPlainText(row.findings)
        self.report.setPlainText(row.report)
        self.people.clear()
        for p in row.participants:
            self._person(p.representative_id, p.name, p.unit_post)

    def _person(self, rep_id, name: str, post: str) -> None:
        item = QListWidgetItem(f"{name}　{post}")
        item.setData(PERSON, (rep_id, name, post))
        self.people.addItem(item)

    def add_person(self) -> None:
        text = self.pick.currentText().strip()
        if not text:
            return
        deputy = self.deputies.get(text)
        if deputy:
            self._person(deputy.id, deputy.name, self.pick_post.text().strip() or "镇人大代表")
        else:
            self._person(None, text, self.pick_post.text().strip())
        self.pick.setCurrentIndex(0)
        self.pick_post.clear()

    def _report_state(self) -> None:
        has_file = bool(self.inspection and self.inspection.report_file)
        self.report_label.setText(f"报告文件：{Path(self.inspection.report_file).name}" if has_file
                                  else "报告文件：未附")
        self.attach_button.setEnabled(self.inspection is not None)
        self.open_button.setEnabled(has_file)

    def form_data(self) -> InspectionInput:
        return InspectionInput(self.kind.currentText(), self.title.text(), read_date(self.starts_on),
                               self.subject.text(),
                               read_date(self.ends_on) if self.has_end.isChecked() else None,
                               self.sites.text(), self.organiser.text(), self.stage.currentText(),
                               self.findings.toPlainText(), self.report.toPlainText())

    def participants(self) -> list[tuple]:
        return [self.people.item(i).data(PERSON) for i in range(self.people.count())]

    def save(self) -> bool:
        saved = self.errors.attempt(lambda: inspections.save_inspection(
            self.inspection.id if self.inspection else None, self.form_data(), self.participants()),
            self.general_error, self, "未保存")
        if saved is None:
            return False
        self.inspection = saved
        self.setWindowTitle(saved.title)
        self._report_state()
        self.remember_saved_state()
        return True

    def attach_report(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择检查报告", ui_state.last_folder("materials"),
                                              "报告 (*.doc *.docx *.pdf *.wps);;所有文件 (*)")
        if path:
            try:
                self.inspection = inspections.attach_report(self.inspection.id, Path(path))
            except TownOfficeError as exc:
                warn(self, "无法附加", exc)
            self._report_state()

    def open_report(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(attachments.absolute(self.inspection.report_file))))
