"""Row actions work on the highlighted row only, and buttons follow the row's state with a reason."""

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def test_tab_then_delete_offers_nothing_when_no_training_is_highlighted(qtbot, demo_town,
                                                                         monkeypatch):
    from town_office.views.training.page import TrainingPage

    asked = []
    monkeypatch.setattr("town_office.views.training.page.confirm",
                        lambda *a, **k: asked.append(a) or False, raising=False)
    page = TrainingPage()
    qtbot.addWidget(page)
    page.show()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Tab)
    page.table.clearSelection()
    assert not page.delete_button.isEnabled() and not page.edit_button.isEnabled()
    assert page.delete_button.toolTip() == "请先在表中选中一行"
    page.delete_selected()  # even if called: nothing highlighted, nothing asked
    assert asked == []
    page.table.selectRow(0)
    assert page.delete_button.isEnabled() and page.edit_button.isEnabled()


def test_meeting_and_visit_delete_buttons_say_why_not(qtbot, demo_town):
    from town_office.views.meetings.page import MeetingsPage
    from town_office.views.visits.visits_page import VisitsPage

    page = MeetingsPage()
    qtbot.addWidget(page)
    rows = page.model.rows()
    held = next(i for i, r in enumerate(rows) if r.status != "筹备")
    page.table.selectRow(held)
    assert not page.delete_button.isEnabled() and "不能删除" in page.delete_button.toolTip()
    preparing = next(i for i, r in enumerate(rows) if r.status == "筹备")
    page.table.selectRow(preparing)
    assert page.delete_button.isEnabled()
    visits = VisitsPage()
    qtbot.addWidget(visits)
    shown = visits.model.rows()
    with_problems = next(i for i, r in enumerate(shown) if r.problem_count)
    visits.table.selectRow(with_problems)
    assert not visits.delete_button.isEnabled() and "群众诉求" in visits.delete_button.toolTip()
