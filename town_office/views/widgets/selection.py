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


def follow_selection(table: QAbstractItemView, rules: dict) -> Callable[[], None]:
    """Keep each button of ``rules`` enabled only while its rule allows the highlighted row.

    A rule takes the row and returns True (allowed) or a text saying why not, shown as the button's
    tooltip; with nothing highlighted every button is off. Returns the refresh function (call it
    after a reload)."""
    tips = {button: button.toolTip() for button in rules}

    def refresh(*_) -> None:
        row = highlighted_row(table)
        for button, rule in rules.items():
            verdict = rule(row) if row is not None else "请先在表中选中一行"
            button.setEnabled(verdict is True)
            button.setToolTip(tips[button] if verdict is True else str(verdict))

    table.selectionModel().selectionChanged.connect(refresh)
    table.model().modelReset.connect(refresh)
    table.model().layoutChanged.connect(refresh)
    refresh()
    return refresh
