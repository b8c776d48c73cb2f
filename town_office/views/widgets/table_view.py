"""The one way a read-only list table is set up: whole-row single selection, no in-place editing,
alternating rows, the last column stretched.

Column widths are the clerk's to drag (Interactive). They are sized to their contents once, from a
sample of rows, the first time the list has rows: a header in ResizeToContents mode measures every
row again on each reload and each filter keystroke, which took seconds on a big town's 20,000 rows
(issue 22)."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

SAMPLE_ROWS = 40  # rows measured for the widths (the visible ones first): about 60 ms a table of 12 columns
WIDEST_COLUMN = 420  # px: a long summary must not push the other columns off a 1366 px screen


class _FitOnce(QObject):
    """Sizes the table's columns the first time its model has rows, then leaves them alone."""

    def __init__(self, table: QTableView):
        super().__init__(table)
        self.table = table
        table.model().modelReset.connect(self.fit)
        table.model().layoutChanged.connect(self.fit)

    def fit(self) -> None:
        table = self.table
        if table.model().rowCount() == 0:
            return
        table.model().modelReset.disconnect(self.fit)
        table.model().layoutChanged.disconnect(self.fit)
        fit_columns(table)


def fit_columns(table: QTableView) -> None:
    """Every column as wide as its header and a sample of its rows show, within WIDEST_COLUMN."""
    header = table.horizontalHeader()
    table.resizeColumnsToContents()
    for column in range(header.count() - (1 if header.stretchLastSection() else 0)):
        if header.sectionSize(column) > WIDEST_COLUMN:
            header.resizeSection(column, WIDEST_COLUMN)


def read_only_table(model, fit_columns_once: bool = True) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setResizeContentsPrecision(SAMPLE_ROWS)
    header.setStretchLastSection(True)
    if fit_columns_once:
        if model.rowCount() > 0:
            fit_columns(table)
        else:
            _FitOnce(table)
    return table


def sortable(table: QTableView, column: int = -1,
             order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
    """Let the clerk sort by clicking a header. The list opens in ``column``'s order, or (-1, no
    arrow) in the order the service gives; the arrow always says how the rows are ordered."""
    table.horizontalHeader().setSortIndicator(column, order)
    table.setSortingEnabled(True)
