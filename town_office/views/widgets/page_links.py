"""What the workbench and the search box need from a page: set its filters to a figure's (``choose``)
and bring one record into view, selected (``select_record``); each page's ``show_filtered`` and
``reveal`` use them, and ``reveal`` then does what a double-click on the row does."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QComboBox, QSpinBox


def choose(widget, value) -> bool:
    """Put ``value`` into a filter widget without the clerk's help: the combo item that carries it,
    a spin box's number, a check box's state. False when the combo has no such item."""
    if isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0:
            return False
        widget.setCurrentIndex(index)
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value))
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(value))
    return True


def choose_filters(filters: dict, widgets: dict) -> None:
    """``choose`` each filter that the page has a widget for; filters it lacks are left alone."""
    for key, value in filters.items():
        if key in widgets:
            choose(widgets[key], value)


def select_record(table, model, record_id: int) -> bool:
    """Select the shown row of ``record_id`` and scroll to it; False when the filters hide it."""
    row = model.row_of_id(record_id)
    if row < 0:
        return False
    table.selectRow(row)
    table.scrollTo(model.index(row, 0))
    return True
