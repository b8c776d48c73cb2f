"""The arrow in a list's header says how its rows are ordered: none while in the service's own
order, the clicked column afterwards, and still after the list reloads."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from town_office.views.widgets.table_model import SORT_ROLE, _none_last

pytestmark = pytest.mark.gui


def _column_values(table: QTableView, column: int) -> list:
    model = table.model()
    return [_none_last(model.index(r, column).data(SORT_ROLE)) for r in range(model.rowCount())]


def _agrees(table: QTableView) -> bool:
    header = table.horizontalHeader()
    column = header.sortIndicatorSection()
    if column < 0 or column >= table.model().columnCount():
        return True  # no arrow: nothing claimed
    values = _column_values(table, column)
    wanted = sorted(values, reverse=header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder)
    return values == wanted


def test_the_roster_keeps_the_clicked_order_through_a_reload(qtbot, demo_town):
    from town_office.views.roster.page import RosterPage

    page = RosterPage()
    qtbot.addWidget(page)
    header = page.table.horizontalHeader()
    natural = [r.id for r in page.model.rows()]
    assert header.sortIndicatorSection() == -1 and natural  # no arrow: the roster's own order
    page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    shown = [r.id for r in page.model.rows()]
    assert shown != natural and _agrees(page.table)
    page.reload()
    assert [r.id for r in page.model.rows()] == shown and _agrees(page.table)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # back to the roster's own order
    assert [r.id for r in page.model.rows()] == natural


def test_every_sortable_list_of_the_demo_town_shows_the_order_its_arrow_says(qtbot, demo_town):
    from town_office.views.main_window import MainWindow

    window = MainWindow("")
    qtbot.addWidget(window)
    assert len(window.built) == 1  # only the workbench is built at start; the rest when first opened
    for title in window.titles:
        window.show_page(title)
    tables = [t for t in window.findChildren(QTableView) if t.isSortingEnabled()]
    assert len(tables) >= 12
    for table in tables:
        assert _agrees(table), table.model().__class__.__name__
        if table.model().rowCount() > 1:
            table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
            assert _agrees(table), table.model().__class__.__name__
