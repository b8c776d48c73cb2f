"""代表名册 page: filters, pinyin search, the sortable table, and the actions on deputies."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services.common import audit
from town_office.services import roster
from town_office.services.roster import units as roster_units
from town_office.services.roster.types import LEVELS, RepresentativeRow
from town_office.views import ui_state
from town_office.views.history_dialog import HistoryDialog
from town_office.views.roster.end_dialog import EndRepresentativeDialog
from town_office.views.roster.representative_dialog import RepresentativeDialog
from town_office.views.roster.table_model import (
    ALL,
    RepresentativeTableModel,
    RosterColumn,
    RosterFilter,
)
from town_office.views.tasks import TaskCancelled, run_task
from town_office.views.widgets.table_model import ROW_ROLE
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.page_links import choose
from town_office.views.widgets.background import RowLoader
from town_office.views.lazy_modules import lazy_module

roster_export = lazy_module("town_office.services.roster.export")  # openpyxl: when first exporting
roster_importing = lazy_module("town_office.services.roster.importing")


class RosterPage(QWidget):
    roster_changed = Signal()

    def __init__(self, parent=None, close_connection=None):
        super().__init__(parent)
        self._close_connection = close_connection
        self.model = RepresentativeTableModel(self)
        self.loader = RowLoader(self)

        self.term_combo, self.group_combo, self.constituency_combo = QComboBox(), QComboBox(), QComboBox()
        self.level_combo, self.status_combo = QComboBox(), QComboBox()
        self.level_combo.addItem("全部层级", "")
        for level in LEVELS:
            self.level_combo.addItem(f"{level}级代表" if level != "全国" else "全国人大代表", level)
        for label, value in (("在任", "在任"), ("已终止", "终止"), ("全部状态", "")):
            self.status_combo.addItem(label, value)
        self.presidium_only = QCheckBox("只看主席团成员")
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索姓名、拼音或首字母（如 wf）、电话")
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()

        filters = QHBoxLayout()
        for label, widget in (("届次", self.term_combo), ("代表小组", self.group_combo),
                              ("选区", self.constituency_combo), ("层级", self.level_combo),
                              ("状态", self.status_combo)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.presidium_only)
        filters.addWidget(self.search, 1)

        self.table = read_only_table(self.model, fit_columns_once=False)
        sortable(self.table)
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        widths = {RosterColumn.NAME: 90, RosterColumn.GENDER: 44, RosterColumn.BIRTH: 74,
                  RosterColumn.PARTY: 90, RosterColumn.LEVELS: 70, RosterColumn.CONSTITUENCY: 76,
                  RosterColumn.GROUP: 130, RosterColumn.GROUP_ROLE: 64, RosterColumn.PRESIDIUM: 76,
                  RosterColumn.WORK: 220, RosterColumn.PHONE: 104, RosterColumn.ID_NUMBER: 150,
                  RosterColumn.CARD: 76, RosterColumn.ELECTED: 86}
        for column, width in widths.items():
            header.resizeSection(column, width)
        ui_state.restore_header(header, "roster")

        self.add_button = QPushButton("新增代表")
        self.edit_button = QPushButton("编辑")
        self.end_button = QPushButton("终止资格")
        self.reinstate_button = QPushButton("恢复在任")
        self.delete_button = QPushButton("删除")
        self.history_button = QPushButton("修改记录")
        self.import_button = QPushButton("从Excel导入…")
        self.export_button = QPushButton("导出Excel…")
        self.add_button.setToolTip("Ctrl+N")
        self.edit_button.setToolTip("回车或双击")
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.end_button, self.reinstate_button,
                       self.delete_button, self.history_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        box = QVBoxLayout(self)
        box.addLayout(filters)
        box.addWidget(self.table, 1)
        box.addLayout(actions)

        for combo in (self.term_combo, self.group_combo, self.constituency_combo, self.level_combo,
                      self.status_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.presidium_only.toggled.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.add_button.clicked.connect(self.add_representative)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.reinstate_button.clicked.connect(self.reinstate_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.history_button.clicked.connect(self.show_history)
        self.import_button.clicked.connect(self.choose_import_file)
        self.export_button.clicked.connect(self.choose_export_file)
        self.new_record = self.add_representative  # Ctrl+N and Ctrl+F: the window's 当前页 menu
        for key in ("Return", "Enter"):
            QShortcut(QKeySequence(key), self.table, self.edit_selected)
        self.reload()

    # --- loading and filtering ------------------------------------------------------------------
    def reveal(self, rep_id: int) -> None:
        """Select the deputy in the term of the mandate and open the deputy's form."""
        row = roster.get_representative(rep_id)
        choose(self.term_combo, row.term_id)
        self.search.clear()
        with self.loader.synchronously():
            self.reload(rep_id)
        self.select_id(rep_id)
        if self.model.row_of_id(rep_id) >= 0:
            self.edit_selected()

    def reload(self, select_id: int | None = None) -> None:
        current_term = roster_units.current_term_id()
        self._fill_combo(self.term_combo, "全部届次",
                         [(t.id, t.name) for t in roster_units.list_terms()], current_term)
        self._fill_combo(self.group_combo, "全部小组",
                         [(u.id, u.name) for u in roster_units.list_units("group")])
        self._fill_combo(self.constituency_combo, "全部选区",
                         [(u.id, u.name) for u in roster_units.list_units("constituency")])
        self.loader.run(roster.list_representatives, lambda rows: self._show(rows, select_id))

    def _show(self, rows, select_id: int | None) -> None:
        self.model.set_rows(rows)
        self.apply_filter()
        if select_id:
            self.select_id(select_id)
        self._update_buttons()

    @staticmethod
    def _fill_combo(combo: QComboBox, all_label: str, items, default=None) -> None:
        keep = combo.currentData() if combo.count() else default
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(all_label, ALL)
        for item_id, name in items:
            combo.addItem(name, item_id)
        index = combo.findData(keep)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def current_filter(self) -> RosterFilter:
        return RosterFilter(term_id=self.term_combo.currentData() or ALL,
                            group_id=self.group_combo.currentData() or ALL,
                            constituency_id=self.constituency_combo.currentData() or ALL,
                            level=self.level_combo.currentData() or "",
                            status=self.status_combo.currentData() or "",
                            text=self.search.text().strip().lower(),
                            presidium_only=self.presidium_only.isChecked())

    def apply_filter(self) -> None:
        selected = self.selected_row()
        self.model.set_predicate(self.current_filter().matches)
        term = self.term_combo.currentData()
        in_term = self.model.count_where(lambda r: term in (ALL, r.term_id))
        self.count_label.setText(f"显示 {self.model.rowCount()} 人 / 共 {in_term} 人")
        if selected:
            self.select_id(selected.id)
        self._update_buttons()

    # --- selection ------------------------------------------------------------------------------
    def selected_row(self) -> RepresentativeRow | None:
        indexes = self.table.selectionModel().selectedRows()
        return indexes[0].data(ROW_ROLE) if indexes else None

    def select_id(self, rep_id: int) -> None:
        row = self.model.row_of_id(rep_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _update_buttons(self) -> None:
        row = self.selected_row()
        for button in (self.edit_button, self.history_button, self.delete_button):
            button.setEnabled(row is not None)
        self.end_button.setEnabled(row is not None and row.status == "在任")
        self.reinstate_button.setEnabled(row is not None and row.status == "终止")

    # --- actions --------------------------------------------------------------------------------
    def _names(self, kind: str) -> list[str]:
        return [u.name for u in roster_units.list_units(kind)]

    def open_dialog(self, row: RepresentativeRow | None = None) -> RepresentativeDialog:
        """Build (not show) the add/edit dialog; tests drive it directly."""
        if row is None:
            save = roster.create_representative
        else:
            def save(data, rep_id=row.id):
                return roster.update_representative(rep_id, data)
        term_id = self.term_combo.currentData() or roster_units.current_term_id()
        return RepresentativeDialog(self, save, self._names("group"), self._names("constituency"),
                                    row, term_id=term_id or None)

    def add_representative(self) -> None:
        if not roster_units.current_term_id() and not self.term_combo.currentData():
            QMessageBox.information(self, "请先设置届次", "还没有届次。请先到「设置 → 届次」添加本届届次并设为当前届次。")
            return
        self._run_dialog(self.open_dialog())

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row:
            self._run_dialog(self.open_dialog(row))

    def _run_dialog(self, dialog) -> None:
        if dialog.exec() and dialog.saved_row:
            self.reload(select_id=dialog.saved_row.id)
            self.roster_changed.emit()

    def end_selected(self) -> None:
        row = self.selected_row()
        if row and row.status == "在任":
            def end(ended_on, reason, note, rep_id=row.id):
                return roster.end_representative(rep_id, ended_on, reason, note)
            self._run_dialog(EndRepresentativeDialog(self, row, end))

    def reinstate_selected(self) -> None:
        row = self.selected_row()
        if row and row.status == "终止" and self._confirm(
                "恢复在任", f"确定把 {row.name} 恢复为在任代表吗？\n（用于更正误操作；原终止记录保留在修改记录中）"):
            self._guarded(lambda: roster.reinstate_representative(row.id), row.id)

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row and self._confirm("删除代表", f"确定删除 {row.name} 吗？\n只有误录入的代表才应删除；"
                                           "不再担任代表的，请用「终止资格」。删除后在修改记录中留有痕迹。"):
            self._guarded(lambda: roster.delete_representative(row.id), None)

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _guarded(self, action, select_id) -> None:
        try:
            action()
        except TownOfficeError as exc:
            QMessageBox.warning(self, "无法完成", str(exc))
            return
        self.reload(select_id=select_id)
        self.roster_changed.emit()

    def show_history(self) -> None:
        row = self.selected_row()
        if row:
            HistoryDialog(self, row.name, audit.history(roster.TABLE, row.id)).exec()

    # --- Excel ----------------------------------------------------------------------------------
    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择代表名册Excel文件", ui_state.last_folder("imports"),
                                              "Excel 文件 (*.xlsx)")
        if path:
            ui_state.remember_folder("imports", str(Path(path).parent))
            self.import_file(Path(path))

    def import_file(self, path: Path, sheet: str | None = None) -> None:
        run_task(self, f"正在读取 {path.name}…", lambda progress: roster_importing.preview_import(path, progress, sheet),
                 self.show_import_preview, lambda exc: self._import_read_failed(path, exc),
                 close_connection=self._close_connection)

    def _import_read_failed(self, path: Path, exc: BaseException) -> None:
        """Several visible sheets look like a roster: ask which one, then read it."""
        if isinstance(exc, roster_importing.SheetChoiceNeeded):
            sheet, chosen = QInputDialog.getItem(
                self, "选择工作表", f"{path.name} 中有几个工作表都像代表名册，请选择要导入的一个：",
                exc.sheets, 0, False)
            if chosen:
                self.import_file(path, sheet)
            return
        self._task_failed(exc)

    def show_import_preview(self, preview) -> None:
        from town_office.views.roster.import_dialog import ImportPreviewDialog

        dialog = ImportPreviewDialog(self, preview)
        if dialog.exec():
            run_task(self, "正在导入…", lambda progress: roster_importing.apply_import(preview, progress),
                     self._import_done, self._task_failed, cancellable=False,
                     close_connection=self._close_connection)

    def _import_done(self, summary) -> None:
        self.reload()
        self.roster_changed.emit()
        QMessageBox.information(self, "导入完成",
                                f"已导入到{summary.term_name}：新增 {summary.added} 人，更新 {summary.updated} 人。\n"
                                f"导入前的数据已自动备份为：\n{summary.safety_backup.name}")

    def choose_export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "导出代表名册",
                                              str(Path(ui_state.last_folder("exports")) / "代表名册.xlsx"),
                                              "Excel 文件 (*.xlsx)")
        if not path:
            return
        ui_state.remember_folder("exports", str(Path(path).parent))
        with_ids = QMessageBox.question(
            self, "身份证号", "导出文件中是否包含完整的公民身份号码？\n选「否」则隐去中间10位（推荐，重新导入时保留原号码）。",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No) == QMessageBox.StandardButton.Yes
        term_id = self.term_combo.currentData() or None
        out = Path(path if path.endswith(".xlsx") else path + ".xlsx")
        run_task(self, "正在导出…", lambda progress: roster_export.export_roster(out, term_id, with_ids),
                 lambda count: self._export_done(out, count), self._task_failed, cancellable=False,
                 close_connection=self._close_connection)

    def _export_done(self, out: Path, count: int) -> None:
        answer = QMessageBox.question(self, "导出完成", f"已导出 {count} 名代表到\n{out}\n\n现在打开吗？",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

    def _task_failed(self, exc: BaseException) -> None:
        if isinstance(exc, TaskCancelled):
            return
        message = str(exc) if isinstance(exc, TownOfficeError) else f"出现意外错误：{exc}\n详情已写入日志。"
        QMessageBox.warning(self, "未完成", message)

    def save_state(self) -> None:
        ui_state.save_header(self.table.horizontalHeader(), "roster")
