"""Hazard papers: the 隐患排查整改台账 as a workbook and as a landscape PDF, the 挂牌督办通知书 to a
responsible unit, and an inspection report with the hazards found and their photos."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from reportlab.lib.units import mm
from reportlab.platypus import Image, PageBreak, Table, TableStyle

from town_office.reports import gongwen as g
from town_office.reports import gongwen_endings as endings
from town_office.reports.chinese_numbers import chinese_date
from town_office.reports.cjk_text import Text
from town_office.reports.fonts import HEI
from town_office.reports.xlsx_style import Column, TableSheet, save_workbook, write_table

# The last three columns stay in the workbook but are left off the printed page when all of them
# would not print at 9 pt on A4 (复查人, 复查结论 and 销号日期 still show the review).
LEDGER_COLUMNS_SPEC = (
    ("编号", 10), ("检查日期", 11), ("单位/地点", 16), ("隐患描述", 28),
    ("类别", 9), ("等级", 6), ("整改措施", 24), ("整改资金（万元）", 9), ("责任单位", 14), ("责任人", 8),
    ("整改时限", 11), ("复查人", 8), ("挂牌督办", 6), ("整改情况", 22), ("复查结论", 18), ("状态", 10),
    ("销号日期", 11), ("逾期天数", 7), ("检查组/检查人", 14), ("完成日期", 11), ("复查日期", 11),
)
PRINT_OPTIONAL = {"检查组/检查人", "完成日期", "复查日期"}
STATUS_FILLS = {"待整改": "FFF2CC", "整改中": "FCE4D6", "已整改待复查": "DDEBF7", "已销号": "E2EFDA",
                "已作废": "EDEDED"}
OVERDUE_FILL = "F8CBAD"


def ledger_cells(rows, today) -> list[tuple]:
    return [(h.number, h.found_on, h.place, h.description, h.category, h.level,
             h.measures, h.funds, h.responsible_unit, h.responsible_person, h.deadline, h.reviewer,
             "是" if h.supervised else "否", h.progress, h.review_conclusion, h.status, h.closed_on,
             h.days_overdue(today) or "", h.inspectors, h.completed_on, h.reviewed_on)
            for h in rows]


def render_ledger_xlsx(title: str, rows, today, out: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "隐患台账"
    columns = tuple(Column(h, w, as_text=(h == "编号"), print_optional=h in PRINT_OPTIONAL)
                    for h, w in LEDGER_COLUMNS_SPEC)
    fills = {i: OVERDUE_FILL if h.days_overdue(today) else STATUS_FILLS.get(h.status, "FFFFFF")
             for i, h in enumerate(rows)}
    write_table(ws, TableSheet(title, columns, ledger_cells(rows, today), landscape=True,
                               row_fills=fills))
    save_workbook(wb, out)
    return out


def _d(value) -> str:
    return value.isoformat() if value else ""


def render_ledger_pdf(title: str, rows, today, out: Path) -> Path:
    """The ledger on landscape A4 (the columns that fit; the workbook has every column)."""
    with g.Paper(out, title, landscape_page=True) as story:
        story += g.title(title)
        counts = {}
        for h in rows:
            counts[h.status] = counts.get(h.status, 0) + 1
        overdue = sum(1 for h in rows if h.days_overdue(today))
        story.append(g.body("共{}项：".format(len(rows)) + "，".join(f"{k}{v}项" for k, v in counts.items())
                            + f"；截至{chinese_date(today)}，逾期{overdue}项。", indent=False))
        story.append(g.table(
            ["编号", "检查日期", "单位/地点", "隐患描述", "等级", "整改措施", "责任单位/责任人", "整改时限",
             "复查人", "状态", "销号日期"],
            [[h.number + ("\n挂牌督办" if h.supervised else ""), _d(h.found_on), h.place, h.description,
              h.level, h.measures, f"{h.responsible_unit}\n{h.responsible_person}", _d(h.deadline),
              h.reviewer, h.status + (f"\n逾期{h.days_overdue(today)}天" if h.days_overdue(today) else ""),
              _d(h.closed_on)] for h in rows] or [["", "", "", "本年度没有登记隐患", "", "", "", "", "", "", ""]],
            [2.2, 3.0, 2.6, 4.4, 1.3, 4.0, 3.0, 3.0, 1.6, 2.3, 3.0], size=9,
            align=["center", "center", "left", "left", "center", "left", "center", "center", "center",
                   "center", "center"]))
    return Path(out)


def render_notice_pdf(town: str, hazard, out: Path) -> Path:
    """隐患挂牌督办通知书 to the responsible unit: 文号, the hazard, the measures, the deadline, reply
    required; signed by the presidium and dated the day the hazard was 挂牌."""
    with g.Paper(out, f"隐患挂牌督办通知书 {hazard.notice_number}") as story:
        story.append(g.document_number(hazard.notice_number))
        story += g.title("隐患挂牌督办通知书")
        story.append(g.body(f"{hazard.responsible_unit or hazard.place}：", indent=False))
        story.append(g.body(f"{chinese_date(hazard.found_on)}，{town}人大主席团在检查中发现你单位（地点：{hazard.place}）"
                            f"存在以下{hazard.level}安全隐患（台账编号{hazard.number}），现予以挂牌督办。"))
        story.append(g.heading("一、隐患情况"))
        story.append(g.body(hazard.description))
        story.append(g.heading("二、整改要求"))
        for label, text in (("整改措施：", hazard.measures or "请你单位制定并落实"),
                            ("整改资金：", f"{hazard.funds:g}万元" if hazard.funds is not None else "由你单位落实"),
                            ("整改责任人：", hazard.responsible_person or "请你单位明确"),
                            ("整改时限：", f"{chinese_date(hazard.deadline)}前" if hazard.deadline else "请尽快"),
                            ("应急预案：", hazard.emergency_plan or "整改期间落实防范措施")):
            story.append(g.labelled(label, text))
        story.append(g.heading("三、回复要求"))
        story.append(g.body("请你单位按期完成整改，并于整改完成后3个工作日内将整改情况（附整改前后照片）书面回复镇人大主席团，"
                            "以便组织复查销号。逾期未完成整改的，将提请有关部门依法处理。"))
        endings.close_with_signature(story, f"{town}人大主席团", hazard.supervised_on)
    return Path(out)


def _photo_grid(photos: list[tuple[str, Path]], width: float) -> Table:
    cells, row = [], []
    cell_width = width / 2 - 6
    for caption, path in photos:
        image = Image(str(path))
        scale = min(cell_width / image.imageWidth, 60 * mm / image.imageHeight)
        image.drawWidth, image.drawHeight = image.imageWidth * scale, image.imageHeight * scale
        row.append([image, g.Text(caption, 10, 14, align="center")])
        if len(row) == 2:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""])
    table = Table(cells, colWidths=[width / 2, width / 2])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("FONTNAME", (0, 0), (-1, -1), g.font_book().primary[g.FANGSONG])]))
    return table


def render_inspection_report_pdf(town: str, addressee: str, inspection, hazards, photos: dict,
                                 out: Path) -> Path:
    """An inspection report: 主送机关, the facts, the findings and report text, 署名 and 成文日期
    (the day the inspection ended), then the hazard list and photos as its 附件."""
    with g.Paper(out, inspection.title) as story:
        story += g.title(f"关于{inspection.title}情况的报告" if not inspection.title.endswith("报告")
                         else inspection.title)
        story.append(g.body(f"{addressee}：", indent=False))
        when = chinese_date(inspection.starts_on) + (
            f"至{chinese_date(inspection.ends_on)}" if inspection.ends_on else "")
        people = "、".join(p.name for p in inspection.participants) or "无"
        story.append(g.body(f"{when}，{town}人大主席团组织开展{inspection.title}"
                            f"{'（' + inspection.subject + '）' if inspection.subject else ''}。"
                            f"参加人员：{people}。检查地点：{inspection.sites or '见隐患清单'}。"))
        if inspection.findings:
            story.append(g.heading("一、检查发现的问题"))
            story += [g.body(p) for p in inspection.findings.splitlines() if p.strip()]
        if inspection.report:
            story.append(g.heading("二、意见和建议" if inspection.findings else "一、意见和建议"))
            story += [g.body(p) for p in inspection.report.splitlines() if p.strip()]
        story.append(g.body("特此报告。"))
        story.append(g.body("附件：隐患清单" + ("及现场照片" if any(photos.values()) else "")))
        endings.close_with_signature(story, f"{town}人大主席团", inspection.ends_on or inspection.starts_on)
        story.append(PageBreak())
        story.append(Text([("附件", HEI)], g.BODY_SIZE, g.LINE))
        story += g.title("隐患清单")
        story.append(g.table(["编号", "单位/地点", "隐患描述", "等级", "责任单位", "整改时限", "状态"],
                             [[h.number, h.place, h.description, h.level, h.responsible_unit, _d(h.deadline),
                               h.status] for h in hazards] or [["", "", "未发现隐患", "", "", "", ""]],
                             [2.2, 2.6, 4.6, 1.2, 2.8, 2.8, 2.2], size=10))
        for h in hazards:
            pictures = photos.get(h.id, [])
            if pictures:
                caption = g.body(f"{h.number} {h.place}现场照片：", indent=False)
                caption.keepWithNext = True
                story.append(caption)
                story.append(_photo_grid(pictures, g.TYPE_WIDTH))
    return Path(out)
