"""The 代表联络站 page through the window: the demo stations' reception days and rota, a reception
with its problems entered in the dialog (screen and database), late first answers in red."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.model_helpers import assert_rows_show
from town_office.models import Problem, Reception
from town_office.services import stations
from town_office.services.stations import receptions
from town_office.views.stations.dialogs import ReceptionDialog
from town_office.views.stations.page import StationsPage
from town_office.views.stations.table_models import ReceptionDayTableModel, ReceptionTableModel
from town_office.views.widgets.table_model import OVERDUE_RED

pytestmark = pytest.mark.gui


def test_models_pass_the_model_tester(qtmodeltester, demo_town):
    station = stations.list_stations()[0]
    days = ReceptionDayTableModel()
    days.set_rows(stations.schedule(station.id, date(2026, 1, 1), 12))
    qtmodeltester.check(days)
    rows = receptions.list_receptions(station.id, 2026)
    held = ReceptionTableModel()
    held.set_rows(rows)
    qtmodeltester.check(held)
    assert_rows_show(held, rows, "kind", "deputies")


def test_the_demo_stations_days_rota_and_late_answers(qtbot, demo_town):
    page = StationsPage()
    qtbot.addWidget(page)
    page.show()
    assert [page.list.item(i).text() for i in range(page.list.count())] == ["石门片代表联络站", "青石社区代表联络站"]
    assert "每逢农历“四”“九”" in page.info.text()
    first = page.day_model.rows()[0]
    assert first.lunar.startswith("农历") and first.lunar[-1] in "四九" and len(first.on_duty) == 2
    page.year.setCurrentIndex(page.year.findData(2025))
    late = [i for i, r in enumerate(page.reception_model.rows()) if r.response_late]
    assert late and "超过24小时首次答复" in page.figures.text()
    colour = page.reception_model.data(page.reception_model.index(late[0], 0), Qt.ItemDataRole.ForegroundRole)
    assert colour.color() == OVERDUE_RED


def test_a_reception_entered_in_the_dialog(qtbot, demo_town):
    station = stations.list_stations()[1]  # 逢6
    before = Reception.select().count(), Problem.select().count()
    day = next(d for d in stations.schedule(station.id, date(2026, 11, 1), 1))
    dialog = ReceptionDialog(None, station, day)
    qtbot.addWidget(dialog)
    assert [dialog.people.item(i).checkState() == Qt.CheckState.Checked for i in range(dialog.people.count())
            ].count(True) == len(day.on_duty)
    dialog.voters.setValue(4)
    dialog.problems.set_rows([("小区停车难", "其他"), ("楼道灯坏了", "其他")])
    dialog.accept()
    assert dialog.result_row is not None and dialog.result_row.problems == 2
    assert (Reception.select().count(), Problem.select().count()) == (before[0] + 1, before[1] + 2)
    assert Problem.select().order_by(Problem.id.desc()).first().visit.form == "接待日"
