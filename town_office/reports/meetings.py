"""The four papers of a presidium meeting, drawn from the service's ``MeetingDetail``:
会议通知, 签到表, 会议记录 and 会议纪要 (red header, 第N期, 议定事项 一、二、三…, 出席 / 请假 / 列席)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from town_office.reports import gongwen as g
from town_office.reports import gongwen_endings as endings
from town_office.reports.chinese_numbers import chinese_date, chinese_number, weekday


def clock_text(hhmm: str) -> str:
    """09:00 -> 上午9:00, 14:30 -> 下午2:30."""
    if not hhmm or ":" not in hhmm:
        return hhmm
    hour, minute = (int(part) for part in hhmm.split(":"))
    if hour < 12:
        return f"上午{hour}:{minute:02d}"
    return f"下午{hour - 12 if hour > 12 else hour}:{minute:02d}"


def _when(meeting, with_end: bool = True) -> str:
    text = f"{chinese_date(meeting.held_on)}（{weekday(meeting.held_on)}）{clock_text(meeting.starts_at)}"
    return text + (f"至{clock_text(meeting.ends_at)}" if with_end and meeting.ends_at else "")


def _names(people) -> str:
    return "、".join(p.name for p in people) or "无"


def _excused(meeting) -> str:
    return "、".join(f"{m.name}（{m.reason}）" for m in meeting.members if m.attendance == "请假") or "无"


def _observers(meeting) -> str:
    return "、".join(f"{o.name}（{o.unit_post}）" if o.unit_post else o.name
                     for o in meeting.observers) or "无"


def _followup_line(index: int, f) -> str:
    text = f"{index}. {f.content}（承办单位：{f.handling_unit}"
    if f.responsible:
        text += f"，责任人：{f.responsible}"
    return text + f"，办理时限：{chinese_date(f.deadline)}，目前{f.status}）"


def _review_lines(meeting) -> list:
    if not meeting.reviewed_followups:
        return [g.body("上次会议议定事项均已办结。")]
    lines = []
    for index, f in enumerate(meeting.reviewed_followups, start=1):
        line = f"{index}. 第{chinese_number(f.meeting_number)}次会议交办：{f.content}（{f.handling_unit}，{f.status}"
        if f.status == "已办结" and f.done_on:
            line += f"，{chinese_date(f.done_on)}办结：{f.result}"
        elif f.status == "延期":
            line += f"，已延期至{chinese_date(f.deadline)}"
        else:
            line += f"，时限{chinese_date(f.deadline)}"
        lines.append(g.body(line + "）"))
    return lines


def render_notice_pdf(meeting, out: Path, issued_on: date) -> Path:
    """会议通知: to the members and 列席, with time, place and the agenda."""
    with g.Paper(out, f"{meeting.title}通知") as story:
        story += g.title(f"关于召开{meeting.title}的通知")
        addressee = "各位主席团成员、列席人员：" if meeting.observers else "各位主席团成员："
        story.append(g.body(addressee, indent=False))
        story.append(g.body(f"经研究，定于{_when(meeting, False)}在{meeting.place}召开{meeting.title}。"
                            "现将有关事项通知如下："))
        story.append(g.heading("一、会议时间"))
        story.append(g.body(_when(meeting, False)))
        story.append(g.heading("二、会议地点"))
        story.append(g.body(meeting.place))
        story.append(g.heading("三、会议议程"))
        for index, item in enumerate(meeting.items, start=1):
            reporter = f"（汇报人：{item.reporter}）" if item.reporter else ""
            story.append(g.body(f"（{chinese_number(index)}）{item.title}{reporter}"))
        if not meeting.items:
            story.append(g.body("议程另行通知。"))
        story.append(g.heading("四、出席人员"))
        story.append(g.body(f"镇人大主席团全体成员：{_names(meeting.members)}。"))
        number = 5
        if meeting.observers:
            story.append(g.heading("五、列席人员"))
            story.append(g.body(_observers(meeting) + "。"))
            number = 6
        story.append(g.heading(f"{chinese_number(number)}、有关要求"))
        story.append(g.body("请准时出席会议。因特殊情况不能出席的，请于会前向镇人大主席团请假。"
                            "会议材料请提前审阅。"))
        endings.close_with_signature(story, f"{meeting.town_name}人大主席团", issued_on)
    return Path(out)


def render_signin_pdf(meeting, out: Path) -> Path:
    """签到表: members then 列席, with 应到 / 实到 / 请假 / 缺席 at the foot."""
    held = meeting.status != "筹备"
    rows = []
    for member in meeting.members:
        post = f"主席团{member.presidium_role or '成员'}"
        if member.unit_post:
            post += f"，{member.unit_post}"
        remark = f"请假（{member.reason}）" if held and member.attendance == "请假" else ""
        remark = "缺席" if held and member.attendance == "缺席" else remark
        rows.append([member.name, post, "", remark])
    rows += [[o.name, o.unit_post, "", "列席"] for o in meeting.observers]
    with g.Paper(out, f"{meeting.title}签到表") as story:
        story += g.title(f"{meeting.title}签到表")
        story.append(g.body(f"会议时间：{_when(meeting)}", indent=False))
        story.append(g.body(f"会议地点：{meeting.place}", indent=False))
        story.append(g.table(["序号", "姓名", "职务或单位", "签名", "备注"],
                             [[str(i)] + row for i, row in enumerate(rows, start=1)],
                             [1.1, 2.2, 5.2, 3, 2.5], size=14, min_row_height=34,
                             align=["center", "center", "left", "center", "center"]))
        t = meeting.tally
        if held:
            foot = (f"应到{t.expected}人　实到{t.present}人　请假{t.excused}人　缺席{t.absent}人"
                    f"　列席{len(meeting.observers)}人")
        else:
            foot = f"应到{t.expected}人　实到　　人　请假　　人　缺席　　人　列席　　人"
        story.append(g.blank_lines(0.5))
        story.append(g.body(foot, indent=False))
    return Path(out)


DRAFT_SUFFIX = "（草稿）"
NOT_YET_HELD = "（会议召开后按签到情况填写）"


def _attendance_lines(meeting) -> list[tuple[str, str]]:
    """出席 / 请假 / 缺席 / 列席 / 人数 as recorded; for a meeting not yet held, only who is expected."""
    if meeting.in_preparation:
        return [("应到：", f"{meeting.tally.expected}人：" + _names(meeting.members)),
                ("出席、请假、缺席：", NOT_YET_HELD), ("列席：", _observers(meeting))]
    return [("出席：", _names([m for m in meeting.members if m.attendance == "出席"])),
            ("请假：", _excused(meeting)),
            ("缺席：", "、".join(meeting.names("缺席")) or "无"),
            ("列席：", _observers(meeting)),
            ("人数：", meeting.tally.text + ("" if meeting.tally.quorum_met else "，未达到法定人数"))]


def render_record_pdf(meeting, out: Path) -> Path:
    """会议记录: the full record with discussion per item and signature lines; a meeting not yet
    held prints as a draft (（草稿） and 样稿 on every page) that states no attendance."""
    draft = meeting.in_preparation
    name = f"{meeting.title}记录" + (DRAFT_SUFFIX if draft else "")
    with g.Paper(out, name, draft=draft) as story:
        story += g.title(name)
        for label, text in (("时间：", _when(meeting)), ("地点：", meeting.place),
                            ("主持人：", meeting.chair or "　"), ("记录人：", meeting.recorder or "　"),
                            *_attendance_lines(meeting)):
            story.append(g.labelled(label, text, indent=False))
        if meeting.summary:
            story.append(g.labelled("会议概况：", meeting.summary, indent=False))
        story.append(g.heading("会议议程", 1))
        for index, item in enumerate(meeting.items, start=1):
            story.append(g.body(f"{index}. {item.title}"))
        for index, item in enumerate(meeting.items, start=1):
            story.append(g.heading(f"{chinese_number(index)}、{item.title}"))
            if item.reporter:
                story.append(g.labelled("汇报人：", item.reporter))
            if item.reviews_followups:
                story += _review_lines(meeting)
            story += [g.labelled("审议意见：", p) for p in _paragraphs(item.discussion)] or \
                [g.labelled("审议意见：", "无")]
            if item.decision:
                story.append(g.labelled("议定事项：", item.decision))
            if item.voted:
                story.append(g.labelled("表决情况：", item.vote_text))
            for n, f in enumerate(item.followups, start=1):
                story.append(g.labelled("督办事项：" if n == 1 else "", _followup_line(n, f)))
        story.append(g.signature_lines("主持人（签字）：", "记录人（签字）："))
    return Path(out)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in (text or "").splitlines() if p.strip()]


def render_minutes_pdf(meeting, out: Path) -> Path:
    """会议纪要: red header, overview, 议定事项 as 一、二、三…, then 出席 / 请假 / 列席. No seal."""
    issue = meeting.minutes_issue or meeting.number
    issued_on = meeting.minutes_date or meeting.held_on
    decided = [i for i in meeting.items if i.decision or i.reviews_followups]
    draft = meeting.in_preparation
    with g.Paper(out, f"{meeting.title}纪要" + (DRAFT_SUFFIX if draft else ""), draft=draft) as story:
        story += g.red_header(f"{meeting.town_name}人大主席团会议纪要", f"第{issue}期"
                              + (DRAFT_SUFFIX if draft else ""), f"{meeting.town_name}人大主席团", issued_on)
        t = meeting.tally
        if draft:
            overview = (f"{chinese_date(meeting.held_on)}，{meeting.title}拟在{meeting.place}召开，"
                        f"由{meeting.chair or '主席团主席'}主持。出席情况在会议召开后按签到填写。")
        else:
            overview = (f"{chinese_date(meeting.held_on)}，{meeting.title}在{meeting.place}召开。"
                        f"会议由{meeting.chair or '主席团主席'}主持，应到{t.expected}人，实到{t.present}人"
                        f"{'，符合法定人数' if t.quorum_met else '，未达到法定人数'}。")
        if meeting.summary:
            overview += meeting.summary.rstrip("。") + "。"
        overview += "现将会议议定事项纪要如下：" if decided else "会议未形成议定事项。"
        story.append(g.body(overview))
        for index, item in enumerate(decided, start=1):
            story.append(g.heading(f"{chinese_number(index)}、{item.title}"))
            if item.reviews_followups:
                story.append(g.body("会议听取了上次会议议定事项落实情况的汇报。"))
                story += _review_lines(meeting)
            if item.decision:
                text = item.decision
                if item.voted:
                    text = text.rstrip("。") + (
                        f"。会议以赞成{item.votes_for}票、反对{item.votes_against}票、"
                        f"弃权{item.votes_abstain}票{'表决通过' if item.vote_result == '通过' else '，未获通过'}。")
                story.append(g.body(text))
            for n, f in enumerate(item.followups, start=1):
                story.append(g.body(_followup_line(n, f).replace("，目前" + f.status, "")))
        story.append(g.blank_lines(1))
        for label, text in _attendance_lines(meeting):
            if label != "人数：" and (label != "缺席：" or meeting.names("缺席")):
                story.append(g.hanging(label, text))
        story.append(endings.imprint(meeting.copy_to, f"{meeting.town_name}人大主席团", issued_on))
    return Path(out)
