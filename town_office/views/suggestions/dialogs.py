"""The dialogs of a suggestion: 登记/修改 (lead deputy, co-signers by name, at a session or in recess),
交办, 答复 (class, date, text, promised date, reply letter), 代表意见, 金点子."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from town_office.errors import FieldProblem, ValidationError
from town_office.services import roster, sessions, suggestions
from town_office.services.roster import units as roster_units
from town_office.services.settings import get_settings
from town_office.services.suggestions import answers
from town_office.services.suggestions.types import (
    ANSWER_CLASSES,
    GRADES,
    PROMISING,
    SATISFACTION,
    AnswerInput,
    AssignInput,
    SuggestionInput,
)
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.widgets.file_field import FileField
from town_office.views.widgets.form import text_box
from town_office.views.widgets.form_dialog import FormDialog


def _deputies():
    return [r for r in roster.list_representatives(roster_units.current_term_id()) if r.status == "在任"]


def deputy_combo(chosen_id: int | None = None) -> QComboBox:
    combo = QComboBox()
    for rep in _deputies():
        combo.addItem(f"{rep.name}（{rep.group_name or '未分组'}）", rep.id)
    combo.setCurrentIndex(max(0, combo.findData(chosen_id)))
    return combo


def ids_of_names(text: str) -> tuple[int, ...]:
    """附议代表 typed as names, 、-separated: each must name one serving deputy."""
    reps = _deputies()
    ids, problems = [], []
    for name in [n for n in re.split(r"[、，,;；\s]+", text) if n]:
        found = [r for r in reps if r.name == name]
        if len(found) != 1:
            problems.append(FieldProblem("附议代表", f"没有找到在任代表“{name}”" if not found
                                         else f"“{name}”有{len(found)}位同名代表，请在名册中核对"))
        else:
            ids.append(found[0].id)
    if problems:
        raise ValidationError(problems)
    return tuple(ids)


class SuggestionDialog(FormDialog):
    def __init__(self, parent, row=None):
        super().__init__(parent, "修改代表建议" if row else "登记代表建议")
        self.row = row
        self.lead = self.errors.add_row("领衔代表", deputy_combo(row.lead_id if row else None), "领衔代表")
        self.cosigners = self.errors.add_row("附议代表", QLineEdit("、".join(row.cosigners) if row else ""), "附议代表")
        self.cosigners.setPlaceholderText("姓名，用顿号分隔；没有可不填")
        self.session = self.errors.add_row("提出方式", QComboBox(), "提出方式")
        self.session.addItem("闭会期间", None)
        for s in sessions.list_sessions(roster_units.current_term_id()):
            self.session.addItem(f"{s.term_name}第{s.number}次会议期间（{s.dates_text}）", s.id)
        self.session.setEnabled(row is None)  # the number follows it
        self.submitted_on = self.errors.add_row("提出日期", date_edit(row.submitted_on if row else None), "提出日期")
        self.title_edit = self.errors.add_row("标题", QLineEdit(row.title if row else ""), "标题")
        self.title_edit.setPlaceholderText("如：关于加快石门村公路硬化的建议")
        self.category = self.errors.add_row("类别", QComboBox(), "类别")
        self.category.addItems(("",) + tuple(get_settings().suggestion_categories))
        self.content = self.errors.add_row("内容", text_box(120), "内容")
        if row:
            self.category.setCurrentText(row.category)
            self.content.setPlainText(row.content)
        self.resize(640, 0)

    def submit(self):
        data = SuggestionInput(self.lead.currentData(), self.title_edit.text(), self.content.toPlainText(),
                               self.category.currentText(), read_date(self.submitted_on),
                               self.session.currentData(), ids_of_names(self.cosigners.text()))
        if self.row:
            return suggestions.update_suggestion(self.row.id, data)
        return suggestions.create_suggestion(data)


class AssignDialog(FormDialog):
    def __init__(self, parent, row):
        super().__init__(parent, f"交办 — {row.number}", "交办")
        self.row = row
        self.on = self.errors.add_row("交办日期", date_edit(row.assigned_on), "交办日期")
        self.main_unit = self.errors.add_row("主办单位", QLineEdit(row.main_unit or "镇人民政府"), "主办单位")
        self.co_units = self.errors.add_row("协办单位", QLineEdit(row.co_units), "协办单位")
        self.grade = self.errors.add_row("分类分级", QComboBox(), "分类分级")
        self.grade.addItems(GRADES)
        self.grade.setCurrentText(row.grade)
        members = QComboBox()
        members.addItem("", None)
        for rep in _deputies():
            if rep.presidium_role:
                members.addItem(f"{rep.name}（{rep.presidium_role}）", rep.id)
        members.setCurrentIndex(max(0, members.findData(row.responsible_id)))
        self.responsible = self.errors.add_row("牵头主席团成员", members, "牵头主席团成员")
        self.complex = self.errors.add_row("", QCheckBox("情况复杂（答复期限6个月）"), "情况复杂")
        self.complex.setChecked(row.complex)
        self.grade.currentTextChanged.connect(lambda g: self.responsible.setEnabled(g == "重点"))
        self.responsible.setEnabled(row.grade == "重点")

    def submit(self):
        return suggestions.assign(self.row.id, AssignInput(read_date(self.on), self.main_unit.text(),
                                                           self.co_units.text(), self.grade.currentText(),
                                                           self.responsible.currentData(), self.complex.isChecked()))


class AnswerDialog(FormDialog):
    def __init__(self, parent, row):
        super().__init__(parent, f"答复 — {row.number}", "保存答复")
        self.row = row
        self.answer_class = self.errors.add_row("答复类别", QComboBox(), "答复类别")
        for code, name in ANSWER_CLASSES.items():
            self.answer_class.addItem(f"{code}类：{name}", code)
        self.on = self.errors.add_row("答复日期", date_edit(), "答复日期")
        self.text = self.errors.add_row("答复内容", text_box(100), "答复内容")
        self.promised = self.errors.add_row("承诺办结日期", date_edit(), "承诺办结日期")
        self.file = self.errors.add_row("答复函", FileField(
            "选择答复函…", "选择答复函", "文档 (*.pdf *.doc *.docx *.jpg *.png);;所有文件 (*)", "materials"), "答复函")
        self.answer_class.currentIndexChanged.connect(
            lambda _: self.promised.setEnabled(self.answer_class.currentData() in PROMISING))
        self.promised.setEnabled(False)

    def submit(self):
        code = self.answer_class.currentData()
        return answers.answer(self.row.id, AnswerInput(code, read_date(self.on), self.text.toPlainText(),
                                                       read_date(self.promised) if code in PROMISING else None,
                                                       self.file.path()))


class FeedbackDialog(FormDialog):
    def __init__(self, parent, row):
        super().__init__(parent, f"代表意见 — {row.number}", "保存代表意见")
        self.row = row
        self.satisfaction = self.errors.add_row("代表意见", QComboBox(), "代表意见")
        self.satisfaction.addItems(SATISFACTION)
        self.on = self.errors.add_row("征询日期", date_edit(), "征询日期")
        self.opinion = self.errors.add_row("意见和建议", text_box(80, "不满意时必填：代表对答复的意见"), "意见和建议")

    def submit(self):
        return answers.feedback(self.row.id, self.satisfaction.currentText(), read_date(self.on),
                                self.opinion.toPlainText())


class ExcellentDialog(FormDialog):
    def __init__(self, parent, row):
        super().__init__(parent, f"评为金点子 — {row.number}", "评为优秀建议")
        self.row = row
        self.reason = self.errors.add_row("评选理由", text_box(80), "评选理由")

    def submit(self):
        return answers.mark_excellent(self.row.id, self.reason.toPlainText())


class FromProblemDialog(FormDialog):
    """转为代表建议: the deputy who heard the problem leads it; its wording is the content."""

    def __init__(self, parent, problem):
        super().__init__(parent, "群众诉求转为代表建议", "转为代表建议")
        self.problem = problem
        heard = problem.deputies.split("、")[0] if problem.deputies else ""
        lead = next((r.id for r in _deputies() if r.name == heard), None)
        self.lead = self.errors.add_row("领衔代表", deputy_combo(lead), "领衔代表")
        self.title_edit = self.errors.add_row("标题", QLineEdit(f"关于{problem.content[:24]}的建议"), "标题")
        self.on = self.errors.add_row("提出日期", date_edit(), "提出日期")
        self.errors.add_row("内容", QLineEdit(problem.content), "内容").setReadOnly(True)

    def submit(self):
        return suggestions.from_problem(self.problem.id, self.lead.currentData(), self.title_edit.text(),
                                        read_date(self.on))
