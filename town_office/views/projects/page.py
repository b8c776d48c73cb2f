"""民生实事 page: a year's round 征集 → 初定 → 票决 → 监督 → 评估 — the candidates with their votes,
places and progress, the number to choose, the tie that needs a second round, and the papers (选票,
结果公告, 评估报告)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from town_office.errors import TownOfficeError
from town_office.services import projects
from town_office.services.common import attachments
from town_office.services.projects import vote
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.projects.dialogs import (
    CandidateDialog,
    ProgressDialog,
    RatingDialog,
    ShortlistDialog,
    VotesDialog,
)
from town_office.views.widgets.loads_when_shown import LoadsWhenShown
from town_office.views.widgets.messages import warn
from town_office.views.widgets.selection import follow_selection, highlighted_row
from town_office.views.widgets.table_model import ENDED_GREY, ColumnSpec, DataclassTableModel
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.page_links import choose, choose_filters, select_record
from town_office.views.lazy_modules import lazy_module

project_papers = lazy_module("town_office.services.projects.papers")  # reportlab/openpyxl: when first printing


class ProjectTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("名次", lambda p: str(p.rank or ""), lambda p: p.rank or 999, True),
        ColumnSpec("项目", lambda p: ("✓ " if p.chosen else "") + p.name),
        ColumnSpec("投资（万元）", lambda p: f"{p.investment:g}", lambda p: p.investment, True),
        ColumnSpec("提出方", lambda p: p.proposer_name or p.proposer_kind),
        ColumnSpec("初定", lambda p: "是" if p.shortlisted else "", align_center=True),
        ColumnSpec("得票", lambda p: "" if p.votes is None else str(p.votes), lambda p: p.votes or -1, True),
        ColumnSpec("第二轮", lambda p: "" if p.second_votes is None else str(p.second_votes),
                   lambda p: p.second_votes or -1, True),
        ColumnSpec("进度", lambda p: f"{p.progress}%" if p.chosen else "", lambda p: p.progress, True),
        ColumnSpec("满意率", lambda p: f"{p.satisfaction_rate:.1%}" if p.satisfaction_rate is not None else "",
                   lambda p: p.satisfaction_rate or -1, True),
    )

    def foreground(self, row):
        return ENDED_GREY if row.votes is not None and not row.chosen else None


class ProjectsPage(LoadsWhenShown, QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.year = QComboBox()
        self.quota = QSpinBox()
        self.quota.setRange(1, 30)
        self.quota.setSuffix(" 个")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.model = ProjectTableModel(self)
        self.table = read_only_table(self.model)
        sortable(self.table)
        b = self.buttons = {key: QPushButton(text) for key, text in (
            ("new", "新增候选…"), ("edit", "修改…"), ("shortlist", "初定…"), ("votes", "票决计票…"),
            ("second", "第二轮…"), ("progress", "实施进展…"), ("rate", "年终评议…"),
            ("ballot", "打印选票"), ("result", "打印结果公告"), ("report", "打印评估报告"))}
        top = QHBoxLayout()
        for widget in (QLabel("年度"), self.year, QLabel("票决项目数"), self.quota):
            top.addWidget(widget)
        top.addWidget(self.state, 1)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.table, 1)
        for keys in (("new", "edit", "shortlist", "votes", "second", "progress", "rate"), ("ballot", "result", "report")):
            line = QHBoxLayout()
            for key in keys:
                line.addWidget(b[key])
            line.addStretch(1)
            box.addLayout(line)
        follow_selection(self.table, {b["edit"]: lambda r: r.votes is None or "已经票决，不能再改",
                                      b["progress"]: lambda r: r.chosen or "只有入选的项目登记进展",
                                      b["rate"]: lambda r: r.chosen or "只有入选的项目参加年终评议"})
        year = lambda: self.year.currentData() or date.today().year  # noqa: E731
        b["new"].clicked.connect(lambda: self._dialog(CandidateDialog(self, year())))
        b["edit"].clicked.connect(lambda: self._on_row(lambda r: CandidateDialog(self, year(), r)))
        b["shortlist"].clicked.connect(lambda: self._dialog(ShortlistDialog(self, year(), self.model.rows())))
        b["votes"].clicked.connect(lambda: self._dialog(VotesDialog(self, year(), self.model.rows())))
        b["second"].clicked.connect(lambda: self._dialog(VotesDialog(self, year(), self.model.rows(), True)))
        b["progress"].clicked.connect(lambda: self._on_row(lambda r: ProgressDialog(self, r)))
        b["rate"].clicked.connect(lambda: self._on_row(lambda r: RatingDialog(self, r)))
        for key, method, title in (("ballot", "print_ballot", "民生实事项目票决选票"),
                                   ("result", "print_result", "民生实事项目票决结果公告"),
                                   ("report", "print_evaluation", "民生实事项目评估报告")):
            b[key].clicked.connect(
                lambda _=False, m=method, t=title: self._paper(getattr(project_papers, m), t))
        self.year.currentIndexChanged.connect(lambda _: self.reload())
        self.quota.editingFinished.connect(self._set_quota)

    def fill_years(self) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        for year in projects.project_years():
            self.year.addItem(f"{year}年", year)
        self.year.blockSignals(False)
        self.reload()

    def show_filtered(self, filters: dict) -> None:
        """The workbench's figure: the year."""
        self.ensure_loaded()
        choose_filters(filters, {"year": self.year})

    def reveal(self, project_id: int) -> None:
        """Show the project's year with the project selected."""
        self.ensure_loaded()
        choose(self.year, projects.project_or_404(project_id).year)
        self.reload()
        select_record(self.table, self.model, project_id)

    def reload(self) -> None:
        year = self.year.currentData() or date.today().year
        self.model.set_rows(projects.list_projects(year))
        state = vote.get_round(year)
        self.quota.blockSignals(True)
        self.quota.setValue(state.quota)
        self.quota.setEnabled(state.stage in ("征集", "初定"))
        self.quota.blockSignals(False)
        text = f"阶段：{state.stage}" + (f"；票决会议：{state.session_title}（出席{state.present}人）" if state.session_title else "")
        if state.tied:
            text += f"；<span style='color:#c0392b'>{'、'.join(state.tied)}得票相同、并列最后一名，请录入第二轮投票</span>"
        self.state.setText(text)
        self.buttons["second"].setEnabled(bool(state.tied))

    def _set_quota(self) -> None:
        try:
            vote.set_quota(self.year.currentData() or date.today().year, self.quota.value())
        except TownOfficeError as exc:
            warn(self, "无法修改", exc)
        self.reload()

    def _dialog(self, dialog) -> None:
        if dialog.exec():
            self.reload()

    def _on_row(self, make) -> None:
        row = highlighted_row(self.table)
        if row is not None:
            self._dialog(make(row))

    def _paper(self, method, title: str) -> None:
        year = self.year.currentData() or date.today().year
        out = attachments.preview_path(f"{year}年{title}.pdf")
        try:
            method(year, out)
        except TownOfficeError as exc:
            warn(self, f"无法生成{title}", exc)
            return
        PdfPreviewDialog(self, out, f"{year}年{title}").exec()

    def load(self) -> None:
        self.fill_years()
