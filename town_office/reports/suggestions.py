"""The papers of deputies' suggestions: the 交办单 of one unit (its suggestions in a table), the
督办卡 of one suggestion (A4: the suggestion, unit, deadline, the presidium member responsible, boxes
for progress and the deputy's opinion), and the year's workbook (every suggestion, and the rates)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook

from town_office.reports import gongwen as g
from town_office.reports import gongwen_endings as endings
from town_office.reports.chinese_numbers import chinese_date
from town_office.reports.xlsx_style import Column, TableSheet, put, save_workbook, write_table


def render_assignment_pdf(town: str, unit: str, rows, out: Path, issued_on: date) -> Path:
    """交办单: to ``unit``, its suggestions (编号, 标题, 领衔代表, 主办/协办, 答复期限)."""
    with g.Paper(out, f"代表建议交办单（{unit}）") as story:
        story += g.title("代表建议交办单")
        story.append(g.body(f"{unit}：", indent=False))
        story.append(g.body(f"现将{len(rows)}件代表建议交由你单位办理。请认真研究办理，在规定期限内书面答复代表，"
                            f"并将答复函抄送{town}人大主席团。"))
        story.append(g.table(["编号", "建议标题", "领衔代表", "主办/协办", "分类", "答复期限"],
                             [[r.number, r.title, r.signers_text, r.main_unit + (f"／{r.co_units}" if r.co_units else ""),
                               r.grade, f"{r.deadline:%Y-%m-%d}" if r.deadline else ""] for r in rows],
                             [3.0, 4.6, 2.6, 2.6, 1.1, 2.5], size=11,
                             align=["center", "left", "left", "left", "center", "center"]))
        endings.close_with_signature(story, f"{town}人大主席团", issued_on)
    return Path(out)


def render_card_pdf(town: str, row, out: Path) -> Path:
    """督办卡 of one suggestion, one A4 page."""
    with g.Paper(out, f"代表建议督办卡 {row.number}", page_numbers=False) as story:
        story += g.title(f"{town}人大代表建议督办卡")
        responsible = row.responsible_name + "（主席团成员）" if row.responsible_name else "—"
        story.append(g.table(["项目", "内容"], [
            ["建议编号", row.number], ["建议标题", row.title], ["领衔代表", row.signers_text],
            ["建议内容", row.content], ["主办单位", row.main_unit or "—"], ["协办单位", row.co_units or "—"],
            ["分类分级", row.grade + ("（情况复杂）" if row.complex else "")], ["牵头督办", responsible],
            ["交办日期", chinese_date(row.assigned_on)], ["答复期限", chinese_date(row.deadline)],
        ], [1.4, 6], size=11, align=["center", "left"]))
        story.append(g.blank_lines(0.3))
        story.append(g.table(["督办时间", "办理进展", "督办人"], [["", "", ""] for _ in range(3)],
                             [1.6, 4.4, 1.4], size=11, min_row_height=30))
        story.append(g.blank_lines(0.3))
        story.append(g.table(["代表意见", "□满意　　□基本满意　　□不满意"], [["意见和建议", ""]],
                             [1.4, 6], size=11, min_row_height=56, align=["center", "left"]))
        story.append(g.blank_lines(0.3))
        story.append(g.body("代表（签字）：　　　　　　　　　　　　　日期：", indent=False))
    return Path(out)


COLUMNS = (Column("编号", 13, as_text=True), Column("标题", 30), Column("领衔代表", 9), Column("附议", 14),
           Column("类别", 9), Column("提出日期", 11), Column("主办单位", 14), Column("协办单位", 14),
           Column("分类", 6), Column("交办日期", 11), Column("答复期限", 11), Column("答复类别", 9),
           Column("答复日期", 11), Column("按期", 6), Column("代表意见", 9), Column("状态", 9),
           Column("金点子", 7))
RATE_COLUMNS = (Column("分类", 18), Column("件数", 7), Column("已答复", 8), Column("按期答复率", 11),
                Column("办结率", 9), Column("满意率", 9))


def _rate_row(line) -> tuple:
    return (line.label, line.count, line.answered, line.rate(line.on_time, line.count),
            line.rate(line.closed, line.count), line.rate(line.satisfied, line.opinions))


def render_suggestions_xlsx(title: str, rows, stats, out: Path, today: date) -> Path:
    wb = Workbook()
    sheet = wb.active
    sheet.title = "代表建议"
    data, late = [], {}
    for i, r in enumerate(rows):
        a = r.last_answer
        first = r.answers[0] if r.answers else None
        data.append((r.number, r.title, r.lead_name, "、".join(r.cosigners), r.category, r.submitted_on,
                     r.main_unit, r.co_units, r.grade, r.assigned_on, r.deadline,
                     a.class_text if a else "", a.answered_on if a else None,
                     ("是" if first.on_time else "否") if first else "", r.satisfaction, r.status,
                     "是" if r.excellent else ""))
        if r.overdue(today):
            late[i] = "FDECEA"
    write_table(sheet, TableSheet(f"{title}（逐件）", COLUMNS, data, landscape=True, row_fills=late))
    rates = wb.create_sheet("办理情况统计")
    lines = [stats.total, *stats.by_class, *stats.by_unit]
    write_table(rates, TableSheet(f"{title}（统计）", RATE_COLUMNS, [_rate_row(x) for x in lines], landscape=False))
    put(rates.cell(len(lines) + 4, 1), "按期答复率以第一次答复计；满意率以已征询代表意见的建议计（满意、基本满意）。")
    save_workbook(wb, out)
    return out
