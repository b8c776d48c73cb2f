"""The 代表建议 page driven through the window: register, hand over, answer, the deputy's opinion,
buttons that follow the state, overdue in red; and a voter's problem turned into a suggestion."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from tests.model_helpers import assert_rows_show
from town_office.models import Suggestion
from town_office.services import suggestions
from town_office.views.suggestions.dialogs import AnswerDialog, AssignDialog, FeedbackDialog, SuggestionDialog
from town_office.views.suggestions.page import SuggestionsPage
from town_office.views.suggestions.table_models import SuggestionTableModel
from town_office.views.widgets.table_model import OVERDUE_RED

pytestmark = pytest.mark.gui


def test_the_model_passes_the_model_tester(qtmodeltester, demo_town):
    model = SuggestionTableModel()
    rows = suggestions.list_suggestions()
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert_rows_show(model, rows, "number", "main_unit")


def test_the_demo_year_shows_the_overdue_in_red_and_the_rates(qtbot, demo_town):
    page = SuggestionsPage()
    qtbot.addWidget(page)
    page.show()
    page.year.setCurrentIndex(page.year.findData(2026))
    assert "按期答复率" in page.stats.text() and "逾期未答复1件" in page.stats.text()
    rows = page.model.rows()
    late = next(i for i, r in enumerate(rows) if r.overdue(date.today()))
    assert page.model.data(page.model.index(late, 0), Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_RED
    assert "逾期" in page.model.index(late, 6).data()
    page.table.selectRow(late)
    b = page.buttons
    assert b["answer"].isEnabled() and not b["feedback"].isEnabled() and not b["delete"].isEnabled()


def test_register_hand_over_answer_and_opinion_through_the_dialogs(qtbot, make_representative):
    lead = make_representative(name="李强", gender="男", birth_month="1970-05")
    make_representative(name="张伟", gender="男", birth_month="1968-02")
    chair = make_representative(name="王芳", presidium_role="主席")
    dialog = SuggestionDialog(None)
    qtbot.addWidget(dialog)
    dialog.lead.setCurrentIndex(dialog.lead.findData(lead.id))
    dialog.cosigners.setText("张伟、赵六")
    dialog.title_edit.setText("关于加快石门村公路硬化的建议")
    dialog.content.setPlainText("石门村3公里砂石路，雨天泥泞。")
    dialog.submitted_on.setDate(QDate(2026, 3, 10))
    dialog.accept()
    assert "没有找到在任代表“赵六”" in dialog.errors.labels["附议代表"].text()
    assert not Suggestion.select().exists()
    dialog.cosigners.setText("张伟")
    dialog.accept()
    row = dialog.result_row
    assert row.number == "闭会-2026-001" and row.signers_text == "李强（附议：张伟）"
    assign = AssignDialog(None, row)
    qtbot.addWidget(assign)
    assign.on.setDate(QDate(2026, 3, 12))
    assign.grade.setCurrentText("重点")
    assign.accept()
    assert "主席团成员" in assign.errors.labels["牵头主席团成员"].text()
    assign.responsible.setCurrentIndex(assign.responsible.findData(chair.id))
    assign.accept()
    assert assign.result_row.deadline == date(2026, 6, 12) and assign.result_row.responsible_name == "王芳"
    answer = AnswerDialog(None, assign.result_row)
    qtbot.addWidget(answer)
    answer.answer_class.setCurrentIndex(answer.answer_class.findData("C"))
    assert answer.promised.isEnabled()
    answer.on.setDate(QDate(2026, 5, 6))
    answer.text.setPlainText("已列入明年计划")
    answer.accept()
    assert answer.result_row.status == "已答复"
    feedback = FeedbackDialog(None, answer.result_row)
    qtbot.addWidget(feedback)
    feedback.satisfaction.setCurrentText("不满意")
    feedback.on.setDate(QDate(2026, 5, 8))
    feedback.accept()
    assert feedback.result_row is None and feedback.errors.labels["意见和建议"].text()
    feedback.opinion.setPlainText("没有明确资金来源和完成时间")
    feedback.accept()
    stored = Suggestion.get()
    assert (stored.status, stored.deadline) == ("重新办理", date(2026, 6, 8))


def test_a_problem_becomes_a_suggestion_from_the_problems_page(qtbot, make_representative):
    from town_office.services import visits
    from town_office.services.visits import problems
    from town_office.services.visits.types import ProblemInput, VisitInput
    from town_office.views.suggestions.dialogs import FromProblemDialog
    from town_office.views.visits.problems_page import ProblemsPage

    rep = make_representative(name="李强", gender="男", birth_month="1970-05")
    visit = visits.save_visit(None, VisitInput(date(2026, 4, 2), (rep.id,), "入户走访", "石门村", 3))
    problem = problems.add_problem(visit.id, ProblemInput("村道破损严重，雨天无法通行", "道路交通"))
    page = ProblemsPage()
    page.ensure_loaded()
    qtbot.addWidget(page)
    page.table.selectRow(0)
    assert page.suggestion_button.isEnabled()
    dialog = FromProblemDialog(page, page.model.rows()[0])
    qtbot.addWidget(dialog)
    assert dialog.lead.currentData() == rep.id  # the deputy who heard it
    dialog.accept()
    assert Suggestion.get().problem_id == problem.id
    page.reload()
    page.table.selectRow(0)
    assert not page.suggestion_button.isEnabled()


def test_the_reply_letter_is_chosen_where_the_clerk_last_looked(qtbot, make_representative, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QPushButton

    from town_office.views import ui_state
    from town_office.views.suggestions.dialogs import AnswerDialog
    from town_office.services.suggestions.types import AssignInput, SuggestionInput

    lead = make_representative(name="李强", gender="男", birth_month="1970-05")
    row = suggestions.create_suggestion(SuggestionInput(lead.id, "关于修路的建议", "修路", submitted_on=date(2026, 3, 1)))
    row = suggestions.assign(row.id, AssignInput(date(2026, 3, 2), "镇人民政府"))
    letter = tmp_path / "函件" / "答复函.pdf"
    letter.parent.mkdir()
    letter.write_bytes(b"%PDF-1.4")
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda parent, title, folder, flt: asked.append(folder) or (str(letter), flt))
    dialog = AnswerDialog(None, row)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.file.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert dialog.file.path() == str(letter) and ui_state.last_folder("materials") == str(letter.parent)
    dialog.on.setDate(QDate(2026, 3, 20))
    dialog.text.setPlainText("已安排施工")
    dialog.accept()
    assert dialog.result_row.answers[0].file_name == "答复函.pdf"
