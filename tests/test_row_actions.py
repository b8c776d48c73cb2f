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
    visits.ensure_loaded()
    qtbot.addWidget(visits)
    shown = visits.model.rows()
    with_problems = next(i for i, r in enumerate(shown) if r.problem_count)
    visits.table.selectRow(with_problems)
    assert not visits.delete_button.isEnabled() and "群众诉求" in visits.delete_button.toolTip()


def test_every_area_is_reached_from_the_keyboard(qtbot, demo_town, data_folder):
    from town_office.views.main_window import MainWindow

    window = MainWindow(str(data_folder.root))
    qtbot.addWidget(window)
    reached = set()
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.nav.currentRow() == 9
    for _ in range(window.nav.count()):
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        reached.add(window.nav.currentRow())
    assert reached == set(range(window.nav.count()))
    assert "Ctrl+3" in window.nav.item(2).toolTip()


def test_the_history_window_has_a_close_button_and_scrolls_long_histories(qtbot):
    from PySide6.QtWidgets import QPushButton, QScrollArea

    from town_office.views.visits.problem_dialogs import ProblemHistoryDialog

    dialog = ProblemHistoryDialog(None, "灌溉渠堵塞", [("2026-03-01", "登记", "交办", "交镇水利站")] * 30)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChildren(QScrollArea)
    [close] = [b for b in dialog.findChildren(QPushButton) if b.text() == "关闭"]
    close.click()
    assert not dialog.isVisible()


def test_long_texts_are_limited_where_typed_and_shortened_in_lists(qtbot, make_representative):
    from datetime import date

    from town_office.errors import ValidationError
    from town_office.services.visits import problems
    from town_office.services import visits
    from town_office.services.visits.types import ProblemInput, VisitInput
    from town_office.views.visits.table_models import ProblemTableModel

    rep = make_representative()
    with pytest.raises(ValidationError) as caught:
        visits.save_visit(None, VisitInput(date(2026, 3, 1), (rep.id,), "入户走访", "石门村" * 20, 2))
    assert "最多40个字" in caught.value.for_field("村（社区）")
    with pytest.raises(ValidationError, match="最多20个字"):
        make_representative(name="张" * 21)
    visit = visits.save_visit(None, VisitInput(date(2026, 3, 1), (rep.id,), "入户走访", "石门村", 2))
    with pytest.raises(ValidationError, match="最多1000个字"):
        problems.add_problem(visit.id, ProblemInput("路" * 1001))
    problems.add_problem(visit.id, ProblemInput("路" * 1000))
    model = ProblemTableModel()
    model.set_rows(problems.list_problems())
    texts = [model.index(0, c).data() for c in range(model.columnCount())]
    longest = max(len(t) for t in texts if isinstance(t, str))
    assert longest <= 201 and any(t.endswith("…") for t in texts if isinstance(t, str))


def test_file_dialogs_open_in_the_documents_folder_and_remember_the_last_one(qtbot, db, tmp_path,
                                                                              monkeypatch):
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog

    from town_office.views.roster.page import RosterPage

    starts = []
    chosen = tmp_path / "县里发来的" / "名册.xlsx"
    chosen.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, start, *a: starts.append(start) or ("", ""))
    page = RosterPage()
    qtbot.addWidget(page)
    page.choose_import_file()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert starts == [documents]
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, start, *a: starts.append(start) or (str(chosen), ""))
    monkeypatch.setattr(page, "import_file", lambda path: None)
    page.choose_import_file()
    page.choose_import_file()
    assert starts[-1] == str(chosen.parent)
