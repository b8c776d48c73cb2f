"""The meetings area driven like a clerk would: create a meeting, mark attendance, record an agenda
item with a vote, finalise and reopen, preview and save a paper; the follow-ups list in red."""

from tests.model_helpers import assert_rows_show
from datetime import date

import pytest
from PySide6.QtCore import Qt

from town_office.models import AgendaItem, Meeting, MeetingAttendee
from town_office.services.meetings import followups
from town_office.services import meetings
from town_office.services.meetings.types import FollowUpFilter
from town_office.views.meetings import meeting_dialog as dialog_module
from town_office.views.meetings.followups_page import FollowUpsPage
from town_office.views.meetings.meeting_dialog import MeetingDialog
from town_office.views.meetings.page import MeetingsPage
from town_office.views.meetings.table_models import FollowUpTableModel, MeetingTableModel
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.widgets import messages
from town_office.views.widgets.table_model import OVERDUE_RED

pytestmark = pytest.mark.gui


@pytest.fixture
def warnings(monkeypatch):
    """Collect the message boxes instead of blocking on them."""
    shown = []
    monkeypatch.setattr(messages.QMessageBox, "warning",
                        lambda parent, title, text: shown.append((title, text)))
    return shown


def test_table_models_pass_the_model_tester(qtmodeltester, demo_town):
    model = MeetingTableModel()
    model.set_rows(meetings.list_meetings())
    qtmodeltester.check(model)
    assert_rows_show(model, meetings.list_meetings(), "held_on", "status", "place")
    followup_model = FollowUpTableModel()
    followup_model.set_rows(followups.list_followups())
    qtmodeltester.check(followup_model)
    assert_rows_show(followup_model, followups.list_followups(), "content", "handling_unit", "status")


def test_new_meeting_through_the_dialog(qtbot, presidium, warnings):
    dialog = MeetingDialog(None)
    qtbot.addWidget(dialog)
    assert not dialog.tabs.isTabEnabled(1)
    assert dialog.header.chair.currentText() == "王建国"  # the 主席 first
    dialog.header.starts_at.setText("9点")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not Meeting.select().exists()
    assert dialog.header.errors.labels["会议地点"].isVisibleTo(dialog)
    assert "时:分" in dialog.header.errors.labels["开始时间"].text()
    dialog.header.starts_at.setText("09:00")
    dialog.header.place.setText("镇人民政府三楼会议室")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    meeting = Meeting.get()
    assert (meeting.number, meeting.place, meeting.status) == (1, "镇人民政府三楼会议室", "筹备")
    assert dialog.tabs.isTabEnabled(1) and dialog.tabs.isTabEnabled(2)
    assert MeetingAttendee.select().count() == 5
    assert "第一次会议" in dialog.heading.text()


def test_attendance_leave_needs_a_reason(qtbot, make_meeting, warnings):
    dialog = MeetingDialog(None, make_meeting())
    qtbot.addWidget(dialog)
    tab = dialog.attendance
    _, combo, reason = tab.rows[4]
    combo.setCurrentText("请假")
    assert reason.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert warnings and "请假须写明原因" in warnings[-1][1]
    assert MeetingAttendee.select().where(MeetingAttendee.attendance == "请假").count() == 0
    reason.setText("外出学习")
    for _, other, _ in tab.rows[1:3]:
        other.setCurrentText("缺席")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert MeetingAttendee.get(MeetingAttendee.attendance == "请假").reason == "外出学习"
    assert "应到5人，实到2人，请假1人，缺席2人" in dialog.status_line.text()
    assert "未达到法定人数" in tab.tally.text() and "c0392b" in dialog.status_line.styleSheet()
    qtbot.mouseClick(tab.all_present, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "实到5人" in dialog.status_line.text()


def test_agenda_item_with_a_vote(qtbot, make_meeting, warnings):
    dialog = MeetingDialog(None, make_meeting())
    qtbot.addWidget(dialog)
    tab = dialog.agenda
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    tab.title.setText("审议2026年工作要点")
    tab.reporter.setText("李春梅")
    tab.decision.setPlainText("原则通过工作要点。")
    tab.vote_box.setChecked(True)
    tab.votes["赞成"].setValue(4)
    tab.votes["反对"].setValue(1)
    assert "通过" in tab.vote_result.text()
    tab.votes["弃权"].setValue(1)
    assert "超过实到5人" in tab.vote_result.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert warnings and "超过实到成员5人" in warnings[-1][1]
    tab.votes["弃权"].setValue(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    item = AgendaItem.get()
    assert (item.title, item.votes_for, item.vote_result) == ("审议2026年工作要点", 4, "通过")
    assert tab.items.item(0).text() == "1. 审议2026年工作要点"


def test_finalise_locks_and_reopen_asks_why(qtbot, make_meeting, monkeypatch, warnings):
    from town_office.services.meetings import agenda as meeting_agenda
    from town_office.services.meetings.types import AgendaItemInput

    meeting = make_meeting()
    meeting_agenda.add_item(meeting.id, AgendaItemInput("民生实事", decision="加快道路硬化"))
    dialog = MeetingDialog(None, meetings.get_meeting(meeting.id))
    qtbot.addWidget(dialog)
    previews = []
    monkeypatch.setattr(dialog_module, "confirm", lambda *a, **k: True)
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: previews.append(self.pdf))
    qtbot.mouseClick(dialog.held_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.finalise_button, Qt.MouseButton.LeftButton)
    assert Meeting.get().status == "纪要定稿"
    assert previews and previews[0].name.endswith("会议纪要.pdf")
    assert not dialog.save_button.isEnabled() and not dialog.agenda.add_button.isEnabled()
    assert dialog.reopen_button.isEnabled() and not dialog.finalise_button.isEnabled()
    monkeypatch.setattr(dialog_module.QInputDialog, "getMultiLineText",
                        lambda *a, **k: ("出席名单有误，需更正", True))
    qtbot.mouseClick(dialog.reopen_button, Qt.MouseButton.LeftButton)
    assert Meeting.get().status == "已召开" and dialog.save_button.isEnabled()


def test_meetings_page_warns_about_quarters_without_a_meeting(qtbot, demo_town):
    page = MeetingsPage()
    qtbot.addWidget(page)
    page.year_combo.setCurrentIndex(page.year_combo.findData(2026))
    assert page.model.rowCount() == 5
    assert "第一季度 已召开1次" in page.quarters.text()
    page.search.setText("临时")
    assert [r.kind for r in page.model.rows()] == ["临时会议"]


def test_followups_page_shows_overdue_in_red(qtbot, demo_town):
    page = FollowUpsPage()
    qtbot.addWidget(page)
    page.model.today = date(2026, 11, 22)
    page.reload()
    page.model.today = date(2026, 11, 22)
    rows = page.model.rows()
    overdue = next(i for i, f in enumerate(rows) if f.content == "完成白沙村道路硬化")
    index = page.model.index(overdue, 6)
    assert index.data().startswith("逾期")
    assert page.model.data(index, Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_RED
    assert len(followups.list_followups(FollowUpFilter(open_only=True))) == len(rows)


def test_preview_saves_a_copy_where_the_clerk_chooses(qtbot, demo_town, tmp_path, monkeypatch):
    from town_office.services.meetings import papers as meeting_papers
    from town_office.views import pdf_preview

    pdf = meeting_papers.preview_paper("signin", meetings.list_meetings()[0].id)
    dialog = PdfPreviewDialog(None, pdf, "签到表")
    qtbot.addWidget(dialog)
    assert dialog.document.pageCount() >= 1 and dialog.page_box.text() == "第 1 页 / 共 1 页"
    target = tmp_path / "存档" / "签到表"
    target.parent.mkdir()
    monkeypatch.setattr(pdf_preview.QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "PDF 文件 (*.pdf)"))
    saved = dialog.save_as()
    assert saved == target.with_suffix(".pdf") and saved.read_bytes() == pdf.read_bytes()


def test_printing_draws_every_page(qtbot, demo_town, tmp_path):
    """The 打印 path: each PDF page drawn onto the printer (here a PDF printer), A4 kept."""
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    from tests.pdf_helpers import page_sizes
    from town_office.services.meetings import papers as meeting_papers
    from town_office.views.pdf_preview import print_pdf

    held = next(r for r in meetings.list_meetings() if r.status == "已召开")
    source = meeting_papers.preview_paper("record", held.id)
    document = QPdfDocument()
    document.load(str(source))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    print_pdf(document, printer)
    printed = page_sizes(tmp_path / "printed.pdf")
    assert len(printed) == document.pageCount() >= 2
    assert all(abs(w - 595.3) < 2 and abs(h - 841.9) < 2 for w, h in printed)


def test_an_edited_agenda_item_is_saved_when_another_is_clicked(qtbot, make_meeting, warnings):
    from town_office.services.meetings import agenda as meeting_agenda
    from town_office.services.meetings.types import AgendaItemInput

    meeting = make_meeting()
    meeting_agenda.add_item(meeting.id, AgendaItemInput("甲"))
    meeting = meeting_agenda.add_item(meeting.id, AgendaItemInput("乙"))
    dialog = MeetingDialog(None, meetings.get_meeting(meeting.id))
    qtbot.addWidget(dialog)
    tab = dialog.agenda
    tab.items.setCurrentRow(0)
    tab.decision.setPlainText("原则同意")
    tab.items.setCurrentRow(1)  # clicking 乙 keeps what was typed for 甲
    assert AgendaItem.get(AgendaItem.title == "甲").decision == "原则同意"
    assert "已自动保存" in tab.saved_note.text() and tab.title.text() == "乙"
    tab.title.setText("")  # an edit that cannot be saved keeps 乙 on screen with its problem
    tab.items.setCurrentRow(0)
    assert tab.items.currentRow() == 1 and tab.title.text() == ""
    assert AgendaItem.get(AgendaItem.title == "乙")


def test_closing_with_unsaved_attendance_asks_first(qtbot, make_meeting, monkeypatch):
    asked = []
    monkeypatch.setattr(dialog_module, "confirm", lambda *a, **k: asked.append(a[1]) or False)
    dialog = MeetingDialog(None, make_meeting())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()
    assert asked == [] and not dialog.isVisible()
    dialog = MeetingDialog(None, meetings.get_meeting(Meeting.get().id))
    qtbot.addWidget(dialog)
    dialog.show()
    _, combo, _ = dialog.attendance.rows[-1]
    combo.setCurrentText("缺席")
    dialog.reject()
    assert asked == ["放弃修改？"] and dialog.isVisible()
    assert MeetingAttendee.select().where(MeetingAttendee.attendance == "缺席").count() == 0


def test_the_greyed_minutes_date_shows_the_meetings_date(qtbot, make_meeting):
    from PySide6.QtCore import QDate

    dialog = MeetingDialog(None, make_meeting(held_on=date(2026, 3, 28)))
    qtbot.addWidget(dialog)
    header = dialog.header
    assert header.minutes_date_same.isChecked() and not header.minutes_date.isEnabled()
    assert header.minutes_date.date() == QDate(2026, 3, 28)
    header.held_on.setDate(QDate(2026, 3, 30))
    assert header.minutes_date.date() == QDate(2026, 3, 30)


def test_the_tally_is_live_while_marking(qtbot, make_meeting):
    dialog = MeetingDialog(None, make_meeting())
    qtbot.addWidget(dialog)
    tab = dialog.attendance
    assert tab.tally.text().startswith("应到5人，实到5人")
    for _, combo, _ in tab.rows[:3]:
        combo.setCurrentText("缺席")
    assert tab.tally.text().startswith("应到5人，实到2人，请假0人，缺席3人")
    assert "未达到法定人数" in tab.tally.text() and "尚未保存" in tab.tally.text()
    tab.rows[0][1].setCurrentText("出席")
    assert "实到3人" in tab.tally.text() and "符合法定人数" in tab.tally.text()


def test_meetings_numbered_against_their_dates_get_a_warning(qtbot, make_meeting):
    from town_office.services.meetings.rules import numbering_out_of_order

    assert numbering_out_of_order([(1, date(2026, 3, 1)), (2, date(2026, 6, 1))]) == []
    first = make_meeting(held_on=date(2026, 3, 28))
    make_meeting(held_on=date(2026, 6, 24))
    page = MeetingsPage()
    qtbot.addWidget(page)
    assert not page.numbering.isVisibleTo(page)
    meetings.update_meeting(first.id, meetings.MeetingInput(held_on=date(2026, 9, 1), number=1,
                                                           place=first.place))
    page.reload()
    assert page.numbering.isVisibleTo(page)
    assert "第2次会议（2026-06-24）早于第1次会议（2026-09-01）" in page.numbering.text()


def test_one_save_keeps_header_attendance_and_item_and_closing_names_what_is_unsaved(
        qtbot, make_meeting, monkeypatch, warnings):
    from town_office.services.meetings import agenda as meeting_agenda
    from town_office.services.meetings.types import AgendaItemInput

    asked = []
    monkeypatch.setattr(dialog_module, "confirm", lambda *a, **k: asked.append(a[2]) or False)
    meeting = make_meeting()
    meeting_agenda.add_item(meeting.id, AgendaItemInput("审议要点"))
    dialog = MeetingDialog(None, meetings.get_meeting(meeting.id))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.header.place.setText("镇人大会议室")
    dialog.reject()
    assert asked and asked[-1].startswith("基本信息有尚未保存的修改") and dialog.isVisible()
    dialog.attendance.rows[-1][1].setCurrentText("缺席")
    dialog.agenda.decision.setPlainText("原则同意")
    dialog.reject()
    assert asked[-1].startswith("基本信息、议题、出席情况有尚未保存的修改")
    dialog.tabs.setCurrentIndex(2)  # switching tabs saves the whole meeting, and says so
    saved = Meeting.get()
    assert saved.place == "镇人大会议室" and AgendaItem.get().decision == "原则同意"
    assert MeetingAttendee.select().where(MeetingAttendee.attendance == "缺席").count() == 1
    assert dialog.saved_note.text() == "已自动保存出席情况、议题、基本信息"
    dialog.agenda.decision.setPlainText("同意")  # Ctrl+S from inside the 议题 tab
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.agenda.decision, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert AgendaItem.get().decision == "同意" and dialog.saved_note.text() == "已保存议题"
    dialog.attendance.rows[0][1].setCurrentText("请假")  # no reason: nothing else is saved
    dialog.header.place.setText("镇政府会议室")
    dialog.tabs.setCurrentIndex(0)
    dialog.save_all()
    assert warnings and "请假须写明原因" in warnings[-1][1]
    assert dialog.tabs.currentIndex() == 1 and Meeting.get().place == "镇人大会议室"
    asked.clear()
    dialog.attendance.rows[0][1].setCurrentText("出席")
    dialog.header.place.setText("镇人大会议室")
    dialog.reject()
    assert asked == [] and not dialog.isVisible()  # back as saved: nothing to ask


def test_the_preview_opens_on_a_whole_page_and_turns_pages_and_zooms(qtbot, demo_town):
    from PySide6.QtPdfWidgets import QPdfView

    from town_office.services.meetings import papers as meeting_papers

    held = next(r for r in meetings.list_meetings() if r.status == "已召开")
    dialog = PdfPreviewDialog(None, meeting_papers.preview_paper("record", held.id), "会议记录")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    pages = dialog.document.pageCount()
    assert pages >= 2 and dialog.page_box.text() == f"第 1 页 / 共 {pages} 页"
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert dialog.zoom_label.text() == f"{round(dialog.shown_zoom() * 100)}%"
    assert not dialog.previous_button.isEnabled() and not dialog.fit_page_button.isEnabled()
    whole = dialog.shown_zoom()
    points = dialog.document.pagePointSize(0)  # the whole page's height fits the view
    assert points.height() * dialog.logicalDpiY() / 72 * whole <= dialog.view.viewport().height()
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.view.pageNavigator().currentPage() == 1)
    assert dialog.page_box.value() == 2 and dialog.previous_button.isEnabled()
    dialog.page_box.setValue(1)
    qtbot.waitUntil(lambda: dialog.view.pageNavigator().currentPage() == 0)
    dialog.zoom_in_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom and dialog.view.zoomFactor() > whole
    assert dialog.zoom_label.text() == f"{round(dialog.view.zoomFactor() * 100)}%"
    dialog.zoom_out_button.click()
    dialog.zoom_out_button.click()
    assert dialog.view.zoomFactor() < whole
    dialog.fit_width_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert dialog.zoom_label.toolTip() == "按页宽显示"
    assert dialog.fit_page_button.isEnabled() and not dialog.fit_width_button.isEnabled()
