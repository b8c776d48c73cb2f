"""The roster import preview: what will be added or updated, and every problem by Excel row and
column. 导入 stays disabled while any problem is listed (all-or-nothing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QSplitter,
    QVBoxLayout,
)

from town_office.services.roster.importing import ImportPreview
from town_office.views.widgets.table_model import OVERDUE_RED, ColumnSpec, DataclassTableModel
from town_office.views.widgets.table_view import read_only_table


class ImportRowTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("Excel行", lambda r: str(r.excel_row), lambda r: r.excel_row, align_center=True),
        ColumnSpec("处理", lambda r: r.action, align_center=True),
        ColumnSpec("姓名", lambda r: r.data.name),
        ColumnSpec("性别", lambda r: r.data.gender, align_center=True),
        ColumnSpec("出生年月", lambda r: r.data.birth_month),
        ColumnSpec("代表小组", lambda r: r.data.group_name),
        ColumnSpec("选区", lambda r: r.data.constituency_name),
        ColumnSpec("工作单位及职务", lambda r: r.data.work_unit_post),
        ColumnSpec("状态", lambda r: r.data.extra.get("status", "在任")),
    )

    def __init__(self, parent=None, problem_rows: frozenset[int] = frozenset()):
        super().__init__(parent)
        self.problem_rows = problem_rows

    def foreground(self, row):
        return OVERDUE_RED if row.excel_row in self.problem_rows else None


class ImportPreviewDialog(QDialog):
    def __init__(self, parent, preview: ImportPreview):
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(f"导入预览 — {preview.path.name}")
        self.resize(980, 620)
        box = QVBoxLayout(self)
        summary = (f"导入到：{preview.term_name}{'（新建届次）' if preview.term_id is None else ''}　"
                   f"共 {len(preview.rows)} 人：新增 {preview.added} 人，更新 {preview.updated} 人")
        if preview.new_groups:
            summary += f"\n将新建代表小组：{'、'.join(preview.new_groups)}"
        if preview.new_constituencies:
            summary += f"\n将新建选区：{'、'.join(preview.new_constituencies)}"
        if preview.skipped_rows:
            summary += f"\n跳过的空行或说明行：第{'、'.join(map(str, preview.skipped_rows[:20]))}行"
            summary += "等" if len(preview.skipped_rows) > 20 else ""
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.problem_list = QListWidget()
        self.problem_list.addItems([str(p) for p in preview.problems])
        self.problem_list.setStyleSheet("color:#c0392b;")
        self.problem_label = QLabel(
            f"发现 {len(preview.problems)} 个问题，必须全部改正后才能导入（本次不会写入任何数据）。"
            "请在Excel中修改后重新选择文件：" if preview.problems else "没有发现问题，可以导入。")
        self.problem_label.setStyleSheet("font-weight:bold;" + ("color:#c0392b;" if preview.problems else "color:#1e7e34;"))
        box.addWidget(self.problem_label)
        if preview.problems:
            splitter.addWidget(self.problem_list)
        self.model = ImportRowTableModel(self, frozenset(p.row for p in preview.problems))
        self.model.set_rows(preview.rows)
        self.table = read_only_table(self.model)
        splitter.addWidget(self.table)
        box.addWidget(splitter, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(f"导入 {len(preview.rows)} 人")
        self.import_button.setEnabled(preview.ok)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
