"""The 两规则四办法 page in the window: the six listed with red for those not adopted, the in-force
column following the chosen day, drafting from the shipped draft, editing articles with renumbering,
adopting at a presidium meeting, repealing, and the comparison."""

from tests.model_helpers import assert_rows_show
from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from town_office.models import RuleArticle, RuleVersion
from town_office.services import meetings
from town_office.services.rules import adoption as rule_adoption
from town_office.services import rules
from town_office.services.rules.types import REPEALED, RuleUnit
from town_office.views.rules import version_dialog
from town_office.views.rules.compare_dialog import CompareDialog, comparison_html
from town_office.views.rules.page import RulesPage
from town_office.views.rules.step_dialogs import AdoptDialog, RepealDialog
from town_office.views.rules.table_models import DocumentTableModel, VersionTableModel
from town_office.views.rules.version_dialog import RuleVersionDialog
from town_office.views.widgets.table_model import OVERDUE_RED

pytestmark = pytest.mark.gui


def _cell(model, row: int, header: str) -> str:
    column = next(i for i, c in enumerate(model.COLUMNS) if c.header == header)
    return model.index(row, column).data()


def test_models_pass_the_model_tester(qtmodeltester, demo_town):
    documents = DocumentTableModel()
    documents.set_rows(rules.list_documents())
    qtmodeltester.check(documents)
    versions = VersionTableModel()
    versions.set_rows(rules.document_row("视察调研办法").versions)
    qtmodeltester.check(versions)
    assert_rows_show(documents, rules.list_documents(), "kind", "title")
    assert_rows_show(versions, rules.document_row("视察调研办法").versions, "status", "adopted_by")


def test_the_six_are_listed_red_until_adopted(qtbot, current_term):
    page = RulesPage()
    qtbot.addWidget(page)
    assert [r.kind for r in page.documents.rows()][:2] == ["乡镇人民代表大会议事规则", "乡镇人大主席团议事规则"]
    assert page.documents.rowCount() == 6
    assert all(page.documents.foreground(r) == OVERDUE_RED for r in page.documents.rows())
    assert "已通过 0/6 项" in page.on_label.text()
    assert page.new_version_button.text() == "起草第一版"


def test_the_in_force_column_follows_the_chosen_day(qtbot, demo_town):
    page = RulesPage()
    qtbot.addWidget(page)
    row = next(i for i, r in enumerate(page.documents.rows()) if r.kind == "视察调研办法")
    assert _cell(page.documents, row, "有效版本") == "第2版"
    page.on.setDate(QDate(2025, 9, 30))
    assert _cell(page.documents, row, "有效版本") == "第1版"
    assert _cell(page.documents, row, "生效日期") == "2022-03-18"
    page.on.setDate(QDate(2021, 6, 1))
    assert {_cell(page.documents, i, "有效版本") for i in range(6)} == {"无"}
    assert _cell(page.documents, row, "状态") == "尚未通过（2022-03-18才通过）"
    page.today_button.click()
    assert _cell(page.documents, row, "有效版本") == "第2版"
    assert "已通过 6/6 项" in page.on_label.text()


def test_draft_edit_and_adopt_through_the_page(qtbot, current_term, make_meeting, monkeypatch):
    held = meetings.mark_held(make_meeting(held_on=date(2026, 3, 25)).id)
    page = RulesPage()
    qtbot.addWidget(page)
    page.document_table.selectRow(1)  # 乡镇人大主席团议事规则
    opened = []
    monkeypatch.setattr(page, "_use_starting_draft", lambda: True)
    monkeypatch.setattr(RuleVersionDialog, "exec", lambda self: opened.append(self) or 0)
    page.new_version()
    version = RuleVersion.get()
    assert version.number == 1 and version.adopted_on is None
    assert "主席团全体成员过半数出席" in "".join(a.text for a in RuleArticle.select())

    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert dialog.units.item(1).text().startswith("　第一条　为了规范测试镇")
    dialog.units.setCurrentRow(1)
    dialog.insert(False)
    dialog.editor.setPlainText("主席团会议可以采用视频方式召开，但表决事项除外。")
    assert dialog.units.item(2).text().startswith("　第二条　主席团会议可以采用视频方式")
    assert dialog.units.item(3).text().startswith("　第三条　镇人民代表大会主席团（以下简称主席团）")
    dialog.units.setCurrentRow(dialog.units.count() - 1)
    dialog.insert(False)  # left empty: refused by number
    assert not dialog.save()
    assert "第二十条没有条文内容" in dialog.errors.labels["条文"].text()
    dialog.remove()  # the empty one goes without asking
    asked = []
    monkeypatch.setattr(version_dialog, "confirm", lambda *a, **k: asked.append(a[2]) or False)
    dialog.units.setCurrentRow(2)
    dialog.remove()  # a written article is asked about; 取消 keeps it
    assert asked and "第二条" in asked[0] and dialog.units.count() == 25
    dialog.drafted_on.setDate(QDate(2026, 1, 5))  # entering a rule adopted earlier this year
    assert dialog.save()
    articles = [a.text for a in RuleArticle.select().where(~RuleArticle.is_chapter).order_by(RuleArticle.position)]
    assert len(articles) == 19 and articles[1] == "主席团会议可以采用视频方式召开，但表决事项除外。"

    page.reload()
    adopt = AdoptDialog(page, "议事规则", page.version(), [meetings.list_meetings()[0]], None,
                        lambda data: rule_adoption.adopt(version.id, data))
    qtbot.addWidget(adopt)
    adopt.meeting.setCurrentIndex(1)
    assert adopt.adopted_on.date() == QDate(2026, 3, 25) and not adopt.typed.isEnabled()
    adopt.accept()
    assert adopt.result() == 1
    stored = RuleVersion.get_by_id(version.id)
    assert stored.adopted_meeting_id == held.id and stored.effective_on == date(2026, 3, 25)
    page.reload()
    assert page.documents.rows()[1].in_force.number == 1
    assert page.adopt_button.text() == "修改通过信息…" and page.repeal_button.isEnabled()


def test_adopt_dialog_refuses_without_a_meeting_name(qtbot, current_term):
    version = rules.create_draft("视察调研办法", [RuleUnit(False, "甲。")])
    dialog = AdoptDialog(None, "视察调研办法", version, [], None, lambda data: rule_adoption.adopt(version.id, data))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "请选择通过这一版本的主席团会议" in dialog.errors.labels["通过会议"].text()
    assert RuleVersion.get_by_id(version.id).adopted_on is None


def test_adopted_versions_open_read_only_and_repeal_works(qtbot, demo_town):
    document = rules.document_row("执法检查办法")
    dialog = RuleVersionDialog(None, rules.get_version(document.versions[0].id))
    qtbot.addWidget(dialog)
    assert dialog.editor.isReadOnly() and not dialog.insert_article.isEnabled()
    assert not dialog.save_button.isEnabled()
    repeal = RepealDialog(None, document.title, document.versions[0],
                          lambda on, reason: rule_adoption.repeal(document.versions[0].id, on, reason))
    qtbot.addWidget(repeal)
    repeal.accept()
    assert "请写明废止原因" in repeal.errors.labels["废止原因"].text()
    repeal.reason.setPlainText("已被新的执法检查工作制度取代")
    repeal.accept()
    assert rules.document_row("执法检查办法").versions[0].status == REPEALED


def test_unsaved_changes_are_asked_about(qtbot, current_term, monkeypatch):
    version = rules.create_draft("视察调研办法", [RuleUnit(False, "甲。")])
    dialog = RuleVersionDialog(None, rules.get_version(version.id))
    qtbot.addWidget(dialog)
    dialog.editor.setPlainText("乙。")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Save)
    dialog.reject()
    assert [u.text for u in rules.version_units(version.id)] == ["乙。"]


def test_the_comparison_dialog_marks_the_changes(qtbot, demo_town):
    document = rules.document_row("视察调研办法")
    dialog = CompareDialog(None, document)
    qtbot.addWidget(dialog)
    shown = dialog.browser.toPlainText()
    assert "接待日" in shown and "提前三日" in shown
    assert "本办法由镇人民代表大会主席团负责解释" not in dialog.browser.toPlainText()  # unchanged: hidden
    assert 'text-decoration:underline' in comparison_html(dialog.comparison, True)
    dialog.only_changes.setChecked(False)
    assert "本办法由镇人民代表大会主席团负责解释" in dialog.browser.toPlainText()
    assert "修改2条，新增1条，删除0条" in dialog.browser.toPlainText()


def test_add_and_remove_a_document_of_the_towns_own(qtbot, current_term, monkeypatch):
    from town_office.views.rules import page as page_module
    from town_office.views.rules.step_dialogs import DocumentDialog

    page = RulesPage()
    qtbot.addWidget(page)
    dialog = DocumentDialog(page, lambda kind, title: rules.save_document(kind, title))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert "请填写文件类别" in dialog.errors.labels["类别"].text()
    dialog.kind.setText("代表联络站工作制度")
    dialog.title.setText("测试镇人大代表联络站工作制度")
    dialog.accept()
    page.reload("代表联络站工作制度")
    assert page.documents.rowCount() == 7 and page.document().kind == "代表联络站工作制度"
    assert page.documents.foreground(page.document()) != OVERDUE_RED  # red is for the six only
    assert page.delete_document_button.isEnabled()
    monkeypatch.setattr(page_module, "confirm", lambda *a, **k: True)
    page.delete_document()
    assert page.documents.rowCount() == 6
    page.document_table.selectRow(0)
    assert not page.delete_document_button.isEnabled()


def test_moving_articles_warns_about_cited_numbers(qtbot, current_term):
    version = rules.create_draft("视察调研办法", [RuleUnit(False, "甲。"), RuleUnit(False, "依照本办法第一条办理。")])
    dialog = RuleVersionDialog(None, rules.get_version(version.id))
    qtbot.addWidget(dialog)
    assert dialog.citations.isHidden()
    dialog.units.setCurrentRow(0)
    dialog.move(1)
    assert not dialog.citations.isHidden() and dialog.citations.text().startswith("第一条的条文中写有“第X条”")
