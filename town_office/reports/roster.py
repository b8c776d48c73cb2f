"""The roster as a workbook (代表名册), in exactly the layout the roster import reads back."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from town_office.reports.xlsx_style import Column, TableSheet, save_workbook, write_table

# The last three columns are kept for the import but left off the printed page when the sheet
# could not otherwise print at 9 pt on A4 (the ID number is masked on paper anyway).
ROSTER_COLUMNS = (
    Column("序号", 6), Column("姓名", 10), Column("性别", 6), Column("民族", 8),
    Column("出生年月", 10, as_text=True), Column("政治面貌", 11), Column("文化程度", 9),
    Column("工作单位及职务", 30), Column("代表层级", 10), Column("选区", 12),
    Column("代表小组", 14), Column("小组职务", 9), Column("主席团职务", 10),
    Column("联系电话", 14, as_text=True), Column("代表证号", 11, as_text=True),
    Column("当选日期", 12), Column("状态", 7), Column("备注", 20),
    Column("公民身份号码", 21, as_text=True, print_optional=True),
    Column("终止日期", 12, print_optional=True), Column("终止原因", 12, print_optional=True),
)
STATUS_COLUMN = 16


def render_roster_xlsx(title: str, rows: list[tuple], out: Path) -> Path:
    """Write the roster workbook.

    Args:
        title: e.g. 青石镇第十九届人民代表大会代表名册.
        rows: one tuple per deputy in ``ROSTER_COLUMNS`` order.
        out: the file to write.
    """
    wb = Workbook()
    ws = wb.active
    ws.title = "代表名册"
    ended = {i: "EEEEEE" for i, r in enumerate(rows) if r[STATUS_COLUMN] == "终止"}
    write_table(ws, TableSheet(title, ROSTER_COLUMNS, rows, landscape=True, row_fills=ended))
    save_workbook(wb, out)
    return out
