"""Training in the window: a session entered through the dialog, attendance marked from the
keyboard, what the database holds afterwards, and the statistics page."""

from tests.model_helpers import assert_rows_show
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from town_office.models import TrainingAttendee, TrainingSession
from town_office.services import roster, training
from town_office.views.training.session_dialog import TrainingSessionDialog
from town_office.views.training.stats_page import TrainingStatsPage
from town_office.views.training.table_models import AttendanceTableModel, SessionTableModel

pytestmark = pytest.mark.gui


@pytest.fixture
def deputies(make_representative):
    return [make_representative(name=name, group_name=group)
            for name, group in (("王芳", "第一代表小组"), ("刘𬌗", "第一代表小组"),
                                ("赵刚", "第二代表小组"), ("孙丽", "第二代表小组"))]


def test_models_pass_the_model_tester(qtmodeltester, demo_town):
    sessions = SessionTableModel()
    sessions.set_rows(training.list_sessions())
    qtmodeltester.check(sessions)
    assert_rows_show(sessions, training.list_sessions(), "held_on", "title", "kind")
    attendance = AttendanceTableModel()
    from town_office.views.training.table_models import AttendanceLine

    attendance.set_rows([AttendanceLine(1, "王芳", "第一代表小组")])
    qtmodeltester.check(attendance)


def test_enter_a_session_and_mark_attendance_from_the_keyboard(qtbot, deputies):
    dialog = TrainingSessionDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("2026年度代表集中培训")
    dialog.held_on.setDate(QDate(2026, 3, 10))
    dialog.hours.setValue(2.5)
    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)  # 全体在任镇人大代表
    assert dialog.model.rowCount() == 4
    names = [line.name for line in dialog.model.rows()]
    table = dialog.table
    table.setFocus()
    table.selectRow(names.index("赵刚"))
    qtbot.keyClick(table, Qt.Key.Key_3)  # 缺席, and the selection moves down
    table.selectRow(names.index("刘𬌗"))
    qtbot.keyClick(table, Qt.Key.Key_2)  # 请假 opens the reason for editing
    qtbot.keyClick(table.focusWidget() or table, Qt.Key.Key_Escape)
    assert "请假1人，缺席1人" in dialog.counts.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not TrainingSession.select().exists()  # the leave has no reason yet
    assert "请假须写明原因" in dialog.general_error.text()
    row = names.index("刘𬌗")
    dialog.model.setData(dialog.model.index(row, 3), "外出学习")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    session = TrainingSession.get()
    assert (session.title, session.hours, session.held_on) == ("2026年度代表集中培训", 2.5,
                                                               date(2026, 3, 10))
    marks = {a.representative.name: (a.attendance, a.reason) for a in TrainingAttendee.select()}
    assert marks == {"王芳": ("出席", ""), "刘𬌗": ("请假", "外出学习"), "赵刚": ("缺席", ""),
                     "孙丽": ("出席", "")}
    qtbot.mouseClick(dialog.all_present, Qt.MouseButton.LeftButton)
    table.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert TrainingAttendee.select().count() == 3
    assert {a.attendance for a in TrainingAttendee.select()} == {"出席"}


def test_picking_a_deputy_by_hand(qtbot, deputies):
    dialog = TrainingSessionDialog(None)
    qtbot.addWidget(dialog)
    dialog.pick.setCurrentIndex(dialog.pick.findText("刘𬌗", Qt.MatchFlag.MatchStartsWith))
    qtbot.mouseClick(dialog.pick_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.pick_button, Qt.MouseButton.LeftButton)  # nothing picked now
    assert [line.name for line in dialog.model.rows()] == ["刘𬌗"]


def test_stats_page_shows_coverage_and_untrained_in_red(qtbot, demo_town):
    from town_office.views.widgets.table_model import OVERDUE_RED

    page = TrainingStatsPage()
    qtbot.addWidget(page)
    page.ensure_loaded()
    page.year_combo.setCurrentIndex(page.year_combo.findData(2026))
    assert "覆盖率97.6%" in page.summary.text()
    never = next(r for r in roster.list_representatives() if r.notes == "2024年补选")
    rows = page.deputy_model.rows()
    index = next(i for i, d in enumerate(rows) if d.name == never.name)
    color = page.deputy_model.data(page.deputy_model.index(index, 0), Qt.ItemDataRole.ForegroundRole)
    assert color.color() == OVERDUE_RED
    assert never.name in [d.name for d in page.new_model.rows()]
