"""The five step panels of the 换届 assistant. Each reads the change's state when shown and says
what is done; every action saves at once, so closing the program midway loses nothing and the
assistant reopens at the first step not done."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import roster, rules, term_change
from town_office.services.roster import units as roster_units
from town_office.services.term_change.types import CARRY, CLOSE
from town_office.views import ui_state
from town_office.views.tasks import run_task
from town_office.views.widgets.file_field import choose_file
from town_office.views.term_change.table_models import NewDeputyTableModel, OpenItemTableModel
from town_office.views.widgets.messages import warn
from town_office.views.widgets.selection import follow_selected_rows, highlighted_rows
from town_office.views.widgets.table_view import read_only_table
from town_office.views.lazy_modules import lazy_module

roster_importing = lazy_module("town_office.services.roster.importing")  # openpyxl: when first importing
package = lazy_module("town_office.services.term_change.package")  # reportlab: when first packing


def _qdate(day: date | None) -> QDate:
    day = day or date.today()
    return QDate(day.year, day.month, day.day)


def _date(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class StepPanel(QWidget):
    """A step: a heading, what it does, its own widgets, and the state shown in ``note``."""

    def __init__(self, assistant, heading: str, explanation: str):
        super().__init__()
        self.assistant = assistant
        self.box = QVBoxLayout(self)
        title = QLabel(heading)
        title.setStyleSheet("font-size:16px;font-weight:bold;")
        text = QLabel(explanation)
        text.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color:#1e5fa8;")
        for widget in (title, text, self.note):
            self.box.addWidget(widget)

    @property
    def state(self):
        return self.assistant.state

    def run(self, action, title: str):
        try:
            result = action()
        except TownOfficeError as exc:
            warn(self, title, exc)
            return None
        self.assistant.refresh()
        return result

    def buttons(self, *buttons: QPushButton) -> None:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        self.box.addLayout(row)

    def show_state(self) -> None:
        raise TypeError(f"{type(self).__name__} does not show its state")


class EndOfTermStep(StepPanel):
    def __init__(self, assistant):
        super().__init__(assistant, "第1步　届末整理",
                         "生成届末资料包（每名代表整届履职档案、合订本、届内统计和经过校验的备份），"
                         "并决定未办结事项转入新一届还是现在关闭。隐患按复查销号，规则文件在第5步处理。")
        self.model = OpenItemTableModel(self)
        self.table = read_only_table(self.model)
        self.box.addWidget(self.table, 1)
        self.carry_button, self.close_button = QPushButton("转入新一届"), QPushButton("关闭…")
        self.package_button = QPushButton("生成届末资料包…")
        self.done_button = QPushButton("完成这一步")
        self.carry_button.clicked.connect(lambda: self.choose(CARRY))
        self.close_button.clicked.connect(lambda: self.choose(CLOSE))
        self.package_button.clicked.connect(self.build_package)
        self.done_button.clicked.connect(lambda: self.run(lambda: package.finish_step_one(self.state.id),
                                                          "还不能完成这一步"))
        follow_selected_rows(self.table, {
            self.carry_button: lambda rows: bool(rows),
            self.close_button: lambda rows: bool(rows) and all(r.closable for r in rows)
            or "只有已交办的群众诉求和督办事项可以在换届时关闭"})
        self.buttons(self.carry_button, self.close_button, self.package_button, self.done_button)

    def show_state(self) -> None:
        self.model.set_rows(package.open_items(self.state.id))
        folder = self.state.package_folder
        self.note.setText((f"届末资料包已生成在：{folder}" if folder else "尚未生成届末资料包。")
                          + f"　未办结事项{len(self.model.rows())}项。")

    def choose(self, choice: str) -> None:
        rows = highlighted_rows(self.table)
        if rows and choice == CLOSE and QMessageBox.question(
                self, "关闭事项", f"将选中的{len(rows)}项标为已办结（注明“换届时关闭”）？") != QMessageBox.StandardButton.Yes:
            return
        self.run(lambda: package.apply_choices(self.state.id, {r.key: choice for r in rows}), "无法保存处理方式")

    def build_package(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "选择届末资料包存放的文件夹（如U盘）",
                                                  ui_state.last_folder("exports"))
        if not folder:
            return
        ui_state.remember_folder("exports", folder)
        target = Path(folder) / f"{self.state.old_term_name}届末资料"
        run_task(self, "正在生成届末资料包…", lambda progress: package.build_package(self.state.id, target, progress),
                 lambda written: (self.assistant.refresh(),
                                  QMessageBox.information(self, "届末资料包", f"已生成{len(written)}个文件：\n{target}")),
                 lambda exc: warn(self, "无法生成届末资料包", exc) if isinstance(exc, TownOfficeError) else None)


class NewTermStep(StepPanel):
    def __init__(self, assistant):
        super().__init__(assistant, "第2步　新一届",
                         "填写新一届的届次名称、选举日和第一次会议的日期（新一届自第一次会议起算五年）。"
                         "选区和代表小组沿用现有设置，如有调整请在“设置”页修改。")
        form = QFormLayout()
        self.name = QLineEdit()
        self.election_day = QDateEdit(calendarPopup=True)
        self.first_session = QDateEdit(calendarPopup=True)
        for edit in (self.election_day, self.first_session):
            edit.setDisplayFormat("yyyy-MM-dd")
        form.addRow("届次名称", self.name)
        form.addRow("选举日", self.election_day)
        form.addRow("第一次会议日期", self.first_session)
        self.box.addLayout(form)
        self.units = QLabel()
        self.units.setWordWrap(True)
        self.box.addWidget(self.units)
        save = QPushButton("保存(&S)")
        save.clicked.connect(lambda: self.run(lambda: term_change.set_new_term(
            self.state.id, self.name.text(), _date(self.election_day), _date(self.first_session)), "无法保存"))
        self.buttons(save)
        self.box.addStretch(1)

    def show_state(self) -> None:
        s = self.state
        self.name.setText(s.new_term_name or term_change.next_term_name(s.old_term_name))
        self.election_day.setDate(_qdate(s.election_day))
        self.first_session.setDate(_qdate(s.first_session_on or s.old_term_ends_on))
        groups = "、".join(u.name for u in roster_units.list_units("group"))
        places = "、".join(u.name for u in roster_units.list_units("constituency"))
        self.units.setText(f"代表小组：{groups}\n选区：{places}")
        self.note.setText(f"已建立{s.new_term_name}。" if s.new_term_id else "")


class DeputiesStep(StepPanel):
    def __init__(self, assistant):
        super().__init__(assistant, "第3步　新一届代表",
                         "从选举结果名册（Excel）导入新一届代表，或把连任代表逐个转入；连任按身份证号"
                         "（或姓名和出生年月）自动识别。上一届代表的资格在届满之日以“届满”终止。")
        self.model = NewDeputyTableModel(self)
        self.table = read_only_table(self.model)
        self.box.addWidget(self.table, 1)
        self.import_button = QPushButton("从选举结果导入…")
        self.carry_button = QPushButton("转入连任代表…")
        self.done_button = QPushButton("完成这一步")
        self.import_button.clicked.connect(self.import_result)
        self.carry_button.clicked.connect(self.carry)
        self.done_button.clicked.connect(lambda: self.run(lambda: term_change.finish_deputies(self.state.id),
                                                          "还不能完成这一步"))
        self.buttons(self.import_button, self.carry_button, self.done_button)

    def show_state(self) -> None:
        s = self.state
        for button in (self.import_button, self.carry_button):
            button.setEnabled(bool(s.new_term_id))
        self.model.set_rows(list(s.new_deputies))
        ends = f"{s.old_term_ends_on:%Y年%m月%d日}" if s.old_term_ends_on else "届满之日"
        self.note.setText(f"{s.new_term_name or '新一届'}代表{len(s.new_deputies)}人，其中连任{s.re_elected}人、"
                          f"新当选{len(s.new_deputies) - s.re_elected}人；{s.old_term_name}尚在任{s.old_deputies_serving}人"
                          f"（{ends}届满后终止）。")

    def carry(self) -> None:
        taken = {d.name for d in self.state.new_deputies}
        old = [r for r in roster.list_representatives(self.state.old_term_id)
               if r.status == "在任" and r.name not in taken]
        dialog = ChooseDeputies(self, old)
        if dialog.exec_choice():
            self.run(lambda: term_change.carry_over(self.state.id, dialog.chosen()), "无法转入")

    def import_result(self) -> None:
        from town_office.views.roster.import_dialog import ImportPreviewDialog

        path = choose_file(self, "选择选举结果名册", "Excel 文件 (*.xlsx)", "imports")
        if not path:
            return
        into = self.state.new_term_id

        def preview_done(preview):
            if ImportPreviewDialog(self, preview).exec():
                run_task(self, "正在导入…", lambda progress: roster_importing.apply_import(preview, progress),
                         lambda _: self.assistant.refresh(), lambda exc: warn(self, "无法导入", exc),
                         cancellable=False)
        run_task(self, "正在读取…", lambda progress: roster_importing.preview_import(Path(path), progress, into_term_id=into),
                 preview_done, lambda exc: warn(self, "无法读取", exc) if isinstance(exc, TownOfficeError) else None)


class ChooseDeputies(QListWidget):
    """The old term's serving deputies, ticked to carry over."""

    def __init__(self, parent, deputies):
        super().__init__()
        self.parent_panel = parent
        for rep in deputies:
            item = QListWidgetItem(f"{rep.name}　{rep.group_name}")
            item.setData(Qt.ItemDataRole.UserRole, rep.id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)

    def chosen(self) -> list[int]:
        return [self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.CheckState.Checked]

    def exec_choice(self) -> bool:
        from PySide6.QtWidgets import QDialog, QDialogButtonBox

        dialog = QDialog(self.parent_panel)
        dialog.setWindowTitle("转入连任代表")
        box = QVBoxLayout(dialog)
        box.addWidget(QLabel("勾选在新一届当选（连任）的代表："))
        box.addWidget(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("转入")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        box.addWidget(buttons)
        dialog.resize(360, 480)
        return bool(dialog.exec()) and bool(self.chosen())


class FirstSessionStep(StepPanel):
    def __init__(self, assistant):
        super().__init__(assistant, "第4步　第一次会议",
                         "建立新一届第一次会议（全体新一届代表列入出席名单，议程含选举主席、副主席、主席团成员和镇长）。"
                         "在会议中录入候选人和得票，当选结果“写入主席团”后完成这一步。主席团会议从第一次重新编号。")
        form = QFormLayout()
        self.place, self.chair = QLineEdit("镇人民政府大礼堂"), QLineEdit()
        form.addRow("地点", self.place)
        form.addRow("主持人", self.chair)
        self.box.addLayout(form)
        self.create_button = QPushButton("建立第一次会议")
        self.open_button = QPushButton("打开第一次会议…")
        self.done_button = QPushButton("完成这一步")
        self.create_button.clicked.connect(lambda: self.run(lambda: term_change.create_first_session(
            self.state.id, self.place.text(), self.chair.text()), "无法建立会议"))
        self.open_button.clicked.connect(self.open_session)
        self.done_button.clicked.connect(lambda: self.run(lambda: term_change.finish_first_session(self.state.id),
                                                          "还不能完成这一步"))
        self.buttons(self.create_button, self.open_button, self.done_button)
        self.box.addStretch(1)

    def show_state(self) -> None:
        made = bool(self.state.first_session_id)
        self.create_button.setEnabled(not made and bool(self.state.new_deputies))
        self.open_button.setEnabled(made)
        self.note.setText(f"第一次会议：{self.state.first_session_on:%Y年%m月%d日}，已建立。" if made
                          else "第一次会议尚未建立。")

    def open_session(self) -> None:
        from town_office.services import sessions
        from town_office.views.sessions.session_dialog import SessionDialog

        SessionDialog(self, sessions.get_session(self.state.first_session_id)).exec()
        self.assistant.refresh()


class RulesStep(StepPanel):
    def __init__(self, assistant):
        super().__init__(assistant, "第5步　规则文件",
                         "现行有效的规则文件继续有效；勾选的文件在新一届第一次会议上重新通过（生成新版本，"
                         "记为该次会议通过）。完成后新一届成为当前届次，上一届的记录只供查阅和打印。")
        self.list = QListWidget()
        self.box.addWidget(self.list, 1)
        finish = QPushButton("完成换届")
        finish.clicked.connect(self.finish)
        self.buttons(finish)

    def show_state(self) -> None:
        self.list.clear()
        for doc in rules.list_documents():
            if doc.in_force:
                item = QListWidgetItem(f"《{doc.title}》　现行第{doc.in_force.number}版")
                item.setData(Qt.ItemDataRole.UserRole, doc.kind)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.list.addItem(item)
        self.note.setText("换届已完成。" if self.state.finished else "")

    def finish(self) -> None:
        kinds = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                 if self.list.item(i).checkState() == Qt.CheckState.Checked]
        self.run(lambda: term_change.carry_rules(self.state.id, kinds), "还不能完成换届")


STEP_PANELS = (EndOfTermStep, NewTermStep, DeputiesStep, FirstSessionStep, RulesStep)
