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
    qtbot.keyClick(dialog.description, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    from town_office.models import Hazard

    assert Hazard.get().place == "农贸市场"  # Ctrl+S from the description box saved it
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
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    from town_office.models import Inspection

    assert Inspection.get().title == "校园安全执法检查"
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


def test_a_training_with_unsaved_people_or_fields_asks_and_ctrl_s_saves(qtbot, make_representative,
                                                                        answers):
    from town_office.models import TrainingAttendee, TrainingSession
    from town_office.views.training.session_dialog import TrainingSessionDialog

    asked, replies = answers
    for name in ("王芳", "孙丽"):
        make_representative(name=name)
    dialog = TrainingSessionDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.chooser.setCurrentIndex(1)  # choosing how to pick people is no unsaved work
    dialog.reject()
    assert asked == [] and not dialog.isVisible()
    dialog = TrainingSessionDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("初任培训")
    dialog.choose_button.click()  # the people chosen count as unsaved work as well
    dialog.reject()
    assert asked == ["放弃修改？"] and dialog.isVisible()
    qtbot.keyClick(dialog.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert TrainingSession.get().title == "初任培训" and TrainingAttendee.select().count() == 2
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.table, Qt.Key.Key_3)  # 缺席, not yet saved
    dialog.reject()
    assert asked == ["放弃修改？", "放弃修改？"] and dialog.isVisible()
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert TrainingAttendee.select().where(TrainingAttendee.attendance == "缺席").count() == 1
    dialog.reject()
    assert len(asked) == 2 and not dialog.isVisible()  # saved: closes without asking


def test_every_small_form_asks_before_dropping_and_saves_from_the_keyboard(qtbot, answers):
    """The step dialogs (交办, 延期, 办结 …) and the settings forms share the guard and the keys."""
    from datetime import date

    from town_office.views.settings.unit_dialogs import TermDialog
    from town_office.views.visits.problem_dialogs import AssignDialog

    asked, replies = answers
    saved = []
    dialog = AssignDialog(None, 2, date(2026, 12, 18), 10, lambda unit, due: saved.append(unit))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.unit.setText("镇水利站")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["放弃修改？"] and dialog.isVisible()
    qtbot.keyClick(dialog.deadline, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved == ["镇水利站"] and not dialog.isVisible()
    terms = []
    dialog = TermDialog(None, lambda *a: terms.append(a))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # nothing typed: no question
    assert asked == ["放弃修改？"] and not dialog.isVisible()
    dialog = TermDialog(None, lambda *a: terms.append(a))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name.setText("第二十届")
    replies.append(True)
    dialog.close()
    assert asked == ["放弃修改？"] * 2 and not dialog.isVisible() and terms == []
