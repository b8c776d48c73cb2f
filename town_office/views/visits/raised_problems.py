"""The problems raised on a visit, typed in the 录入走访 dialog: one row per problem with its own
category. A blank row always waits at the bottom; typing starts editing, Tab leaves the table,
Delete removes the highlighted row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QTableView,
)

from town_office.services.common.text_limits import LIMITS
from town_office.services.visits.types import ProblemInput

CONTENT, CATEGORY = 0, 1


class _CategoryDelegate(QStyledItemDelegate):
    """The 类别 cell is chosen from the town's categories (or left empty)."""

    def __init__(self, categories, parent):
        super().__init__(parent)
        self.categories = ("", *categories)

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        combo = QComboBox(parent)
        combo.addItems(self.categories)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentText(index.data() or "")

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentText())


class _ContentDelegate(QStyledItemDelegate):
    """The wording cell keeps to the length the service accepts."""

    def createEditor(self, parent, option, index):  # noqa: N802
        editor = super().createEditor(parent, option, index)
        if hasattr(editor, "setMaxLength"):
            editor.setMaxLength(LIMITS["problem"])
        return editor


class RaisedProblemsTable(QTableView):
    def __init__(self, categories, parent=None):
        super().__init__(parent)
        self.setObjectName("raised_problems")
        self.cells = QStandardItemModel(0, 2, self)
        self.cells.setHorizontalHeaderLabels(["反映问题（群众原话，一行一条）", "类别"])
        self.setModel(self.cells)
        header = self.horizontalHeader()
        header.setSectionResizeMode(CONTENT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CATEGORY, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(CATEGORY, 130)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setItemDelegateForColumn(CONTENT, _ContentDelegate(self))
        self.setItemDelegateForColumn(CATEGORY, _CategoryDelegate(categories, self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)  # Tab moves on to the next field of the form
        self.setToolTip("直接输入问题；类别列双击或按 F2 选择；按 Delete 删除选中的一条。"
                        "登记后在“问题清单”中交办、跟踪")
        self.cells.itemChanged.connect(self._keep_a_blank_row)
        self.clear_rows()

    def _append_blank(self) -> None:
        self.cells.appendRow([QStandardItem(""), QStandardItem("")])

    def _keep_a_blank_row(self, item) -> None:
        last = self.rowCount() - 1
        if item.row() == last and item.column() == CONTENT and item.text().strip():
            self._append_blank()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            self._remove_current()
            return
        super().keyPressEvent(event)

    def rowCount(self) -> int:  # noqa: N802 - reads like the model's
        return self.cells.rowCount()

    def item(self, row: int, column: int) -> QStandardItem:
        return self.cells.item(row, column)

    def setCurrentCell(self, row: int, column: int) -> None:  # noqa: N802
        self.setCurrentIndex(self.cells.index(row, column))

    def _remove_current(self) -> None:
        row = self.currentIndex().row()
        if row < 0:
            return
        self.cells.removeRow(row)
        if self.rowCount() == 0 or self.item(self.rowCount() - 1, CONTENT).text().strip():
            self._append_blank()

    def clear_rows(self) -> None:
        self.cells.setRowCount(0)
        self._append_blank()

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        """Fill with (wording, category) pairs (tests and reloads)."""
        self.clear_rows()
        for content, category in rows:
            row = self.rowCount() - 1
            self.item(row, CATEGORY).setText(category)
            self.item(row, CONTENT).setText(content)  # adds the next blank row

    def problems(self) -> list[ProblemInput]:
        """Every row with words in it, in order."""
        found = []
        for row in range(self.rowCount()):
            content = self.item(row, CONTENT).text().strip()
            if content:
                found.append(ProblemInput(content, self.item(row, CATEGORY).text()))
        return found
