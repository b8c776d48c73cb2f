"""The term's statistics workbook (届内统计) of the term-end package: sheet one by year, sheet two by
deputy; the data comes from ``services/term_change/statistics.py``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from town_office.reports.xlsx_style import Column, TableSheet, save_workbook, write_table

YEAR_COLUMNS = (Column("年度", 9), Column("人代会", 8), Column("主席团会议", 10), Column("代表培训", 9),
                Column("走访次数", 9), Column("走访户数", 9), Column("群众诉求", 9), Column("已办结", 8),
                Column("排查隐患", 9), Column("已销号", 8))
DEPUTY_COLUMNS = (Column("序号", 6), Column("姓名", 10), Column("状态", 14), Column("出席人代会", 10),
                  Column("人代会请假缺席", 13), Column("出席主席团会议", 13), Column("参加培训", 9),
                  Column("培训学时", 9), Column("走访次数", 9), Column("走访户数", 9), Column("反映问题", 9))


@dataclass(frozen=True)
class TermStatistics:
    title: str
    years: tuple[tuple, ...]
    deputies: tuple[tuple, ...]


def render_term_statistics_xlsx(stats: TermStatistics, out: Path) -> Path:
    wb = Workbook()
    by_year = wb.active
    by_year.title = "按年度"
    write_table(by_year, TableSheet(f"{stats.title}（按年度）", YEAR_COLUMNS, list(stats.years), landscape=True))
    by_deputy = wb.create_sheet("按代表")
    write_table(by_deputy, TableSheet(f"{stats.title}（按代表）", DEPUTY_COLUMNS,
                                      [(i,) + row for i, row in enumerate(stats.deputies, 1)], landscape=True))
    save_workbook(wb, out)
    return out
