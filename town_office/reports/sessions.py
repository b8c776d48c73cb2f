"""The papers of a congress session (镇人民代表大会第N次会议), drawn from the service's
``SessionDetail``: 会议通知, 签到表 (by deputy group, with a box to sign), 会议议程, 表决结果 / 选举结果
公告, a 会议决议 for each passed decision, and the ballots: a 表决票 for a decision and a 选票 for an
election, one page per deputy, numbered."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.platypus import PageBreak

from town_office.reports import gongwen as g
from town_office.reports import gongwen_endings as endings
from town_office.reports.chinese_numbers import chinese_date, chinese_number


def _issuer(session) -> str:
    return f"{session.town_name}人民代表大会主席团"


def _agenda_lines(session) -> list:
    if not session.items:
        return [g.body("议程另行通知。")]
    return [g.body(f"（{chinese_number(i)}）{item.title}" + (f"（报告人：{item.reporter}）" if item.reporter else ""))
            for i, item in enumerate(session.items, 1)]


def render_notice_pdf(session, out: Path, issued_on: date) -> Path:
    """会议通知 to the deputies: when, where, the agenda, and what to bring."""
    with g.Paper(out, f"{session.title}通知") as story:
        story += g.title(f"关于召开{session.title}的通知")
        story.append(g.body("各位代表：", indent=False))
        story.append(g.body(f"经镇人民代表大会主席团研究决定，{session.title}定于{session.dates_text}"
                            f"在{session.place or '（地点另行通知）'}召开。现将有关事项通知如下："))
        story.append(g.heading("一、会议时间"))
        story.append(g.body(session.dates_text + "。请于开会当日上午8:30前到会场报到签到。"))
        story.append(g.heading("二、会议地点"))
        story.append(g.body(session.place or "另行通知。"))
        story.append(g.heading("三、会议主要议程"))
        story += _agenda_lines(session)
        story.append(g.heading("四、有关要求"))
        story.append(g.body("请各位代表佩戴代表证，按时出席会议。因特殊情况不能出席的，须向镇人民代表大会主席团"
                            "书面请假。请提前深入选民听取意见，准备好代表建议。"))
        endings.close_with_signature(story, _issuer(session), issued_on)
    return Path(out)


def render_signin_pdf(session, out: Path) -> Path:
    """签到表: one block per deputy group (序号, 姓名, 工作单位及职务, 签名, 备注), then 列席, and the
    counts at the foot (blank until attendance is marked)."""
    by_group: dict[str, list] = {}
    for deputy in session.deputies:
        by_group.setdefault(deputy.group_name or "未编组代表", []).append(deputy)
    with g.Paper(out, f"{session.title}签到表") as story:
        story += g.title(f"{session.title}代表签到表")
        story.append(g.body(f"会议时间：{session.dates_text}　　会议地点：{session.place}", indent=False))
        number = 0
        for group, members in by_group.items():
            story.append(g.heading(f"{group}（{len(members)}人）", level=2))
            rows = []
            for m in members:
                number += 1
                remark = f"请假（{m.reason}）" if m.attendance == "请假" else ("缺席" if m.attendance == "缺席" else "")
                rows.append([str(number), m.name, m.unit_post, "", remark])
            story.append(g.table(["序号", "姓名", "工作单位及职务", "签名", "备注"], rows,
                                 [1.0, 2.0, 4.6, 3.0, 3.4], size=12, min_row_height=30,
                                 align=["center", "center", "left", "center", "center"]))
        if session.observers:
            story.append(g.heading(f"列席人员（{len(session.observers)}人）", level=2))
            story.append(g.table(["序号", "姓名", "工作单位及职务", "签名", "备注"],
                                 [[str(i), o.name, o.unit_post, "", "列席"]
                                  for i, o in enumerate(session.observers, 1)],
                                 [1.0, 2.0, 4.6, 3.0, 3.4], size=12, min_row_height=30,
                                 align=["center", "center", "left", "center", "center"]))
        t = session.tally
        story.append(g.blank_lines(0.5))
        story.append(g.body(f"应到代表{t.total}人　实到{t.present}人　请假{t.excused}人　缺席{t.absent}人",
                            indent=False))
    return Path(out)


def render_agenda_pdf(session, out: Path) -> Path:
    """会议议程, as adopted by the presidium."""
    with g.Paper(out, f"{session.title}议程") as story:
        story += g.title(f"{session.title}议程")
        story.append(g.body(f"（{session.dates_text}　{session.place}）", indent=False, align="center"))
        story += _agenda_lines(session)
    return Path(out)


def _result_line(index: int, item, tally) -> str:
    if item.kind == "选举":
        elected = [c for c in item.candidates if c.elected]
        names = "、".join(f"{c.name}（{c.post}，{c.votes}票）" if c.post else f"{c.name}（{c.votes}票）"
                          for c in elected) or "无人当选"
        return f"{chinese_number(index)}、{item.title}：应选{item.seats}名，当选：{names}。"
    if not item.voted:
        return f"{chinese_number(index)}、{item.title}：未付表决。"
    return (f"{chinese_number(index)}、{item.title}：赞成{item.votes_for}票，反对{item.votes_against}票，"
            f"弃权{item.votes_abstain}票，{'通过' if item.passed else '未通过'}。")


def render_announcement_pdf(session, out: Path, issued_on: date) -> Path:
    """表决结果 / 选举结果 公告 (公告 第N号 when elections are in it)."""
    has_election = any(i.kind == "选举" for i in session.items)
    kind = "选举和表决结果公告" if has_election else "表决结果公告"
    with g.Paper(out, f"{session.title}{kind}") as story:
        story += g.title(f"{session.title}{kind}")
        t = session.tally
        story.append(g.body(f"{session.title}于{session.dates_text}举行。本届代表{t.total}名，"
                            f"出席{t.present}名，符合法定人数。会议表决和选举结果如下："))
        counted = [i for i in session.items if i.voted or (i.kind == "选举" and i.result != "未计票")]
        for index, item in enumerate(counted, 1):
            story.append(g.body(_result_line(index, item, t)))
        if not counted:
            story.append(g.body("本次会议未进行表决和选举。"))
        story.append(g.body("特此公告。"))
        endings.close_with_signature(story, _issuer(session), issued_on)
    return Path(out)


def render_resolution_pdf(session, item, out: Path) -> Path:
    """会议决议 of one passed decision: the title, the adopting line, the decision's text."""
    subject = item.title if item.title.startswith("关于") and item.title.endswith("决议") \
        else f"关于{item.title}的决议"
    title = f"{session.town_name}人民代表大会{subject}"
    with g.Paper(out, title) as story:
        story += g.title(title)
        story.append(g.body(f"（{chinese_date(session.ends_on)}{session.title}通过）", indent=False,
                            align="center"))
        for paragraph in (item.decision or f"{session.title}审议并通过了{item.title}。").split("\n"):
            if paragraph.strip():
                story.append(g.body(paragraph.strip()))
    return Path(out)


def render_vote_ballot_pdf(session, item, out: Path, copies: int) -> Path:
    """表决票: one page per deputy, numbered, with a box for 赞成 / 反对 / 弃权."""
    with g.Paper(out, f"{item.title}表决票", page_numbers=False) as story:
        for n in range(1, copies + 1):
            story += g.title(f"{session.title}表决票")
            story.append(g.body(f"表决事项：{item.title}", indent=False))
            story.append(g.blank_lines(0.5))
            story.append(g.table(["赞成", "反对", "弃权"], [["", "", ""]], [1, 1, 1], size=16,
                                 min_row_height=90))
            story.append(g.blank_lines(0.5))
            story.append(g.body("说明：1. 表示赞成、反对或者弃权的，请在相应栏内划“○”，只能划一个；"
                                "2. 多划或者不划的，视为弃权；3. 请用黑色笔填写。", indent=False))
            story.append(g.right_aligned(f"第{n}张（共{copies}张）"))
            if n < copies:
                story.append(PageBreak())
    return Path(out)


def render_election_ballot_pdf(session, item, out: Path, copies: int) -> Path:
    """选票: the candidates with 同意 / 不同意 / 弃权 boxes and a line for another person; one page
    per deputy, numbered."""
    with g.Paper(out, f"{item.title}选票", page_numbers=False) as story:
        for n in range(1, copies + 1):
            story += g.title(f"{session.title}选票")
            story.append(g.body(f"选举事项：{item.title}（应选{item.seats}名）", indent=False))
            rows = [[c.name, c.post, "", "", ""] for c in item.candidates]
            rows.append(["另选他人：", "", "", "", ""])
            story.append(g.table(["候选人姓名", "职务", "同意", "不同意", "弃权"], rows,
                                 [3, 3, 2, 2, 2], size=14, min_row_height=40))
            story.append(g.blank_lines(0.5))
            story.append(g.body(f"说明：1. 对候选人表示同意的划“○”，不同意的划“×”，弃权的不划；"
                                f"2. 另选他人的，在“另选他人”栏写上姓名并在同意栏划“○”；"
                                f"3. 同意的人数等于或少于应选名额{item.seats}名的为有效票，多于的为无效票。",
                                indent=False))
            story.append(g.right_aligned(f"第{n}张（共{copies}张）"))
            if n < copies:
                story.append(PageBreak())
    return Path(out)
