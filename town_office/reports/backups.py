"""移交清单: the sheet that goes with the county package — who hands over to whom, every file with its
size and checksum, the record counts, the backup's full SHA-256, and lines for both signatures."""

from __future__ import annotations

from pathlib import Path

from reportlab.platypus import KeepTogether

from town_office.reports import gongwen as g
from town_office.reports.chinese_numbers import chinese_date

# The tables a reader at the county recognises, in the order of the program's pages.
COUNTED = (("representative", "代表", "人"), ("deputy_group", "代表小组", "个"),
           ("meeting", "主席团会议", "次"), ("agenda_item", "会议议题", "项"),
           ("follow_up", "督办事项", "项"), ("training_session", "代表培训", "次"),
           ("training_attendee", "培训参训记录", "条"), ("visit", "走访记录", "次"),
           ("problem", "群众反映问题", "件"), ("inspection", "执法检查", "次"),
           ("hazard", "安全隐患", "项"), ("hazard_photo", "隐患照片", "张"),
           ("filed_minutes", "定稿纪要", "份"), ("archive_entry", "履职档案登记", "条"),
           ("assessment_result", "考核结果", "条"), ("rule_version", "规则文件版本", "个"),
           ("audit_entry", "修改记录", "条"))


def _size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def render_handoff_pdf(sheet, out: Path) -> Path:
    """``sheet`` has town, county, year, made_on, files (name, what, size, sha256), missing (texts),
    counts (table → rows), backup_name, backup_sha256, encrypted."""
    town = sheet.town or "乡镇"
    with g.Paper(out, f"{town}人大主席团资料移交清单") as story:
        story += g.title(f"{town}人大主席团资料移交清单")
        for label, text in (("移交单位：", f"{town}人大主席团"),
                            ("接收单位：", f"{sheet.county}人大常委会" if sheet.county else "县人大常委会"),
                            ("资料年度：", f"{sheet.year}年"),
                            ("制表日期：", chinese_date(sheet.made_on))):
            story.append(g.labelled(label, text, indent=False))
        story.append(g.heading("一、移交内容"))
        rows = [[str(i), f.name, f.what, _size(f.size), f.sha256[:16]]
                for i, f in enumerate(sheet.files, start=1)]
        story.append(g.table(["序号", "文件", "内容", "大小", "校验值（前16位）"], rows,
                             [2.5, 14, 8.5, 5, 10], size=10,
                             align=["center", "left", "left", "right", "center"]))
        if sheet.missing:
            story.append(g.body("以下资料本次未附：" + "；".join(sheet.missing) + "。"))
        story.append(g.heading("二、数据记录数"))
        counted = [(label, f"{sheet.counts.get(table, 0)}{unit}") for table, label, unit in COUNTED]
        half = (len(counted) + 1) // 2
        pairs = [list(counted[i]) + (list(counted[i + half]) if i + half < len(counted) else ["", ""])
                 for i in range(half)]
        story.append(g.table(["项目", "数量", "项目", "数量"], pairs, [4, 2, 4, 2], size=11,
                             align=["left", "right", "left", "right"]))
        story.append(g.heading("三、备份文件"))
        story.append(g.labelled("文件名：", sheet.backup_name, indent=False))
        story.append(g.labelled("SHA-256：", sheet.backup_sha256, indent=False))
        story.append(g.labelled("加密：", "备份文件已设密码（密码另行当面告知，不随U盘传递）；其余可阅读的副本"
                                "没有加密，含代表姓名、电话等个人信息，请妥善保管U盘" if sheet.encrypted
                                else "没有设密码：备份文件和全部可阅读的副本都没有加密，含代表姓名、电话等"
                                "个人信息，请妥善保管U盘", indent=False))
        story.append(g.body("接收方可用“乡镇人大工作台”的“查看备份”只读打开，或运行 town-office verify "
                            "校验备份；校验值应与上列一致。其余文件无需本程序即可阅读。"))
        dates = g.signature_lines("移交日期：", "接收日期：")
        dates.spaceBefore = 0
        story.append(KeepTogether([g.signature_lines("移交人（签字）：", "接收人（签字）："), dates]))
    return Path(out)
