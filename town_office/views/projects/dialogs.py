"""The dialogs of the livelihood projects: a candidate, the shortlist, the votes (first round at a
session's 民生实事票决 item, or the second round among the tied), a progress update, the ratings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from town_office.services import projects, roster, sessions
from town_office.services.hazards.inspections import list_inspections
from town_office.services.projects import evaluation, vote
from town_office.services.projects.types import PROPOSERS, RATINGS, ProjectInput
from town_office.services.roster import units as roster_units
from town_office.services.sessions.types import PROJECTS
from town_office.services.visits import problems
from town_office.services.visits.types import ProblemFilter
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.widgets.file_field import FileField
from town_office.views.widgets.form import text_box
from town_office.views.widgets.form_dialog import FormDialog
from town_office.views.widgets.screen_fit import scrolling


class CandidateDialog(FormDialog):
    def __init__(self, parent, year: int, row=None):
        super().__init__(parent, "修改候选项目" if row else "新增候选项目")
        self.year, self.row = year, row
        self.name = self.errors.add_row("项目名称", QLineEdit(row.name if row else ""), "项目名称")
        self.area = self.errors.add_row("领域", QLineEdit(row.area if row else ""), "领域")
        self.investment = self.errors.add_row("投资（万元）", QDoubleSpinBox(), "投资（万元）")
        self.investment.setRange(0, 100000)
        self.investment.setValue(row.investment if row else 0)
        self.funding = self.errors.add_row("资金来源", QLineEdit(row.funding if row else ""), "资金来源")
        self.planned = self.errors.add_row("计划完成", date_edit(row.planned_on if row else None), "计划完成")
        self.kind = self.errors.add_row("提出方", QComboBox(), "提出方")
        self.kind.addItems(PROPOSERS)
        self.kind.setCurrentText(row.proposer_kind if row else PROPOSERS[1])
        self.deputy = self.errors.add_row("提出代表", QComboBox(), "提出代表")
        self.deputy.addItem("", None)
        for rep in roster.list_representatives(roster_units.current_term_id()):
            if rep.status == "在任":
                self.deputy.addItem(rep.name, rep.id)
        self.deputy.setCurrentText(row.proposer_name if row else "")
        self.wish = self.errors.add_row("选民诉求", QComboBox(), "选民诉求")
        self.wish.addItem("", None)
        for problem in problems.list_problems(ProblemFilter(year=year)) + problems.list_problems(ProblemFilter(year=year - 1)):
            self.wish.addItem(f"{problem.visited_on:%Y-%m-%d} {problem.content[:30]}", problem.id)
        self.wish.setCurrentIndex(max(0, self.wish.findData(row.problem_id if row else None)))
        self.wish.setToolTip("提出方为“选民”时，选择走访中收集到的这条群众诉求")
        self.description = self.errors.add_row("项目内容", text_box(70), "项目内容")
        self.description.setPlainText(row.description if row else "")

    def submit(self):
        data = ProjectInput(self.name.text(), self.area.text(), self.investment.value(), self.funding.text(),
                            self.description.toPlainText(), read_date(self.planned), self.kind.currentText(),
                            self.deputy.currentData(),
                            self.wish.currentData() if self.kind.currentText() == "选民" else None)
        return projects.save_project(self.year, self.row.id if self.row else None, data)


def _checklist(items) -> QListWidget:
    box = QListWidget()
    for key, text, checked in items:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        box.addItem(item)
    return box


class ShortlistDialog(FormDialog):
    def __init__(self, parent, year: int, rows):
        super().__init__(parent, f"初定 — {year}年")
        self.year = year
        self.list = self.errors.add_row("列入选票的候选项目", _checklist(
            [(r.id, f"{r.name}（{r.investment:g}万元）", r.shortlisted) for r in rows]), "初定")

    def submit(self):
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
               if self.list.item(i).checkState() == Qt.CheckState.Checked]
        return projects.shortlist(self.year, ids)


class VotesDialog(FormDialog):
    """First round (``second`` False) at a session's 民生实事票决 item, or the second round."""

    def __init__(self, parent, year: int, rows, second: bool = False):
        super().__init__(parent, f"{'第二轮' if second else ''}票决计票 — {year}年")
        self.year, self.second = year, second
        self.item = self.errors.add_row("票决会议", QComboBox(), "票决会议")
        for s in sessions.list_sessions():
            for item in sessions.get_session(s.id).items if s.starts_on.year == year else ():
                if item.kind == PROJECTS:
                    self.item.addItem(f"{s.title}：{item.title}", item.id)
        self.item.setEnabled(not second)
        tied = set(vote.get_round(year).tied)
        self.spins = {}
        for r in rows:
            if (second and r.name in tied) or (not second and r.shortlisted):
                spin = QSpinBox()
                spin.setRange(0, 999)
                spin.setValue((r.second_votes if second else r.votes) or 0)
                self.spins[r.id] = self.errors.add_row(r.name, spin, f"票_{r.id}")

    def submit(self):
        counts = {pid: spin.value() for pid, spin in self.spins.items()}
        if self.second:
            return vote.record_second_round(self.year, counts)
        return vote.record_votes(self.year, self.item.currentData(), counts)


class ProgressDialog(FormDialog):
    def __init__(self, parent, row):
        super().__init__(parent, f"实施进展 — {row.name}")
        self.row = row
        self.on = self.errors.add_row("日期", date_edit(), "日期")
        self.percent = self.errors.add_row("完成进度", QSpinBox(), "完成进度")
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.percent.setValue(row.progress)
        self.notes = self.errors.add_row("情况", text_box(70), "情况")
        self.photo = self.errors.add_row("现场照片", FileField(
            "选择照片…", "选择现场照片", "图片 (*.jpg *.jpeg *.png);;所有文件 (*)", "photos"), "照片")
        self.inspection = self.errors.add_row("代表小组视察", QComboBox(), "视察")
        self.inspection.addItem("（不是视察）", None)
        for inspection in list_inspections(row.year):
            self.inspection.addItem(f"{inspection.starts_on:%Y-%m-%d} {inspection.title}", inspection.id)

    def submit(self):
        return evaluation.add_progress(self.row.id, read_date(self.on), self.percent.value(),
                                       self.notes.toPlainText(), self.photo.path(),
                                       self.inspection.currentData())


class RatingDialog(FormDialog):
    """年终评议: each serving deputy's rating of one project (blank: not rated)."""

    def __init__(self, parent, row):
        super().__init__(parent, f"年终评议 — {row.name}")
        self.row = row
        given = evaluation.ratings_of(row.id)
        self.combos = {}
        content = QWidget()
        form = QFormLayout(content)
        for rep in roster.list_representatives(roster_units.current_term_id()):
            if rep.status == "在任" and "镇" in rep.levels:
                combo = QComboBox()
                combo.addItems(("",) + RATINGS)
                combo.setCurrentText(given.get(rep.id, ""))
                form.addRow(rep.name, combo)
                self.combos[rep.id] = combo
        area = scrolling(content)
        area.setMinimumHeight(360)
        self.errors.add_row("代表评议（空白为未评议）", area, "评议")

    def submit(self):
        return evaluation.rate(self.row.id, {rep_id: c.currentText() for rep_id, c in self.combos.items()})
