"""The 议程 tab of a session: items in order with their results; add, change, remove and move
items; attach documents; print an item's 表决票 / 选票 (one per deputy) or the 决议 of a passed
decision; write an election's result to the presidium."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from town_office.errors import TownOfficeError
from town_office.services.common import attachments
from town_office.services.sessions import agenda, documents, get_session
from town_office.services.sessions.types import ELECTION, PRESIDIUM_POSTS
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.sessions.item_dialog import SessionItemDialog
from town_office.views.sessions.table_models import SessionItemTableModel
from town_office.views.widgets.file_field import choose_file
from town_office.views.widgets.messages import answering_closed_term, confirm, warn
from town_office.views.widgets.selection import follow_selection, highlighted_row
from town_office.views.widgets.table_view import read_only_table
from town_office.views.lazy_modules import lazy_module

session_papers = lazy_module("town_office.services.sessions.papers")  # reportlab/openpyxl: when first printing


def _is_presidium_election(item) -> bool:
    return item.kind == ELECTION and item.passed and any(c.post in PRESIDIUM_POSTS for c in item.candidates)


class SessionAgendaTab(QWidget):
    def __init__(self, dialog):
        super().__init__()
        self.dialog = dialog
        self.model = SessionItemTableModel(self)
        self.table = read_only_table(self.model)
        self.table.doubleClicked.connect(lambda _: self.edit_item())
        buttons = {}
        for key, text in (("add", "新增议程…"), ("edit", "修改/录入结果…"), ("delete", "删除"), ("up", "上移"),
                          ("down", "下移"), ("document", "添加文件…"), ("ballot", "打印表决票/选票"),
                          ("resolution", "打印决议"), ("presidium", "写入主席团")):
            buttons[key] = QPushButton(text)
        self.buttons = buttons
        for key, slot in (("add", self.add_item), ("edit", self.edit_item), ("delete", self.delete_item),
                          ("up", lambda: self.move(-1)), ("down", lambda: self.move(1)),
                          ("document", self.add_document), ("ballot", self.print_ballot),
                          ("resolution", self.print_resolution), ("presidium", self.write_presidium)):
            buttons[key].clicked.connect(slot)
        follow_selection(self.table, {
            buttons["edit"]: lambda row: True, buttons["delete"]: lambda row: True,
            buttons["up"]: lambda row: row.position > 1,
            buttons["down"]: lambda row: row.position < len(self.model.rows()),
            buttons["document"]: lambda row: True,
            buttons["ballot"]: lambda row: row.kind != ELECTION or bool(row.candidates)
            or "选举还没有候选人：请先在“修改/录入结果”中填写候选人",
            buttons["resolution"]: lambda row: (row.kind != ELECTION and row.passed)
            or "只有表决通过的事项才有决议",
            buttons["presidium"]: lambda row: _is_presidium_election(row)
            or "只有选出主席、副主席或主席团成员的选举才能写入主席团"})
        rows = QVBoxLayout(self)
        rows.addWidget(self.table, 1)
        for keys in (("add", "edit", "delete", "up", "down"), ("document", "ballot", "resolution", "presidium")):
            line = QHBoxLayout()
            for key in keys:
                line.addWidget(buttons[key])
            line.addStretch(1)
            rows.addLayout(line)

    def show_session(self, session) -> None:
        selected = highlighted_row(self.table)
        self.model.set_rows(list(session.items))
        if selected is not None:
            row = self.model.row_of_id(selected.id)
            if row >= 0:
                self.table.selectRow(row)

    def _changed(self, detail) -> None:
        self.dialog.session = detail
        self.dialog.show_session()

    def _run(self, action, title: str):
        try:
            return answering_closed_term(self, action)
        except TownOfficeError as exc:
            warn(self, title, exc)
            return None

    def add_item(self) -> None:
        dialog = SessionItemDialog(self, self.dialog.session)
        if dialog.exec():
            self._changed(dialog.result_row)

    def edit_item(self) -> None:
        row = highlighted_row(self.table)
        if row is not None:
            dialog = SessionItemDialog(self, self.dialog.session, row)
            if dialog.exec():
                self._changed(dialog.result_row)

    def delete_item(self) -> None:
        row = highlighted_row(self.table)
        if row is not None and confirm(self, "删除议程", f"删除第{row.position}项“{row.title}”及其表决结果和文件？"):
            detail = self._run(lambda: agenda.delete_item(row.id), "无法删除")
            if detail:
                self._changed(detail)

    def move(self, step: int) -> None:
        row = highlighted_row(self.table)
        if row is not None:
            detail = self._run(lambda: agenda.move_item(row.id, step), "无法调整顺序")
            if detail:
                self._changed(detail)

    def add_document(self) -> None:
        row = highlighted_row(self.table)
        if row is None:
            return
        path = choose_file(self, "选择会议文件", "文档 (*.pdf *.doc *.docx *.xls *.xlsx *.wps *.txt);;所有文件 (*)",
                           "materials")
        if path and self._run(lambda: documents.add_document(row.id, Path(path)), "无法添加文件"):
            self._changed(get_session(self.dialog.session.id))

    def _preview(self, write, title: str) -> None:
        session = self.dialog.session
        out = attachments.preview_path(f"{session.title}{title}.pdf")
        if self._run(lambda: write(out), f"无法生成{title}"):
            PdfPreviewDialog(self, out, f"{session.title}{title}").exec()

    def print_ballot(self) -> None:
        row = highlighted_row(self.table)
        if row is not None:
            name = "选票" if row.kind == ELECTION else "表决票"
            self._preview(lambda out: session_papers.print_ballot(self.dialog.session.id, row.position, out),
                          f"第{row.position}项{name}")

    def print_resolution(self) -> None:
        row = highlighted_row(self.table)
        if row is not None:
            self._preview(lambda out: session_papers.print_resolution(self.dialog.session.id, row.position, out),
                          f"第{row.position}项决议")

    def write_presidium(self) -> None:
        row = highlighted_row(self.table)
        if row is None:
            return
        changed = self._run(lambda: agenda.write_presidium(row.id), "无法写入主席团")
        if changed is not None:
            QMessageBox.information(self, "写入主席团", "已写入代表名册的主席团职务：\n" + "\n".join(changed)
                                    if changed else "代表名册中的主席团职务与选举结果一致，无需修改。")
            self._changed(get_session(self.dialog.session.id))
