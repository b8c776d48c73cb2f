"""录入走访: typing up a stack of paper logs from the keyboard alone. Deputies are found by pinyin
initials (wf → 王芳) and added with Enter; the form and place of the last visit are kept; Ctrl+Enter
saves and starts the next log with the same date, form and place. Problems raised can be noted in the
same dialog, one row each with its own category."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QStringListModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from town_office.errors import TownOfficeError, ValidationError
from town_office.services import settings
from town_office.services.visits import problems
from town_office.services import roster
from town_office.services.roster import units as roster_units
from town_office.services import visits
from town_office.services.visits.types import FORMS, VisitInput, VisitRow
from town_office.services.common.text_limits import LIMITS
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.visits.raised_problems import RaisedProblemsTable
from town_office.views.widgets.form import ERROR_STYLE, FieldErrors
from town_office.views.widgets.unsaved import GuardsUnsavedWork


def deputy_key(rep) -> str:
    """What the completer matches: name, group, initials and full pinyin."""
    return f"{rep.name}　{rep.group_name or ''}　{rep.name_initials} {rep.name_pinyin}"


class VisitEntryDialog(GuardsUnsavedWork, QDialog):
    def __init__(self, parent, visit: VisitRow | None = None, villages: list[str] = ()):
        super().__init__(parent)
        self.visit = visit
        self.saved_count = 0
        self.setWindowTitle("修改走访记录" if visit else "录入走访")
        self.resize(680, 620)
        term_id = roster_units.current_term_id(required=True)
        self.deputies = {deputy_key(r): r for r in roster.list_representatives(term_id)
                         if r.status == "在任" or (visit and r.id in visit.representative_ids)}
        self.by_id = {r.id: r for r in self.deputies.values()}

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.visited_on = date_edit(date.today())
        self.deputy_search = QLineEdit()
        example = next(iter(self.deputies.values()), None)
        self.deputy_search.setPlaceholderText(
            f"输入姓名或拼音首字母（如 {example.name_initials} → {example.name}），回车加入"
            if example else "本届还没有在任代表，请先在“代表名册”中添加")
        # kept on self: a model only the completer holds is collected, and the list never shows
        self.deputy_names = QStringListModel(list(self.deputies), self)
        completer = QCompleter(self.deputy_names, self)
        self.deputy_completer = completer
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.deputy_search.setCompleter(completer)
        completer.activated.connect(self._add_deputy)
        self.deputy_search.returnPressed.connect(lambda: self._add_deputy(self.deputy_search.text()))
        self.chosen = QListWidget()
        self.chosen.setMaximumHeight(54)
        self.chosen.setFlow(QListWidget.Flow.LeftToRight)
        self.chosen.setToolTip("选中后按 Delete 移除")
        self.form = QComboBox()
        self.form.addItems(FORMS)
        self.village = QComboBox()
        self.village.setEditable(True)
        self.village.addItems(villages)
        self.hamlet = QLineEdit()
        self.hamlet.setPlaceholderText("如 三组")
        self.hamlet.setMaxLength(LIMITS["hamlet"])
        self.people = QLineEdit()
        self.people.setMaxLength(LIMITS["people"])
        self.people.setPlaceholderText("可不填；如 张大爷、李大娘")
        self.households = QSpinBox()
        self.households.setRange(0, 500)
        self.households.setSuffix(" 户")
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(60)
        self.raised = RaisedProblemsTable(settings.get_settings().problem_categories)
        self.raised.setFixedHeight(104)
        deputies_box = QVBoxLayout()
        deputies_box.addWidget(self.deputy_search)
        deputies_box.addWidget(self.chosen)
        for label, widget, field in (("走访日期", self.visited_on, None),
                                     ("代表", self.deputy_search, None),
                                     ("", self.chosen, "已选代表"),
                                     ("走访形式", self.form, None), ("村（社区）", self.village, None),
                                     ("组", self.hamlet, None), ("走访对象", self.people, None),
                                     ("户数", self.households, None), ("走访情况", self.summary, None),
                                     ("反映问题", self.raised, None)):
            self.errors.add_row(label, widget, field)
        self.status = QLabel()
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.hide()
        self.save_next = QPushButton("保存并录入下一条（Ctrl+回车）")
        self.save_close = QPushButton("保存并关闭(&S)")
        close = QPushButton("关闭")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.save_next, self.save_close, close):
            buttons.addWidget(button)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.general_error)
        box.addLayout(buttons)
        for button in (self.save_next, self.save_close, close):
            button.setAutoDefault(False)  # Enter adds the deputy typed, it never saves
        self.save_next.setVisible(visit is None)
        self.save_next.clicked.connect(self.save_and_next)
        self.save_close.clicked.connect(self.save_and_close)
        close.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save_and_next if visit is None
                      else self.save_and_close)
        QShortcut(QKeySequence("Delete"), self.chosen, activated=self._remove_deputy,
                  context=Qt.ShortcutContext.WidgetShortcut)  # the problems table has its own Delete
        if visit:
            self._load(visit)
        else:
            kind, village, hamlet = visits.last_entry_defaults()
            self.form.setCurrentText(kind)
            self.village.setCurrentText(village)
            self.hamlet.setText(hamlet)
        self.remember_saved_state()
        self.deputy_search.setFocus()

    def _load(self, visit: VisitRow) -> None:
        self.visited_on.setDate(QDate(visit.visited_on))
        for rep_id in visit.representative_ids:
            self._chip(self.by_id[rep_id])
        self.form.setCurrentText(visit.form)
        self.village.setCurrentText(visit.village)
        self.hamlet.setText(visit.hamlet)
        self.people.setText(visit.people)
        self.households.setValue(visit.households)
        self.summary.setPlainText(visit.summary)
        self.raised.setToolTip("新增的问题，一行一条（已登记的问题在“问题清单”中修改）")

    # --- deputies -----------------------------------------------------------------------------
    def _chip(self, rep) -> None:
        if rep.id in self.representative_ids():
            return
        item = QListWidgetItem(rep.name)
        item.setData(Qt.ItemDataRole.UserRole, rep.id)
        self.chosen.addItem(item)

    def _add_deputy(self, text: str) -> None:
        """Add the one deputy ``text`` names; say so when it names none or several."""
        text = text.strip()
        if not text:
            return
        rep = self.deputies.get(text)
        matches = [rep] if rep else [r for key, r in self.deputies.items()
                                     if text.lower() in key.lower()]
        exact = [r for r in matches if r.name == text]
        if len(matches) > 1 and len(exact) == 1:
            matches = exact
        if len(matches) == 1:
            self._chip(matches[0])
            self.deputy_search.clear()
            self.status.setText("")
        elif not matches:
            self.status.setText(f"没有找到“{text}”：请输入在任代表的姓名或拼音首字母")
        else:
            names = "、".join(r.name for r in matches[:5]) + ("等" if len(matches) > 5 else "")
            self.status.setText(f"“{text}”对应{len(matches)}位代表（{names}），"
                                "请从下拉列表中选择或多输入几个字")

    def _remove_deputy(self) -> None:
        for item in self.chosen.selectedItems():
            self.chosen.takeItem(self.chosen.row(item))

    def representative_ids(self) -> tuple[int, ...]:
        return tuple(self.chosen.item(i).data(Qt.ItemDataRole.UserRole)
                     for i in range(self.chosen.count()))

    # --- saving -------------------------------------------------------------------------------
    def form_data(self) -> VisitInput:
        return VisitInput(read_date(self.visited_on), self.representative_ids(),
                          self.form.currentText(), self.village.currentText(),
                          self.households.value() or None, self.hamlet.text(), self.people.text(),
                          self.summary.toPlainText())

    def save(self) -> VisitRow | None:
        if self.deputy_search.text().strip():  # a name typed but not yet added
            self._add_deputy(self.deputy_search.text())
        try:
            saved = problems.record_visit(self.visit.id if self.visit else None, self.form_data(),
                                          self.raised.problems())
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            self.general_error.setText("\n".join(str(p) for p in unplaced))
            self.general_error.setVisible(bool(unplaced))
            return None
        except TownOfficeError as exc:
            self.general_error.setText(str(exc))
            self.general_error.show()
            return None
        self.errors.clear()
        self.general_error.hide()
        self.saved_count += 1
        return saved

    def save_and_next(self) -> None:
        saved = self.save()
        if saved is None:
            return
        self.chosen.clear()
        for widget in (self.people, self.deputy_search):
            widget.clear()
        self.summary.clear()
        self.raised.clear_rows()
        self.households.setValue(0)
        self.remember_saved_state()  # the next entry starts from what is on screen now
        self.status.setText(f"已保存{self.saved_count}条（{saved.visited_on} {saved.deputies}）")
        self.deputy_search.setFocus()

    def save_and_close(self) -> None:
        if self.save() is not None:
            self.accept()

    def keyPressEvent(self, event) -> None:
        # Ctrl+Enter reaching the dialog (the window shortcut covers the text boxes as well)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                (self.save_and_next if self.visit is None else self.save_and_close)()
            return  # a bare Enter never closes the dialog half-typed
        super().keyPressEvent(event)
