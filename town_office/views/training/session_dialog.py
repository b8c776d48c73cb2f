"""One training session: its fields, who is expected (by a chooser or by hand) and attendance,
marked quickly from the keyboard (1 出席, 2 请假, 3 缺席 on the selected rows), and materials."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from town_office.errors import TownOfficeError
from town_office.services import settings, roster
from town_office.services.roster import units as roster_units
from town_office.services import training
from town_office.services.meetings.types import ABSENT, EXCUSED, PRESENT
from town_office.services.training.types import (
    BY_GROUP,
    CHOOSERS,
    ORGANISERS,
    SessionDetail,
    SessionInput,
)
from town_office.views import ui_state
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.training.table_models import (
    ATTENDANCE_COLUMN,
    AttendanceLine,
    AttendanceTableModel,
)
from town_office.views.widgets.form import ERROR_STYLE, FieldErrors
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.unsaved import GuardsUnsavedWork, not_form_data

MARK_KEYS = {Qt.Key.Key_1: PRESENT, Qt.Key.Key_2: EXCUSED, Qt.Key.Key_3: ABSENT}


class AttendanceTable(QTableView):
    """Select rows and press 1 / 2 / 3 to mark them 出席 / 请假 / 缺席."""

    def keyPressEvent(self, event) -> None:
        status = MARK_KEYS.get(event.key())
        if status and self.state() != QAbstractItemView.State.EditingState:
            rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
            self.model().mark(rows, status)
            if status == EXCUSED and len(rows) == 1:
                self.edit(self.model().index(rows[0], ATTENDANCE_COLUMN + 1))
            elif rows and rows[-1] + 1 < self.model().rowCount():
                self.selectRow(rows[-1] + 1)  # move on down the list
            return
        super().keyPressEvent(event)


class TrainingSessionDialog(GuardsUnsavedWork, QDialog):
    KEYBOARD_SAVE = "save"  # Ctrl+Enter / Ctrl+S from any field, the attendance table included

    def __init__(self, parent, session: SessionDetail | None = None):
        super().__init__(parent)
        self.session = session
        self.term_id = roster_units.current_term_id(required=True)
        self.setWindowTitle(f"培训 — {session.title}" if session else "新增培训")
        self.resize(1000, 780)
        self.deputies = {r.id: r for r in roster.list_representatives(self.term_id)}

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.title = QLineEdit()
        self.kind = QComboBox()
        self.kind.addItems(settings.get_settings().training_kinds)
        self.organiser = QComboBox()
        self.organiser.addItems(ORGANISERS)
        self.held_on = date_edit()
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.5, 100)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.hours.setSuffix(" 学时")
        self.hours.setValue(2)
        self.place, self.lecturer, self.lecturer_post = QLineEdit(), QLineEdit(), QLineEdit()
        self.topics = QPlainTextEdit()
        self.topics.setFixedHeight(56)
        self.topics.setTabChangesFocus(True)
        for label, widget in (("培训名称", self.title), ("培训类型", self.kind),
                              ("组织单位", self.organiser), ("培训日期", self.held_on),
                              ("学时", self.hours), ("培训地点", self.place), ("授课人", self.lecturer),
                              ("授课人职务", self.lecturer_post), ("培训内容", self.topics)):
            self.errors.add_row(label, widget)

        self.chooser = QComboBox()
        self.chooser.addItems(CHOOSERS)
        self.group = QComboBox()
        for unit in roster_units.list_units("group"):
            self.group.addItem(unit.name, unit.id)
        self.group.setEnabled(False)
        self.choose_button = QPushButton("加入名单")
        self.pick = QComboBox()
        self.pick.setEditable(True)
        self.pick.addItem("", None)
        for rep in self.deputies.values():
            if rep.status == "在任":
                self.pick.addItem(f"{rep.name}（{rep.group_name or '、'.join(rep.levels)}）", rep.id)
        self.pick.lineEdit().setPlaceholderText("逐个添加：输入姓名")
        self.pick_button = QPushButton("添加")
        choose_row = QHBoxLayout()
        for widget in (QLabel("按"), self.chooser, self.group, self.choose_button, QLabel("　或"),
                       self.pick, self.pick_button):
            choose_row.addWidget(widget)
        choose_row.addStretch(1)

        self.model = AttendanceTableModel(self)
        self.table = AttendanceTable()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 170)
        self.counts = QLabel()
        self.all_present = QPushButton("全部出席")
        self.remove_button = QPushButton("移出名单")
        hint = QLabel("选中一行或多行后按 1 出席、2 请假（随后填写原因）、3 缺席")
        hint.setStyleSheet("color:#666;")
        mark_row = QHBoxLayout()
        for widget in (self.all_present, self.remove_button, hint):
            mark_row.addWidget(widget)
        mark_row.addStretch(1)
        mark_row.addWidget(self.counts)
        people = QGroupBox("应参加人员与出席情况")
        people_box = QVBoxLayout(people)
        people_box.addLayout(choose_row)
        people_box.addWidget(self.table, 1)
        people_box.addLayout(mark_row)

        self.materials = QListWidget()
        self.materials.setMaximumHeight(60)
        self.add_material_button = QPushButton("添加材料…")
        self.open_material_button = QPushButton("打开")
        self.remove_material_button = QPushButton("移除材料")
        material_row = QHBoxLayout()
        material_row.addWidget(QLabel("培训材料"))
        material_row.addWidget(self.materials, 1)
        for button in (self.add_material_button, self.open_material_button,
                       self.remove_material_button):
            material_row.addWidget(button)

        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.save_button = QPushButton("保存(&S)")
        self.save_button.setToolTip("Ctrl+S 或 Ctrl+回车")
        self.save_button.setDefault(True)
        cancel = QPushButton("关闭")
        buttons = QHBoxLayout()
        buttons.addWidget(self.general_error, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)

        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(people, 1)
        box.addLayout(material_row)
        box.addLayout(buttons)

        self.chooser.currentTextChanged.connect(lambda c: self.group.setEnabled(c == BY_GROUP))
        self.choose_button.clicked.connect(self.add_chosen)
        self.pick_button.clicked.connect(self.add_picked)
        self.all_present.clicked.connect(
            lambda: self.model.mark(list(range(self.model.rowCount())), PRESENT))
        self.remove_button.clicked.connect(self.remove_selected)
        self.model.dataChanged.connect(lambda *_: self._count())
        self.model.modelReset.connect(self._count)
        self.add_material_button.clicked.connect(self.add_material)
        self.open_material_button.clicked.connect(self.open_material)
        self.remove_material_button.clicked.connect(self.remove_material)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.reject)
        ui_state.restore_geometry(self, "training_dialog")
        # the choosers pick people and the materials are saved when added: neither is unsaved work
        not_form_data(self.chooser, self.group, self.pick, self.materials)
        if session:
            self._load(session)
        self._materials_enabled()
        self._count()
        self.remember_saved_state()

    def extra_state(self) -> tuple:
        return tuple((line.id, line.attendance, line.reason) for line in self.model.rows())

    # --- loading ------------------------------------------------------------------------------
    def _load(self, session: SessionDetail) -> None:
        self.session = session
        self.title.setText(session.title)
        self.kind.setCurrentText(session.kind)
        self.organiser.setCurrentText(session.organiser)
        self.held_on.setDate(QDate(session.held_on))
        self.hours.setValue(session.hours)
        self.place.setText(session.place)
        self.lecturer.setText(session.lecturer)
        self.lecturer_post.setText(session.lecturer_post)
        self.topics.setPlainText(session.topics)
        self.model.set_rows([AttendanceLine(a.representative_id, a.name, a.group_name, a.attendance,
                                            a.reason) for a in session.attendees])
        self.materials.clear()
        for material in session.materials:
            item = QListWidgetItem(material.file_name)
            item.setData(Qt.ItemDataRole.UserRole, material)
            self.materials.addItem(item)

    def _materials_enabled(self) -> None:
        for button in (self.add_material_button, self.open_material_button,
                       self.remove_material_button):
            button.setEnabled(self.session is not None)
        self.add_material_button.setToolTip("" if self.session else "请先保存培训")

    def _count(self) -> None:
        lines = self.model.rows()
        count = {s: sum(1 for line in lines if line.attendance == s) for s in (PRESENT, EXCUSED, ABSENT)}
        self.counts.setText(f"应参加{len(lines)}人，出席{count[PRESENT]}人，请假{count[EXCUSED]}人，"
                            f"缺席{count[ABSENT]}人")

    # --- who is expected ----------------------------------------------------------------------
    def _append(self, rep_ids: list[int]) -> int:
        listed = {line.id for line in self.model.rows()}
        new = [AttendanceLine(i, self.deputies[i].name, self.deputies[i].group_name)
               for i in rep_ids if i not in listed and i in self.deputies]
        if new:
            self.model.set_rows(self.model.rows() + new)
        return len(new)

    def add_chosen(self) -> None:
        ids = training.choose_expected(self.chooser.currentText(), read_date(self.held_on),
                                       self.term_id, self.group.currentData())
        added = self._append(ids)
        self.counts.setText(self.counts.text() + f"（新加入{added}人）")

    def add_picked(self) -> None:
        rep_id = self.pick.currentData()
        if rep_id is None:
            text = self.pick.currentText().strip()
            rep_id = next((r.id for r in self.deputies.values() if r.name == text), None)
        if rep_id is not None:
            self._append([rep_id])
            self.pick.setCurrentIndex(0)

    def remove_selected(self) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if rows:
            keep = [line for n, line in enumerate(self.model.rows()) if n not in rows]
            self.model.set_rows(keep)

    # --- saving -------------------------------------------------------------------------------
    def form_data(self) -> SessionInput:
        return SessionInput(self.title.text(), self.kind.currentText(), self.organiser.currentText(),
                            read_date(self.held_on), self.hours.value(), self.place.text(),
                            self.lecturer.text(), self.lecturer_post.text(), self.topics.toPlainText())

    def save(self) -> bool:
        lines = [(line.id, line.attendance, line.reason) for line in self.model.rows()]
        saved = self.errors.attempt(lambda: training.save_session(
            self.session.id if self.session else None, self.form_data(), lines),
            self.general_error, self, "培训未保存")
        if saved is None:
            return False
        self._load(saved)
        self.setWindowTitle(f"培训 — {saved.title}")
        self._materials_enabled()
        self.remember_saved_state()
        return True

    # --- materials ----------------------------------------------------------------------------
    def _apply(self, action, title: str) -> None:
        try:
            session = action()
        except TownOfficeError as exc:
            warn(self, title, exc)
            return
        self.materials.clear()
        for material in session.materials:
            item = QListWidgetItem(material.file_name)
            item.setData(Qt.ItemDataRole.UserRole, material)
            self.materials.addItem(item)

    def add_material(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "选择培训材料", ui_state.last_folder("materials"))
        for path in paths:
            ui_state.remember_folder("materials", str(Path(path).parent))
            self._apply(lambda p=path: training.add_material(self.session.id, Path(p)), "无法添加材料")

    def _material(self):
        item = self.materials.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def open_material(self) -> None:
        from town_office.services.common import attachments

        material = self._material()
        if material:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(attachments.absolute(material.stored_path))))

    def remove_material(self) -> None:
        material = self._material()
        if material and confirm(self, "移除材料", f"移除材料“{material.file_name}”？", "移除"):
            self._apply(lambda: training.remove_material(material.id), "无法移除材料")

    def done(self, result) -> None:
        ui_state.save_geometry(self, "training_dialog")
        super().done(result)
