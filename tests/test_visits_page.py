"""Visits and problems in the window: a stack of logs typed from the keyboard alone, the quota tab,
and the problem list's batch hand-over and red overdue rows."""

from tests.model_helpers import assert_rows_show
from datetime import date

import pytest
from PySide6.QtCore import Qt

from town_office.models import Problem, Visit, VisitDeputy
from town_office.services.visits import problems
from town_office.services import visits
from town_office.services.visits.types import ProblemInput, VisitInput
from town_office.views.visits import problems_page as problems_module
from town_office.views.visits.problems_page import ProblemsPage
from town_office.views.visits.table_models import (
    ProblemTableModel,
    QuotaTableModel,
    VisitTableModel,
)
from town_office.views.visits.visit_dialog import VisitEntryDialog
from town_office.views.visits.visits_page import VisitsPage

pytestmark = pytest.mark.gui


@pytest.fixture
def deputies(make_representative):
    return {name: make_representative(name=name, gender="男")
            for name in ("王芳", "孙丽", "钱进")}


def test_models_pass_the_model_tester(qtmodeltester, demo_town):
    for model, rows in ((VisitTableModel(), visits.list_visits(2026)),
                        (ProblemTableModel(), problems.list_problems()),
                        (QuotaTableModel(), visits.quota_progress(2026))):
        model.set_rows(rows)
        qtmodeltester.check(model)
    visit_model = VisitTableModel()
    visit_model.set_rows(visits.list_visits(2026))
    assert_rows_show(visit_model, visits.list_visits(2026), "visited_on", "village", "form")
    problem_model = ProblemTableModel()
    problem_model.set_rows(problems.list_problems())
    assert_rows_show(problem_model, problems.list_problems(), "content", "status")


def test_a_stack_of_logs_typed_from_the_keyboard(qtbot, deputies):
    dialog = VisitEntryDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.village.setCurrentText("石门村")  # the one Chinese field, once: it is kept afterwards
    search = dialog.deputy_search
    search.setFocus()
    qtbot.keyClicks(search, "wf")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert dialog.chosen.count() == 1 and dialog.chosen.item(0).text() == "王芳"
    qtbot.keyClicks(search, "qj")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    dialog.households.setFocus()
    dialog.households.selectAll()
    qtbot.keyClicks(dialog.households, "3")
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    visit = Visit.get()
    assert (visit.village, visit.households, visit.form) == ("石门村", 3, "入户走访")
    assert {d.representative.name for d in VisitDeputy.select()} == {"王芳", "钱进"}
    assert dialog.chosen.count() == 0 and dialog.households.value() == 0
    assert dialog.village.currentText() == "石门村" and dialog.focusWidget() is search
    qtbot.keyClicks(search, "sl")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert Visit.select().count() == 1  # no households: refused, said next to the field
    assert "请填写走访户数" in dialog.errors.labels["户数"].text()
    dialog.households.setFocus()
    dialog.households.selectAll()
    qtbot.keyClicks(dialog.households, "2")
    dialog.raised.set_rows([("路灯不亮", ""), ("水渠堵塞", "")])
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert Visit.select().count() == 2 and Problem.select().count() == 2
    assert "已保存2条" in dialog.status.text()


def _open_problems(deputies):
    visit = visits.save_visit(None, VisitInput(date(2026, 9, 1), (deputies["王芳"].id,), "入户走访",
                                               "石门村", 3))
    return [problems.add_problem(visit.id, ProblemInput(text)) for text in ("甲", "乙", "丙")]


def test_batch_hand_over_from_the_problem_list(qtbot, deputies, monkeypatch):
    rows = _open_problems(deputies)
    page = ProblemsPage()
    page.ensure_loaded()
    qtbot.addWidget(page)
    page.year_combo.setCurrentIndex(page.year_combo.findData(2026))
    assert page.model.rowCount() == 3
    page.table.selectAll()
    monkeypatch.setattr(problems_module.AssignDialog, "exec", lambda self: (
        self.unit.setText("镇水利站"), self.accept(), self.result())[-1])
    page.assign_selected()
    assert {p.status for p in Problem.select()} == {"交办"}
    assert {p.handling_unit for p in Problem.select()} == {"镇水利站"}
    assert len(rows) == 3


def test_overdue_problems_are_red_with_working_days(qtbot, deputies):
    from town_office.views.widgets.table_model import OVERDUE_RED

    rows = _open_problems(deputies)
    problems.assign([rows[0].id], "镇水利站", date(2026, 9, 25))  # due 2026-10-09 after 国庆
    model = ProblemTableModel(today=date(2026, 10, 13))
    model.set_rows(problems.list_problems())
    row = model.row_of_id(rows[0].id)
    assert model.index(row, 6).data() == "2026-10-09"
    assert model.index(row, 7).data() == "逾期3个工作日"  # Sat 10 Oct is a 调休 workday
    assert model.data(model.index(row, 0), Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_RED


def test_quota_tab_says_who_met_it(qtbot, demo_town):
    page = VisitsPage()
    page.ensure_loaded()
    qtbot.addWidget(page)
    page.year_combo.setCurrentIndex(page.year_combo.findData(2026))
    assert "已达标" in page.quota_summary.text()
    first = page.quota_model.rows()[0]
    assert not first.met


def test_categories_and_training_kinds_are_edited_in_settings(qtbot, current_term, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from town_office.services import settings
    from town_office.views.settings.page import TownSettingsTab

    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    tab = TownSettingsTab()
    qtbot.addWidget(tab)
    tab.problem_categories.setText("道路交通、农田水利，道路交通  其他")
    tab.training_kinds.setText("集中培训、初任培训")
    tab.save()
    current = settings.get_settings()
    assert current.problem_categories == ("道路交通", "农田水利", "其他")
    assert current.training_kinds == ("集中培训", "初任培训")


def test_a_problem_is_corrected_through_its_dialog(qtbot, deputies):
    from town_office.views.visits.problem_dialogs import ProblemEditDialog

    row = _open_problems(deputies)[0]
    dialog = ProblemEditDialog(None, row, ("道路交通", "其他"),
                               lambda data: problems.update_problem(row.id, data))
    qtbot.addWidget(dialog)
    dialog.content.setPlainText("")
    dialog.accept()
    assert "请按群众原话记录" in dialog.errors.labels["反映问题"].text()
    dialog.content.setPlainText("村道破损")
    dialog.category.setCurrentText("道路交通")
    dialog.accept()
    saved = problems.get_problem(row.id)
    assert (saved.content, saved.category) == ("村道破损", "道路交通")


def test_document_settings_are_edited_in_settings_and_reach_the_papers(qtbot, current_term,
                                                                       monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from town_office.services import settings
    from town_office.views.settings.page import TownSettingsTab

    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    tab = TownSettingsTab()
    qtbot.addWidget(tab)
    assert tab.notice_prefix.placeholderText() == "测试人大督"  # the town's short name
    assert tab.copy_to.placeholderText() == "测试县人大常委会"
    tab.notice_prefix.setText("测人督")
    tab.copy_to.setText("县人大常委会办公室、镇党委")
    tab.addressee.setText("测试镇人民代表大会")
    tab.save()
    current = settings.get_settings()
    assert settings.supervision_notice_number(current, 2026, 3) == "测人督〔2026〕3号"
    assert settings.minutes_copy_to(current) == "县人大常委会办公室、镇党委"
    assert settings.report_addressee(current) == "测试镇人民代表大会"


def test_the_history_names_the_clerk_from_the_settings(qtbot, current_term, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from town_office.services import settings
    from town_office.services.common import audit
    from town_office.views.settings.page import TownSettingsTab

    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    tab = TownSettingsTab()
    qtbot.addWidget(tab)
    tab.clerk_name.setText("陈晓燕")
    tab.save()
    settings.update_settings(notice_days=5)
    rows = audit.history("setting", 0)
    assert rows[-1].actor == "陈晓燕" and rows[-1].new_value == "5"
    settings.update_settings(clerk_name="")
    assert audit.current_actor() != "陈晓燕"  # back to the login name


def test_the_pinyin_box_offers_its_suggestions_after_garbage_collection(qtbot, deputies):
    """The completer's model used to be a temporary the collector took: the list never appeared."""
    import gc

    from town_office.views.visits.visit_dialog import VisitEntryDialog

    dialog = VisitEntryDialog(None)
    qtbot.addWidget(dialog)
    gc.collect()
    completer = dialog.deputy_search.completer()
    assert completer.model() is not None and completer.model().rowCount() >= 2
    completer.setCompletionPrefix("王")
    assert completer.completionModel().rowCount() >= 1


def test_each_problem_raised_on_a_visit_has_its_own_category(qtbot, deputies):
    from PySide6.QtWidgets import QLineEdit

    from town_office.services import settings

    categories = settings.get_settings().problem_categories
    dialog = VisitEntryDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.village.setCurrentText("石门村")
    dialog._add_deputy("wf")
    dialog.households.setValue(2)
    table = dialog.raised
    assert table.rowCount() == 1  # one blank row waits
    table.setCurrentCell(0, 0)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_A)  # typing starts editing the wording
    editor = table.viewport().findChild(QLineEdit)
    assert table.state() == table.State.EditingState and editor.text() == "a"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(0, 0).text() == "a")  # committed on the next event turn
    assert table.rowCount() == 2  # the next blank row
    table.set_rows([("路灯不亮", categories[0]), ("水渠堵塞", categories[1])])
    assert table.rowCount() == 3
    table.setCurrentCell(2, 0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)  # the blank row stays
    assert table.rowCount() == 3
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert [p.content for p in table.problems()] == ["水渠堵塞"]
    table.set_rows([("路灯不亮", categories[0]), ("水渠堵塞", categories[1])])
    dialog.save_and_close()
    assert {(p.content, p.category) for p in Problem.select()} == {
        ("路灯不亮", categories[0]), ("水渠堵塞", categories[1])}


def test_a_bad_problem_row_is_named_and_nothing_is_saved(qtbot, deputies):
    dialog = VisitEntryDialog(None)
    qtbot.addWidget(dialog)
    dialog.village.setCurrentText("石门村")
    dialog._add_deputy("wf")
    dialog.households.setValue(2)
    dialog.raised.set_rows([("路灯不亮", ""), ("长" * 1001, "")])
    dialog.save_and_close()
    assert "第2条：最多1000个字" in dialog.errors.labels["反映问题"].text()
    assert Visit.select().count() == 0 and Problem.select().count() == 0
    assert dialog.isVisible() or not dialog.result()


def test_the_deputy_box_says_when_a_name_matches_none_or_several(qtbot, make_representative):
    for name in ("王芳", "王方", "孙丽"):
        make_representative(name=name, gender="女")
    dialog = VisitEntryDialog(None)
    qtbot.addWidget(dialog)
    hint = dialog.deputy_search.placeholderText()  # its example is a deputy of this town
    assert any(f"（如 {i} → {n}）" in hint for i, n in (("wf", "王芳"), ("wf", "王方"), ("sl", "孙丽")))
    qtbot.keyClicks(dialog.deputy_search, "zz")
    qtbot.keyClick(dialog.deputy_search, Qt.Key.Key_Return)
    assert dialog.chosen.count() == 0 and "没有找到“zz”" in dialog.status.text()
    dialog.deputy_search.clear()
    qtbot.keyClicks(dialog.deputy_search, "wf")
    qtbot.keyClick(dialog.deputy_search, Qt.Key.Key_Return)
    assert dialog.chosen.count() == 0
    assert "“wf”对应2位代表（王芳、王方）" in dialog.status.text()
    dialog.deputy_search.setText("王方")  # the full name picks one of them
    qtbot.keyClick(dialog.deputy_search, Qt.Key.Key_Return)
    assert [dialog.chosen.item(0).text()] == ["王方"] and dialog.status.text() == ""


def test_problem_buttons_follow_the_state_of_the_highlighted_problems(qtbot, deputies):
    rows = _open_problems(deputies)
    problems.assign([rows[1].id], "镇水利站", date(2026, 9, 2))
    problems.assign([rows[2].id], "镇水利站", date(2026, 9, 2))
    problems.close(rows[2].id, "已疏通", date(2026, 9, 5))
    page = ProblemsPage()
    page.ensure_loaded()
    qtbot.addWidget(page)
    page.year_combo.setCurrentIndex(page.year_combo.findData(2026))
    page.status_combo.setCurrentIndex(page.status_combo.findData(""))  # 全部状态
    buttons = (page.edit_button, page.assign_button, page.start_button, page.close_button,
               page.feedback_button, page.history_button)
    assert not any(b.isEnabled() for b in buttons)
    assert page.feedback_button.toolTip() == "请先在表中选中一行"

    def highlight(*problem_rows):
        page.table.clearSelection()
        for p in problem_rows:
            page.table.selectionModel().select(
                page.model.index(page.model.row_of_id(p.id), 0),
                page.table.selectionModel().SelectionFlag.Select
                | page.table.selectionModel().SelectionFlag.Rows)
        return {b.text(): b.isEnabled() for b in buttons}

    assert highlight(rows[0]) == {"修改…": True, "交办…": True, "办理中": False, "办结…": False,
                                  "反馈…": False, "办理经过": True}
    assert "请先交办" in page.close_button.toolTip()
    assert "办结并有答复后" in page.feedback_button.toolTip()
    assert highlight(rows[1]) == {"修改…": True, "交办…": True, "办理中": True, "办结…": True,
                                  "反馈…": False, "办理经过": True}
    assert highlight(rows[2]) == {"修改…": True, "交办…": False, "办理中": False, "办结…": False,
                                  "反馈…": True, "办理经过": True}
    both = highlight(rows[0], rows[1])  # several: only 交办 works on all of them at once
    assert both == {"修改…": False, "交办…": True, "办理中": False, "办结…": False, "反馈…": False,
                    "办理经过": False}
    assert "只选中一行" in page.edit_button.toolTip()
    assert not highlight(rows[0], rows[2])["交办…"]
