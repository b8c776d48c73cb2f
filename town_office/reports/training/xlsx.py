"""The training workbook of a year: sheet one per deputy (name, group, sessions, hours, 请假, 缺席),
sheet two per session."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from town_office.reports.xlsx_style import Column, TableSheet, put, save_workbook, write_table

DEPUTY_COLUMNS = (Column("序号", 6), Column("姓名", 10), Column("代表小组", 18), Column("状态", 8),
                  Column("参加次数", 10), Column("学时", 8), Column("请假", 8), Column("缺席", 8),
                  Column("备注", 22))
SESSION_COLUMNS = (Column("序号", 6), Column("日期", 12), Column("培训名称", 34), Column("类型", 11),
                   Column("组织单位", 14), Column("学时", 7), Column("应参加", 8), Column("出席", 7),
                   Column("请假", 7), Column("缺席", 7), Column("地点", 20))


def render_training_xlsx(title: str, stats, out: Path) -> Path:
    """Write the workbook of one year's ``TrainingYearStats`` with print setup on both sheets."""
    wb = Workbook()
    deputies = wb.active
    deputies.title = "按代表"
    rows = []
    for i, d in enumerate(stats.deputies, start=1):
        notes = []
        if not d.serving_at_end:
            notes.append("年内终止资格")
        if d.is_new and not d.had_first_training:
            notes.append("新任代表，尚未参加初任培训")
        if d.serving_at_end and not d.sessions:
            notes.append("本年未参加培训")
        rows.append((i, d.name, d.group_name, d.status, d.sessions, d.hours, d.excused, d.absent,
                     "；".join(notes)))
    untrained = {i: "FDECEA" for i, d in enumerate(stats.deputies) if d.serving_at_end
                 and not d.sessions}
    write_table(deputies, TableSheet(f"{title}（按代表）", DEPUTY_COLUMNS, rows, landscape=False,
                                     row_fills=untrained))
    summary_row = len(rows) + 4
    put(deputies.cell(summary_row, 1), f"培训覆盖率：{stats.trained}/{stats.serving} = "
                                  f"{stats.coverage:.1%}（以{stats.period_end:%Y-%m-%d}在任的代表计）")
    sessions = wb.create_sheet("按培训")
    write_table(sessions, TableSheet(f"{title}（按培训）", SESSION_COLUMNS, [
        (i, s.held_on, s.title, s.kind, s.organiser, s.hours, s.expected, s.present, s.excused,
         s.absent, s.place) for i, s in enumerate(sorted(stats.sessions, key=lambda s: s.held_on),
                                                  start=1)], landscape=True))
    save_workbook(wb, out)
    return out
