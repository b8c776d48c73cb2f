"""The one way a read-only list table is set up: whole-row single selection, no in-place editing,
alternating rows, columns sized to their contents with the last one stretched."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def read_only_table(model, fit_columns: bool = True) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    if fit_columns:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return table


def sortable(table: QTableView, column: int = -1,
             order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
    """Let the clerk sort by clicking a header. The list opens in ``column``'s order, or (-1, no
    arrow) in the order the service gives; the arrow always says how the rows are ordered."""
    table.horizontalHeader().setSortIndicator(column, order)
    table.setSortingEnabled(True)
