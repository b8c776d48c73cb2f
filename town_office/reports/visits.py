"""Visit papers: a deputy's 走访日志 for a year (one landscape table) and the 问题清单 as PDF and as a
workbook with print setup."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from town_office.reports import gongwen as g
from town_office.reports.xlsx_style import Column, TableSheet, save_workbook, write_table

PROBLEM_COLUMNS = (
    Column("序号", 6), Column("走访日期", 11), Column("村（社区）", 10), Column("走访代表", 14),
    Column("反映问题", 30), Column("群众姓名", 9), Column("联系方式", 13, as_text=True),
    Column("类别", 9), Column("处理方式", 11), Column("承办单位", 16), Column("办理时限", 11),
    Column("状态", 8), Column("是否逾期", 8), Column("答复内容", 26), Column("答复日期", 11),
    Column("反馈日期", 11), Column("反馈方式", 8), Column("满意度", 8), Column("重新办理次数", 8),
)
OVERDUE_FILL = "FDECEA"


def problem_cells(rows, today) -> list[tuple]:
    """The 问题清单 rows in ``PROBLEM_COLUMNS`` order (shared by the workbook and the PDF)."""
    return [(i, p.visited_on, p.village, p.deputies, p.content, p.voter_name, p.voter_contact,
             p.category, p.route, p.handling_unit, p.deadline, p.status,
             "逾期" if p.is_overdue(today) else "", p.reply, p.replied_on, p.feedback_on,
             p.feedback_how, p.satisfaction, p.reopened)
            for i, p in enumerate(rows, start=1)]


def render_problems_xlsx(title: str, rows, today, out: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    fills = {i: OVERDUE_FILL for i, p in enumerate(rows) if p.is_overdue(today)}
    write_table(ws, TableSheet(title, PROBLEM_COLUMNS, problem_cells(rows, today), landscape=True,
                               row_fills=fills))
    save_workbook(wb, out)
    return out


def _text(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def render_problems_pdf(title: str, rows, today, stats_text: str, out: Path) -> Path:
    """The 问题清单 on landscape A4, the columns a reader needs."""
    with g.Paper(out, title, landscape_page=True) as story:
        story += g.title(title)
        story.append(g.body(stats_text + "。", indent=False))
        story.append(g.table(
            ["序号", "走访日期", "村（社区）", "代表", "反映问题", "类别", "承办单位", "办理时限", "状态",
             "答复", "满意度"],
            [[str(i), _text(p.visited_on), p.village, p.deputies, p.content, p.category,
              p.handling_unit, _text(p.deadline), p.status + ("（逾期）" if p.is_overdue(today) else ""),
              p.reply, p.satisfaction] for i, p in enumerate(rows, start=1)],
            [1.3, 2.7, 2.1, 2, 5, 1.9, 2.6, 2.7, 2.1, 4, 1.6], size=10,
            align=["center", "center", "center", "center", "left", "center", "left", "center",
                   "center", "left", "center"]))
    return Path(out)


def render_visit_log_pdf(heading: str, deputy_line: str, visits, problems_by_visit, summary: str,
                         out: Path) -> Path:
    """A deputy's 走访日志 for a year: one table — date, place, people, summary, problems."""
    rows = []
    for v in visits:
        people = f"{v.people}（{v.households}户）" if v.people else f"{v.households}户"
        raised = "；".join(f"{p.content}（{p.status}）" for p in problems_by_visit.get(v.id, []))
        rows.append([v.visited_on.isoformat(), v.place, f"{v.form}：{people}", v.summary,
                     raised or "无"])
    with g.Paper(out, heading, landscape_page=True) as story:
        story += g.title(heading)
        story.append(g.body(deputy_line, indent=False))
        story.append(g.body(summary, indent=False))
        story.append(g.table(["日期", "地点", "走访对象", "走访情况", "群众反映的问题（办理状态）"],
                             rows or [["", "", "", "本年度没有走访记录", ""]], [2, 2.6, 3, 5, 6],
                             size=11, align=["center", "center", "left", "left", "left"]))
    return Path(out)
