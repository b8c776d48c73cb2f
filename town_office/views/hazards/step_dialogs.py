"""The steps of a hazard: 整改完成, 复查 (pass or fail with the reason), 延期, and the reason asked before
重新打开 or 作废."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from town_office.services.hazards.types import HazardRow
from town_office.views.meetings.header_form import date_edit, read_date
from town_office.views.widgets.form import text_box
from town_office.views.widgets.form_dialog import FormDialog


class FixedDialog(FormDialog):
    def __init__(self, parent, hazard: HazardRow, save: Callable[[str, date], object]):
        super().__init__(parent, f"整改完成 — {hazard.number}", "报告整改完成")
        self._save = save
        self.progress, self.completed_on = text_box(80), date_edit(date.today())
        self.progress.setPlainText(hazard.progress)
        self.errors.add_row("整改情况", self.progress)
        self.errors.add_row("完成日期", self.completed_on)

    def submit(self):
        return self._save(self.progress.toPlainText(), read_date(self.completed_on))


class ReviewDialog(FormDialog):
    def __init__(self, parent, hazard: HazardRow, save: Callable[[str, date, bool, str], object]):
        super().__init__(parent, f"复查 — {hazard.number}", "保存复查结果")
        self._save = save
        self.reviewer = QLineEdit(hazard.reviewer)
        self.on = date_edit(date.today())
        self.result = QComboBox()
        self.result.addItems(("复查通过，予以销号", "复查未通过，退回整改"))
        self.conclusion = text_box(80)
        for label, widget in (("复查人", self.reviewer), ("复查日期", self.on), ("复查结果", self.result),
                              ("复查结论", self.conclusion)):
            self.errors.add_row(label, widget)
        self.errors.add_row("", QLabel(f"责任人：{hazard.responsible_person or '未填'}（复查人不能是责任人本人）"),
                            "说明")

    def submit(self):
        return self._save(self.reviewer.text(), read_date(self.on), self.result.currentIndex() == 0,
                          self.conclusion.toPlainText())


class ExtendHazardDialog(FormDialog):
    def __init__(self, parent, hazard: HazardRow, save: Callable[[date, str, date], object]):
        super().__init__(parent, f"延期 — {hazard.number}", "延期")
        self._save = save
        self.new_deadline = date_edit(hazard.deadline or date.today())
        self.reason = text_box(80)
        self.errors.add_row("", QLabel(f"原定时限：{hazard.original_deadline or '未定'}；现时限：{hazard.deadline or '未定'}"),
                            "说明")
        self.errors.add_row("新的整改时限", self.new_deadline)
        self.errors.add_row("原因", self.reason)

    def submit(self):
        return self._save(read_date(self.new_deadline), self.reason.toPlainText(), date.today())


class ReasonDialog(FormDialog):
    """The written reason for 重新打开 or 作废; it is kept in the hazard's history."""

    def __init__(self, parent, title: str, action: str, save: Callable[[str, date], object]):
        super().__init__(parent, title, action)
        self._save = save
        self.reason = text_box(80)
        self.errors.add_row("原因", self.reason)
        self.errors.add_row("", QLabel("原因将记入办理经过，不可删除。"), "说明")

    def submit(self):
        return self._save(self.reason.toPlainText(), date.today())
