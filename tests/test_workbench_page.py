"""The workbench in the main window on the demo town: it is the first page; a figure opens its
list filtered, a due line opens its record, the keys act on the shown page, the settings dialog
saves what it shows, and the 工作简报 and the charts read back."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.pdf_helpers import assert_fonts_embedded, page_sizes, pdf_text
from town_office.services.workbench import check_settings
from town_office.services.workbench.papers import print_briefing
from town_office.views.main_window import MainWindow
from town_office.views.widgets.selection import highlighted_row
from town_office.views.workbench.charts import save_png
from town_office.views.workbench.check_dialog import CheckSettingsDialog


def _window(qtbot):
    window = MainWindow("")
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_program_opens_on_the_workbench(qtbot, demo_town):
    window = _window(qtbot)
    assert window.nav.currentItem().text() == "工作台"
    page = window.workbench_page
    assert page.due_tab.model.rows(), "the demo town has follow-ups, problems and hazards due"
    assert all(r.late == (r.deadline < date.today()) or r.unit == "小时" for r in page.due_tab.model.rows())
    messages = [page.due_tab.checks.item(i).text() for i in range(page.due_tab.checks.count())]
    assert any("U盘" in m for m in messages)


def test_area_filter_narrows_the_list(qtbot, demo_town):
    tab = _window(qtbot).workbench_page.due_tab
    tab.area.setCurrentIndex(tab.area.findData("隐患整改"))
    assert tab.model.rows() and {r.area for r in tab.model.rows()} == {"隐患整改"}
    assert tab.count.text().startswith(f"共 {len(tab.model.rows())} 项")


def test_a_figure_opens_its_list_filtered(qtbot, demo_town):
    window = _window(qtbot)
    page = window.workbench_page
    page.tabs.setCurrentIndex(1)
    button = next(b for b in page.glance_tab.figure_buttons if b.text().startswith("逾期"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    problems = window.problems_page
    assert window.stack.currentWidget() is problems
    assert problems.overdue_only.isChecked() and problems.status_combo.currentData() == "未办结"
    shown = problems.model.rows()
    assert len(shown) == int(button.text().split("：")[1].rstrip("件"))
    assert all(p.is_overdue(date.today()) for p in shown)


def test_a_due_line_opens_its_record(qtbot, demo_town, monkeypatch):
    window = _window(qtbot)
    opened = []
    monkeypatch.setattr(type(window.ledger_page), "edit_selected",
                        lambda page: opened.append(highlighted_row(page.table).id))
    tab = window.workbench_page.due_tab
    row = next(i for i, r in enumerate(tab.model.rows()) if r.area == "隐患整改")
    hazard_id = tab.model.rows()[row].record_id
    index = tab.model.index(row, 1)
    tab.table.setCurrentIndex(index)
    tab.table.doubleClicked.emit(index)  # what the view sends on a double-click
    assert window.stack.currentWidget() is window.ledger_page
    assert opened == [hazard_id]


def test_keys_act_on_the_shown_page(qtbot, demo_town, monkeypatch):
    window = _window(qtbot)
    made = []
    monkeypatch.setattr(window.ledger_page, "new_record", lambda: made.append("隐患"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.show_page("隐患台账")
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert made == ["隐患"]
    window.show_page("问题清单")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.problems_page.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # page 11
    assert window.nav.currentRow() == 10


def test_check_settings_dialog_saves_what_it_shows(qtbot, demo_town):
    dialog = CheckSettingsDialog()
    qtbot.addWidget(dialog)
    box, spin = dialog.rows["term_end"]
    box.setChecked(False)
    assert not spin.isEnabled()
    dialog.rows["stick_backup"][1].setValue(14)
    dialog.save()
    assert check_settings.check_settings()["term_end"] == (False, 90)
    assert check_settings.check_settings()["stick_backup"] == (True, 14)


def test_briefing_is_one_page_with_the_figures(demo_town, tmp_path):
    out = print_briefing(2026, tmp_path / "简报.pdf", date(2026, 12, 6))
    assert len(page_sizes(out)) == 1
    text = "".join(pdf_text(out))
    for part in ("人大工作简报", "主席团会议", "群众诉求", "满意率", "每月走访次数", "隐患整改状态"):
        assert part in text.replace(" ", "")
    assert_fonts_embedded(out)


def test_chart_png_has_the_bars(qtbot, demo_town, tmp_path):
    from town_office.services.workbench.figures import glance

    _, charts = glance(2026, date(2026, 12, 6))
    path = save_png(charts[0], tmp_path / "chart.png")
    image = QImage(str(path))
    assert image.width() == 640 and image.height() == 320
    blue = sum(1 for x in range(0, 640, 4) for y in range(40, 300, 4)
               if image.pixelColor(x, y).name() == "#2e6da4")
    assert blue > 200, "the bars are drawn"
    assert Path(path).stat().st_size > 1000


def test_a_key_the_page_lacks_says_so(qtbot, demo_town):
    window = _window(qtbot)
    window.show_page("设置")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "“设置”页面没有可用的“打印预览”" in window.statusBar().currentMessage()


def test_closing_changed_settings_asks_first(qtbot, demo_town, monkeypatch):
    from town_office.views.widgets import unsaved

    asked = []
    monkeypatch.setattr(unsaved, "confirm", lambda *args: asked.append(args[1]) or False)
    dialog = CheckSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.rows["term_end"][1].setValue(60)
    dialog.reject()
    assert asked == ["放弃修改？"] and dialog.isVisible()
    assert check_settings.check_settings()["term_end"] == (True, 90)
