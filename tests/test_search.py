"""查找: the trigram index kept by triggers finds every kind of record by any word of its text, follows
edits and deletions, covers the rows of an upgraded database, and the dialog opens a hit."""

import shutil
from datetime import date, datetime

from PySide6.QtCore import Qt

from tests.conftest import FIXTURES
from town_office.models import Hazard, Problem, Project, Visit
from town_office.services.search import find

NOW = datetime(2026, 12, 6, 9, 0)


def _kinds(text):
    return {(h.kind, h.record_id) for h in find(text)}


def test_each_kind_is_found_by_a_word_of_its_text(demo_town):
    hits = find("幼儿园")
    assert {h.kind for h in hits} >= {"隐患"} and all("幼儿园" in h.snippet for h in hits)
    assert ("代表", 1) in _kinds("王建国")
    assert ("代表", 1) in _kinds("wangjianguo")
    assert "王建国" in {h.title for h in find("wjg") if h.kind == "代表"}  # initials, under three letters
    assert any(h.kind == "规则文件" for h in find("议事规则"))
    assert any(h.kind == "人代会会议" for h in find("第3次"))
    assert any(h.kind == "主席团会议" for h in find("第13次主席团会议"))
    assert any(h.kind == "代表建议" for h in find("占道经营"))
    assert any(h.kind == "民生实事" for h in find("饮水"))
    assert any(h.kind == "群众诉求" for h in find("山塘"))
    assert find("灌溉 水渠") and all("灌溉" in h.snippet and "水渠" in h.snippet for h in find("灌溉 水渠"))
    assert find("这句话哪里都没有") == []


def test_triggers_follow_inserts_edits_and_deletes(current_term):
    visit = Visit.create(visited_on=date(2026, 12, 1), form="入户走访", village="桃源村", households=1,
                         created_at=NOW, updated_at=NOW)
    problem = Problem.create(visit=visit, content="桥面护栏松动", created_at=NOW, updated_at=NOW)
    assert _kinds("护栏松动") == {("群众诉求", problem.id)}
    Problem.update(content="桥头路灯不亮").where(Problem.id == problem.id).execute()
    assert _kinds("护栏松动") == set() and _kinds("路灯不亮") == {("群众诉求", problem.id)}
    hazard = Hazard.create(year=2026, seq=7, found_on=date(2026, 12, 1), place="粮站仓库", description="电线老化",
                           created_at=NOW, updated_at=NOW)
    assert _kinds("2026-007") == {("隐患", hazard.id)}
    project = Project.create(year=2027, name="敬老院改造")
    assert _kinds("敬老院") == {("民生实事", project.id)}
    Project.delete_by_id(project.id)
    assert _kinds("敬老院") == set()


def test_an_upgraded_database_is_indexed(data_folder):
    from town_office.database_file import open_database

    shutil.copyfile(FIXTURES / "schema_v10.sqlite3", data_folder.database)
    database, _ = open_database(data_folder.database, data_folder.backups)
    try:
        names = [n for (n,) in database.execute_sql("SELECT name FROM representative LIMIT 3").fetchall()]
        assert names and all(("代表" in {h.kind for h in find(n)}) for n in names if len(n) >= 2)
    finally:
        database.close()


def test_the_dialog_finds_as_you_type_and_opens_the_hit(qtbot, demo_town):
    from town_office.views.main_window import MainWindow

    window = MainWindow("")
    qtbot.addWidget(window)
    window.show()
    dialog = window.open_search("")
    dialog.box.setText("主席团议事规则")
    qtbot.waitUntil(lambda: dialog.hits.count() > 1)
    assert dialog.hits.item(0).text().startswith("规则文件")
    qtbot.keyClick(dialog.box, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.rules_page
    assert window.rules_page.document().title.endswith("主席团议事规则")


def test_typing_in_the_tool_bar_box_opens_the_search(qtbot, demo_town):
    from town_office.views.main_window import MainWindow
    from town_office.views.search.dialog import SearchDialog

    window = MainWindow("")
    qtbot.addWidget(window)
    window.show()
    window.search_box.textEdited.emit("山塘")
    dialog = window.findChild(SearchDialog)
    assert dialog is not None and dialog.box.text() == "山塘" and window.search_box.text() == ""
    assert any("山塘大坝" in dialog.hits.item(i).text() for i in range(dialog.hits.count()))
