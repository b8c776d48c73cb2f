"""年度履职考核 papers: the workbook (汇总 ranked with points per item, 明细 one row per scored record,
规则 the scheme) and the 公示 PDF of the ranking for posting."""

from __future__ import annotations

from pathlib import Path

from town_office.reports import gongwen as g
from town_office.reports import gongwen_endings as endings
from town_office.reports.xlsx_style import Column, TableSheet, append_notes, streamed_workbook, write_table

# Lines that are not items of the scheme: (source, column header).
EXTRA_COLUMNS = (("base", "基础分"), ("prorate", "折算"), ("adjustment", "调整"), ("clip", "满分/0分修正"))


def render_assessment_xlsx(title: str, scheme, scores: list, status: str, prorate: bool, out: Path) -> Path:
    with streamed_workbook(out) as wb:  # a big town's 明细 holds tens of thousands of rows
        _fill_assessment(wb, title, scheme, scores, status, prorate)
    return out


def _fill_assessment(wb, title: str, scheme, scores: list, status: str, prorate: bool) -> None:
    summary = wb.create_sheet("汇总")
    items = list(scheme.items)
    columns = [Column("名次", 6), Column("姓名", 10), Column("代表小组", 16), Column("任职天数", 9)]
    columns += [Column(header, 8) for _, header in EXTRA_COLUMNS[:1]]
    columns += [Column(item.name, 9) for item in items]
    columns += [Column(header, 8) for _, header in EXTRA_COLUMNS[1:]]
    columns += [Column("总分", 8), Column("等次", 8)]
    rows = []
    for s in scores:
        row = [s.rank, s.name, s.group_name, s.served_days, s.points_of("base")]
        row += [s.points_of(item.source) for item in items]
        row += [s.points_of(source) for source, _ in EXTRA_COLUMNS[1:]]
        rows.append(row + [s.total, s.grade])
    write_table(summary, TableSheet(f"{title}（汇总，{status}）", columns, rows, landscape=True))
    details = wb.create_sheet("明细")
    detail_rows = [(s.name, s.group_name, line.item_name, line.on, line.record, line.points, line.note)
                   for s in scores for line in s.lines]
    write_table(details, TableSheet(f"{title}（明细）", (
        Column("代表", 10), Column("代表小组", 16), Column("计分项目", 18), Column("日期", 12),
        Column("来源记录", 50), Column("分值", 8), Column("说明", 18)), detail_rows, landscape=True))
    rules = wb.create_sheet("规则")
    rule_rows = [(i, item.name, item.points, "" if item.cap is None else item.cap)
                 for i, item in enumerate(items, start=1)]
    write_table(rules, TableSheet(f"{title}（考核办法）", (
        Column("序号", 6), Column("计分项目", 30), Column("每次分值", 10), Column("上限（分）", 10)),
        rule_rows, landscape=False))
    append_notes(rules, (f"基础分：{scheme.base_points:g}分；满分：{scheme.full_marks:g}分",
                         "等次：" + "；".join(f"{name} {low:g}分以上" for name, low in scheme.bands),
                         "任职不满一年的代表加分项按全年折算" if prorate else "任职不满一年的代表不折算",
                         "扣分项的上限按绝对值计；超过满分或低于0分的部分不计。"))


def render_publication_pdf(town: str, year: int, scores: list, bands, published_on, out: Path) -> Path:
    """考核结果公示: the ranking with totals and grades, the period for objections, issuer and date."""
    with g.Paper(out, f"{town}{year}年度人大代表履职考核结果公示") as story:
        story += g.title(f"{town}{year}年度人大代表履职考核结果公示")
        counts = {name: sum(1 for s in scores if s.grade == name) for name, _ in bands}
        story.append(g.body(
            f"根据《{town}人大代表履职考核办法》，镇人大主席团对{len(scores)}名镇人大代表{year}年度履职情况进行了考核，"
            "考核分数由会议出席、学习培训、走访选民、反映群众问题、视察调研等履职记录计算得出。其中"
            + "、".join(f"{name}{n}名" for name, n in counts.items()) + "。现将考核结果予以公示。"))
        story.append(g.table(["名次", "姓名", "代表小组", "总分", "等次"],
                             [[str(s.rank), s.name, s.group_name, f"{s.total:g}", s.grade] for s in scores],
                             [2, 3, 6, 2.5, 2.5], size=12))
        story.append(g.body("公示期为7天。对考核结果有异议的，请在公示期内向镇人大主席团反映，"
                            "经核实确有差错、重复或遗漏的予以更正。"))
        endings.close_with_signature(story, f"{town}人大主席团", published_on)
    return Path(out)
