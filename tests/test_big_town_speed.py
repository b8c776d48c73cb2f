"""What issue 22's speed-ups must keep true: lists read off the GUI thread still show the newest rows,
pages are built (and their printing modules imported) only when opened, the hashed 连任 grouping
agrees with the rule pair by pair, and the one-pass gathering of the assessment finds exactly what
each deputy's own file finds. Speed itself is measured in tests/perf/measure.py, never here."""

import subprocess
import sys
import threading
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given, settings as hypothesis_settings, strategies as st

ROOT = Path(__file__).resolve().parents[1]


# --- lists read in the background -----------------------------------------------------------------

def test_a_list_is_read_off_the_gui_thread_and_shown_when_ready(qtbot, demo_town, monkeypatch):
    from town_office.services import visits
    from town_office.views.visits.visits_page import VisitsPage
    from town_office.views.widgets.background import LOADING_TEXT, RowLoader

    read_on = []
    original = visits.list_visits

    def spy(*args, **kwargs):
        read_on.append(threading.current_thread() is threading.main_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(visits, "list_visits", spy)
    monkeypatch.setattr(RowLoader, "in_background", True)
    page = VisitsPage()
    qtbot.addWidget(page)
    page.show()
    assert page.count_label.text() == LOADING_TEXT  # the page is there at once, its rows on their way
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    assert read_on == [False]
    assert page.count_label.text().startswith("共 ")
    assert page.model.total_count() == len(original(page.year_combo.currentData()))


def test_only_the_newest_reload_is_shown(qtbot, db):
    from PySide6.QtWidgets import QWidget

    from town_office.views.widgets.background import RowLoader

    owner = QWidget()
    qtbot.addWidget(owner)
    loader, shown = RowLoader(owner), []
    release = threading.Event()
    RowLoader.in_background = True
    try:
        loader.run(lambda: release.wait(5) and "older", shown.append)  # still reading when superseded
        loader.run(lambda: "newer", shown.append)
        qtbot.waitUntil(lambda: shown == ["newer"], timeout=5000)
        release.set()
        qtbot.wait(200)
    finally:
        RowLoader.in_background = False
    assert shown == ["newer"]


def test_a_record_opened_from_a_link_is_selected_even_with_background_reading(qtbot, demo_town, monkeypatch):
    from town_office.services.hazards import list_hazards
    from town_office.views.hazards.ledger_page import LedgerPage
    from town_office.views.widgets.background import RowLoader

    monkeypatch.setattr(RowLoader, "in_background", True)
    page = LedgerPage()
    qtbot.addWidget(page)
    page.edit_selected = lambda: None  # the hazard's dialog is not the point here
    hazard = list_hazards()[0]
    page.reveal(hazard.id)  # reads synchronously: the row must be there to be selected
    assert page.model.rows()[page.table.currentIndex().row()].id == hazard.id


# --- pages built when opened ----------------------------------------------------------------------

def test_the_window_builds_a_page_when_it_is_first_opened(qtbot, demo_town):
    from town_office.views.main_window import MainWindow

    window = MainWindow("")
    qtbot.addWidget(window)
    window.show()
    assert list(window.built) == ["工作台"]
    window.nav.setCurrentRow(window.titles.index("隐患台账"))
    assert window.stack.currentWidget() is window.built["隐患台账"] is window.ledger_page
    assert window.stack.count() == len(window.titles)
    assert window.ledger_page.model.total_count() > 0


PRINTING_MODULES = ("reportlab", "openpyxl", "jieba")


def _in_a_fresh_window(tmp_path, body: str) -> str:
    """Run ``body`` in a child process (this one has long imported everything) that has opened an empty
    data folder's window as the program does (``app``, ``window``, ``PRINTING_MODULES`` at hand); the
    last line it prints."""
    script = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from town_office.app import ensure_application
from town_office.database_file import open_database
from town_office.paths import DataFolder
from town_office.views.main_window import MainWindow
PRINTING_MODULES = {PRINTING_MODULES!r}
app = ensure_application()
folder = DataFolder(Path({str(tmp_path / "data")!r})).ensure()
open_database(folder.database, folder.backups)
window = MainWindow(str(folder.root))
window.auto_backup.timer.stop()
{body}
os._exit(0)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return out.stdout.strip().splitlines()[-1]


def test_opening_every_page_imports_no_paper_or_workbook_module(tmp_path):
    """reportlab, openpyxl and jieba wait until the clerk prints or exports (each a few tenths of a
    second on the GUI thread)."""
    last = _in_a_fresh_window(tmp_path, """
for title in window.titles:
    window.show_page(title)
    app.processEvents()
print(" ".join(m for m in PRINTING_MODULES if m in sys.modules) or "none")
""")
    assert last == "none"


def test_list_columns_are_sized_once_not_on_every_keystroke(qtbot, demo_town):
    from PySide6.QtWidgets import QHeaderView

    from town_office.views.visits.problems_page import ProblemsPage

    page = ProblemsPage()
    qtbot.addWidget(page)
    page.ensure_loaded()
    header = page.table.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    widths = [header.sectionSize(c) for c in range(header.count() - 1)]
    assert max(widths) <= 420 and min(widths) > 20  # fitted to a sample, none swamping the screen
    header.resizeSection(1, 333)  # the clerk's own width …
    page.search.setText("路")
    page.search.setText("")
    assert header.sectionSize(1) == 333  # … survives filtering


# --- the 连任 grouping by hashing ------------------------------------------------------------------

def _pairwise_groups(mandates):
    """The rule applied pair by pair, as the program did before hashing."""
    from town_office.services.roster.mandates import same_person

    people = []
    for rep in sorted(mandates, key=lambda r: (r.elected_on or date.min, r.id)):
        home = next((p for p in people if rep.term_id not in {m.term_id for m in p} and any(
            same_person(m.id_number, m.name, m.birth_month, rep.id_number, rep.name, rep.birth_month)
            for m in p)), None)
        if home is None:
            people.append([rep])
        else:
            home.append(rep)
    return [[m.id for m in p] for p in people]


MANDATE = st.tuples(st.sampled_from([1, 2, 3]), st.sampled_from(["", "A1", "a1", "B2"]),
                    st.sampled_from(["王芳", "李强"]), st.sampled_from([None, "", "1975-03", "1980-01"]),
                    st.integers(0, 3000))


@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(MANDATE, max_size=12))
def test_hashed_grouping_agrees_with_the_rule_pair_by_pair(rows):
    from town_office.services.roster.mandates import _group

    mandates = [SimpleNamespace(id=i + 1, term_id=term, id_number=idn or None, name=name, birth_month=birth,
                                elected_on=date(2016, 1, 1) + timedelta(days=day))
                for i, (term, idn, name, birth, day) in enumerate(rows)]
    assert [[m.id for m in p] for p in _group(mandates)] == _pairwise_groups(mandates)


# --- the assessment's one pass ---------------------------------------------------------------------

def test_one_pass_over_the_town_finds_what_each_deputys_file_finds(demo_town):
    from town_office.models import Representative
    from town_office.services.archive.activities import activities, activities_by_deputy, in_order

    start, end = date(date.today().year - 1, 1, 1), date(date.today().year, 12, 31)
    everyone = activities_by_deputy(None, start, end)
    assert sum(len(v) for v in everyone.values()) > 50
    for (rep_id,) in Representative.select(Representative.id).tuples():
        assert in_order(everyone.get(rep_id, [])) == activities(rep_id, start, end), rep_id


def test_the_timed_backup_packs_on_its_own_thread(qtbot, demo_town, data_folder, monkeypatch):
    from town_office.services import backups
    from town_office.views.backups.auto import AutoBackup

    packed_on = []
    original = backups.automatic_backup

    def spy(marker):
        packed_on.append(threading.current_thread() is threading.main_thread())
        return original(marker)

    monkeypatch.setattr(backups, "automatic_backup", spy)
    auto = AutoBackup()
    auto.timer.stop()
    auto.marker = -1  # something changed
    monkeypatch.setattr(auto, "due", lambda: True)
    auto.tick()
    auto.worker.join(60)
    assert packed_on == [False]
    assert any(data_folder.backups.glob("*自动备份*.tobak"))
    auto.marker = -1
    auto.run()  # on closing: here and now
    assert packed_on == [False, True]


def test_page_modules_are_imported_while_idle_and_no_page_is_built(tmp_path):
    """After the window is shown its pages' modules are imported one by one from the event loop, so a
    page's first opening only builds it; no page is built, no printing module imported."""
    last = _in_a_fresh_window(tmp_path, """
from PySide6.QtCore import QTimer
from town_office.views.page_registry import PAGES, import_pages_when_idle
window.show()
before = sum(spec.module in sys.modules for spec in PAGES)
import_pages_when_idle(window, interval_ms=5)
QTimer.singleShot(3000, app.quit)
app.exec()
after = sum(spec.module in sys.modules for spec in PAGES)
print(before, after, len(PAGES), list(window.built), [m for m in PRINTING_MODULES if m in sys.modules])
""")
    before, after, total, *rest = last.split(" ", 3)
    assert int(before) < int(total) and int(after) == int(total)
    assert rest == ["['工作台'] []"]


def test_a_batch_reading_the_year_once_gives_each_deputy_the_same_file(demo_town):
    """print_batch reads every deputy's year in one pass (PeriodRecords) instead of a round of queries
    per file: each deputy's file, 连任 deputies' two mandates included, is the one read alone."""
    from town_office.services.archive import year_period
    from town_office.services.archive.activities import PeriodRecords
    from town_office.services.archive.papers import archive_of, deputies_for

    year = date.today().year
    records = PeriodRecords(*year_period(year)[:2])
    everyone = deputies_for(year)
    assert len(everyone) > 20
    together = [archive_of(rep_id, year, records) for rep_id in everyone]
    assert sum(len(s.activities) for a in together for s in a.sections) > 50
    assert together == [archive_of(rep_id, year) for rep_id in everyone]
    other_year = archive_of(everyone[0], year - 1, records)  # records of another period are not used
    assert other_year == archive_of(everyone[0], year - 1)
