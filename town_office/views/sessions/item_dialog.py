"""新增/修改议程: kind, title (the usual titles offered), 报告人, the decision's text (printed as its
决议), and the result: 赞成/反对/弃权 of those present for a vote, or for an election the seats and
one row per candidate (姓名, 职务, 得票; 得票 left empty until counted)."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import FieldProblem, ValidationError
from town_office.services.sessions import agenda
from town_office.services.sessions.types import ELECTION, ITEM_KINDS, ITEM_TITLES, SessionItemInput
from town_office.views.widgets.form import text_box
from town_office.views.widgets.form_dialog import FormDialog

NAME, POST, VOTES = 0, 1, 2


class SessionItemDialog(FormDialog):
    def __init__(self, parent, session, item=None):
        super().__init__(parent, "修改议程" if item else "新增议程")
        self.session, self.item = session, item
        self.kind = self.errors.add_row("类别", QComboBox(), "类别")
        self.kind.addItems(ITEM_KINDS)
        self.title_box = self.errors.add_row("议题", QComboBox(), "议题")
        self.title_box.setEditable(True)
        self.reporter = self.errors.add_row("报告人", QLineEdit(), "报告人")
        self.decision = self.errors.add_row("决议内容", text_box(70, "通过后印入会议决议，如：批准2027年镇本级财政预算。"),
                                            "决议内容")
        self.voted = QCheckBox("已表决")
        self.votes = {label: QSpinBox() for label in ("赞成", "反对", "弃权")}
        vote_row = QWidget()
        line = QHBoxLayout(vote_row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.voted)
        for label, spin in self.votes.items():
            spin.setRange(0, 999)
            spin.setPrefix(f"{label} ")
            spin.setSuffix(" 票")
            line.addWidget(spin)
        self.vote_row = self.errors.add_row("表决结果", vote_row, "赞成")
        self.seats = self.errors.add_row("应选名额", QSpinBox(), "应选名额")
        self.seats.setRange(1, 30)
        self.counted = QCheckBox("已计票（填写每人得票）")
        self.candidates = QStandardItemModel(0, 3, self)
        self.candidates.setHorizontalHeaderLabels(["候选人姓名", "职务", "得票"])
        self.candidate_table = QTableView()
        self.candidate_table.setModel(self.candidates)
        self.candidate_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.candidate_table.setMinimumHeight(150)
        add, remove = QPushButton("添加候选人"), QPushButton("删除候选人")
        self.add_candidate_button = add
        add.clicked.connect(lambda: self._add_candidate("", "", None))
        remove.clicked.connect(self._remove_candidate)
        election = QWidget()
        column = QVBoxLayout(election)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.counted)
        column.addWidget(self.candidate_table)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.election_box = self.errors.add_row("候选人及得票", election, "候选人")
        for field, shown_at in (("得票", "候选人"), ("反对", "赞成"), ("弃权", "赞成"), ("表决", "赞成")):
            self.errors.labels[field] = self.errors.labels[shown_at]  # one row shows them all
            self.errors.widgets[field] = self.errors.widgets[shown_at]
        self.kind.currentTextChanged.connect(self._kind_changed)
        self.voted.toggled.connect(lambda on: [s.setEnabled(on) for s in self.votes.values()])
        self.resize(620, 0)
        self._load()

    def _load(self) -> None:
        item = self.item
        self.kind.setCurrentText(item.kind if item else ITEM_KINDS[0])
        self._kind_changed(self.kind.currentText())
        if item is None:
            self.voted.setChecked(False)
            for spin in self.votes.values():
                spin.setEnabled(False)
            return
        self.title_box.setCurrentText(item.title)
        self.reporter.setText(item.reporter)
        self.decision.setPlainText(item.decision)
        self.voted.setChecked(item.voted)
        for spin, value in zip(self.votes.values(), (item.votes_for, item.votes_against, item.votes_abstain),
                               strict=True):
            spin.setValue(value or 0)
            spin.setEnabled(item.voted)
        self.seats.setValue(item.seats)
        self.counted.setChecked(any(c.votes is not None for c in item.candidates))
        for c in item.candidates:
            self._add_candidate(c.name, c.post, c.votes)

    def _kind_changed(self, kind: str) -> None:
        election = kind == ELECTION
        current = self.title_box.currentText()
        self.title_box.clear()
        self.title_box.addItems(ITEM_TITLES.get(kind, ()))
        self.title_box.setCurrentText(current)
        self.seats.setEnabled(election)
        self.election_box.setEnabled(election)
        self.vote_row.setEnabled(not election)

    def _add_candidate(self, name: str, post: str, votes) -> None:
        self.candidates.appendRow([QStandardItem(name), QStandardItem(post),
                                   QStandardItem("" if votes is None else str(votes))])

    def _remove_candidate(self) -> None:
        index = self.candidate_table.currentIndex()
        if index.isValid():
            self.candidates.removeRow(index.row())

    def extra_state(self) -> tuple:
        return tuple(self.candidates.index(r, c).data() or "" for r in range(self.candidates.rowCount())
                     for c in range(3))

    def _candidate_rows(self) -> tuple:
        rows, problems = [], []
        for r in range(self.candidates.rowCount()):
            name, post, votes = (self.candidates.index(r, c).data() or "" for c in range(3))
            if not name.strip() and not post.strip() and not votes.strip():
                continue
            count = None
            if self.counted.isChecked():
                if not votes.strip().isdigit():
                    problems.append(FieldProblem("候选人", f"第{r + 1}名候选人：请填写得票数（整数，没有请填0）"))
                    continue
                count = int(votes)
            rows.append((name.strip(), post.strip(), None, count))
        if problems:
            raise ValidationError(problems)
        return tuple(rows)

    def submit(self):
        election = self.kind.currentText() == ELECTION
        counts = [s.value() for s in self.votes.values()] if self.voted.isChecked() and not election \
            else [None, None, None]
        data = SessionItemInput(self.kind.currentText(), self.title_box.currentText(), self.reporter.text(),
                                self.decision.toPlainText(), *counts, seats=self.seats.value(),
                                candidates=self._candidate_rows() if election else ())
        if self.item is None:
            return agenda.add_item(self.session.id, data)
        return agenda.update_item(self.item.id, data)
