"""The row a row action works on: the highlighted one only. A table's current index can sit on a
row nobody selected (after Tab, or a reload), so actions read the selection, never the current
index, and with nothing highlighted there is nothing to act on."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractItemView

from town_office.views.widgets.table_model import ROW_ROLE


def highlighted_row(table: QAbstractItemView):
    """The dataclass of the first highlighted row, or None when nothing is highlighted."""
    model = table.selectionModel()
    rows = model.selectedRows() if model is not None else []
    return rows[0].data(ROW_ROLE) if rows else None


def highlighted_rows(table: QAbstractItemView) -> list:
    """The dataclasses of every highlighted row, top to bottom."""
    model = table.selectionModel()
    indexes = sorted(model.selectedRows(), key=lambda i: i.row()) if model is not None else []
    return [i.data(ROW_ROLE) for i in indexes]


def follow_selected_rows(table: QAbstractItemView, rules: dict) -> Callable[[], None]:
    """Keep each button of ``rules`` enabled only while its rule allows the highlighted rows.

    A rule takes the list of highlighted rows (never empty) and returns True (allowed) or a text
    saying why not, shown as the button's tooltip; with nothing highlighted every button is off.
    Returns the refresh function (call it after a reload)."""
    tips = {button: button.toolTip() for button in rules}

    def refresh(*_) -> None:
        rows = highlighted_rows(table)
        for button, rule in rules.items():
            verdict = rule(rows) if rows else "请先在表中选中一行"
            button.setEnabled(verdict is True)
            button.setToolTip(tips[button] if verdict is True else str(verdict))

    table.selectionModel().selectionChanged.connect(refresh)
    table.model().modelReset.connect(refresh)
    table.model().layoutChanged.connect(refresh)
    refresh()
    return refresh


def follow_selection(table: QAbstractItemView, rules: dict) -> Callable[[], None]:
    """:func:`follow_selected_rows` for a table of single rows: each rule takes the highlighted row."""
    return follow_selected_rows(table, {button: (lambda rows, r=rule: r(rows[0]))
                                        for button, rule in rules.items()})


def one_row(rule: Callable) -> Callable:
    """A rule for an action on exactly one of several highlighted rows."""
    return lambda rows: rule(rows[0]) if len(rows) == 1 else "一次只能对一条操作，请只选中一行"
