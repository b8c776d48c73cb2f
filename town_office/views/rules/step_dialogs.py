"""The steps of a rule document: add one of the town's own documents (or change a title), adopt a
version (the presidium meeting it was adopted at, or a typed meeting such as the town congress; the
effective date), and repeal the version in force."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit

from town_office.services.rules.types import AdoptionInput, DocumentRow, VersionRow
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.widgets.form import text_box
from town_office.views.widgets.form_dialog import FormDialog

OTHER_MEETING = "（其他会议，手工填写名称）"


class DocumentDialog(FormDialog):
    def __init__(self, parent, save: Callable[[str, str], object], document: DocumentRow | None = None):
        super().__init__(parent, "修改标题" if document else "新增规则文件")
        self._save = save
        self.kind, self.title = QLineEdit(), QLineEdit()
        self.kind.setPlaceholderText("如：代表联络站工作制度")
        self.title.setPlaceholderText("如：青石镇人大代表联络站工作制度")
        if document:
            self.kind.setText(document.kind)
            self.kind.setEnabled(not document.builtin)
            self.title.setText(document.title)
        self.errors.add_row("类别", self.kind)
        self.errors.add_row("标题", self.title)

    def submit(self):
        return self._save(self.kind.text(), self.title.text())


class AdoptDialog(FormDialog):
    """通过: which meeting adopted the version, on which day, and from when it applies."""

    def __init__(self, parent, title: str, version: VersionRow, meetings, previous: VersionRow | None,
                 save: Callable[[AdoptionInput], object]):
        correcting = version.adopted
        super().__init__(parent, f"{'修改通过信息' if correcting else '通过'} — {title} {version.label}",
                         "保存" if correcting else "通过")
        self._save = save
        self.meeting = QComboBox()
        self.meeting.addItem(OTHER_MEETING, None)
        self.meeting_dates = {}
        for m in meetings:
            self.meeting.addItem(f"{m.title}（{m.held_on}）", m.id)
            self.meeting_dates[m.id] = m.held_on
        self.typed = QLineEdit(version.adopted_by if not version.adopted_meeting_id else "")
        self.typed.setPlaceholderText("如：青石镇第十九届人民代表大会第一次会议")
        self.adopted_on = date_edit(version.adopted_on or date.today())
        self.same_day = QCheckBox("自通过之日起施行")
        self.effective_on = date_edit(version.effective_on or version.adopted_on or date.today())
        self.same_day.setChecked(not version.adopted or version.effective_on == version.adopted_on)
        self.errors.add_row("通过会议", self.meeting)
        self.errors.add_row("会议名称", self.typed)
        self.errors.add_row("通过日期", self.adopted_on)
        self.errors.add_row("", self.same_day, "施行")
        self.errors.add_row("生效日期", self.effective_on)
        if previous is not None:
            note = QLabel(f"自生效日期起取代{previous.label}\n（{previous.label}自{previous.effective_on}起施行，"
                          "取代后仍保留可查）")
            self.errors.add_row("", note, "说明")
        self.meeting.currentIndexChanged.connect(self._meeting_chosen)
        self.same_day.toggled.connect(self._sync_effective)
        self.adopted_on.dateChanged.connect(lambda _: self._sync_effective())
        if version.adopted_meeting_id:
            self.meeting.setCurrentIndex(max(0, self.meeting.findData(version.adopted_meeting_id)))
        self._meeting_chosen()
        self._sync_effective()
        self.resize(640, self.sizeHint().height())

    def _meeting_chosen(self, *_) -> None:
        meeting_id = self.meeting.currentData()
        self.typed.setEnabled(meeting_id is None)
        if meeting_id is not None:
            self.adopted_on.setDate(QDate(self.meeting_dates[meeting_id]))

    def _sync_effective(self, *_) -> None:
        self.effective_on.setEnabled(not self.same_day.isChecked())
        if self.same_day.isChecked():
            self.effective_on.setDate(self.adopted_on.date())

    def submit(self):
        meeting_id = self.meeting.currentData()
        return self._save(AdoptionInput(read_date(self.adopted_on), read_date(self.effective_on), meeting_id,
                                        "" if meeting_id else self.typed.text()))


class RepealDialog(FormDialog):
    def __init__(self, parent, title: str, version: VersionRow, save: Callable[[date, str], object]):
        super().__init__(parent, f"废止 — {title}", "废止")
        self._save = save
        self.on = date_edit(date.today())
        self.reason = text_box(70, "如：已被新的办法取代；上位法已修改")
        note = QLabel(f"{version.label}自{version.effective_on}起施行。废止后它仍保留可查，"
                      "自废止日期起不再是有效版本。")
        note.setWordWrap(True)
        self.errors.add_row("", note, "说明")
        self.errors.add_row("废止日期", self.on)
        self.errors.add_row("废止原因", self.reason)

    def submit(self):
        return self._save(read_date(self.on), self.reason.toPlainText())
