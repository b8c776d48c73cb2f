"""两规则四办法 page: the six documents (always listed, red while the town has no adopted version)
and the town's own, with the version in force on the chosen day; under them the versions of the
selected document and what can be done with them — draft, edit, adopt, repeal, compare, print, attach
the original, see the history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services.common import attachments
from town_office.services import meetings
from town_office.services.rules import adoption as rule_adoption
from town_office.services.rules import drafts as rule_drafts
from town_office.services import rules
from town_office.services.meetings.types import PREPARING
from town_office.views import ui_state
from town_office.views.history_dialog import HistoryDialog
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.rules.compare_dialog import CompareDialog
from town_office.views.rules.step_dialogs import AdoptDialog, DocumentDialog, RepealDialog
from town_office.views.rules.table_models import DocumentTableModel, VersionTableModel
from town_office.views.rules.version_dialog import RuleVersionDialog
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.table_model import ROW_ROLE
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.lazy_modules import lazy_module

rule_papers = lazy_module("town_office.services.rules.papers")  # reportlab/openpyxl: when first printing


def _buttons(*labels: str) -> tuple[QHBoxLayout, list[QPushButton]]:
    row, made = QHBoxLayout(), []
    for label in labels:
        button = QPushButton(label)
        row.addWidget(button)
        made.append(button)
    row.addStretch(1)
    return row, made


class RulesPage(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.documents = DocumentTableModel(self)
        self.versions = VersionTableModel(self)
        self.on = date_edit(date.today())
        self.today_button = QPushButton("今天")
        self.on_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel("查询某日有效版本："))
        top.addWidget(self.on)
        top.addWidget(self.today_button)
        top.addWidget(self.on_label, 1)
        self.document_table = read_only_table(self.documents)  # kept in the usual order of the six
        self.version_table = read_only_table(self.versions)
        sortable(self.version_table)
        doc_row, (self.new_document_button, self.rename_button, self.delete_document_button,
                  self.print_in_force_button) = _buttons(
            "新增规则文件…", "修改标题…", "删除规则文件", "预览所选日期的有效版本")
        version_row, buttons = _buttons("新建版本", "查看/编辑条文…", "通过…", "废止…", "查看修订对照…",
                                        "预览打印", "附原件…", "打开原件", "删除草案", "修改记录")
        (self.new_version_button, self.edit_button, self.adopt_button, self.repeal_button,
         self.compare_button, self.preview_button, self.attach_button, self.open_button,
         self.delete_button, self.history_button) = buttons
        self.versions_heading = QLabel()
        upper, lower = QWidget(), QWidget()
        upper_box, lower_box = QVBoxLayout(upper), QVBoxLayout(lower)
        upper_box.setContentsMargins(0, 0, 0, 0)
        lower_box.setContentsMargins(0, 0, 0, 0)
        upper_box.addLayout(top)
        upper_box.addWidget(self.document_table, 1)
        upper_box.addLayout(doc_row)
        lower_box.addWidget(self.versions_heading)
        lower_box.addWidget(self.version_table, 1)
        lower_box.addLayout(version_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setSizes([330, 400])
        box = QVBoxLayout(self)
        box.addWidget(splitter)

        self.on.dateChanged.connect(lambda _: self.reload())
        self.today_button.clicked.connect(lambda: self.on.setDate(QDate.currentDate()))
        self.document_table.selectionModel().currentRowChanged.connect(lambda *_: self._show_versions())
        self.version_table.selectionModel().currentRowChanged.connect(lambda *_: self._version_state())
        self.version_table.doubleClicked.connect(lambda _: self.edit_version())
        self.document_table.doubleClicked.connect(lambda _: self.print_in_force())
        for button, slot in ((self.new_document_button, self.new_document), (self.rename_button, self.rename),
                             (self.delete_document_button, self.delete_document),
                             (self.print_in_force_button, self.print_in_force),
                             (self.new_version_button, self.new_version), (self.edit_button, self.edit_version),
                             (self.adopt_button, self.adopt), (self.repeal_button, self.repeal),
                             (self.compare_button, self.compare), (self.preview_button, self.preview),
                             (self.attach_button, self.attach), (self.open_button, self.open_original),
                             (self.delete_button, self.delete_draft), (self.history_button, self.history)):
            button.clicked.connect(slot)
        self.reload()

    # --- reading ---------------------------------------------------------------------------------
    def refresh_on_show(self) -> None:
        self.reload()

    def reveal(self, document_id: int) -> None:
        """Select the rule document with its versions shown."""
        kind = next((r.kind for r in rules.list_documents() if r.id == document_id), None)
        self.reload(keep_kind=kind)

    def reload(self, keep_kind: str | None = None, keep_version: int | None = None) -> None:
        kind = keep_kind or (self.document().kind if self.document() else None)
        version_id = keep_version or (self.version().id if self.version() else None)
        on = read_date(self.on)
        rows = rules.list_documents(on)
        self.documents.set_rows(rows)
        adopted = sum(1 for r in rows if r.builtin and r.has_adopted)
        in_force = sum(1 for r in rows if r.in_force)
        self.on_label.setText(f"两规则四办法已通过 {adopted}/6 项；{on:%Y年%m月%d日}有效的文件 {in_force} 份。"
                              "红色为尚未通过的。")
        row = next((i for i, r in enumerate(self.documents.rows()) if r.kind == kind), 0)
        self.document_table.selectRow(row)
        self._show_versions(version_id)

    def document(self):
        index = self.document_table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def version(self):
        index = self.version_table.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _show_versions(self, version_id: int | None = None) -> None:
        document = self.document()
        self.versions.set_rows(document.versions if document else ())
        if document and not document.versions:
            self.versions_heading.setText(f"《{document.title}》还没有版本。点“起草第一版”开始"
                                          + ("，可以使用程序提供的起草稿。" if document.builtin else "。"))
        else:
            self.versions_heading.setText(f"《{document.title}》的版本" if document else "")
        if self.versions.rows():
            row = self.versions.row_of_id(version_id) if version_id else -1
            self.version_table.selectRow(row if row >= 0 else len(self.versions.rows()) - 1)
        self._version_state()

    def _version_state(self) -> None:
        document, version = self.document(), self.version()
        self.rename_button.setEnabled(bool(document and document.id))
        self.delete_document_button.setEnabled(bool(document and document.id and not document.builtin
                                                    and not document.has_adopted))
        self.print_in_force_button.setEnabled(bool(document and document.in_force))
        has = version is not None
        draft = has and not version.adopted
        self.new_version_button.setText("新建修订版本" if document and document.versions else "起草第一版")
        self.new_version_button.setEnabled(bool(document) and not (document and document.draft))
        for button in (self.edit_button, self.preview_button, self.attach_button, self.history_button):
            button.setEnabled(has)
        self.adopt_button.setText("修改通过信息…" if has and version.adopted else "通过…")
        self.adopt_button.setEnabled(has and not version.repealed_on)
        self.repeal_button.setEnabled(has and version.adopted and not version.repealed_on
                                      and version.number == max(v.number for v in document.versions
                                                                if v.adopted))
        self.compare_button.setEnabled(bool(document) and len(document.versions) >= 2)
        self.open_button.setEnabled(has and bool(version.stored_path))
        self.delete_button.setEnabled(draft)

    # --- documents -------------------------------------------------------------------------------
    def new_document(self) -> None:
        dialog = DocumentDialog(self, lambda kind, title: rules.save_document(kind, title))
        if dialog.exec():
            self.reload(dialog.result_row.kind)

    def rename(self) -> None:
        document = self.document()
        if document and document.id:
            dialog = DocumentDialog(self, lambda kind, title: rules.save_document(kind, title, document.id),
                                    document)
            if dialog.exec():
                self.reload(dialog.result_row.kind)

    def _remove(self, title: str, what: str, remove, keep_kind: str | None = None) -> None:
        """Ask first (取消 is the default), then remove; a refusal is shown and nothing changes."""
        if not confirm(self, title, f"删除{what}吗？\n删除后不能恢复（备份中仍有）。"):
            return
        try:
            remove()
        except TownOfficeError as exc:
            warn(self, "不能删除", exc)
            return
        self.reload(keep_kind)

    def delete_document(self) -> None:
        document = self.document()
        if document and document.id:
            self._remove("删除规则文件", f"《{document.title}》及其{len(document.versions)}个草案",
                         lambda: rules.delete_document(document.id))

    def print_in_force(self) -> None:
        document = self.document()
        if document and document.in_force:
            self._preview_version(document.in_force.id, document.title)

    # --- versions --------------------------------------------------------------------------------
    def new_version(self) -> None:
        document = self.document()
        if document is None:
            return
        try:
            if document.versions:
                created = rules.new_revision(document.kind)
            elif document.kind in rule_drafts.TEMPLATES and self._use_starting_draft():
                created = rule_drafts.create_starting_draft(document.kind)
            else:
                created = rules.create_draft(document.kind, ())
        except TownOfficeError as exc:
            warn(self, "无法新建版本", exc)
            return
        self.reload(document.kind, created.id)
        self.edit_version()

    def _use_starting_draft(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, "起草第一版",
                          "程序为这份文件准备了起草稿，已按“设置”填入本镇名称和议事规则中的各项数字。\n"
                          "起草稿供参考，通过前必须对照本省和本县的规定逐条审核修改。", parent=self)
        template = box.addButton("使用起草稿", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("空白草案", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(template)
        box.exec()
        return box.clickedButton() is template

    def edit_version(self) -> None:
        version = self.version()
        if version:
            dialog = RuleVersionDialog(self, rules.get_version(version.id))
            dialog.exec()
            self.reload(self.document().kind, version.id)

    def adopt(self) -> None:
        document, version = self.document(), self.version()
        if not version:
            return
        held = sorted((m for m in meetings.list_meetings() if m.status != PREPARING),
                      key=lambda m: m.held_on, reverse=True)
        previous = max((v for v in document.versions if v.adopted and v.number < version.number),
                       key=lambda v: v.number, default=None)
        dialog = AdoptDialog(self, document.title, version, held, previous,
                             lambda data: rule_adoption.adopt(version.id, data))
        if dialog.exec():
            self.reload(document.kind, version.id)

    def repeal(self) -> None:
        document, version = self.document(), self.version()
        if version and RepealDialog(self, document.title, version,
                                    lambda on, reason: rule_adoption.repeal(version.id, on, reason)).exec():
            self.reload(document.kind, version.id)

    def compare(self) -> None:
        document = self.document()
        if document and len(document.versions) >= 2:
            CompareDialog(self, document).exec()

    def preview(self) -> None:
        version = self.version()
        if version:
            self._preview_version(version.id, f"{self.document().title}（{version.label}）")

    def _preview_version(self, version_id: int, title: str) -> None:
        try:
            pdf = rule_papers.preview_version(version_id)
        except TownOfficeError as exc:
            warn(self, "无法预览", exc)
            return
        PdfPreviewDialog(self, pdf, title).exec()

    def attach(self) -> None:
        version = self.version()
        if not version:
            return
        path, _ = QFileDialog.getOpenFileName(self, "选择原件（签发的正式文本或扫描件）",
                                              ui_state.last_folder("materials"),
                                              "原件 (*.doc *.docx *.pdf *.wps *.ofd *.jpg *.png);;所有文件 (*)")
        if not path:
            return
        ui_state.remember_folder("materials", str(Path(path).parent))
        try:
            rules.attach_original(version.id, Path(path))
            self.reload(self.document().kind, version.id)
        except TownOfficeError as exc:
            warn(self, "无法附加原件", exc)

    def open_original(self) -> None:
        version = self.version()
        if version and version.stored_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(attachments.absolute(version.stored_path))))

    def delete_draft(self) -> None:
        document, version = self.document(), self.version()
        if version and not version.adopted:
            self._remove("删除草案", f"《{document.title}》{version.label}（草案）及其全部条文",
                         lambda: rules.delete_draft(version.id), document.kind)

    def history(self) -> None:
        document = self.document()
        if document:
            HistoryDialog(self, document.title, rules.document_history(document.kind)).exec()
