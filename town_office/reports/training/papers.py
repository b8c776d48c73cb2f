"""Training papers from the service's ``SessionDetail``: the 培训签到表 (same style as the meeting
sign-in sheet; grouped by 代表小组 when the list is long) and the 培训情况 summary."""

from __future__ import annotations

from pathlib import Path

from town_office.reports import gongwen as g
from town_office.reports.chinese_numbers import chinese_date, chinese_number, weekday

GROUP_WHEN_LONGER_THAN = 20
SIGNIN_HEADER = ["序号", "姓名", "代表小组", "签名", "备注"]
SIGNIN_WIDTHS = [1.1, 2.2, 4.2, 3.6, 2.5]
SIGNIN_ALIGN = ["center", "center", "left", "center", "center"]


def _hours(hours: float) -> str:
    return f"{hours:g}"


def _facts(session) -> list:
    lines = [f"培训时间：{chinese_date(session.held_on)}（{weekday(session.held_on)}）",
             f"培训地点：{session.place or '　'}",
             f"组织单位：{session.organiser}　　培训类型：{session.kind}　　学时：{_hours(session.hours)}"]
    if session.lecturer:
        post = f"（{session.lecturer_post}）" if session.lecturer_post else ""
        lines.append(f"授课人：{session.lecturer}{post}")
    return [g.body(line, indent=False) for line in lines]


def _signin_rows(attendees, start: int = 1) -> list[list[str]]:
    return [[str(i), a.name, a.group_name, "", ""] for i, a in enumerate(attendees, start=start)]


def render_training_signin_pdf(session, out: Path) -> Path:
    """培训签到表: one table, or one per 代表小组 with a sub-heading when the list is long."""
    with g.Paper(out, f"{session.title}签到表") as story:
        story += g.title(f"{session.title}签到表")
        story += _facts(session)
        attendees = list(session.attendees)
        if len(attendees) > GROUP_WHEN_LONGER_THAN:
            groups: dict[str, list] = {}
            for a in attendees:
                groups.setdefault(a.group_name or "未分组", []).append(a)
            number = 1
            for index, (name, members) in enumerate(groups.items(), start=1):
                story.append(g.heading(f"（{chinese_number(index)}）{name}（{len(members)}人）", 2))
                story.append(g.table(SIGNIN_HEADER, _signin_rows(members, number), SIGNIN_WIDTHS,
                                     size=14, min_row_height=30, align=SIGNIN_ALIGN))
                number += len(members)
        else:
            story.append(g.table(SIGNIN_HEADER, _signin_rows(attendees), SIGNIN_WIDTHS, size=14,
                                 min_row_height=30, align=SIGNIN_ALIGN))
        story.append(g.blank_lines(0.5))
        story.append(g.body(f"应到{len(attendees)}人　实到　　人　请假　　人　缺席　　人", indent=False))
    return Path(out)


def render_training_summary_pdf(session, out: Path) -> Path:
    """培训情况: the facts, the topics, the counts and who attended, was excused or absent."""
    with g.Paper(out, f"{session.title}情况") as story:
        story += g.title(f"{session.title}情况")
        story += _facts(session)
        if session.topics:
            story.append(g.heading("一、培训内容"))
            story += [g.body(p.strip()) for p in session.topics.splitlines() if p.strip()]
        story.append(g.heading("二、参加情况" if session.topics else "一、参加情况"))
        story.append(g.body(session.counts_text + "。"))
        for label, status in (("出席：", "出席"), ("请假：", "请假"), ("缺席：", "缺席")):
            people = [a for a in session.attendees if a.attendance == status]
            names = "、".join(f"{a.name}（{a.reason}）" if a.reason else a.name for a in people)
            story.append(g.labelled(label, names or "无"))
        rows = [[str(i), a.name, a.group_name, a.attendance, a.reason]
                for i, a in enumerate(session.attendees, start=1)]
        story.append(g.table(["序号", "姓名", "代表小组", "出席情况", "备注"], rows,
                             [1.1, 2.2, 4.2, 2.2, 4], size=12))
    return Path(out)
