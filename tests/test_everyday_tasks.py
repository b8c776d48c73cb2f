"""The clerk's five everyday tasks, done through the window of the demo town and counted step by step
(a click, a field filled or chosen, a key pressed): the counts are what the README reports, and each
test checks what the database (and the paper) holds afterwards."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from tests.everyday import Steps

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, demo_town, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from town_office.views.main_window import MainWindow

    def refused(parent, title, text, *rest):  # a warning would wait for a click: fail instead
        raise AssertionError(f"{title}：{text}")

    monkeypatch.setattr(QMessageBox, "warning", refused)
    main = MainWindow("")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


def _page(steps: Steps, window, title: str):
    steps.counted(f"打开“{title}”（左侧列表或 Ctrl+数字）")
    window.show_page(title)
    return window.stack.currentWidget()


def test_add_a_deputy(qtbot, window):
    from town_office.models import Representative
    from town_office.views.roster.representative_dialog import RepresentativeDialog

    steps = Steps(qtbot)
    page = _page(steps, window, "代表名册")

    def enter(dialog: RepresentativeDialog) -> None:
        steps.fill(dialog.name, "周晓梅", "姓名")
        steps.fill(dialog.gender, "女", "性别")
        steps.type_keys(dialog.birth_month, "1982-07", "出生年月")
        steps.fill(dialog.party, "中共党员", "政治面貌")
        steps.fill(dialog.work_unit_post, "石门村妇联主席", "工作单位及职务")
        steps.fill(dialog.constituency, dialog.constituency.itemText(1), "选区")
        steps.fill(dialog.group, dialog.group.itemText(1), "代表小组")
        steps.type_keys(dialog.phone, "13907310000", "联系电话")
        dialog.activateWindow()
        steps.key(dialog.phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier, "Ctrl+S 保存")

    steps.when_shown(RepresentativeDialog, enter)
    steps.click(page.add_button)
    rep = Representative.get(Representative.name == "周晓梅")
    assert (rep.gender, rep.work_unit_post, rep.phone) == ("女", "石门村妇联主席", "13907310000")
    assert rep.group is not None and rep.constituency is not None
    steps.expect(11)


def test_a_quarterly_meeting_with_a_voted_decision_a_follow_up_and_its_minutes(qtbot, window,
                                                                              monkeypatch):
    from town_office.models import AgendaItem, FollowUp, Meeting
    from town_office.views.meetings.followup_dialogs import FollowUpDialog
    from town_office.views.meetings.meeting_dialog import MeetingDialog
    from town_office.views.pdf_preview import PdfPreviewDialog

    printed = []
    monkeypatch.setattr(PdfPreviewDialog, "print_paper", lambda self: printed.append(self.pdf))
    steps = Steps(qtbot)
    page = _page(steps, window, "主席团会议")
    before = Meeting.select().count()

    def run_meeting(dialog: MeetingDialog) -> None:
        steps.fill(dialog.header.held_on, QDate(2026, 12, 4), "会议日期")
        steps.fill(dialog.header.ends_at, "11:30", "结束时间")
        steps.click(dialog.save_button, "保存")  # place, chair and recorder as last time
        steps.counted("点击“出席情况”选项卡")
        dialog.tabs.setCurrentIndex(1)
        assert dialog.tabs.isTabEnabled(1), dialog.status_line.text()
        _, combo, reason = dialog.attendance.rows[-1]
        steps.fill(combo, "请假", "一人请假")
        steps.fill(reason, "外出学习", "请假原因")
        steps.counted("点击“议题”选项卡（出席情况随即自动保存）")
        dialog.tabs.setCurrentIndex(2)
        assert dialog.saved_note.text() == "已自动保存出席情况"
        agenda = dialog.agenda
        steps.click(agenda.add_button)
        steps.fill(agenda.title, "审议第四季度民生实事推进情况", "议题")
        steps.fill(agenda.decision, "同意推进方案，年底前完成桃源村道路硬化。", "议定事项")
        steps.fill(agenda.vote_box, True, "表决")
        steps.fill(agenda.votes["赞成"], dialog.meeting.tally.present, "赞成票")

        def follow_up(form: FollowUpDialog) -> None:
            steps.fill(form.content, "完成桃源村道路硬化", "督办内容")
            steps.fill(form.handling_unit, "镇村镇建设服务中心", "承办单位")
            steps.fill(form.deadline, QDate(2026, 12, 31), "办理时限")
            steps.click(_ok(form), "交办")

        steps.when_shown(FollowUpDialog, follow_up)
        steps.click(agenda.add_followup_button)  # the 议题 as typed is saved first
        steps.click(dialog.held_button)

        def print_minutes(preview: PdfPreviewDialog) -> None:
            steps.click(preview.print_button, "打印…")
            steps.counted("打印对话框中点“打印”")
            preview.reject()

        steps.answer("定稿")
        steps.when_shown(PdfPreviewDialog, print_minutes)
        steps.click(dialog.finalise_button)
        steps.click(_button(dialog, "关闭"))

    steps.when_shown(MeetingDialog, run_meeting)
    steps.click(page.new_button)
    assert Meeting.select().count() == before + 1
    meeting = Meeting.select().order_by(Meeting.id.desc()).get()
    assert (meeting.status, meeting.held_on) == ("纪要定稿", date(2026, 12, 4))
    item = AgendaItem.get(AgendaItem.meeting == meeting, AgendaItem.title == "审议第四季度民生实事推进情况")
    assert item.vote_result == "通过" and FollowUp.get(FollowUp.agenda_item == item).handling_unit \
        == "镇村镇建设服务中心"
    assert printed and printed[0].name.endswith("会议纪要.pdf")
    steps.expect(25)


def test_a_visit_with_two_problems(qtbot, window):
    from town_office.models import Problem, Visit
    from town_office.services import settings, roster
    from town_office.views.visits.visit_dialog import VisitEntryDialog

    steps = Steps(qtbot)
    page = _page(steps, window, "走访日志")
    deputy = next(r for r in roster.list_representatives() if r.status == "在任")
    categories = settings.get_settings().problem_categories
    before = Visit.select().count()

    def enter(dialog: VisitEntryDialog) -> None:
        steps.type_keys(dialog.deputy_search, deputy.name_initials, "代表拼音首字母")
        steps.key(dialog.deputy_search, Qt.Key.Key_Return, what="回车加入")
        steps.fill(dialog.village, "石门村", "村（社区）")
        steps.fill(dialog.households, 3, "户数")
        steps.fill(dialog.summary, "走访三户群众，了解冬季用水情况", "走访情况")
        dialog.raised.set_rows([("村口路灯不亮", categories[0]), ("水渠堵塞", categories[1])])
        for what in ("填写第一个问题", "选择它的类别", "填写第二个问题", "选择它的类别"):
            steps.counted(what)  # typed into the table's cells
        steps.click(dialog.save_close)

    steps.when_shown(VisitEntryDialog, enter)
    steps.click(page.new_button)
    assert Visit.select().count() == before + 1
    visit = Visit.select().order_by(Visit.id.desc()).get()
    assert {(p.content, p.category) for p in Problem.select().where(Problem.visit == visit)} == {
        ("村口路灯不亮", categories[0]), ("水渠堵塞", categories[1])}
    steps.expect(12)


def test_register_a_hazard_and_close_it(qtbot, window):
    from town_office.models import Hazard
    from town_office.views.hazards.hazard_dialog import HazardDialog
    from town_office.views.hazards.step_dialogs import FixedDialog, ReviewDialog

    steps = Steps(qtbot)
    page = _page(steps, window, "隐患台账")

    def register(dialog: HazardDialog) -> None:
        steps.fill(dialog.place, "柳溪村小学", "地点")
        steps.fill(dialog.description, "教学楼灭火器过期", "隐患描述")
        steps.fill(dialog.responsible_unit, "柳溪村小学", "责任单位")
        steps.click(_button(dialog, "保存(&S)"), "保存")
        steps.click(_button(dialog, "关闭"))

    steps.when_shown(HazardDialog, register)
    steps.click(page.buttons["new"])
    hazard = Hazard.select().order_by(Hazard.id.desc()).get()
    assert hazard.place == "柳溪村小学" and page.selected().id == hazard.id  # still highlighted

    def fixed(dialog: FixedDialog) -> None:
        steps.fill(dialog.progress, "已更换灭火器6具", "整改情况")
        steps.click(_ok(dialog))

    steps.when_shown(FixedDialog, fixed)
    steps.click(page.buttons["fixed"])

    def review(dialog: ReviewDialog) -> None:
        steps.fill(dialog.reviewer, "陈晓燕", "复查人")
        steps.fill(dialog.conclusion, "现场查看，已整改到位", "复查结论")
        steps.click(_ok(dialog))

    steps.when_shown(ReviewDialog, review)
    steps.click(page.buttons["review"])
    assert Hazard.get_by_id(hazard.id).status == "已销号"
    steps.expect(14)


def test_back_up_to_a_stick(qtbot, window, tmp_path):
    from PySide6.QtWidgets import QInputDialog

    from town_office import backup

    stick = tmp_path / "U盘"
    stick.mkdir()
    steps = Steps(qtbot)
    page = _page(steps, window, "备份与恢复")
    page.drive.insertItem(0, "U盘 (E:)", str(stick))  # the stick the page found
    page.drive.setCurrentIndex(0)

    def no_password(dialog: QInputDialog) -> None:
        steps.click(_ok(dialog), "确定（不设密码）")

    steps.when_shown(QInputDialog, no_password)
    steps.click(page.to_stick)
    qtbot.waitUntil(lambda: "备份成功" in page.result.text(), timeout=30000)
    [copy] = stick.glob("*.tobak")
    assert backup.verify_backup(copy).sha256 in page.result.text()
    steps.expect(3)


def _button(dialog, text: str):
    from PySide6.QtWidgets import QPushButton

    [button] = [b for b in dialog.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    return button


def _ok(dialog):
    from PySide6.QtWidgets import QDialogButtonBox

    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Ok)
