"""设置 page: the town and its rules (stored in the database), and the terms, deputy groups and
constituencies the roster uses."""

from __future__ import annotations

import re
from dataclasses import asdict, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import settings
from town_office.services.roster import units as roster_units
from town_office.services.settings import (
    CONGRESS_PASS_RULES,
    CONGRESS_QUORUM_RULES,
    PASS_RULES,
    QUORUM_RULES,
    SETTING_LABELS,
)
from town_office.views.settings.unit_dialogs import TermDialog, UnitDialog
from town_office.views.widgets.table_model import ROW_ROLE, ColumnSpec, DataclassTableModel
from town_office.views.widgets.table_view import read_only_table


class TermTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("届次", lambda t: t.name),
        ColumnSpec("起始日期", lambda t: t.starts_on.isoformat() if t.starts_on else ""),
        ColumnSpec("届满日期", lambda t: t.ends_on.isoformat() if t.ends_on else ""),
        ColumnSpec("代表人数", lambda t: str(t.representative_count), lambda t: t.representative_count, True),
    )


class UnitTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("名称", lambda u: u.name),
        ColumnSpec("范围", lambda u: u.area),
        ColumnSpec("在任代表", lambda u: str(u.member_count), lambda u: u.member_count, True),
        ColumnSpec("组长", lambda u: u.leader_name),
        ColumnSpec("备注", lambda u: u.notes),
    )


class _ListTab(QWidget):
    """A table with 新增 / 修改 / 删除 under it."""

    changed = Signal()

    def __init__(self, model: DataclassTableModel):
        super().__init__()
        self.model = model
        self.table = read_only_table(model)
        self.table.doubleClicked.connect(lambda _: self.edit())
        buttons = QHBoxLayout()
        for text, slot in (("新增", self.add), ("修改", self.edit), ("删除", self.remove)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.table)
        box.addLayout(buttons)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def run(self, dialog) -> None:
        if dialog.exec():
            self.reload()
            self.changed.emit()

    def remove(self) -> None:
        row = self.selected()
        if row is None:
            return
        if QMessageBox.question(self, "确认删除", f"确定删除「{row.name}」吗？",
                                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        try:
            self.delete(row)
        except TownOfficeError as exc:
            QMessageBox.warning(self, "不能删除", str(exc))
            return
        self.reload()
        self.changed.emit()


class TermsTab(_ListTab):
    def __init__(self):
        super().__init__(TermTableModel())
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(roster_units.list_terms())

    def add(self) -> None:
        self.run(TermDialog(self, lambda *a: roster_units.save_term(None, *a)))

    def edit(self) -> None:
        row = self.selected()
        if row:
            current = roster_units.current_term_id() == row.id
            self.run(TermDialog(self, lambda *a: roster_units.save_term(row.id, *a), row, current))

    def delete(self, row) -> None:
        roster_units.delete_term(row.id)


class UnitsTab(_ListTab):
    def __init__(self, kind: str):
        super().__init__(UnitTableModel())
        self.kind, self.label = kind, roster_units.UNIT_LABELS[kind]
        if kind == "constituency":
            self.table.setColumnHidden(3, True)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(roster_units.list_units(self.kind))

    def add(self) -> None:
        self.run(UnitDialog(self, self.label, lambda *a: roster_units.save_unit(self.kind, None, *a)))

    def edit(self) -> None:
        row = self.selected()
        if row:
            self.run(UnitDialog(self, self.label,
                                lambda *a: roster_units.save_unit(self.kind, row.id, *a), row))

    def delete(self, row) -> None:
        roster_units.delete_unit(self.kind, row.id)


class TownSettingsTab(QWidget):
    saved = Signal()

    def __init__(self):
        super().__init__()
        form = QFormLayout()
        self.town_name, self.county_name = QLineEdit(), QLineEdit()
        self.clerk_name = QLineEdit()
        self.clerk_name.setPlaceholderText("如 陈晓燕（不填则记电脑的登录名）")
        self.clerk_name.setMaxLength(20)
        self.town_name.setPlaceholderText("如 青石镇")
        self.county_name.setPlaceholderText("如 云溪县")
        self.current_term = QComboBox()
        self.quorum_rule, self.pass_rule = QComboBox(), QComboBox()
        self.quorum_rule.addItems(QUORUM_RULES)
        self.pass_rule.addItems(PASS_RULES)
        self.congress_quorum, self.congress_pass = QComboBox(), QComboBox()
        self.congress_quorum.addItems(CONGRESS_QUORUM_RULES)
        self.congress_pass.addItems(CONGRESS_PASS_RULES)
        self.spins = {}
        for key, low, high, suffix in (("meeting_interval_months", 1, 12, " 个月"), ("notice_days", 0, 30, " 天"),
                                       ("followup_extension_months", 1, 24, " 个月"),
                                       ("visit_quota_households", 0, 200, " 户"),
                                       ("problem_deadline_workdays", 1, 60, " 个工作日"),
                                       ("congress_sessions_per_year", 1, 12, " 次"),
                                       ("motion_min_deputies", 1, 50, " 人"),
                                       ("suggestion_answer_months", 1, 12, " 个月"),
                                       ("suggestion_complex_months", 1, 24, " 个月"),
                                       ("suggestion_reanswer_months", 1, 12, " 个月"),
                                       ("excellent_suggestions_per_year", 0, 20, " 件"),
                                       ("backup_interval_minutes", 5, 240, " 分钟"),
                                       ("backup_keep_daily", 1, 60, " 天"),
                                       ("backup_keep_weekly", 0, 52, " 周"),
                                       ("backup_keep_monthly", 0, 120, " 个月")):
            spin = QSpinBox()
            spin.setRange(low, high)
            spin.setSuffix(suffix)
            self.spins[key] = spin
        self.problem_categories = QLineEdit()
        self.problem_categories.setToolTip("用顿号分隔，例如：道路交通、农田水利、环境卫生")
        self.hazard_categories = QLineEdit()
        self.suggestion_categories = QLineEdit()
        self.suggestion_categories.setToolTip("用顿号分隔，例如：经济发展、农业农村、城乡建设")
        self.prorate = QCheckBox("按全年折算")
        self.training_kinds = QLineEdit()
        self.training_kinds.setToolTip("用顿号分隔，例如：集中培训、专题培训、以会代训")
        self.notice_prefix = QLineEdit()
        self.notice_prefix.setToolTip("文号写作“机关代字〔年份〕序号号”，如 青石人大督〔2026〕3号；"
                                      "留空则用乡镇简称加“人大督”")
        self.copy_to = QLineEdit()
        self.copy_to.setToolTip("印在纪要版记的“抄送”一行，多个单位用顿号分隔；留空则抄送县人大常委会")
        self.addressee = QLineEdit()
        self.addressee.setToolTip("执法检查报告的主送机关；留空则为县人大常委会")
        for key, widget in (("town_name", self.town_name), ("county_name", self.county_name),
                            ("clerk_name", self.clerk_name),
                            ("current_term_id", self.current_term), ("presidium_quorum_rule", self.quorum_rule),
                            ("presidium_pass_rule", self.pass_rule),
                            ("congress_quorum_rule", self.congress_quorum),
                            ("congress_pass_rule", self.congress_pass), *self.spins.items(),
                            ("training_kinds", self.training_kinds),
                            ("problem_categories", self.problem_categories),
                            ("hazard_categories", self.hazard_categories),
                            ("suggestion_categories", self.suggestion_categories),
                            ("supervision_notice_prefix", self.notice_prefix),
                            ("minutes_copy_to", self.copy_to),
                            ("report_addressee", self.addressee),
                            ("assessment_prorate", self.prorate)):
            form.addRow(SETTING_LABELS[key], widget)
        note = QLabel("各地规定不同，以上数字请按本省、本县的规定填写。修改会记入修改记录并随备份保存。")
        note.setWordWrap(True)
        note.setStyleSheet("color:#666;")
        save = QPushButton("保存设置")
        save.clicked.connect(self.save)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(note)
        row = QHBoxLayout()
        row.addWidget(save)
        row.addStretch(1)
        box.addLayout(row)
        box.addStretch(1)
        self.reload()

    def reload(self) -> None:
        current = settings.get_settings()
        self.town_name.setText(current.town_name)
        self.county_name.setText(current.county_name)
        self.clerk_name.setText(current.clerk_name)
        self.current_term.clear()
        self.current_term.addItem("（未设置）", 0)
        for term in roster_units.list_terms():
            self.current_term.addItem(term.name, term.id)
        self.current_term.setCurrentIndex(max(self.current_term.findData(current.current_term_id), 0))
        self.quorum_rule.setCurrentText(current.presidium_quorum_rule)
        self.pass_rule.setCurrentText(current.presidium_pass_rule)
        self.congress_quorum.setCurrentText(current.congress_quorum_rule)
        self.congress_pass.setCurrentText(current.congress_pass_rule)
        self.training_kinds.setText("、".join(current.training_kinds))
        self.problem_categories.setText("、".join(current.problem_categories))
        self.hazard_categories.setText("、".join(current.hazard_categories))
        self.suggestion_categories.setText("、".join(current.suggestion_categories))
        self.prorate.setChecked(current.assessment_prorate)
        self.notice_prefix.setText(current.supervision_notice_prefix)
        self.notice_prefix.setPlaceholderText(f"{settings.town_short_name(current.town_name)}人大督")
        self.copy_to.setText(current.minutes_copy_to)
        self.copy_to.setPlaceholderText(settings.minutes_copy_to(replace(current, minutes_copy_to="")))
        self.addressee.setText(current.report_addressee)
        self.addressee.setPlaceholderText(settings.report_addressee(replace(current, report_addressee="")))
        values = asdict(current)
        for key, spin in self.spins.items():
            spin.setValue(values[key])

    def save(self) -> None:
        if not self.town_name.text().strip():
            QMessageBox.warning(self, "无法保存", "乡镇名称不能为空，它会出现在每一份打印件的标题中。")
            self.town_name.setFocus()
            return
        lists = {}
        for key, edit in (("training_kinds", self.training_kinds),
                          ("problem_categories", self.problem_categories),
                          ("hazard_categories", self.hazard_categories),
                          ("suggestion_categories", self.suggestion_categories)):
            lists[key] = tuple(dict.fromkeys(k for k in re.split(r"[、，,;；\s]+", edit.text()) if k))
            if not lists[key]:
                QMessageBox.warning(self, "无法保存", f"{SETTING_LABELS[key]}至少要有一种，多种用顿号分隔。")
                edit.setFocus()
                return
        settings.update_settings(
            **lists, town_name=self.town_name.text().strip(), county_name=self.county_name.text().strip(),
            current_term_id=self.current_term.currentData() or 0,
            presidium_quorum_rule=self.quorum_rule.currentText(), presidium_pass_rule=self.pass_rule.currentText(),
            congress_quorum_rule=self.congress_quorum.currentText(),
            congress_pass_rule=self.congress_pass.currentText(),
            assessment_prorate=self.prorate.isChecked(),
            supervision_notice_prefix=self.notice_prefix.text().strip(),
            clerk_name=self.clerk_name.text().strip(),
            minutes_copy_to=self.copy_to.text().strip(),
            report_addressee=self.addressee.text().strip(),
            **{key: spin.value() for key, spin in self.spins.items()})
        self.saved.emit()
        QMessageBox.information(self, "已保存", "设置已保存。")


class SettingsPage(QWidget):
    settings_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.town_tab = TownSettingsTab()
        self.terms_tab = TermsTab()
        self.groups_tab = UnitsTab("group")
        self.constituencies_tab = UnitsTab("constituency")
        town_scroll = QScrollArea()  # the list of rules grows; small screens scroll instead of cutting
        town_scroll.setWidget(self.town_tab)
        town_scroll.setWidgetResizable(True)
        town_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.tabs.addTab(town_scroll, "乡镇与规则")
        self.tabs.addTab(self.terms_tab, "届次")
        self.tabs.addTab(self.groups_tab, "代表小组")
        self.tabs.addTab(self.constituencies_tab, "选区")
        box = QVBoxLayout(self)
        box.addWidget(self.tabs)
        self.town_tab.saved.connect(self.settings_changed)
        for tab in (self.terms_tab, self.groups_tab, self.constituencies_tab):
            tab.changed.connect(self._changed)

    def _changed(self) -> None:
        self.town_tab.reload()
        self.settings_changed.emit()

    def reload(self) -> None:
        for tab in (self.town_tab, self.terms_tab, self.groups_tab, self.constituencies_tab):
            tab.reload()
