"""Add / edit one deputy. Checks run in the service; every problem is shown under its field."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from town_office.errors import FieldProblem, TownOfficeError, ValidationError
from town_office.services.roster.identity import (
    birth_month_from_id,
    gender_from_id,
    id_number_problem,
    normalise_id_number,
    normalise_month,
    normalise_phone,
    parse_date,
)
from town_office.services.roster.types import (
    EDUCATIONS,
    GROUP_ROLES,
    LEVELS,
    PARTIES,
    PRESIDIUM_ROLES,
    RepresentativeInput,
    RepresentativeRow,
)
from town_office.services.roster.types import (
    FIELD_LABELS as L,
)
from town_office.services.roster.validation import representative_problems
from town_office.services.common.text_limits import LIMITS
from town_office.views.widgets.form import FieldErrors
from town_office.views.widgets.messages import answering_closed_term
from town_office.views.widgets.unsaved import GuardsUnsavedWork, save_keys

ETHNICITIES = ("汉族", "壮族", "回族", "满族", "维吾尔族", "苗族", "彝族", "土家族", "藏族", "蒙古族",
               "侗族", "布依族", "瑶族", "白族", "朝鲜族", "哈尼族", "黎族", "哈萨克族", "傣族", "畲族")


def _combo(items, editable=False, blank=True) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    if blank:
        combo.addItem("")
    combo.addItems(list(items))
    return combo


class RepresentativeDialog(GuardsUnsavedWork, QDialog):
    """``save(data)`` is the service call (create or update); it returns the saved row."""

    def __init__(self, parent: QWidget | None, save: Callable[[RepresentativeInput], RepresentativeRow],
                 group_names: list[str], constituency_names: list[str],
                 row: RepresentativeRow | None = None, term_id: int | None = None):
        super().__init__(parent)
        self._save, self._row, self._term_id = save, row, term_id
        self.saved_row: RepresentativeRow | None = None
        self.setWindowTitle(f"编辑代表 — {row.name}" if row else "新增代表")
        self.setMinimumWidth(760)

        self.name = QLineEdit()
        self.gender = _combo(("男", "女"))
        self.ethnicity = _combo(ETHNICITIES, editable=True, blank=False)
        self.birth_month = QLineEdit()
        self.birth_month.setPlaceholderText("如 1975-03")
        self.party = _combo(PARTIES, editable=True)
        self.education = _combo(EDUCATIONS, editable=True)
        self.work_unit_post = QLineEdit()
        self.level_boxes = {lv: QCheckBox(lv) for lv in LEVELS}
        levels = QWidget()
        levels_row = QHBoxLayout(levels)
        levels_row.setContentsMargins(0, 0, 0, 0)
        for box in self.level_boxes.values():
            levels_row.addWidget(box)
        levels_row.addStretch(1)
        self.constituency = _combo(constituency_names, editable=True)
        self.group = _combo(group_names, editable=True)
        self.group_role = _combo(GROUP_ROLES)
        self.presidium_role = _combo(PRESIDIUM_ROLES)
        self.phone = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setPlaceholderText("18位，可不填；填写后自动核对校验位、出生年月和性别")
        self.id_number.setMaxLength(22)
        self.card_number = QLineEdit()
        self.elected_on = QLineEdit()
        self.elected_on.setPlaceholderText("如 2021-12-28")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(54)

        left, right = QFormLayout(), QFormLayout()
        self.errors = FieldErrors(left)
        for label, widget in ((L["name"], self.name), (L["gender"], self.gender),
                              (L["ethnicity"], self.ethnicity), (L["birth_month"], self.birth_month),
                              (L["party"], self.party), (L["education"], self.education),
                              (L["id_number"], self.id_number), (L["phone"], self.phone),
                              (L["work_unit_post"], self.work_unit_post)):
            self.errors.add_row(label, widget)
        right_errors = FieldErrors(right)
        for label, widget in ((L["levels"], levels), (L["constituency_name"], self.constituency),
                              (L["group_name"], self.group), (L["group_role"], self.group_role),
                              (L["presidium_role"], self.presidium_role),
                              (L["card_number"], self.card_number), (L["elected_on"], self.elected_on),
                              (L["notes"], self.notes)):
            right_errors.add_row(label, widget)
        # One registry for both columns, so a problem finds its field wherever it sits.
        self.errors.labels.update(right_errors.labels)
        self.errors.widgets.update(right_errors.widgets)

        grid = QGridLayout(self)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        hint = QLabel("带红字的项目需要改正后才能保存。公民身份号码只在本窗口完整显示，名册和打印件中隐去中间位。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#666;")
        grid.addWidget(hint, 1, 0, 1, 2)
        self.general_error = QLabel()
        self.general_error.setStyleSheet("color:#c0392b;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        grid.addWidget(self.general_error, 2, 0, 1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存(&S)")
        buttons.button(QDialogButtonBox.StandardButton.Save).setToolTip(
            "Ctrl+Enter 或 Ctrl+S 保存（Enter 跳到下一栏）")
        save_keys(self, self.accept)  # Ctrl+Enter / Ctrl+S from any field, 备注 included
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        grid.addWidget(buttons, 3, 0, 1, 2)
        self.buttons = buttons

        for key, widget in (("name", self.name), ("work_unit_post", self.work_unit_post),
                            ("phone", self.phone)):
            widget.setMaxLength(LIMITS[key])
        self.id_number.editingFinished.connect(self._fill_from_id_number)
        self._load(row.as_input() if row else RepresentativeInput())
        self.remember_saved_state()
        self.name.setFocus()

    # --- form <-> data -------------------------------------------------------------------------
    def _load(self, data: RepresentativeInput) -> None:
        self.name.setText(data.name)
        self.gender.setCurrentText(data.gender)
        self.ethnicity.setCurrentText(data.ethnicity)
        self.birth_month.setText(data.birth_month)
        self.party.setCurrentText(data.party)
        self.education.setCurrentText(data.education)
        self.work_unit_post.setText(data.work_unit_post)
        for level, box in self.level_boxes.items():
            box.setChecked(level in data.levels)
        self.constituency.setCurrentText(data.constituency_name)
        self.group.setCurrentText(data.group_name)
        self.group_role.setCurrentText(data.group_role)
        self.presidium_role.setCurrentText(data.presidium_role)
        self.phone.setText(data.phone)
        self.id_number.setText(data.id_number)
        self.card_number.setText(data.card_number)
        self.elected_on.setText(data.elected_on.isoformat() if data.elected_on else "")
        self.notes.setPlainText(data.notes)

    def form_data(self) -> tuple[RepresentativeInput, list[FieldProblem]]:
        """What the form says, plus problems found while reading it (unreadable dates)."""
        problems = []
        month = normalise_month(self.birth_month.text().strip())
        if month is None:
            problems.append(FieldProblem(L["birth_month"], "看不懂，请写成 1975-03 或 1975年3月"))
        elected = parse_date(self.elected_on.text().strip())
        if elected is None:
            problems.append(FieldProblem(L["elected_on"], "看不懂，请写成 2021-12-28"))
        data = RepresentativeInput(
            name="".join(self.name.text().split()), gender=self.gender.currentText(),
            ethnicity=self.ethnicity.currentText().strip(), birth_month=month or "",
            party=self.party.currentText().strip(), education=self.education.currentText().strip(),
            work_unit_post=self.work_unit_post.text().strip(),
            levels=tuple(lv for lv, box in self.level_boxes.items() if box.isChecked()),
            constituency_name=self.constituency.currentText().strip(),
            group_name=self.group.currentText().strip(), group_role=self.group_role.currentText(),
            presidium_role=self.presidium_role.currentText(),
            phone=normalise_phone(self.phone.text()), id_number=normalise_id_number(self.id_number.text()),
            card_number=self.card_number.text().strip(), elected_on=elected or None,
            notes=self.notes.toPlainText().strip(),
            term_id=self._row.term_id if self._row else self._term_id)
        return data, problems

    def _fill_from_id_number(self) -> None:
        number = normalise_id_number(self.id_number.text())
        if number and id_number_problem(number) is None:
            if not self.birth_month.text().strip():
                self.birth_month.setText(birth_month_from_id(number))
            if not self.gender.currentText():
                self.gender.setCurrentText(gender_from_id(number))

    def accept(self) -> None:
        data, problems = self.form_data()
        if problems:
            # Show the unreadable fields together with everything else that is wrong.
            read = {p.field for p in problems}
            self._show_problems(problems + [p for p in representative_problems(data) if p.field not in read])
            return
        try:
            self.saved_row = answering_closed_term(self, lambda: self._save(data))
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        except TownOfficeError as exc:
            self._show_problems([FieldProblem("状态", str(exc))])
            return
        super().accept()

    def _show_problems(self, problems: list[FieldProblem]) -> None:
        unplaced = self.errors.show(problems)
        self.general_error.setVisible(bool(unplaced))
        self.general_error.setText("\n".join(str(p) for p in unplaced))
        # Grow to fit the messages so no second line is cut off.
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def keyPressEvent(self, event) -> None:
        # Enter in a single-line field moves on instead of saving a half-filled form.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.focusNextChild()
            return
        super().keyPressEvent(event)
