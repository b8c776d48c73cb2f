"""议题: the ordered agenda (drag, or move up / down) and the editor of one item — 汇报人, materials,
审议意见, 议定事项, the vote with its computed result, and the follow-ups spawned by the decision."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError, ValidationError
from town_office.services.common import attachments
from town_office.services.meetings import followups
from town_office.services.meetings import agenda as meeting_agenda
from town_office.services.meetings.rules import vote_passes
from town_office.services.meetings.types import AgendaItemInput, AgendaItemRow, MeetingDetail
from town_office.views import ui_state
from town_office.views.meetings.followup_dialogs import FollowUpDialog
from town_office.views.meetings.table_models import FollowUpTableModel
from town_office.views.widgets.form import ERROR_STYLE, FieldErrors, text_box
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.table_model import ROW_ROLE
from town_office.views.widgets.table_view import read_only_table

ITEM_ID = 256  # Qt.UserRole


class AgendaTab(QWidget):
    changed = Signal(object)  # the new MeetingDetail

    def __init__(self, parent=None):
        super().__init__(parent)
        self.meeting: MeetingDetail | None = None
        self.item: AgendaItemRow | None = None
        self.items = QListWidget()
        self.items.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.items.setToolTip("拖动可调整议题顺序")
        self.add_button, self.delete_button = QPushButton("新增议题"), QPushButton("删除议题")
        self.up_button, self.down_button = QPushButton("上移"), QPushButton("下移")
        list_buttons = QHBoxLayout()
        for button in (self.add_button, self.delete_button, self.up_button, self.down_button):
            list_buttons.addWidget(button)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.addWidget(QLabel("议题（按顺序）"))
        left_box.addWidget(self.items, 1)
        left_box.addLayout(list_buttons)

        self.title, self.reporter = QLineEdit(), QLineEdit()
        self.discussion = text_box(90, "审议意见：与会成员的发言要点，一段一行")
        self.decision = text_box(70, "议定事项：会议作出的决定；没有决定的议题可不填")
        self.vote_box = QGroupBox("表决")
        self.vote_box.setCheckable(True)
        self.vote_box.setChecked(False)
        self.votes = {label: QSpinBox() for label in ("赞成", "反对", "弃权")}
        self.vote_result = QLabel()
        vote_row = QHBoxLayout(self.vote_box)
        for label, spin in self.votes.items():
            spin.setRange(0, 99)
            spin.setSuffix(" 票")
            vote_row.addWidget(QLabel(label))
            vote_row.addWidget(spin)
            spin.valueChanged.connect(self._preview_result)
        vote_row.addWidget(self.vote_result, 1)
        self.vote_box.toggled.connect(self._preview_result)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        for label, widget in (("议题", self.title), ("汇报人", self.reporter),
                              ("审议意见", self.discussion), ("议定事项", self.decision)):
            self.errors.add_row(label, widget)
        self.errors.add_row("", self.vote_box, "赞成")
        self.saved_note = QLabel()
        self.saved_note.setStyleSheet("color:#2e7d32;")
        self.saved_note.hide()  # shown once an edited 议题 has been saved on the way to another

        self.materials = QListWidget()
        self.materials.setMaximumHeight(64)
        self.add_material_button = QPushButton("添加材料…")
        self.open_material_button = QPushButton("打开")
        self.remove_material_button = QPushButton("移除材料")
        material_buttons = QHBoxLayout()  # the heading and its buttons on one line: a short screen
        material_buttons.addWidget(QLabel("会议材料（复制保存在数据文件夹）"))
        material_buttons.addStretch(1)
        for button in (self.add_material_button, self.open_material_button,
                       self.remove_material_button):
            material_buttons.addWidget(button)

        self.followup_model = FollowUpTableModel(self)
        self.followups = read_only_table(self.followup_model)
        self.followups.setMaximumHeight(130)
        self.add_followup_button = QPushButton("交办督办事项…")
        self.edit_followup_button = QPushButton("编辑督办事项…")
        self.delete_followup_button = QPushButton("删除督办事项")
        followup_buttons = QHBoxLayout()
        followup_buttons.addWidget(QLabel("督办事项"))
        followup_buttons.addStretch(1)
        for button in (self.add_followup_button, self.edit_followup_button,
                       self.delete_followup_button):
            followup_buttons.addWidget(button)

        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.addLayout(form)
        right_box.addWidget(self.saved_note)
        right_box.addLayout(material_buttons)
        right_box.addWidget(self.materials)
        right_box.addLayout(followup_buttons)
        right_box.addWidget(self.followups)
        self.review_note = QLabel()
        self.review_note.setWordWrap(True)
        right_box.addWidget(self.review_note)
        right_box.addStretch(1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([260, 640])
        QVBoxLayout(self).addWidget(splitter)

        self.items.currentRowChanged.connect(self._switch_item)
        self.items.model().rowsMoved.connect(lambda *_: self._dropped())
        self.add_button.clicked.connect(self.add_item)
        self.delete_button.clicked.connect(self.delete_item)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.add_material_button.clicked.connect(self.add_material)
        self.open_material_button.clicked.connect(self.open_material)
        self.remove_material_button.clicked.connect(self.remove_material)
        self.add_followup_button.clicked.connect(self.add_followup)
        self.edit_followup_button.clicked.connect(self.edit_followup)
        self.delete_followup_button.clicked.connect(self.delete_followup)
        self.followups.doubleClicked.connect(lambda _: self.edit_followup())

    # --- loading ------------------------------------------------------------------------------
    def load(self, meeting: MeetingDetail, select_id: int | None = None) -> None:
        self.meeting = meeting
        current = select_id or (self.item.id if self.item else None)
        self.items.blockSignals(True)
        self.items.clear()
        for index, item in enumerate(meeting.items, start=1):
            entry = QListWidgetItem(f"{index}. {item.title}")
            entry.setData(ITEM_ID, item.id)
            self.items.addItem(entry)
        self.items.blockSignals(False)
        ids = [i.id for i in meeting.items]
        row = ids.index(current) if current in ids else (0 if ids else -1)
        self.items.setCurrentRow(row)
        self._show_item(row)
        locked = meeting.locked
        for widget in (self.add_button, self.delete_button, self.up_button, self.down_button):
            widget.setEnabled(not locked)
        self.items.setDragEnabled(not locked)

    def has_unsaved_item(self) -> bool:
        """The shown 议题 differs from what is saved."""
        if self.item is None or self.meeting is None or self.meeting.locked:
            return False
        shown, item = self.form_data(), self.item
        return (shown.title.strip(), shown.reporter.strip(), shown.discussion.strip(),
                shown.decision.strip(), shown.voted) != (
            item.title, item.reporter, item.discussion, item.decision, item.voted) or (
            shown.voted and (shown.votes_for, shown.votes_against, shown.votes_abstain)
            != (item.votes_for, item.votes_against, item.votes_abstain))

    def _switch_item(self, row: int) -> None:
        """Clicking another 议题 first saves the edited one (and says so); if it cannot be saved,
        the edited one stays shown with its problems."""
        if self.has_unsaved_item():
            edited = self.item
            try:
                meeting = meeting_agenda.update_item(edited.id, self.form_data())
            except TownOfficeError as exc:
                self.items.blockSignals(True)
                self.items.setCurrentRow([i.id for i in self.meeting.items].index(edited.id))
                self.items.blockSignals(False)
                problems = exc.problems if isinstance(exc, ValidationError) else []
                unplaced = self.errors.show(problems) if problems else [exc]
                if unplaced:
                    warn(self, "议题未保存", exc)
                return
            self.meeting = meeting
            index = [i.id for i in meeting.items].index(edited.id)
            saved = meeting.items[index]
            self.items.item(index).setText(f"{index + 1}. {saved.title}")
            self.changed.emit(meeting)
            self.saved_note.setText(f"已自动保存议题“{saved.title}”")
            self.saved_note.show()
        self._show_item(row)

    def _show_item(self, row: int) -> None:
        self.errors.clear()
        self.item = self.meeting.items[row] if self.meeting and 0 <= row < len(self.meeting.items) \
            else None
        item = self.item
        self.title.setText(item.title if item else "")
        self.reporter.setText(item.reporter if item else "")
        self.discussion.setPlainText(item.discussion if item else "")
        self.decision.setPlainText(item.decision if item else "")
        self.vote_box.setChecked(bool(item and item.voted))
        for label, value in (("赞成", item and item.votes_for), ("反对", item and item.votes_against),
                             ("弃权", item and item.votes_abstain)):
            self.votes[label].setValue(value or 0)
        self.materials.clear()
        for material in (item.materials if item else ()):
            entry = QListWidgetItem(f"{material.file_name}（{material.size // 1024 + 1} KB）")
            entry.setData(ITEM_ID, material)
            self.materials.addItem(entry)
        self.followup_model.set_rows(item.followups if item else ())
        reviewed = item is not None and item.reviews_followups
        self.review_note.setText(
            "本议题听取上次会议议定事项落实情况，汇报的督办事项：\n" + "\n".join(
                f"· 第{f.meeting_number}次会议交办：{f.content}（{f.handling_unit}，{f.status}）"
                for f in self.meeting.reviewed_followups) if reviewed else "")
        editable = item is not None and not self.meeting.locked
        for widget in (self.title, self.reporter, self.discussion, self.decision, self.vote_box,
                       self.add_material_button, self.remove_material_button,
                       self.add_followup_button, self.edit_followup_button,
                       self.delete_followup_button):
            widget.setEnabled(editable)
        self.open_material_button.setEnabled(item is not None)
        self._preview_result()

    def _preview_result(self, *_) -> None:
        if not self.vote_box.isChecked() or self.meeting is None:
            self.vote_result.setText("")
            return
        tally = self.meeting.tally
        yes = self.votes["赞成"].value()
        total = sum(spin.value() for spin in self.votes.values())
        if total > tally.present:
            self.vote_result.setText(f"合计{total}票，超过实到{tally.present}人")
            self.vote_result.setStyleSheet(ERROR_STYLE)
            return
        passed = vote_passes(self.meeting.pass_rule, tally.expected, tally.present, yes)
        self.vote_result.setStyleSheet("")
        self.vote_result.setText(f"按“{self.meeting.pass_rule}”：{'通过' if passed else '未通过'}")

    # --- items --------------------------------------------------------------------------------
    def form_data(self) -> AgendaItemInput:
        voted = self.vote_box.isChecked()
        return AgendaItemInput(
            self.title.text(), self.reporter.text(), self.discussion.toPlainText(),
            self.decision.toPlainText(), voted,
            *(self.votes[label].value() if voted else None for label in ("赞成", "反对", "弃权")))

    def _apply(self, action, title: str, select_id: int | None = None) -> bool:
        try:
            meeting = action()
        except ValidationError as exc:
            unplaced = self.errors.show(exc.problems)
            if unplaced:
                warn(self, title, ValidationError(unplaced))
            return False
        except TownOfficeError as exc:
            warn(self, title, exc)
            return False
        self.load(meeting, select_id)
        self.changed.emit(meeting)
        return True

    def save_item(self) -> bool:
        if self.item is None or self.meeting.locked:
            return False
        return self._apply(lambda: meeting_agenda.update_item(self.item.id, self.form_data()),
                           "议题未保存")

    def add_item(self) -> None:
        if not self._save_shown_item():  # a reload would drop what is typed
            return
        before = {i.id for i in self.meeting.items}
        count = len(self.meeting.items) + 1
        if self._apply(lambda: meeting_agenda.add_item(
                self.meeting.id, AgendaItemInput(f"新议题{count}")), "无法新增议题"):
            new = [i.id for i in self.meeting.items if i.id not in before]
            if new:
                self.load(self.meeting, new[0])
            self.title.setFocus()
            self.title.selectAll()

    def delete_item(self) -> None:
        if self.item and confirm(self, "删除议题", f"删除议题“{self.item.title}”及其会议材料？"):
            item_id = self.item.id
            self.item = None
            self._apply(lambda: meeting_agenda.delete_item(item_id), "无法删除议题")

    def _move(self, step: int) -> None:
        if not self._save_shown_item():  # a reload would drop what is typed
            return
        if self.item:
            self._apply(lambda: meeting_agenda.move_item(self.item.id, step), "无法调整顺序",
                        self.item.id)

    def _dropped(self) -> None:
        ids = [self.items.item(i).data(ITEM_ID) for i in range(self.items.count())]
        self._apply(lambda: meeting_agenda.reorder(self.meeting.id, ids), "无法调整顺序")

    # --- materials ----------------------------------------------------------------------------
    def add_material(self) -> None:
        if not self._save_shown_item():  # a reload would drop what is typed
            return
        paths, _ = QFileDialog.getOpenFileNames(self, "选择会议材料", ui_state.last_folder("materials"),
                                                "会议材料 (*.doc *.docx *.pdf *.xls *.xlsx *.wps *.jpg "
                                                "*.png *.txt);;所有文件 (*)")
        for path in paths:
            ui_state.remember_folder("materials", str(Path(path).parent))
            if not self._apply(lambda p=path: meeting_agenda.add_material(self.item.id, Path(p)),
                               "无法添加材料", self.item.id):
                break

    def _material(self):
        entry = self.materials.currentItem()
        return entry.data(ITEM_ID) if entry else None

    def open_material(self) -> None:
        material = self._material()
        if material is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(attachments.absolute(material.stored_path))))

    def remove_material(self) -> None:
        if not self._save_shown_item():  # a reload would drop what is typed
            return
        material = self._material()
        if material and confirm(self, "移除材料", f"移除材料“{material.file_name}”？"
                                "数据文件夹中保存的副本也会删除（您原来的文件不受影响）。", "移除"):
            self._apply(lambda: meeting_agenda.remove_material(material.id), "无法移除材料",
                        self.item.id)

    # --- follow-ups ---------------------------------------------------------------------------
    def _reload(self) -> None:
        from town_office.services.meetings import get_meeting

        meeting = get_meeting(self.meeting.id)
        self.load(meeting, self.item.id if self.item else None)
        self.changed.emit(meeting)

    def _save_shown_item(self) -> bool:
        """A 议题 edited on screen is saved before acting on it (a follow-up is handed over from
        its 议定事项 as typed); False when it cannot be saved (the problem is shown)."""
        return not self.has_unsaved_item() or self.save_item()

    def add_followup(self) -> None:
        if not self._save_shown_item():
            return
        item_id = self.item.id
        dialog = FollowUpDialog(self, lambda data: followups.create_followup(item_id, data),
                                default_deadline=self.meeting.held_on + timedelta(days=90))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload()

    def edit_followup(self) -> None:
        if not self._save_shown_item():  # a reload would drop what is typed
            return
        index = self.followups.currentIndex()
        if not index.isValid() or self.meeting.locked:
            return
        row = index.data(ROW_ROLE)
        dialog = FollowUpDialog(self, lambda data: followups.update_followup(row.id, data), row)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._reload()

    def delete_followup(self) -> None:
        if not self._save_shown_item():  # a reload would drop what is typed
            return
        index = self.followups.currentIndex()
        if not index.isValid():
            return
        row = index.data(ROW_ROLE)
        if confirm(self, "删除督办事项", f"删除督办事项“{row.content}”？"):
            try:
                followups.delete_followup(row.id)
            except TownOfficeError as exc:
                warn(self, "无法删除", exc)
            self._reload()
