"""The hazard ledger in the window: registering a 重大 hazard through the dialog (refused until 五落实),
the review dialog's refusal, red overdue rows and the counts."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from town_office.models import Hazard
from town_office.services import hazards
from town_office.services.hazards.types import HazardFilter
from town_office.views.hazards.hazard_dialog import HazardDialog
from town_office.views.hazards.ledger_page import LedgerPage
from town_office.views.hazards.step_dialogs import ReviewDialog
from town_office.views.hazards.table_models import HazardTableModel
from town_office.views.widgets.table_model import OVERDUE_RED

pytestmark = pytest.mark.gui


def test_model_passes_the_model_tester_and_shows_the_ledger(qtmodeltester, demo_town):
    model = HazardTableModel()
    model.set_rows(hazards.list_hazards(HazardFilter(year=2026)))
    qtmodeltester.check(model)
    shown = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    assert [row[0] for row in shown] == [f"2026-00{n}" for n in range(1, 7)]
    major = shown[1]
    assert "重大" in major and "挂牌" in major and "青石镇中心幼儿园" in major


def test_the_buttons_follow_the_selected_hazards_state(qtbot, demo_town):
    page = LedgerPage()
    qtbot.addWidget(page)
    page.ensure_loaded()
    page.year_combo.setCurrentIndex(page.year_combo.findData(2026))
    expected = {  # number: buttons that must be on
        "2026-001": {"edit", "history", "reopen"},  # 已销号
        "2026-002": {"edit", "history", "fixed", "extend", "void", "notice"},  # 整改中, 挂牌督办
        "2026-004": {"edit", "history", "start", "fixed", "extend", "void"},  # 待整改, not 挂牌
        "2026-005": {"edit", "history"},  # 已作废
    }
    steps = {"edit", "history", "start", "fixed", "review", "extend", "reopen", "void", "notice"}
    for number, on in expected.items():
        page.table.selectRow(next(i for i, h in enumerate(page.model.rows()) if h.number == number))
        enabled = {key for key in steps if page.buttons[key].isEnabled()}
        assert enabled == on, number


def test_register_a_major_hazard_through_the_dialog(qtbot, db):
    dialog = HazardDialog(None)
    qtbot.addWidget(dialog)
    dialog.place.setText("青石镇中心幼儿园厨房")
    dialog.description.setPlainText("液化气钢瓶无泄漏报警装置")
    dialog.level.setCurrentText("重大")
    assert dialog.supervised.isChecked() and not dialog.supervised.isEnabled()
    dialog.save()
    assert not Hazard.select().exists()
    assert "五落实" in dialog.errors.labels["应急预案"].text()
    dialog.measures.setPlainText("安装燃气泄漏报警器")
    dialog.funds.setValue(3.5)
    dialog.responsible_unit.setText("青石镇中心幼儿园")
    dialog.responsible_person.setText("陈园长")
    dialog.has_deadline.setChecked(True)
    dialog.emergency_plan.setPlainText("燃气泄漏应急预案")
    dialog.reviewer.setText("陈园长")
    dialog.save()
    assert "复查人不能是整改责任人本人" in dialog.errors.labels["复查人"].text()
    dialog.reviewer.setText("何建军")
    assert dialog.save()
    hazard = Hazard.get()
    assert (hazard.level, hazard.supervised, hazard.funds, hazard.seq) == ("重大", True, 3.5, 1)
    assert hazards.get_hazard(hazard.id).supervised_on == date.today()
    assert "通知书文号：" in dialog.notice_number.text()
    assert dialog.windowTitle() == f"隐患 {date.today().year}-001"
    assert dialog.before_button.isEnabled()


def test_review_dialog_refuses_the_person_responsible(qtbot, demo_town):
    row = hazards.find_by_number("2026-003")
    hazards.report_fixed(row.id, "已配齐防暴器材并培训门卫", date(2026, 11, 1))
    row = hazards.get_hazard(row.id)
    dialog = ReviewDialog(None, row, lambda who, on, ok, text: hazards.review(row.id, who, on, ok, text))
    qtbot.addWidget(dialog)
    dialog.reviewer.setText("陈园长")
    dialog.conclusion.setPlainText("整改到位")
    dialog.accept()
    assert "复查人不能是整改责任人本人" in dialog.errors.labels["复查人"].text()
    dialog.reviewer.setText("何建军")
    dialog.accept()
    assert hazards.get_hazard(row.id).status == "已销号"


def test_ledger_page_counts_and_red_overdue_rows(qtbot, demo_town):
    page = LedgerPage()
    qtbot.addWidget(page)
    page.ensure_loaded()
    page.model.today = date(2026, 11, 22)
    page.reload()
    page.model.today = date(2026, 11, 22)
    assert "逾期" in page.counts.text() and "第一季度 1次" in page.quarters.text()
    row = next(i for i, h in enumerate(page.model.rows()) if h.number == "2026-004")
    index = page.model.index(row, 9)
    assert index.data().endswith("天")
    assert page.model.data(index, Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_RED
    page.supervised_only.setChecked(True)
    assert [h.number for h in page.model.rows()] == ["2026-002"]
    assert len(hazards.list_hazards(HazardFilter(supervised_only=True))) == 1


def test_an_inspection_entered_with_participants(qtbot, make_representative):
    from town_office.models import Inspection, InspectionParticipant
    from town_office.views.hazards.inspection_dialog import InspectionDialog

    make_representative(name="刘𬌗", gender="女", group_name="第一代表小组")
    dialog = InspectionDialog(None)
    qtbot.addWidget(dialog)
    dialog.save()
    assert "请填写检查名称" in dialog.errors.labels["名称"].text()
    dialog.title.setText("校园安全执法检查")
    dialog.stage.setCurrentText("检查")
    dialog.pick.setCurrentIndex(1)
    dialog.add_person()
    dialog.pick.setEditText("何建军")
    dialog.pick_post.setText("镇应急管理办主任")
    dialog.add_person()
    assert dialog.save()
    assert Inspection.get().title == "校园安全执法检查"
    assert [(p.name, p.representative_id is not None) for p in InspectionParticipant.select()] == [
        ("刘𬌗", True), ("何建军", False)]
    assert dialog.attach_button.isEnabled()


def test_the_hazard_form_defaults_follow_the_level_and_the_finding_date(qtbot, db):
    from PySide6.QtCore import QDate

    dialog = HazardDialog(None)
    qtbot.addWidget(dialog)
    dialog.found_on.setDate(QDate(2026, 3, 18))
    assert dialog.deadline.date() == QDate(2026, 4, 18)  # a month on, never today
    dialog.level.setCurrentText("重大")
    assert dialog.supervised.isChecked() and not dialog.supervised.isEnabled()
    dialog.level.setCurrentText("一般")
    assert not dialog.supervised.isChecked() and dialog.supervised.isEnabled()
    dialog.supervised.setChecked(True)  # ticked by the clerk: kept
    dialog.level.setCurrentText("一般")
    assert dialog.supervised.isChecked()
