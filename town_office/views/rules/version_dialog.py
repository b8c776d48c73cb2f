"""The text of one version, edited as chapters and articles: a numbered list on the left (第一章,
第一条 … renumbered at once when something is inserted, removed or moved), the selected unit's text on
the right, and 粘贴全文 to read a whole text from Word. Adopted versions open read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from town_office.services import rules
from town_office.services.rules.text import (
    articles_citing_numbers,
    as_text,
    number_units,
    parse_text,
)
from town_office.services.rules.types import RuleUnit, VersionDetail
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.widgets.form import ERROR_STYLE, FieldErrors, text_box
from town_office.views.widgets.messages import confirm
from town_office.views.widgets.unsaved import GuardsUnsavedWork

CHAPTER_ROLE = Qt.ItemDataRole.UserRole
TEXT_ROLE = Qt.ItemDataRole.UserRole + 1


class PasteTextDialog(GuardsUnsavedWork, QDialog):
    """The whole text at once: paste from Word, see what is recognised, then use it."""

    KEYBOARD_SAVE = "accept"

    def __init__(self, parent, text: str):
        super().__init__(parent)
        self.setWindowTitle("粘贴全文")
        self.resize(760, 640)
        self.text = QPlainTextEdit()
        self.text.setPlainText(text)
        self.found = QLabel()
        self.found.setWordWrap(True)
        hint = QLabel("每章以“第X章”开头、每条以“第X条”开头各占一行；同一条的其他段落另起一行即可。"
                      "原文里的序号不必连续，程序会按顺序重新编号。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#666;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("使用识别出的条文")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(hint)
        box.addWidget(self.text, 1)
        box.addWidget(self.found)
        box.addWidget(buttons)
        self.text.textChanged.connect(self._recognise)
        self._recognise()

    def _recognise(self) -> None:
        self.parsed = parse_text(self.text.toPlainText())
        chapters = sum(u.is_chapter for u in self.parsed.units)
        articles = len(self.parsed.units) - chapters
        message = f"识别出 {chapters} 章 {articles} 条。"
        if self.parsed.skipped:
            shown = "；".join(self.parsed.skipped[:3]) + ("……" if len(self.parsed.skipped) > 3 else "")
            message += f"开头 {len(self.parsed.skipped)} 行不属于任何一条，将略去：{shown}"
        self.found.setText(message)
        self.found.setStyleSheet(ERROR_STYLE if not articles else "")
        self.ok.setEnabled(articles > 0)


class RuleVersionDialog(QDialog):
    def __init__(self, parent, detail: VersionDetail):
        super().__init__(parent)
        self.detail = detail
        self.editable = not detail.version.adopted
        self.dirty = False
        self.setWindowTitle(f"{detail.title} — {detail.version.label}"
                            + ("（草案）" if self.editable else f"（{detail.version.status}）"))
        self.resize(1000, 720)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.drafted_on = date_edit(detail.version.drafted_on)
        self.notes = text_box(54)
        self.notes.setPlainText(detail.version.notes)
        self.units = QListWidget()
        self.units.setMinimumWidth(380)
        self.units.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.editor_label = QLabel()
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText("条文内容；同一条的几款各占一行")
        self.insert_article = QPushButton("插入条")
        self.insert_chapter = QPushButton("插入章")
        self.remove_button, self.up_button, self.down_button = (QPushButton("删除"), QPushButton("上移"),
                                                                 QPushButton("下移"))
        self.paste_button = QPushButton("粘贴全文…")
        for button, keys in ((self.insert_article, "Ctrl+N"), (self.insert_chapter, "Ctrl+Shift+N"),
                             (self.remove_button, "Ctrl+Delete"), (self.up_button, "Alt+Up"),
                             (self.down_button, "Alt+Down")):
            QShortcut(QKeySequence(keys), self, button.click)
            button.setToolTip(keys)
        structure = QHBoxLayout()
        for button in (self.insert_article, self.insert_chapter, self.remove_button, self.up_button,
                       self.down_button, self.paste_button):
            structure.addWidget(button)
        structure.addStretch(1)
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.editor_label)
        right_box.addWidget(self.editor, 1)
        splitter = QSplitter()
        splitter.addWidget(self.units)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        self.errors.add_row("起草日期", self.drafted_on)
        self.errors.add_row("说明", self.notes)
        self.errors.add_row("条文", splitter)
        for widget in (self.drafted_on, self.notes):  # the text gets the height, not the header
            widget.parentWidget().setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        splitter.parentWidget().setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.count_label = QLabel()
        self.citations = QLabel()
        self.citations.setWordWrap(True)
        self.citations.setStyleSheet("color:#9a6700;")
        self.citations.hide()
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.hide()
        self.save_button, close = QPushButton("保存"), QPushButton("关闭")
        self.save_button.setShortcut("Ctrl+S")
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addWidget(self.general_error, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(close)
        box = QVBoxLayout(self)
        box.addLayout(form, 1)
        box.addLayout(structure)
        box.addWidget(self.citations)
        box.addLayout(bottom)

        self.units.currentRowChanged.connect(self._show_unit)
        self.editor.textChanged.connect(self._text_edited)
        self.insert_article.clicked.connect(lambda: self.insert(False))
        self.insert_chapter.clicked.connect(lambda: self.insert(True))
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.paste_button.clicked.connect(self.paste_all)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        self.notes.textChanged.connect(self._touched)
        self.drafted_on.dateChanged.connect(self._touched)
        self._fill([RuleUnit(u.is_chapter, u.text) for u in detail.units])
        self._set_editable()
        self.dirty = False
        self.units.setFocus()

    # --- the list ------------------------------------------------------------------------------
    def _set_editable(self) -> None:
        for widget in (self.insert_article, self.insert_chapter, self.remove_button, self.up_button,
                       self.down_button, self.paste_button, self.save_button, self.drafted_on):
            widget.setEnabled(self.editable)
        self.notes.setReadOnly(not self.editable)
        self.editor.setReadOnly(not self.editable)
        if self.editable:
            self.units.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
            self.units.model().rowsMoved.connect(lambda *_: (self._relabel(True), self._renumbered()))
        else:
            self.general_error.setText("已通过的版本条文不能修改；需要修改时请在页面上点“新建版本”。")
            self.general_error.setStyleSheet("color:#666;")
            self.general_error.show()

    def _fill(self, units) -> None:
        self.units.clear()
        for unit in units:
            item = QListWidgetItem()
            item.setData(CHAPTER_ROLE, unit.is_chapter)
            item.setData(TEXT_ROLE, unit.text)
            self.units.addItem(item)
        self._relabel(False)
        self.units.setCurrentRow(0 if self.units.count() else -1)
        self._show_unit(self.units.currentRow())

    def unit_list(self) -> list[RuleUnit]:
        return [RuleUnit(bool(self.units.item(i).data(CHAPTER_ROLE)), self.units.item(i).data(TEXT_ROLE) or "")
                for i in range(self.units.count())]

    def _relabel(self, changed: bool = True) -> None:
        numbered = number_units(self.unit_list())
        bold = QFont(self.units.font())
        bold.setBold(True)
        for i, unit in enumerate(numbered):
            item = self.units.item(i)
            first = unit.text.split("\n")[0]
            short = first if len(first) <= 26 else first[:26] + "…"
            item.setText(f"{unit.label}　{short}" if unit.is_chapter else f"　{unit.label}　{short}")
            item.setFont(bold if unit.is_chapter else self.units.font())
        chapters = sum(u.is_chapter for u in numbered)
        self.count_label.setText(f"共 {chapters} 章 {len(numbered) - chapters} 条")
        if changed:
            self._touched()
            self._show_label()

    def _touched(self, *_) -> None:
        self.dirty = True

    def _show_label(self) -> None:
        row = self.units.currentRow()
        if row < 0:
            self.editor_label.setText("还没有条文：点“插入条”或“粘贴全文”")
            return
        unit = number_units(self.unit_list())[row]
        self.editor_label.setText(f"{unit.label}（{'章名' if unit.is_chapter else '条文'}）")

    def _show_unit(self, row: int) -> None:
        self.editor.blockSignals(True)
        self.editor.setPlainText(self.units.item(row).data(TEXT_ROLE) if row >= 0 else "")
        self.editor.blockSignals(False)
        self.editor.setEnabled(row >= 0)
        self._show_label()

    def _text_edited(self) -> None:
        item = self.units.currentItem()
        if item is not None:
            item.setData(TEXT_ROLE, self.editor.toPlainText())
            self._relabel(True)

    # --- structure -----------------------------------------------------------------------------
    def insert(self, is_chapter: bool) -> None:
        row = self.units.currentRow() + 1 if self.units.count() else 0
        item = QListWidgetItem()
        item.setData(CHAPTER_ROLE, is_chapter)
        item.setData(TEXT_ROLE, "")
        self.units.insertItem(row, item)
        self._relabel(True)
        self._renumbered()
        self.units.setCurrentRow(row)
        self.editor.setFocus()

    def remove(self) -> None:
        row = self.units.currentRow()
        if row < 0:
            return
        unit = number_units(self.unit_list())[row]
        if unit.text.strip() and not confirm(
                self, "删除", f"删除{unit.label}“{unit.text[:30]}”吗？\n后面的章、条会自动重新编号；"
                              "保存之前关闭窗口可以放弃这次修改。"):
            return
        self.units.takeItem(row)
        self._relabel(True)
        self._renumbered()
        self.units.setCurrentRow(min(row, self.units.count() - 1))

    def move(self, delta: int) -> None:
        row = self.units.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.units.count():
            return
        item = self.units.takeItem(row)
        self.units.insertItem(target, item)
        self._relabel(True)
        self._renumbered()
        self.units.setCurrentRow(target)

    def _renumbered(self) -> None:
        """After a change of order: say which articles cite others by number (they do not follow)."""
        citing = articles_citing_numbers(self.unit_list())
        self.citations.setText(f"{'、'.join(citing)}的条文中写有“第X条”，序号已重新编排，请核对所引用的条号是否仍然正确。"
                               if citing else "")
        self.citations.setVisible(bool(citing))

    def paste_all(self) -> None:
        dialog = PasteTextDialog(self, as_text(self.unit_list()))
        if dialog.exec():
            self._fill(dialog.parsed.units)
            self._touched()

    # --- saving --------------------------------------------------------------------------------
    def save(self) -> bool:
        saved = self.errors.attempt(lambda: rules.save_draft(
            self.detail.version.id, self.unit_list(), self.notes.toPlainText(), read_date(self.drafted_on)),
            self.general_error, self, "未保存")
        if saved is None:
            return False
        self.detail = saved
        self.dirty = False
        return True

    def reject(self) -> None:
        if self.editable and self.dirty:
            answer = QMessageBox.question(
                self, "尚未保存", "条文已修改，要保存吗？",
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        super().reject()
