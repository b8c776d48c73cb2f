"""A table model over a list of frozen dataclasses, and a filter proxy that stays fast at 100,000 rows.

Each page's model subclasses :class:`DataclassTableModel` with its own column enum and column specs.
Sorting runs in Python on the source rows (one ``sorted`` call) and filtering precomputes one boolean
per row, because ``QSortFilterProxyModel``'s per-comparison callbacks into Python take seconds on a
large list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
ENDED_GREY = QColor("#8a8a8a")
OVERDUE_RED = QColor("#c0392b")


@dataclass(frozen=True)
class ColumnSpec:
    header: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None  # native value; defaults to the display text
    align_center: bool = False


class DataclassTableModel(QAbstractTableModel):
    """Rows are dataclasses; ``COLUMNS`` says what each column shows and sorts by."""

    COLUMNS: Sequence[ColumnSpec] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []

    # --- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list:
        return self._rows

    def row_at(self, row: int):
        return self._rows[row]

    def row_of_id(self, row_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if getattr(r, "id", None) == row_id), -1)

    def foreground(self, row) -> QColor | None:  # noqa: ARG002 - subclasses colour rows
        return None

    # --- Qt interface ----------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.COLUMNS):
                return self.COLUMNS[section].header
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row, spec = self._rows[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.display(row)
        if role == SORT_ROLE:
            return (spec.sort_key or spec.display)(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.foreground(row)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.align_center:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not (0 <= column < len(self.COLUMNS)):
            return
        spec = self.COLUMNS[column]
        key = spec.sort_key or spec.display
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_rows = [self._rows[i.row()] for i in old_persistent]
        decorated = sorted(range(len(self._rows)), key=lambda i: _none_last(key(self._rows[i])),
                           reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [self._rows[i] for i in decorated]
        new_pos = {id(r): i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old_persistent,
            [self.index(new_pos[id(r)], i.column()) for r, i in zip(old_rows, old_persistent, strict=True)])
        self.layoutChanged.emit()


def _none_last(value):
    return (value is None or value == "", value if value is not None else "")


class PrecomputedFilterProxy(QSortFilterProxyModel):
    """Filters by a predicate evaluated once per row per filter change; sorting goes to the source.

    The accepted rows are remembered by identity, so a re-sort of the source keeps them right.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._accepted: set[int] | None = None
        self._predicate: Callable[[Any], bool] | None = None
        self.setDynamicSortFilter(False)

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        self._predicate = predicate
        self.refilter()

    def refilter(self) -> None:
        source = self.sourceModel()
        new_filter = getattr(self, "beginFilterChange", None)  # Qt >= 6.9
        if new_filter:
            new_filter()
        if self._predicate is None or source is None:
            self._accepted = None
        else:
            predicate = self._predicate
            self._accepted = {id(r) for r in source.rows() if predicate(r)}
        if new_filter:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: ARG002
        accepted = self._accepted
        return accepted is None or id(self.sourceModel().row_at(source_row)) in accepted

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        # Number the rows as shown (1, 2, 3 …), not by their place in the unfiltered list.
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return super().headerData(section, orientation, role)

    def rows(self) -> list:
        """The shown rows, in the shown order."""
        source = self.sourceModel()
        return [source.row_at(self.mapToSource(self.index(r, 0)).row()) for r in range(self.rowCount())]
