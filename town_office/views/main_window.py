"""The main window: a navigation list on the left, one page per area, menus and a status bar.
It only composes; each page does its own work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from town_office import APP_NAME, __version__
from town_office.services import settings
from town_office.services.roster import units as roster_units
from town_office.errors import TownOfficeError
from town_office.views import ui_state
from town_office.views.widgets.messages import warn
from town_office.views.archive.archive_page import ArchivePage
from town_office.views.assessment.page import AssessmentPage
from town_office.views.backups.auto import AutoBackup
from town_office.views.backups.page import BackupPage
from town_office.views.hazards.inspections_page import InspectionsPage
from town_office.views.hazards.ledger_page import LedgerPage
from town_office.views.meetings.followups_page import FollowUpsPage
from town_office.views.meetings.page import MeetingsPage
from town_office.views.projects.page import ProjectsPage
from town_office.views.roster.page import RosterPage
from town_office.views.rules.page import RulesPage
from town_office.views.sessions.page import SessionsPage
from town_office.views.settings.page import SettingsPage
from town_office.views.stations.page import StationsPage
from town_office.views.suggestions.page import SuggestionsPage
from town_office.views.term_change.page import TermChangePage
from town_office.views.training.page import TrainingPage
from town_office.views.training.stats_page import TrainingStatsPage
from town_office.views.visits.problems_page import ProblemsPage
from town_office.views.visits.visits_page import VisitsPage
from town_office.views.search.dialog import SearchDialog
from town_office.views.widgets.keep_disabled import KeepDisabled
from town_office.views.workbench.page import WorkbenchPage
from town_office.views import page_keys


class MainWindow(QMainWindow):
    def __init__(self, data_folder: str, close_connection=None):
        super().__init__()
        self.data_folder = data_folder
        self.resize(1280, 780)
        self.nav = QListWidget()
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget{font-size:15px;} QListWidget::item{padding:8px 10px;}")
        self.stack = QStackedWidget()
        self.workbench_page = WorkbenchPage()
        self.roster_page = RosterPage(close_connection=close_connection)
        self.meetings_page = MeetingsPage()
        self.followups_page = FollowUpsPage()
        self.sessions_page = SessionsPage()
        self.suggestions_page = SuggestionsPage()
        self.stations_page = StationsPage()
        self.projects_page = ProjectsPage()
        self.term_change_page = TermChangePage()
        self.training_page = TrainingPage()
        self.training_stats_page = TrainingStatsPage(close_connection=close_connection)
        self.visits_page = VisitsPage()
        self.problems_page = ProblemsPage()
        self.inspections_page = InspectionsPage()
        self.ledger_page = LedgerPage()
        self.rules_page = RulesPage()
        self.archive_page = ArchivePage(close_connection=close_connection)
        self.assessment_page = AssessmentPage()
        self.backup_page = BackupPage(close_connection=close_connection)
        self.settings_page = SettingsPage()
        self.pages = [("工作台", self.workbench_page), ("代表名册", self.roster_page), ("主席团会议", self.meetings_page),
                      ("督办事项", self.followups_page), ("人代会会议", self.sessions_page),
                      ("代表培训", self.training_page),
                      ("培训统计", self.training_stats_page), ("走访日志", self.visits_page),
                      ("问题清单", self.problems_page), ("代表建议", self.suggestions_page),
                      ("代表联络站", self.stations_page), ("民生实事", self.projects_page),
                      ("执法检查", self.inspections_page),
                      ("隐患台账", self.ledger_page), ("两规则四办法", self.rules_page),
                      ("履职档案", self.archive_page),
                      ("年度考核", self.assessment_page), ("换届", self.term_change_page),
                      ("备份与恢复", self.backup_page),
                      ("设置", self.settings_page)]
        for number, (title, page) in enumerate(self.pages, start=1):
            self.nav.addItem(title)
            keys = f"Ctrl+{number % 10}" if number <= 10 else f"Alt+{number % 10}" if number <= 20 \
                else "Ctrl+PgDn / Ctrl+PgUp"
            self.nav.item(number - 1).setToolTip(f"{title}（{keys}）")
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(self._page_shown)
        self.nav.setCurrentRow(0)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status_town, self.status_folder = QLabel(), QLabel()
        self.statusBar().addWidget(self.status_town)
        self.statusBar().addPermanentWidget(self.status_folder)
        self._build_menus()
        self._build_search_bar()
        self.roster_page.roster_changed.connect(self.settings_page.reload)
        self.meetings_page.meetings_changed.connect(self.followups_page.reload)
        self.settings_page.settings_changed.connect(self._settings_changed)
        self.term_change_page.term_changed.connect(self._settings_changed)
        self.term_change_page.term_changed.connect(self.settings_page.reload)
        self.workbench_page.open_record.connect(self.open_record)
        self.workbench_page.open_list.connect(self.open_list)
        self.refresh_status()
        self.read_only_label = ""
        self.restart_requested = False
        self.auto_backup = AutoBackup(self)
        self.backup_page.restored.connect(self._restored)
        ui_state.restore_geometry(self, "main_window")

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        for text, slot, shortcut in (("从Excel导入代表名册…", self.roster_page.choose_import_file, "Ctrl+I"),
                                     ("导出代表名册到Excel…", self.roster_page.choose_export_file, "Ctrl+E")):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            file_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction("退出", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        page_menu = self.menuBar().addMenu("当前页(&P)")
        for text, slot, shortcut in (("新增记录", page_keys.new_record, "Ctrl+N"),
                                     ("打印预览", page_keys.print_preview, "Ctrl+P"),
                                     ("筛选", page_keys.focus_filter, "Ctrl+F"),
                                     ("刷新", page_keys.refresh, "F5")):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, act=slot, what=text: self._on_page(act, what))
            page_menu.addAction(action)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        about = QAction("关于", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _on_page(self, act, what: str) -> None:
        """Run a 当前页 key on the shown page; say so in the status bar when the page has no such thing."""
        if not act(self.stack.currentWidget()):
            self.statusBar().showMessage(f"“{self.pages[self.nav.currentRow()][0]}”页面没有可用的“{what}”。", 4000)

    def _build_search_bar(self) -> None:
        """A 查找 box in the tool bar; Ctrl+K opens the search dialog from anywhere."""
        bar = self.addToolBar("查找")
        bar.setMovable(False)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("查找代表、会议、问题、隐患、建议……（Ctrl+K）")
        self.search_box.setMaximumWidth(360)
        self.search_box.returnPressed.connect(lambda: self.open_search(self.search_box.text()))
        self.search_box.textEdited.connect(lambda text: text.strip() and self.open_search(text))  # as you type
        bar.addWidget(self.search_box)
        action = QAction("查找…", self)
        action.setShortcut(QKeySequence("Ctrl+K"))
        action.triggered.connect(lambda: self.open_search(self.search_box.text()))
        self.menuBar().actions()[0].menu().insertAction(self.menuBar().actions()[0].menu().actions()[0], action)

    def open_search(self, text: str = "") -> SearchDialog:
        dialog = SearchDialog(self, text.strip())
        dialog.open_record.connect(self.open_record)
        self.search_box.clear()
        dialog.open()
        return dialog

    def _page_shown(self, index: int) -> None:
        """Pages built from other pages' records (archive, assessment) read them again when shown."""
        page = self.pages[index][1] if 0 <= index < len(self.pages) else None
        if hasattr(page, "refresh_on_show"):
            page.refresh_on_show()

    def _settings_changed(self) -> None:
        self.refresh_status()
        self.roster_page.reload()
        self.meetings_page.fill_filters()

    def refresh_status(self) -> None:
        current = settings.get_settings()
        term = next((t.name for t in roster_units.list_terms() if t.id == current.current_term_id), "未设置届次")
        town = current.town_name or "未设置乡镇"
        self.setWindowTitle(f"{APP_NAME} — {town}人大主席团")
        self.status_town.setText(f"{current.county_name}{town}　{term}")
        self.status_folder.setText(f"数据文件夹：{self.data_folder}")

    READ_ONLY_KEEPS = ("预览", "打印", "导出", "打开", "办理经过", "修改记录", "查看")

    def set_read_only(self, label: str) -> None:
        """Viewing a backup: say so in the title and status bar and disable the edit buttons (the
        database refuses writes anyway, see ``ReadOnlyDatabase``)."""
        from PySide6.QtWidgets import QPushButton

        self.read_only_label = label
        self.auto_backup.timer.stop()
        self.setWindowTitle(f"{APP_NAME} — {label}")
        self.status_folder.setText(label)
        self.keep_disabled = KeepDisabled(self)  # pages re-enable buttons on selection; this undoes it
        for _, page in self.pages:
            for button in page.findChildren(QPushButton):
                if not button.text().startswith(self.READ_ONLY_KEEPS):
                    self.keep_disabled.keep(button, "只读查看备份时不能修改")
        for action in self.menuBar().findChildren(QAction):
            if "导入" in action.text():
                action.setEnabled(False)

    def show_about(self) -> None:
        QMessageBox.about(self, "关于", f"{APP_NAME} {__version__}\n乡镇人大主席团办公软件\n\n"
                                        f"数据文件夹：{self.data_folder}")

    def show_page(self, title: str) -> QWidget:
        index = next(i for i, (t, _) in enumerate(self.pages) if t == title)
        self.nav.setCurrentRow(index)
        page = self.pages[index][1]
        if hasattr(page, "ensure_loaded"):
            page.ensure_loaded()
        return page

    def open_record(self, title: str, record_id: int) -> None:
        """A link of the workbench or the search: the page, with the record selected and opened."""
        page = self.show_page(title)
        if hasattr(page, "reveal") and record_id:
            try:
                page.reveal(record_id)
            except TownOfficeError as exc:
                warn(self, "无法打开", exc)

    def open_list(self, title: str, filters: dict) -> None:
        """A figure of the workbench: the page with the figure's filters applied."""
        page = self.show_page(title)
        if hasattr(page, "show_filtered") and filters:
            page.show_filtered(filters)

    def _restored(self) -> None:
        self.restart_requested = True
        self.close()

    def closeEvent(self, event) -> None:
        if not self.read_only_label and not self.restart_requested:
            self.auto_backup.run()  # the last changes of the day go into backups/ too
        ui_state.save_geometry(self, "main_window")
        self.roster_page.save_state()
        self.meetings_page.save_state()
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:
        # Ctrl+1 … Ctrl+9 and Ctrl+0 reach the first ten areas, Alt+1 … Alt+0 the next ten;
        # Ctrl+PgDn / Ctrl+PgUp step through all.
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            key, count = event.key(), self.nav.count()
            row = None
            if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                row = key - Qt.Key.Key_1
            elif key == Qt.Key.Key_0:
                row = 9
            elif key == Qt.Key.Key_PageDown:
                row = (self.nav.currentRow() + 1) % count
            elif key == Qt.Key.Key_PageUp:
                row = (self.nav.currentRow() - 1) % count
            if row is not None and row < count:
                self.nav.setCurrentRow(row)
                return
        if event.modifiers() == Qt.KeyboardModifier.AltModifier:  # Alt+1 … Alt+0: pages 11–20
            key = event.key()
            if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
                row = 10 + (key - Qt.Key.Key_1 if key != Qt.Key.Key_0 else 9)
                if row < self.nav.count():
                    self.nav.setCurrentRow(row)
                    return
        super().keyPressEvent(event)
