"""The 人代会会议 page and dialogs and the 换届 page, driven through the window: what the screen
shows and what the database holds."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QInputDialog

from tests.everyday import Steps
from tests.model_helpers import assert_rows_show
from town_office.models import CongressSession, SessionAttendee, SessionCandidate, SessionItem
from town_office.services import sessions
from town_office.services.roster import units as roster_units
from town_office.services.roster.closed_terms import allow_closed_term_changes
from town_office.services.sessions.types import REGULAR, SessionInput
from town_office.views.sessions.item_dialog import SessionItemDialog
from town_office.views.sessions.page import SessionsPage
from town_office.views.sessions.session_dialog import SessionDialog
from town_office.views.sessions.table_models import SessionItemTableModel, SessionTableModel
from town_office.views.term_change.page import TermChangePage
from town_office.views.widgets import messages

pytestmark = pytest.mark.gui


@pytest.fixture
def warnings(monkeypatch):
    shown = []
    monkeypatch.setattr(messages.QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    return shown


@pytest.fixture
def six(make_representative):
    return [make_representative(name=n, birth_month=f"197{i}-01", group_name=g)
            for i, (n, g) in enumerate([("王芳", "第一代表小组"), ("李强", "第一代表小组"), ("张伟", "第二代表小组"),
                                         ("刘洋", "第二代表小组"), ("陈静", "第二代表小组"), ("赵磊", "第一代表小组")])]


def test_table_models_pass_the_model_tester(qtmodeltester, demo_town):
    model = SessionTableModel()
    model.set_rows(sessions.list_sessions())
    qtmodeltester.check(model)
    assert_rows_show(model, sessions.list_sessions(), "place", "kind")
    detail = sessions.get_session(sessions.list_sessions(roster_units.current_term_id())[0].id)
    items = SessionItemTableModel()
    items.set_rows(list(detail.items))
    qtmodeltester.check(items)
    assert_rows_show(items, list(detail.items), "title", "kind")


def test_a_session_through_the_dialog(qtbot, six, warnings, monkeypatch):
    dialog = SessionDialog(None)
    qtbot.addWidget(dialog)
    assert not dialog.tabs.isTabEnabled(1)
    dialog.starts.setDate(QDate(2026, 3, 10))
    dialog.ends.setDate(QDate(2026, 3, 9))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not CongressSession.select().exists()
    assert "不能早于开始日期" in dialog.errors.labels["结束日期"].text()
    dialog.ends.setDate(QDate(2026, 3, 11))
    dialog.place.setText("镇政府大礼堂")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    session = CongressSession.get()
    assert (session.number, session.place, session.ends_on) == (1, "镇政府大礼堂", date(2026, 3, 11))
    assert SessionAttendee.select().count() == 6 and dialog.tabs.isTabEnabled(2)
    assert "应到6人，实到6人" in dialog.tally.text() and "第一次会议" in dialog.heading.text()
    # 请假 for two highlighted deputies, with the reason asked
    dialog.tabs.setCurrentIndex(1)
    dialog.deputies.selectRow(0)
    dialog.deputies.selectionModel().select(dialog.deputy_model.index(1, 0),
                                            dialog.deputies.selectionModel().SelectionFlag.Select
                                            | dialog.deputies.selectionModel().SelectionFlag.Rows)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("生病住院", True))
    qtbot.mouseClick(dialog.excused_button, Qt.MouseButton.LeftButton)
    assert SessionAttendee.select().where(SessionAttendee.attendance == "请假").count() == 2
    assert "实到4人，请假2人" in dialog.tally.text() and "不足法定人数" in dialog.tally.text()
    assert [dialog.deputy_model.index(r, 3).data() for r in range(2)] == ["生病住院", "生病住院"]
    # a vote is refused without quorum, next to its field
    item = SessionItemDialog(dialog, dialog.session)
    qtbot.addWidget(item)
    item.kind.setCurrentText("决定")
    item.title_box.setCurrentText("关于批准2026年财政预算的决议")
    item.voted.setChecked(True)
    item.votes["赞成"].setValue(4)
    item.accept()
    assert item.result_row is None and "不足法定人数" in item.errors.labels["赞成"].text()
    assert not SessionItem.select().exists()
    item.voted.setChecked(False)
    item.accept()
    assert SessionItem.get().title == "关于批准2026年财政预算的决议"


def test_an_election_with_candidates_and_the_presidium(qtbot, six, warnings, monkeypatch):
    detail = sessions.create_session(SessionInput(None, "届次第一次会议", date(2026, 3, 10), date(2026, 3, 10)))
    dialog = SessionDialog(None, detail)
    qtbot.addWidget(dialog)
    item = SessionItemDialog(dialog, detail)
    qtbot.addWidget(item)
    item.kind.setCurrentText("选举")
    assert not item.vote_row.isEnabled() and item.election_box.isEnabled()
    item.title_box.setCurrentText("选举镇人民代表大会主席")
    qtbot.mouseClick(item.add_candidate_button, Qt.MouseButton.LeftButton)
    item.candidates.item(0, 0).setText("王芳")
    item.candidates.item(0, 1).setText("主席")
    item.counted.setChecked(True)
    item.accept()
    assert "请填写得票数" in item.errors.labels["候选人"].text()
    item.candidates.item(0, 2).setText("6")
    item.accept()
    assert item.result_row is not None
    dialog.session = item.result_row
    dialog.show_session()
    assert SessionCandidate.get().votes == 6
    dialog.agenda.table.selectRow(0)
    assert dialog.agenda.buttons["presidium"].isEnabled() and not dialog.agenda.buttons["resolution"].isEnabled()
    shown = []
    monkeypatch.setattr("town_office.views.sessions.agenda_tab.QMessageBox.information",
                        lambda parent, title, text: shown.append(text))
    qtbot.mouseClick(dialog.agenda.buttons["presidium"], Qt.MouseButton.LeftButton)
    assert "王芳：（无） → 主席" in shown[0]
    assert dialog.agenda.model.index(0, 4).data() == "当选1人：王芳"


def test_a_closed_terms_session_asks_before_a_change(qtbot, six, warnings):
    old = roster_units.save_term(None, "第十八届", date(2016, 12, 28), date(2021, 12, 27))
    from town_office.services import roster
    from town_office.services.roster.types import RepresentativeInput

    with allow_closed_term_changes():
        roster.create_representative(RepresentativeInput(name="周明", gender="男", birth_month="1960-01",
                                                         term_id=old.id))
        detail = sessions.create_session(SessionInput(old.id, REGULAR, date(2020, 1, 9), date(2020, 1, 9), "礼堂"))
    page = SessionsPage()
    qtbot.addWidget(page)
    page.show()
    page.term_combo.setCurrentIndex(page.term_combo.findData(old.id))
    assert "第十八届已届满" in page.term_note.text() and page.model.rowCount() == 1
    dialog = SessionDialog(None, detail)
    qtbot.addWidget(dialog)
    assert "已届满，只供查阅" in dialog.heading.text()
    steps = Steps(qtbot)
    dialog.place.setText("镇政府会议室")
    steps.answer("取消")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert CongressSession.get_by_id(detail.id).place == "礼堂"
    assert "未作修改" in dialog.general_error.text() or warnings
    steps.answer("修改")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert CongressSession.get_by_id(detail.id).place == "镇政府会议室"


def test_the_term_change_page_opens_where_the_clerk_left_off(qtbot, demo_town):
    page = TermChangePage()
    qtbot.addWidget(page)
    page.show()
    assert "第十九届 → 第二十届" in page.heading.text() and "已完成1/5步" in page.heading.text()
    assert page.steps.currentRow() == 0  # step 1 is the first not done
    assert page.steps.item(1).text().startswith("✓")
    page.steps.setCurrentRow(2)
    panel = page.panels[2]
    assert "连任36人、新当选5人" in panel.note.text()
    assert panel.model.rowCount() == 41
    page.steps.setCurrentRow(3)
    assert page.panels[3].open_button.isEnabled() and not page.panels[3].create_button.isEnabled()


def test_a_closed_terms_presidium_meeting_asks_once_before_a_change(qtbot, six, warnings):
    from town_office.models import Meeting
    from town_office.services import meetings
    from town_office.services.meetings.types import MeetingInput
    from town_office.views.meetings.meeting_dialog import MeetingDialog

    old = roster_units.save_term(None, "第十八届", date(2016, 12, 28), date(2021, 12, 27))
    with allow_closed_term_changes():
        made = meetings.create_meeting(MeetingInput(held_on=date(2020, 3, 2), kind="例会", number=None,
                                                    starts_at="09:00", place="会议室", term_id=old.id))
    dialog = MeetingDialog(None, meetings.get_meeting(made.id))
    qtbot.addWidget(dialog)
    steps = Steps(qtbot)
    dialog.header.place.setText("镇政府三楼会议室")
    steps.answer("取消")
    dialog.save_all()
    assert Meeting.get_by_id(made.id).place == "会议室"
    steps.answer("修改")
    dialog.save_all()
    assert Meeting.get_by_id(made.id).place == "镇政府三楼会议室"
    dialog.header.place.setText("镇政府大礼堂")
    dialog.save_all()  # asked once per dialog
    assert Meeting.get_by_id(made.id).place == "镇政府大礼堂"
