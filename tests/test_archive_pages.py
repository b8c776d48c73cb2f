"""The 履职档案 and 年度考核 pages: screen and database agree; entries added from the window; the
round driven from the buttons; a frozen year offers no edits."""

import pytest

from town_office.services import archive, assessment
from town_office.services.assessment.types import FROZEN, PUBLISHED
from town_office.views.assessment import page as assessment_module
from town_office.views.archive.archive_page import ArchivePage
from town_office.views.assessment.page import AssessmentPage
from town_office.views.archive.entry_dialog import EntryDialog


@pytest.fixture
def archive_page(qtbot, demo_town):
    page = ArchivePage()
    qtbot.addWidget(page)
    page.year.setValue(2026)
    return page


def test_the_archive_page_lists_what_the_modules_recorded(archive_page):
    deputy = archive_page.deputy()
    # the year's file: both mandates of a deputy re-elected at the 换届 of 28 December
    expected = [a for s in archive.deputy_archive(deputy.id, 2026).sections for a in s.activities]
    assert archive_page.activities.rowCount() == len(expected) > 0
    assert deputy.name in archive_page.heading.text() and "学习培训" in archive_page.summary.text()
    archive_page.search.setText("gcp")
    assert [r.name for r in archive_page.deputies.rows()] == ["高翠萍"]


def test_an_entry_added_in_the_dialog_is_stored_and_shown(qtbot, archive_page):
    deputy = archive_page.deputy()
    before = archive_page.activities.rowCount()
    dialog = EntryDialog(archive_page, deputy.id, deputy.name)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentText("表彰奖励")
    assert dialog.section.currentData() == 8
    dialog.save()
    assert dialog.result() == 0 and dialog.errors.labels["内容"].isVisibleTo(dialog)
    dialog.description.setPlainText("获评县“优秀人大代表”")
    dialog.save()
    assert dialog.result() == 1
    stored = archive.list_entries(deputy.id)
    assert stored[-1].description == "获评县“优秀人大代表”" and stored[-1].section == 8
    archive_page.show_deputy()
    assert archive_page.activities.rowCount() == before + (1 if stored[-1].happened_on.year == 2026 else 0)


def test_the_assessment_page_runs_the_round(qtbot, demo_town, monkeypatch):
    page = AssessmentPage()
    qtbot.addWidget(page)
    page.year.setValue(2026)
    assert page.scores.rowCount() == len(assessment.results(2026)) > 0
    first = page.selected()
    assert page.lines.rowCount() == len(first.lines) and "分" in page.line_title.text()
    assert page.publish_button.isEnabled() and not page.freeze_button.isEnabled()
    monkeypatch.setattr(assessment_module, "confirm", lambda *a, **k: True)
    page.publish_button.click()
    assert assessment.round_state(2026).status == PUBLISHED and page.compute_button.text() == "更正后重新计算"
    page.freeze_button.click()
    assert assessment.round_state(2026).status == FROZEN
    assert not page.compute_button.isEnabled() and not page.adjust_button.isEnabled()
    assert "定稿" in page.state.text()


def test_the_frozen_year_shows_its_stored_scores(qtbot, demo_town):
    page = AssessmentPage()
    qtbot.addWidget(page)
    page.year.setValue(2025)
    stored = assessment.results(2025)
    assert [page.scores.rows()[i].total for i in range(3)] == [s.total for s in stored[:3]]
    adjusted = [s for s in stored if any(ln.source == "adjustment" for ln in s.lines)]
    assert adjusted and not page.compute_button.isEnabled()


def test_the_page_switches_to_the_other_term(archive_page):
    names = [archive_page.term.itemText(i) for i in range(archive_page.term.count())]
    assert sorted(names) == ["第二十届代表", "第十九届代表"] and archive_page.term.currentText() == "第十九届代表"
    nineteen = archive_page.deputies.rowCount()
    archive_page.term.setCurrentIndex(names.index("第二十届代表"))
    assert archive_page.deputies.rowCount() == 41 != nineteen
    assert all(r.term_name == "第二十届" for r in archive_page.deputies.rows())
