"""The papers of the livelihood projects: the 选票 (the shortlisted candidates, a box each, choose
at most the year's number; one page per deputy), the result announcement (votes and places, the
projects chosen) and the year-end 评估报告 (progress, completion and the deputies' 满意率)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import PageBreak

from town_office.reports import gongwen as g
from town_office.reports import gongwen_endings as endings
from town_office.reports.chinese_numbers import chinese_number


def render_ballot_pdf(town: str, year: int, rows, quota: int, copies: int, out: Path) -> Path:
    with g.Paper(out, f"{year}年民生实事项目票决选票", page_numbers=False) as story:
        for n in range(1, copies + 1):
            story += g.title(f"{town}{year}年民生实事项目票决选票")
            story.append(g.body(f"本次票决从下列{len(rows)}个候选项目中选出{quota}个，"
                                f"同意的在项目后的方格内划“○”，最多选{chinese_number(quota)}项，多选无效。", indent=False))
            story.append(g.table(["序号", "候选项目", "投资（万元）", "同意"],
                                 [[str(i), r.name, f"{r.investment:g}", ""] for i, r in enumerate(rows, 1)],
                                 [1, 7, 2, 1.6], size=13, min_row_height=34, align=["center", "left", "center", "center"]))
            story.append(g.right_aligned(f"第{n}张（共{copies}张）"))
            if n < copies:
                story.append(PageBreak())
    return Path(out)


def render_result_pdf(town: str, year: int, session_title: str, present: int, rows, quota: int, out: Path,
                      issued_on: date) -> Path:
    with g.Paper(out, f"{year}年民生实事项目票决结果") as story:
        story += g.title(f"{town}{year}年民生实事项目票决结果公告")
        story.append(g.body(f"{session_title}对{len(rows)}个民生实事候选项目进行了票决，出席代表{present}名。"
                            f"按得票多少，{quota}个项目当选为{year}年民生实事项目。票决结果如下："))
        story.append(g.table(["名次", "候选项目", "得票", "第二轮", "结果"],
                             [[str(r.rank or ""), r.name, str(r.votes if r.votes is not None else ""),
                               "" if r.second_votes is None else str(r.second_votes), "当选" if r.chosen else ""]
                              for r in rows], [1.1, 7, 1.4, 1.6, 1.4], size=12,
                             align=["center", "left", "center", "center", "center"]))
        story.append(g.body("特此公告。"))
        endings.close_with_signature(story, f"{town}人民代表大会主席团", issued_on)
    return Path(out)


def render_evaluation_pdf(town: str, year: int, rows, out: Path, issued_on: date) -> Path:
    chosen = [r for r in rows if r.chosen]
    with g.Paper(out, f"{year}年民生实事项目评估报告") as story:
        story += g.title(f"{town}{year}年民生实事项目实施情况评估报告")
        done = sum(1 for r in chosen if r.progress == 100)
        story.append(g.body(f"{year}年经镇人民代表大会票决确定民生实事项目{len(chosen)}个，计划投资"
                            f"{sum(r.investment for r in chosen):g}万元。截至评估时，已完成{done}个。年终组织代表对各项目"
                            "进行满意度评议，结果如下："))
        lines = []
        for r in chosen:
            rate = r.satisfaction_rate
            lines.append([r.name, f"{r.investment:g}", f"{r.progress}%",
                          f"{r.completed_on:%Y-%m-%d}" if r.completed_on else "未完成",
                          "、".join(f"{k}{v}" for k, v in r.ratings.items()) or "未评议",
                          f"{rate:.1%}" if rate is not None else "—"])
        story.append(g.table(["项目", "投资（万元）", "进度", "完成日期", "代表评议", "满意率"], lines,
                             [4.0, 2.0, 1.3, 2.5, 3.6, 1.6], size=11,
                             align=["left", "center", "center", "center", "left", "center"]))
        endings.close_with_signature(story, f"{town}人大主席团", issued_on)
    return Path(out)
