"""修改记录: the audit trail of one record (who changed which field when, old and new value)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from town_office.services.common.audit import AuditRow
from town_office.views.widgets.table_model import ColumnSpec, DataclassTableModel
from town_office.views.widgets.table_view import read_only_table


class AuditTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("时间", lambda a: a.at.strftime("%Y-%m-%d %H:%M:%S"), lambda a: a.at),
        ColumnSpec("操作人", lambda a: a.actor),
        ColumnSpec("操作", lambda a: a.action),
        ColumnSpec("项目", lambda a: a.field),
        ColumnSpec("原值", lambda a: a.old_value),
        ColumnSpec("新值", lambda a: a.new_value),
    )


class HistoryDialog(QDialog):
    def __init__(self, parent, title: str, rows: list[AuditRow]):
        super().__init__(parent)
        self.setWindowTitle(f"修改记录 — {title}")
        self.resize(860, 480)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(f"共 {len(rows)} 条记录，最早的在上。"))
        self.model = AuditTableModel(self)
        self.model.set_rows(rows)
        self.table = read_only_table(self.model)
        box.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
