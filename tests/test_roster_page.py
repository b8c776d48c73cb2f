"""The roster page and its dialogs, driven like a clerk would: what the screen shows and what the
database holds afterwards."""

from tests.model_helpers import assert_rows_show
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.conftest import valid_id
from town_office.models import Representative
from town_office.services import roster
from town_office.views.roster.import_dialog import ImportPreviewDialog
from town_office.views.roster.page import RosterPage
from town_office.views.roster.table_model import RepresentativeTableModel, RosterColumn

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, demo_town):
    widget = RosterPage()
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    return widget


def shown_names(page) -> list[str]:
    return [r.name for r in page.model.rows()]


def test_table_model_passes_the_model_tester(qtmodeltester, demo_town):
    model = RepresentativeTableModel()
    model.set_rows(roster.list_representatives())
    qtmodeltester.check(model)
    assert_rows_show(model, roster.list_representatives(), "name", "gender", "group_name",
                     "masked_id_number")


def test_page_lists_serving_deputies_with_masked_ids(page):
    assert page.count_label.text() == "显示 43 人 / 共 46 人"
    ids = [page.model.index(r, RosterColumn.ID_NUMBER).data() for r in range(page.model.rowCount())]
    assert any(ids) and all("**********" in i for i in ids if i)


def test_pinyin_initials_full_pinyin_and_filters(page):
    page.search.setText("wy")
    assert "王䶮" in shown_names(page)
    page.search.setText("liuhe")
    assert shown_names(page) == ["刘𬌗"]
    page.search.clear()
    page.presidium_only.setChecked(True)
    assert len(shown_names(page)) == 7
    page.presidium_only.setChecked(False)
    page.status_combo.setCurrentIndex(page.status_combo.findData("终止"))
    assert len(shown_names(page)) == 3
    page.status_combo.setCurrentIndex(page.status_combo.findData(""))
    page.level_combo.setCurrentIndex(page.level_combo.findData("县"))
    assert set(shown_names(page)) >= {"龚德明", "苏婉清"}


def test_sorting_by_header_uses_native_values(page):
    page.table.sortByColumn(RosterColumn.BIRTH, Qt.SortOrder.AscendingOrder)
    births = [r.birth_month for r in page.model.rows()]
    assert births == sorted(births)
    page.table.sortByColumn(RosterColumn.BIRTH, Qt.SortOrder.DescendingOrder)
    assert [r.birth_month for r in page.model.rows()] == sorted(births, reverse=True)


def test_add_a_deputy_through_the_dialog(page, qtbot):
    dialog = page.open_dialog()
    dialog.name.setText("赵喆")
    dialog.gender.setCurrentText("男")
    dialog.id_number.setText(valid_id("19820405", "131"))
    dialog.id_number.editingFinished.emit()
    assert dialog.birth_month.text() == "1982-04"  # filled from the ID number
    dialog.group.setCurrentText("柳溪片代表小组")
    dialog.phone.setText("13700001234")
    dialog.level_boxes["县"].setChecked(True)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    page.reload(select_id=dialog.saved_row.id)
    stored = Representative.get(Representative.name == "赵喆")
    assert (stored.birth_month, stored.gender, stored.group.name, stored.phone) == (
        "1982-04", "男", "柳溪片代表小组", "13700001234")
    assert page.selected_row().name == "赵喆"
    assert page.selected_row().levels == ("镇", "县")
    assert page.count_label.text() == "显示 44 人 / 共 47 人"


def test_errors_appear_next_to_the_fields_and_nothing_is_saved(page, qtbot):
    dialog = page.open_dialog()
    dialog.show()
    dialog.gender.setCurrentText("女")
    dialog.birth_month.setText("2099-01")
    dialog.id_number.setText("110105194912310021")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors.labels["姓名"].text() == "不能为空"
    assert "今天之后" in dialog.errors.labels["出生年月"].text()
    assert "校验位" in dialog.errors.labels["公民身份号码"].text()
    assert dialog.errors.labels["姓名"].isVisible()
    assert Representative.select().count() == 87  # 第十九届 46 and 第二十届 41: nothing added
    dialog.birth_month.setText("明年")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "看不懂" in dialog.errors.labels["出生年月"].text()
    assert dialog.errors.labels["姓名"].text() == "不能为空"


def test_edit_changes_the_table_and_the_database(page, qtbot):
    page.search.setText("王䶮")
    page.table.selectRow(0)
    dialog = page.open_dialog(page.selected_row())
    assert dialog.id_number.text() == page.selected_row().id_number  # full number in the dialog only
    dialog.work_unit_post.setText("青石镇农业服务中心主任")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    page.reload(select_id=dialog.saved_row.id)
    assert page.selected_row().work_unit_post == "青石镇农业服务中心主任"
    assert Representative.get(Representative.name == "王䶮").work_unit_post == "青石镇农业服务中心主任"


def test_end_dialog_requires_a_reason(page, qtbot):
    from town_office.views.roster.end_dialog import EndRepresentativeDialog

    row = next(r for r in roster.list_representatives() if r.name == "李堃")
    dialog = EndRepresentativeDialog(page, row, lambda d, reason, note: roster.end_representative(row.id, d, reason, note))
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.errors.labels["终止原因"].text() == "请选择终止原因"
    dialog.reason.setCurrentText("辞职")
    dialog.accept()
    assert Representative.get_by_id(row.id).status == "终止"
    assert Representative.get_by_id(row.id).ended_on == date.today()


def test_delete_asks_first_and_refusal_keeps_the_deputy(page, monkeypatch):
    from town_office.services.roster.types import RepresentativeInput

    roster.create_representative(RepresentativeInput(name="误录入", gender="男"))
    page.reload()
    page.search.setText("误录入")
    page.table.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    page.delete_selected()
    assert Representative.select().where(Representative.name == "误录入").count() == 1
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.delete_selected()
    assert Representative.select().where(Representative.name == "误录入").count() == 0


def test_a_deputy_with_records_is_not_deleted(page, monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    page.search.setText("王䶮")  # attended trainings
    page.table.selectRow(0)
    page.delete_selected()
    assert warnings and Representative.select().where(Representative.name == "王䶮").count() == 2  # both terms


def test_import_preview_blocks_import_while_problems_exist(qtbot, db, tmp_path):
    from tests.test_roster_import import good_rows, messy_workbook
    from town_office.services.roster.importing import preview_import

    rows = good_rows()
    rows[0][2] = "未知"
    dialog = ImportPreviewDialog(None, preview_import(messy_workbook(tmp_path / "bad.xlsx", rows)))
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert dialog.problem_list.item(0).text() == "第5行 性别：「未知」应为 男 或 女"
    good = ImportPreviewDialog(None, preview_import(messy_workbook(tmp_path / "good.xlsx", good_rows())))
    qtbot.addWidget(good)
    assert good.import_button.isEnabled() and good.import_button.text() == "导入 4 人"


def test_import_runs_in_the_background_and_refreshes_the_page(qtbot, db, tmp_path, monkeypatch):
    from tests.test_roster_import import good_rows, messy_workbook

    page = RosterPage()
    qtbot.addWidget(page)
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: 1)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    page.import_file(messy_workbook(tmp_path / "good.xlsx", good_rows()))
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=10000)
    assert "刘𬌗" in [r.name for r in page.model.rows()]


def test_first_run_dialog_sets_up_the_town(qtbot, db):
    from town_office.services import settings
    from town_office.services.roster import units as roster_units
    from town_office.views.first_run_dialog import FirstRunDialog

    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.errors.labels["乡镇名称"].text() == "不能为空"
    dialog.town_name.setText("白云乡")
    dialog.term_start.setText("2021-12-28")
    dialog.accept()
    assert settings.get_settings().town_name == "白云乡"
    term = roster_units.list_terms()[0]
    assert (term.name, term.starts_on, term.ends_on) == ("第十九届", date(2021, 12, 28), date(2026, 12, 27))
    assert roster_units.current_term_id() == term.id


def test_main_window_shows_the_town_and_only_working_areas(qtbot, demo_town, data_folder):
    from town_office.views.main_window import MainWindow

    window = MainWindow(str(data_folder.root))
    qtbot.addWidget(window)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "工作台", "代表名册", "主席团会议", "督办事项", "人代会会议", "代表培训", "培训统计", "走访日志", "问题清单",
        "代表建议", "代表联络站", "民生实事", "执法检查", "隐患台账", "两规则四办法", "履职档案", "年度考核", "换届", "备份与恢复", "设置"]
    assert window.status_town.text() == "云溪县青石镇　第十九届"
    assert "青石镇" in window.windowTitle()
