"""The program's pages in navigation order. Each page — and the modules behind it (reportlab,
openpyxl, pypinyin …) — is imported and built only when the clerk first opens it, so the window
appears at once however big the town is (issue 22)."""

from __future__ import annotations

import importlib
from typing import NamedTuple


class PageSpec(NamedTuple):
    title: str
    attribute: str  # the main window's name for the page: window.roster_page
    module: str
    class_name: str
    closes_connection: bool = False  # restoring or repairing the database needs the window's close hook


PAGES = (
    PageSpec("工作台", "workbench_page", "town_office.views.workbench.page", "WorkbenchPage"),
    PageSpec("代表名册", "roster_page", "town_office.views.roster.page", "RosterPage", True),
    PageSpec("主席团会议", "meetings_page", "town_office.views.meetings.page", "MeetingsPage"),
    PageSpec("督办事项", "followups_page", "town_office.views.meetings.followups_page", "FollowUpsPage"),
    PageSpec("人代会会议", "sessions_page", "town_office.views.sessions.page", "SessionsPage"),
    PageSpec("代表培训", "training_page", "town_office.views.training.page", "TrainingPage"),
    PageSpec("培训统计", "training_stats_page", "town_office.views.training.stats_page", "TrainingStatsPage", True),
    PageSpec("走访日志", "visits_page", "town_office.views.visits.visits_page", "VisitsPage"),
    PageSpec("问题清单", "problems_page", "town_office.views.visits.problems_page", "ProblemsPage"),
    PageSpec("代表建议", "suggestions_page", "town_office.views.suggestions.page", "SuggestionsPage"),
    PageSpec("代表联络站", "stations_page", "town_office.views.stations.page", "StationsPage"),
    PageSpec("民生实事", "projects_page", "town_office.views.projects.page", "ProjectsPage"),
    PageSpec("执法检查", "inspections_page", "town_office.views.hazards.inspections_page", "InspectionsPage"),
    PageSpec("隐患台账", "ledger_page", "town_office.views.hazards.ledger_page", "LedgerPage"),
    PageSpec("两规则四办法", "rules_page", "town_office.views.rules.page", "RulesPage"),
    PageSpec("履职档案", "archive_page", "town_office.views.archive.archive_page", "ArchivePage", True),
    PageSpec("年度考核", "assessment_page", "town_office.views.assessment.page", "AssessmentPage"),
    PageSpec("换届", "term_change_page", "town_office.views.term_change.page", "TermChangePage"),
    PageSpec("备份与恢复", "backup_page", "town_office.views.backups.page", "BackupPage", True),
    PageSpec("设置", "settings_page", "town_office.views.settings.page", "SettingsPage"),
)


def build_page(spec: PageSpec, close_connection=None):
    page_class = getattr(importlib.import_module(spec.module), spec.class_name)
    return page_class(close_connection=close_connection) if spec.closes_connection else page_class()


def import_pages_when_idle(parent, interval_ms: int = 300) -> None:
    """Import the pages' modules one at a time from the event loop, a little after one another, while
    the clerk reads the workbench: the first opening of a page then only builds it (importing its
    modules was most of the wait). Printing modules stay unimported until the first print."""
    import sys

    from PySide6.QtCore import QTimer

    waiting = [spec.module for spec in PAGES if spec.module not in sys.modules]

    def next_one() -> None:
        while waiting and waiting[0] in sys.modules:
            waiting.pop(0)
        if waiting:
            importlib.import_module(waiting.pop(0))
            QTimer.singleShot(interval_ms, parent, next_one)
        else:
            # Everything imported so far lives as long as the program: kept out of the cyclic garbage
            # collector's full passes, which took 50-90 ms of the window's time each on a big town
            # (objects freed by their reference count still are, frozen or not).
            import gc

            gc.freeze()

    QTimer.singleShot(interval_ms, parent, next_one)
