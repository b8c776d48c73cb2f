"""Renders every page and the main dialogs with the demo town to PNG files, for a person to look at.

    python tests/screenshots.py [OUT_DIR]      (or: bash scripts/dev.sh screenshots)
"""

import os
import sys
import tempfile
from pathlib import Path

SCREEN = Path(__file__).resolve().parent / "fixtures" / "screen_1366x768.json"
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={SCREEN}")  # a 1366×768 laptop
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main(out_dir: str = "screenshots") -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp())
    os.environ["TOWN_OFFICE_DATA_DIR"] = str(tmp / "data")
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    from town_office.app import ensure_application
    from town_office.demo import build_demo_town
    from town_office.models import database
    from town_office.database_file import open_database
    from town_office.paths import DataFolder
    from town_office.views.first_run_dialog import FirstRunDialog

    app = ensure_application()
    folder = DataFolder(tmp / "data").ensure()
    open_database(folder.database, folder.backups)

    def shoot(widget, name: str) -> None:
        widget.show()
        app.processEvents()
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    shoot(FirstRunDialog(), "first_run_dialog")
    build_demo_town()
    tour(folder, tmp, shoot)
    database.close()


def tour(folder, tmp: Path, shoot) -> None:
    """Open every page and the main dialogs of the demo town, handing each to ``shoot`` (which
    saves a picture, or checks that it fits the screen)."""
    from tests.test_roster_import import good_rows, messy_workbook
    from town_office.services import roster
    from town_office.services.roster.importing import preview_import
    from town_office.views.main_window import MainWindow
    from town_office.views.roster.import_dialog import ImportPreviewDialog

    window = MainWindow(str(folder.root))
    shoot(window, "workbench_due")
    for index, name in ((1, "workbench_glance"), (2, "workbench_calendar")):
        window.workbench_page.tabs.setCurrentIndex(index)
        shoot(window, name)
    window.workbench_page.tabs.setCurrentIndex(0)
    from town_office.views.workbench.check_dialog import CheckSettingsDialog
    shoot(CheckSettingsDialog(window), "workbench_check_settings")
    search = window.open_search("幼儿园")
    shoot(search, "search_dialog")
    search.close()
    window.show_page("代表名册")
    shoot(window, "roster_page")
    window.roster_page.search.setText("lx")
    shoot(window, "roster_page_search")
    window.roster_page.search.clear()
    row = next(r for r in roster.list_representatives() if r.name == "王䶮")
    dialog = window.roster_page.open_dialog(row)
    shoot(dialog, "representative_dialog")
    dialog.name.setText("")
    dialog.birth_month.setText("2099-01")
    dialog.accept()
    shoot(dialog, "representative_dialog_errors")
    rows = good_rows()
    rows[0][2], rows[3][11] = "未知", "110105194912310021"
    bad = ImportPreviewDialog(None, preview_import(messy_workbook(tmp / "bad.xlsx", rows)))
    shoot(bad, "import_preview_problems")
    good = ImportPreviewDialog(None, preview_import(messy_workbook(tmp / "good.xlsx", good_rows())))
    shoot(good, "import_preview_ok")
    window.show_page("设置")
    shoot(window, "settings_page")
    window.settings_page.tabs.setCurrentIndex(2)
    shoot(window, "settings_groups")
    shoot_meetings(window, shoot)
    shoot_training(window, shoot)
    shoot_visits(window, shoot)
    shoot_hazards(window, shoot)
    shoot_rules(window, shoot)
    shoot_sessions(window, shoot)
    shoot_suggestions(window, shoot)


def shoot_suggestions(window, shoot) -> None:
    from town_office.services import suggestions
    from town_office.views.suggestions.dialogs import AnswerDialog, AssignDialog, SuggestionDialog

    window.show_page("代表建议")
    shoot(window, "suggestions_page")
    row = next(r for r in suggestions.list_suggestions() if r.answers)
    shoot(SuggestionDialog(window, row), "suggestion_dialog")
    shoot(AssignDialog(window, row), "suggestion_assign")
    shoot(AnswerDialog(window, row), "suggestion_answer")
    from town_office.services import stations
    from town_office.views.stations.dialogs import ReceptionDialog

    window.show_page("代表联络站")
    shoot(window, "stations_page")
    window.stations_page.tabs.setCurrentIndex(1)
    shoot(window, "stations_receptions")
    station = stations.list_stations()[0]
    shoot(ReceptionDialog(window, station), "reception_dialog")
    from town_office.services import projects
    from town_office.views.projects.dialogs import RatingDialog

    window.show_page("民生实事")
    window.projects_page.year.setCurrentIndex(window.projects_page.year.findData(2026))
    shoot(window, "projects_page")
    shoot(RatingDialog(window, next(r for r in projects.list_projects(2025) if r.chosen)), "project_rating")


def shoot_sessions(window, shoot) -> None:
    from town_office.services import sessions
    from town_office.views.sessions.item_dialog import SessionItemDialog
    from town_office.views.sessions.session_dialog import SessionDialog

    window.show_page("人代会会议")
    shoot(window, "sessions_page")
    row = next(s for s in sessions.list_sessions() if s.term_name == "第十九届" and s.number == 9)
    dialog = SessionDialog(window, sessions.get_session(row.id))
    for index, name in enumerate(("header", "attendance", "agenda")):
        dialog.tabs.setCurrentIndex(index)
        shoot(dialog, f"session_dialog_{name}")
    detail = sessions.get_session(row.id)
    shoot(SessionItemDialog(dialog, detail, detail.items[2]), "session_item_vote")
    first = next(s for s in sessions.list_sessions() if s.term_name == "第十九届" and s.number == 1)
    detail = sessions.get_session(first.id)
    shoot(SessionItemDialog(dialog, detail, detail.items[2]), "session_item_election")
    window.show_page("换届")
    for step in range(5):
        window.term_change_page.steps.setCurrentRow(step)
        shoot(window, f"term_change_step{step + 1}")


def shoot_rules(window, shoot) -> None:
    from PySide6.QtCore import QDate
    from PySide6.QtTest import QTest

    from town_office.services import meetings
    from town_office.services.rules import papers as rule_papers
    from town_office.services import rules
    from town_office.views.pdf_preview import PdfPreviewDialog
    from town_office.views.rules.compare_dialog import CompareDialog
    from town_office.views.rules.step_dialogs import AdoptDialog
    from town_office.views.rules.version_dialog import PasteTextDialog, RuleVersionDialog

    window.show_page("两规则四办法")
    page = window.rules_page
    page.document_table.selectRow(4)
    shoot(window, "rules_page")
    page.on.setDate(QDate(2021, 12, 1))
    shoot(window, "rules_page_2021")
    page.today_button.click()
    document = rules.document_row("视察调研办法")
    shoot(CompareDialog(window, document), "rules_compare_dialog")
    kind = "乡镇人大主席团议事规则"
    draft = rules.new_revision(kind)
    dialog = RuleVersionDialog(window, rules.get_version(draft.id))
    dialog.units.setCurrentRow(8)
    shoot(dialog, "rules_version_dialog")
    shoot(PasteTextDialog(window, "青石镇人大主席团议事规则\n第一章 总则\n第一条 为了规范……\n第二条 ……"),
          "rules_paste_dialog")
    held = [m for m in meetings.list_meetings() if m.status != "筹备"]
    shoot(AdoptDialog(window, kind, draft, held, rules.document_row(kind).in_force, lambda data: None),
          "rules_adopt_dialog")
    rules.delete_draft(draft.id)
    preview = PdfPreviewDialog(window, rule_papers.preview_version(document.in_force.id), document.title)
    preview.resize(800, 900)
    preview.show()
    QTest.qWait(1500)
    shoot(preview, "rules_pdf_preview")


def shoot_hazards(window, shoot) -> None:
    from town_office.services import backups, hazards
    from town_office.views.assessment.scheme_dialog import SchemeDialog

    window.show_page("履职档案")
    window.archive_page.year.setValue(2026)
    shoot(window, "archive_page")
    window.show_page("年度考核")
    window.assessment_page.year.setValue(2025)
    shoot(window, "assessment_page")
    shoot(SchemeDialog(window, 2026), "scheme_dialog")
    from town_office.views.hazards.hazard_dialog import HazardDialog

    backups.backup_now()
    backups.automatic_backup(None)
    window.backup_page.reload()
    window.show_page("备份与恢复")
    window.backup_page.table.selectRow(0)
    window.backup_page.verify_selected()
    shoot(window, "backup_page")
    window.show_page("隐患台账")
    shoot(window, "ledger_page")
    dialog = HazardDialog(window, hazards.find_by_number("2026-001"))
    shoot(dialog, "hazard_dialog")
    shoot(HazardDialog(window), "hazard_dialog_new")
    window.show_page("执法检查")
    shoot(window, "inspections_page")
    from town_office.views.hazards.inspection_dialog import InspectionDialog

    shoot(InspectionDialog(window), "inspection_dialog_new")


def shoot_visits(window, shoot) -> None:
    from town_office.views.visits.visit_dialog import VisitEntryDialog

    window.show_page("走访日志")
    shoot(window, "visits_page")
    window.visits_page.tabs.setCurrentIndex(1)
    shoot(window, "visits_quota")
    window.show_page("问题清单")
    shoot(window, "problems_page")
    dialog = VisitEntryDialog(window, villages=["石门村", "柳溪村"])
    dialog.deputy_search.setText("wy")
    shoot(dialog, "visit_entry_dialog")


def shoot_training(window, shoot) -> None:
    from town_office.services import training
    from town_office.views.training.session_dialog import TrainingSessionDialog

    window.show_page("代表培训")
    shoot(window, "training_page")
    window.show_page("培训统计")
    shoot(window, "training_stats_page")
    window.training_stats_page.tabs.setCurrentIndex(2)
    shoot(window, "training_stats_new_deputies")
    session = next(s for s in training.list_sessions(2026) if s.excused)
    dialog = TrainingSessionDialog(window, training.get_session(session.id))
    shoot(dialog, "training_session_dialog")


def shoot_meetings(window, shoot) -> None:
    from town_office.services.meetings import papers as meeting_papers
    from town_office.services import meetings
    from town_office.views.meetings.meeting_dialog import MeetingDialog
    from town_office.views.pdf_preview import PdfPreviewDialog

    window.show_page("主席团会议")
    shoot(window, "meetings_page")
    window.show_page("督办事项")
    window.followups_page.show_combo.setCurrentIndex(2)
    shoot(window, "followups_page")
    held = next(r for r in meetings.list_meetings() if r.status == "已召开")
    dialog = MeetingDialog(window, meetings.get_meeting(held.id))
    dialog.resize(1000, 760)
    shoot(dialog, "meeting_dialog_header")
    dialog.tabs.setCurrentIndex(1)
    shoot(dialog, "meeting_dialog_attendance")
    dialog.tabs.setCurrentIndex(2)
    dialog.agenda.items.setCurrentRow(1)
    shoot(dialog, "meeting_dialog_agenda")
    dialog.agenda.items.setCurrentRow(0)
    shoot(dialog, "meeting_dialog_review_item")
    new = MeetingDialog(window)
    shoot(new, "meeting_dialog_new")
    preview = PdfPreviewDialog(window, meeting_papers.preview_paper("minutes", held.id), "纪要")
    preview.resize(800, 900)
    preview.show()
    from PySide6.QtTest import QTest

    QTest.qWait(1500)  # QPdfView renders pages in the background
    shoot(preview, "pdf_preview")


if __name__ == "__main__":
    main(*sys.argv[1:2])
