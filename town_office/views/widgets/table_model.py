"""A table model over a list of frozen dataclasses that filters and sorts 100,000 rows at once.

Each page's model subclasses :class:`DataclassTableModel` with its own column enum and column specs.
Filtering and sorting run inside the model as one list comprehension and one ``sorted`` call: a
``QSortFilterProxyModel`` calls back into Python once per row (filter) or per comparison (sort), which
measured 0.2–0.8 s per keystroke on 100,000 rows (tests/benchmarks/roster_filter.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
DISPLAY, TOOL_TIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
FOREGROUND, ALIGNMENT = int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.TextAlignmentRole)
ANSWERED_ROLES = frozenset({DISPLAY, TOOL_TIP, FOREGROUND, ALIGNMENT, int(SORT_ROLE), int(ROW_ROLE)})
CENTERED = int(Qt.AlignmentFlag.AlignCenter)
ENDED_GREY = QColor("#8a8a8a")
OVERDUE_RED = QColor("#c0392b")


@dataclass(frozen=True)
class ColumnSpec:
    header: str
    display: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None  # native value; defaults to the display text
    align_center: bool = False


CELL_CHARS = 200  # longer texts show their start in the list and the rest in the tooltip


class DataclassTableModel(QAbstractTableModel):
    """Rows are dataclasses; ``COLUMNS`` says what each column shows and sorts by."""

    COLUMNS: Sequence[ColumnSpec] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._natural: list = []  # every row, in the order the service gave them
        self._all: list = []  # every row, in the current sort order
        self._sort: tuple[int, Qt.SortOrder] | None = None  # the clerk's last header click
        self._rows: list = []  # the rows the filter lets through: what the view shows
        self._predicate: Callable[[Any], bool] | None = None

    # --- data in -------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._natural = list(rows)
        self._all = self._sorted(self._natural)  # a reload keeps the order the header shows
        self._rows = self._filtered()
        self.endResetModel()

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        """Show only the rows for which ``predicate(row)`` is true (None: all rows)."""
        self.beginResetModel()
        self._predicate = predicate
        self._rows = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list:
        predicate = self._predicate
        return list(self._all) if predicate is None else [r for r in self._all if predicate(r)]

    def replace_row(self, row: int, new) -> None:
        """Put ``new`` in place of the shown row ``row`` (an edit made in the table)."""
        old = self._rows[row]
        self._rows[row] = new
        for rows in (self._all, self._natural):
            rows[rows.index(old)] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def rows(self) -> list:
        """The shown rows, in the shown order."""
        return self._rows

    def total_count(self) -> int:
        return len(self._all)

    def count_where(self, predicate: Callable[[Any], bool]) -> int:
        """How many of all the rows (shown or filtered out) satisfy ``predicate``."""
        return sum(1 for r in self._all if predicate(r))

    def row_of_id(self, row_id: int) -> int:
        return next((i for i, r in enumerate(self._rows) if getattr(r, "id", None) == row_id), -1)

    def foreground(self, row) -> QColor | None:
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

    def data(self, index, role=DISPLAY):
        # Called for every shown cell and each of seven roles at every paint: the roles a list never
        # answers (decoration, font, background, check state) leave at once.
        if role not in ANSWERED_ROLES or not index.isValid():
            return None
        number = index.row()
        if not 0 <= number < len(self._rows):
            return None
        row, spec = self._rows[number], self.COLUMNS[index.column()]
        if role == DISPLAY:
            shown = spec.display(row)
            if isinstance(shown, str) and len(shown) > CELL_CHARS:
                return shown[:CELL_CHARS] + "…"  # 5,000 pasted characters must not swamp the list
            return shown
        if role == TOOL_TIP:
            shown = spec.display(row)
            if isinstance(shown, str) and len(shown) > CELL_CHARS:
                return shown[:2000]
        if role == SORT_ROLE:
            return (spec.sort_key or spec.display)(row)
        if role == ROW_ROLE:
            return row
        if role == FOREGROUND:
            color = self.foreground(row)
            return QBrush(color) if color is not None else None
        if role == ALIGNMENT and spec.align_center:
            return CENTERED
        return None

    def _sorted(self, rows: list) -> list:
        if self._sort is None:
            return list(rows)
        column, order = self._sort
        spec = self.COLUMNS[column]
        key = spec.sort_key or spec.display
        return sorted(rows, key=lambda r: _none_last(key(r)),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``; -1 (no arrow in the header) is the service's own order."""
        self._sort = (column, order) if 0 <= column < len(self.COLUMNS) else None
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_rows = [self._rows[i.row()] for i in old_persistent]
        self._all = self._sorted(self._natural)
        self._rows = self._filtered()
        new_pos = {id(r): i for i, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            old_persistent,
            [self.index(new_pos[id(r)], i.column()) for r, i in zip(old_rows, old_persistent, strict=True)])
        self.layoutChanged.emit()


def _none_last(value):
    return (value is None or value == "", value if value is not None else "")
