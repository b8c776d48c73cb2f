"""The main window: a navigation list on the left, one page per area, menus and a status bar.
It only composes; each page does its own work. At start its frame is painted first (``opened=False``)
and its pages opened once the database is (``open_pages``), so the clerk sees the window at once."""

from __future__ import annotations

from PySide6 import QtCore  # QtCore.Qt when used: its first use builds ~40 ms of enums, after the first paint
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
from town_office.errors import TownOfficeError
from town_office.views import ui_state
from town_office.views.page_registry import PAGES, build_page
from town_office.views import page_keys


class MainWindow(QMainWindow):
    def __init__(self, data_folder: str, close_connection=None, opened: bool = True):
        """``opened=False``: the frame only — titles, menus and the data folder, nothing read from the
        database and no page built — until ``open_pages``."""
        super().__init__()
        self.data_folder = data_folder
        self.resize(1280, 780)
        self.nav = QListWidget()
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget{font-size:15px;} QListWidget::item{padding:8px 10px;}")
        self.stack = QStackedWidget()
        self.close_connection = close_connection
        self.titles = [spec.title for spec in PAGES]
        self.built: dict[str, QWidget] = {}  # title -> page, once first opened
        self.read_only_label = ""
        for number, title in enumerate(self.titles, start=1):
            self.nav.addItem(title)
            keys = f"Ctrl+{number % 10}" if number <= 10 else f"Alt+{number % 10}" if number <= 20 \
                else "Ctrl+PgDn / Ctrl+PgUp"
            self.nav.item(number - 1).setToolTip(f"{title}（{keys}）")
            self.stack.addWidget(QWidget())  # stands in until the page is first opened
        self.opened = False
        self.auto_backup = None  # the timed backups, once the pages are open
        opening = QLabel("正在打开数据……")
        opening.setStyleSheet("qproperty-alignment: AlignCenter; font-size: 15px;")
        self.stack.insertWidget(0, opening)
        self.stack.removeWidget(self.stack.widget(1))
        self.stack.setCurrentIndex(0)
        self.nav.currentRowChanged.connect(self._page_shown)
        self.nav.setCurrentRow(0)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.status_town, self.status_folder = QLabel(), QLabel()
        # The menus' keys are given in open_pages: setting the first one builds ~40 ms of Qt's enums,
        # which would delay the first paint; the menus are disabled until then anyway.
        self._shortcuts: list[tuple[QAction, object]] = []
        self.statusBar().addWidget(self.status_town)
        self.statusBar().addPermanentWidget(self.status_folder)
        self._build_menus()
        self._build_search_bar()
        self.setWindowTitle(APP_NAME)
        self.status_folder.setText(f"数据文件夹：{self.data_folder}")
        self.restart_requested = False
        self.damage_found = ""  # set by check_pages_later: the window closes and run_app offers the backups
        self.first_painted: float | None = None  # time.perf_counter() of the first paint
        ui_state.restore_geometry(self, "main_window")
        for part in (self.nav, self.menuBar(), self.search_bar):
            part.setEnabled(False)
        if opened:
            self.open_pages()

    def open_pages(self) -> None:
        """The database is open: the town in the title, the timed backups, the first page."""
        from town_office.views.backups.auto import AutoBackup

        self.opened = True
        for action, keys in self._shortcuts:
            action.setShortcut(QKeySequence(keys))
        self.refresh_status()
        self.auto_backup = AutoBackup(self)
        for part in (self.nav, self.menuBar(), self.search_bar):
            part.setEnabled(True)
        self._page_shown(self.nav.currentRow())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.first_painted is None:
            import time

            self.first_painted = time.perf_counter()
        super().paintEvent(event)

    def show_frame(self) -> None:
        """Show the window and let it paint before the slow part of the start (at most half a second)."""
        import time

        from PySide6.QtWidgets import QApplication

        self.show()
        deadline = time.monotonic() + 0.5
        while self.first_painted is None and time.monotonic() < deadline:
            QApplication.processEvents()

    def page(self, title: str) -> QWidget:
        """The page of this title, built (and wired to the others) on first use."""
        if not self.opened:
            raise RuntimeError("the pages are built once the database is open (open_pages)")
        if title not in self.built:
            index = self.titles.index(title)
            page = build_page(PAGES[index], self.close_connection)
            self.built[title] = page
            stand_in = self.stack.widget(index)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(stand_in)
            stand_in.deleteLater()
            self._wire(title, page)
            if self.read_only_label:
                self._keep_read_only(page)
        return self.built[title]

    def _wire(self, title: str, page: QWidget) -> None:
        """Pages that tell others of a change; a page not yet built reads everything when it is."""
        def when_built(other: str, method: str):
            return lambda *_: other in self.built and getattr(self.built[other], method)()

        if title == "代表名册":
            page.roster_changed.connect(when_built("设置", "reload"))
        elif title == "主席团会议":
            page.meetings_changed.connect(when_built("督办事项", "reload"))
        elif title == "设置":
            page.settings_changed.connect(self._settings_changed)
        elif title == "换届":
            page.term_changed.connect(self._settings_changed)
            page.term_changed.connect(when_built("设置", "reload"))
        elif title == "工作台":
            page.open_record.connect(self.open_record)
            page.open_list.connect(self.open_list)
        elif title == "备份与恢复":
            page.restored.connect(self._restored)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        for text, slot, shortcut in (("从Excel导入代表名册…", "choose_import_file", "Ctrl+I"),
                                     ("导出代表名册到Excel…", "choose_export_file", "Ctrl+E")):
            action = QAction(text, self)
            self._shortcuts.append((action, shortcut))
            action.triggered.connect(lambda _=False, method=slot: getattr(self.roster_page, method)())
            file_menu.addAction(action)
        file_menu.addSeparator()
        quit_action = QAction("退出", self)
        self._shortcuts.append((quit_action, QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        page_menu = self.menuBar().addMenu("当前页(&P)")
        for text, slot, shortcut in (("新增记录", page_keys.new_record, "Ctrl+N"),
                                     ("打印预览", page_keys.print_preview, "Ctrl+P"),
                                     ("筛选", page_keys.focus_filter, "Ctrl+F"),
                                     ("刷新", page_keys.refresh, "F5")):
            action = QAction(text, self)
            self._shortcuts.append((action, shortcut))
            action.triggered.connect(lambda _=False, act=slot, what=text: self._on_page(act, what))
            page_menu.addAction(action)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        about = QAction("关于", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _on_page(self, act, what: str) -> None:
        """Run a 当前页 key on the shown page; say so in the status bar when the page has no such thing."""
        if not act(self.stack.currentWidget()):
            self.statusBar().showMessage(f"“{self.titles[self.nav.currentRow()]}”页面没有可用的“{what}”。", 4000)

    def _build_search_bar(self) -> None:
        """A 查找 box in the tool bar; Ctrl+K opens the search dialog from anywhere."""
        bar = self.search_bar = self.addToolBar("查找")
        bar.setMovable(False)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("查找代表、会议、问题、隐患、建议……（Ctrl+K）")
        self.search_box.setMaximumWidth(360)
        self.search_box.returnPressed.connect(lambda: self.open_search(self.search_box.text()))
        self.search_box.textEdited.connect(lambda text: text.strip() and self.open_search(text))  # as you type
        bar.addWidget(self.search_box)
        action = QAction("查找…", self)
        self._shortcuts.append((action, "Ctrl+K"))
        action.triggered.connect(lambda: self.open_search(self.search_box.text()))
        self.menuBar().actions()[0].menu().insertAction(self.menuBar().actions()[0].menu().actions()[0], action)

    def open_search(self, text: str = ""):
        from town_office.views.search.dialog import SearchDialog

        dialog = SearchDialog(self, text.strip())
        dialog.open_record.connect(self.open_record)
        self.search_box.clear()
        dialog.open()
        return dialog

    def _page_shown(self, index: int) -> None:
        """The page is built on its first showing; pages built from other pages' records (archive,
        assessment) read them again when shown anew."""
        if not self.opened or not 0 <= index < len(self.titles):
            return
        fresh = self.titles[index] not in self.built
        page = self.page(self.titles[index])
        self.stack.setCurrentWidget(page)
        if not fresh and hasattr(page, "refresh_on_show"):
            page.refresh_on_show()

    def _settings_changed(self) -> None:
        self.refresh_status()
        if "代表名册" in self.built:
            self.roster_page.reload()
        if "主席团会议" in self.built:
            self.meetings_page.fill_filters()

    def refresh_status(self) -> None:
        from town_office.services import settings
        from town_office.services.roster import units as roster_units

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
        from town_office.views.widgets.keep_disabled import KeepDisabled

        self.read_only_label = label
        self.auto_backup.timer.stop()
        self.setWindowTitle(f"{APP_NAME} — {label}")
        self.status_folder.setText(label)
        self.keep_disabled = KeepDisabled(self)  # pages re-enable buttons on selection; this undoes it
        for page in self.built.values():
            self._keep_read_only(page)
        for action in self.menuBar().findChildren(QAction):
            if "导入" in action.text():
                action.setEnabled(False)

    def _keep_read_only(self, page: QWidget) -> None:
        from PySide6.QtWidgets import QPushButton

        for button in page.findChildren(QPushButton):
            if not button.text().startswith(self.READ_ONLY_KEEPS):
                self.keep_disabled.keep(button, "只读查看备份时不能修改")

    def show_about(self) -> None:
        QMessageBox.about(self, "关于", f"{APP_NAME} {__version__}\n乡镇人大主席团办公软件\n\n"
                                        f"数据文件夹：{self.data_folder}")

    def show_page(self, title: str) -> QWidget:
        self.nav.setCurrentRow(self.titles.index(title))
        page = self.page(title)
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
                from town_office.views.widgets.messages import warn

                warn(self, "无法打开", exc)

    def open_list(self, title: str, filters: dict) -> None:
        """A figure of the workbench: the page with the figure's filters applied."""
        page = self.show_page(title)
        if hasattr(page, "show_filtered") and filters:
            page.show_filtered(filters)

    def _restored(self) -> None:
        self.restart_requested = True
        self.close()

    def check_pages_later(self, database_path: str) -> None:
        """Read and check every page of the database on a worker thread while the clerk starts work
        (the check left out when the file was opened after a clean end, see app.run_app); damage
        closes the window without the closing backup, and run_app offers the backups."""
        from town_office.database_file import page_damage
        from town_office.views.widgets.background import RowLoader

        self._page_check = RowLoader(self)
        self._page_check.run(lambda: page_damage(database_path), self._pages_checked)

    def _pages_checked(self, damage: str | None) -> None:
        if damage:
            self.damage_found = damage
            if self.auto_backup is not None:
                self.auto_backup.timer.stop()
            self.close()

    def closeEvent(self, event) -> None:
        if self.opened and not self.read_only_label and not self.restart_requested and not self.damage_found:
            self.auto_backup.run()  # the last changes of the day go into backups/ too
        ui_state.save_geometry(self, "main_window")
        for title in ("代表名册", "主席团会议"):
            if title in self.built:
                self.built[title].save_state()
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:
        # Ctrl+1 … Ctrl+9 and Ctrl+0 reach the first ten areas, Alt+1 … Alt+0 the next ten;
        # Ctrl+PgDn / Ctrl+PgUp step through all.
        Qt = QtCore.Qt
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


for _spec in PAGES:  # window.roster_page, window.ledger_page …: the page, built on first use
    setattr(MainWindow, _spec.attribute, property(lambda window, title=_spec.title: window.page(title)))
