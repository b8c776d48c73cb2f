"""Esc, 关闭 or × on a form with changes asks 「放弃修改？」 first; nothing asks when nothing changed."""

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def answers(monkeypatch):
    """Record each 放弃修改？ question and answer it from the list (True = 放弃修改)."""
    asked, replies = [], []

    def fake_confirm(parent, title, text, yes="删除"):
        asked.append(title)
        return replies.pop(0) if replies else False

    monkeypatch.setattr("town_office.views.widgets.unsaved.confirm", fake_confirm)
    return asked, replies


def test_a_new_deputy_typed_in_is_not_dropped_by_esc(qtbot, current_term, answers):
    from town_office.views.roster.representative_dialog import RepresentativeDialog

    asked, replies = answers
    def make():
        from town_office.services import roster

        return RepresentativeDialog(None, roster.create_representative, [], [])

    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing typed: closes without asking
    assert asked == [] and not dialog.isVisible()
    dialog = make()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("王芳")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["放弃修改？"] and dialog.isVisible()  # kept open: the answer was 取消
    replies.append(True)
    dialog.close()  # the window's ×
    assert asked == ["放弃修改？", "放弃修改？"] and not dialog.isVisible()


def test_a_visit_being_entered_is_not_dropped_and_a_saved_one_does_not_ask(qtbot, make_representative,
                                                                           answers):
    from town_office.views.visits.visit_dialog import VisitEntryDialog

    asked, _ = answers
    make_representative(name="王芳")
    dialog = VisitEntryDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.summary.setPlainText("了解春耕生产情况")
    dialog.reject()
    assert asked == ["放弃修改？"] and dialog.isVisible()


def test_a_hazard_saved_then_closed_does_not_ask(qtbot, db, answers):
    from datetime import date

    from PySide6.QtCore import QDate

    from town_office.views.hazards.hazard_dialog import HazardDialog

    asked, _ = answers
    dialog = HazardDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.found_on.setDate(QDate(date(2026, 3, 1)))
    dialog.place.setText("农贸市场")
    dialog.description.setPlainText("灭火器过期")
    assert dialog.save()
    dialog.reject()
    assert asked == [] and not dialog.isVisible()


def test_an_inspection_being_entered_asks_and_a_saved_one_does_not(qtbot, make_representative,
                                                                   answers):
    from town_office.views.hazards.inspection_dialog import InspectionDialog

    asked, _ = answers
    dialog = InspectionDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("校园安全执法检查")
    dialog.reject()
    assert asked == ["放弃修改？"] and dialog.isVisible()
    assert dialog.save()
    dialog.reject()
    assert asked == ["放弃修改？"] and not dialog.isVisible()


@pytest.mark.parametrize("keys", [(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier),
                                  (Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier),
                                  (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)])
def test_a_new_deputy_is_saved_from_the_keyboard(qtbot, current_term, answers, keys):
    """Ctrl+Enter or Ctrl+S save from any field, the 备注 box included; Enter moves to the next."""
    from town_office.models import Representative
    from town_office.services import roster
    from town_office.views.roster.representative_dialog import RepresentativeDialog

    dialog = RepresentativeDialog(None, roster.create_representative, [], [])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("王芳")
    dialog.gender.setCurrentText("女")
    dialog.birth_month.setText("1975-03")
    dialog.name.setFocus()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert not dialog.name.hasFocus() and dialog.isVisible()  # Enter: on to the next field
    dialog.notes.setFocus()
    qtbot.keyClick(dialog.notes, keys[0], keys[1])
    assert Representative.get_or_none(Representative.name == "王芳") is not None
    assert not dialog.isVisible()
