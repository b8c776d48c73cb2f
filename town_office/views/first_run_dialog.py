"""The first start on an empty database: the town's name, county and current term — or the demo town."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from town_office.errors import FieldProblem, ValidationError
from town_office.services import settings
from town_office.services.roster import units as roster_units
from town_office.services.roster.identity import parse_date
from town_office.views.widgets.form import FieldErrors


class FirstRunDialog(QDialog):
    LOAD_DEMO = 2  # done() code when the clerk chose the demo town

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle("欢迎使用乡镇人大工作台")
        self.setMinimumWidth(500)
        box = QVBoxLayout(self)
        intro = QLabel("这是第一次打开。请填写本乡镇的基本信息（以后可在「设置」中修改）；\n"
                       "也可以先载入示例乡镇「青石镇」试用，数据都是虚构的。")
        box.addWidget(intro)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.town_name = self.errors.add_row("乡镇名称", QLineEdit())
        self.town_name.setPlaceholderText("如 青石镇")
        self.county_name = self.errors.add_row("所属县（市、区）", QLineEdit())
        self.term_name = self.errors.add_row("当前届次", QLineEdit("第十九届"))
        self.term_start = self.errors.add_row("本届起始日期", QLineEdit())
        self.term_start.setPlaceholderText("如 2021-12-28（可不填）")
        box.addLayout(form)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton("开始使用", QDialogButtonBox.ButtonRole.AcceptRole)
        self.demo_button = QPushButton("载入示例乡镇")
        buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("退出", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.demo_button.clicked.connect(lambda: self.done(self.LOAD_DEMO))
        box.addWidget(buttons)

    def accept(self) -> None:
        problems = []
        if not self.town_name.text().strip():
            problems.append(FieldProblem("乡镇名称", "不能为空"))
        start = parse_date(self.term_start.text())
        if start is None:
            problems.append(FieldProblem("本届起始日期", "看不懂，请写成 2021-12-28"))
        try:
            if problems:
                raise ValidationError(problems)
            ends = date(start.year + 5, start.month, start.day) - date.resolution if start else None
            roster_units.save_term(None, self.term_name.text(), start or None, ends, make_current=True)
            settings.update_settings(town_name=self.town_name.text().strip(),
                                     county_name=self.county_name.text().strip())
        except ValidationError as exc:
            self.errors.show([FieldProblem("当前届次" if p.field == "届次名称" else p.field, p.message)
                              for p in exc.problems])
            return
        super().accept()
