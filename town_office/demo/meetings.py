"""Demo presidium meetings for 2025 and 2026: a 例会 every quarter and one 临时会议, with a 请假, 列席
persons (one from the roster with a rare name character), votes, follow-ups (one overdue, one
extended, one finished) and finalised minutes. Meetings after today stay in 筹备."""

from __future__ import annotations

from datetime import date

from town_office.services.meetings import followups
from town_office.services.meetings import agenda as meeting_agenda
from town_office.services.meetings import attendance as meeting_attendance
from town_office.services.meetings import papers as meeting_papers
from town_office.services import meetings, roster
from town_office.services.meetings.types import (
    DONE,
    EXCUSED,
    IN_PROGRESS,
    PRESENT,
    AgendaItemInput,
    AttendanceChange,
    FollowUpInput,
    MeetingInput,
    ObserverInput,
)

PLACE = "镇人民政府三楼会议室"
RECORDER = "陈晓燕（镇人大专干）"

# (date, kind, first number or None, agenda [(title, reporter, decision)], finalise)
MEETINGS = [
    (date(2025, 3, 26), "例会", 13, [
        ("审议2025年镇人大主席团工作要点", "李春梅", "原则通过2025年镇人大主席团工作要点，印发各代表小组执行。"),
        ("研究部署第一季度代表小组活动", "王建国", "各代表小组于4月底前开展一次进村入户走访活动。")], True),
    (date(2025, 6, 25), "例会", None, [
        ("听取镇人民政府关于农村人居环境整治情况的报告", "陈志强", "同意报告，建议镇政府加快石门村污水管网建设。")], True),
    (date(2025, 9, 24), "例会", None, [
        ("听取关于民生实事项目推进情况的汇报", "陈志强", "要求镇政府在年底前完成柳溪村便民桥建设。"),
        ("审议《青石镇人大主席团视察调研办法（修订草案）》", "李春梅",
         "通过修订后的《青石镇人大主席团视察调研办法》，自2025年10月1日起施行。")], True),
    (date(2025, 12, 24), "例会", None, [
        ("审议2025年度代表履职考核办法", "李春梅", "通过《青石镇人大代表履职考核办法》。"),
        ("研究确定2026年民生实事候选项目", "王建国", "确定五个候选项目提交镇人民代表大会票决。")], True),
    (date(2026, 3, 25), "例会", None, [
        ("审议2026年镇人大主席团工作要点", "李春梅", "原则通过2026年镇人大主席团工作要点。"),
        ("研究开展安全生产执法检查", "王建国", "4月组织部分代表对辖区企业开展安全生产执法检查。")], True),
    (date(2026, 5, 20), "临时会议", None, [
        ("研究防汛救灾代表行动方案", "王建国", "全体代表参与防汛值守，各代表小组负责本片区隐患排查。")],
     True),
    (date(2026, 6, 24), "例会", None, [
        ("听取镇人民政府关于民生实事项目进展情况的报告", "陈志强",
         "要求镇政府于9月底前完成桃源村饮水安全巩固提升工程，11月底前完成白沙村道路硬化。")], True),
    (date(2026, 9, 23), "例会", None, [
        ("听取关于代表建议办理情况的汇报", "陈志强", "对办理进度滞后的建议由主席团挂牌督办。")], False),
    (date(2026, 12, 16), "例会", None, [
        ("审议2026年度代表履职考核结果", "李春梅", ""),
        ("研究2027年镇人大主席团工作要点", "王建国", "")], False),
]

# follow-ups per meeting index: (item index, content, unit, person, deadline, progress)
FOLLOWUPS = {
    1: [(0, "加快石门村污水管网建设", "镇村镇建设服务中心", "刘志远", date(2025, 9, 30),
         ("done", date(2025, 9, 20), "污水管网已建成并投入使用"))],
    2: [(0, "完成柳溪村便民桥建设", "镇人民政府", "陈志强", date(2025, 12, 31),
         ("done", date(2025, 12, 18), "便民桥已通过验收并通行"))],
    6: [(0, "完成桃源村饮水安全巩固提升工程", "镇水利站", "何建军", date(2026, 9, 30),
         ("extend", date(2026, 12, 31), "管材供应延误，经主席团同意延期", date(2026, 9, 23))),
        (0, "完成白沙村道路硬化", "镇村镇建设服务中心", "刘志远", date(2026, 10, 31),
         ("progress", "已完成路基，待浇筑路面"))],
}


def build() -> dict[str, int]:
    reps = {r.name: r for r in roster.list_representatives()}
    today = date.today()
    count = 0
    for index, (held_on, kind, number, agenda, finalise) in enumerate(MEETINGS):
        detail = meetings.create_meeting(MeetingInput(
            held_on=held_on, kind=kind, number=number, starts_at="09:00",
            ends_at="11:30" if held_on <= today else "", place=PLACE, chair="王建国",
            recorder=RECORDER, summary="会议传达学习了县人大常委会有关会议精神" if index % 2 else ""))
        if index == 3:  # a 请假
            absent = next(m for m in detail.members if m.name == "杨月娥")
            meeting_attendance.set_attendance(detail.id, [AttendanceChange(absent.id, EXCUSED, "外出学习")])
        if index in (1, 6, 7):  # 列席: the 镇长 typed in, a group leader from the roster
            meeting_attendance.add_observer(detail.id, ObserverInput("陈志强", "镇人民政府镇长"))
            meeting_attendance.add_observer(detail.id, ObserverInput(
                "", "石门片代表小组", representative_id=reps["刘𬌗"].id))
        present = sum(1 for m in meetings.get_meeting(detail.id).members if m.attendance == PRESENT)
        for position, (title, reporter, decision) in enumerate(agenda):
            voted = (index in (0, 3, 4) and position == 0) or title.startswith("审议《")
            meeting_agenda.add_item(detail.id, AgendaItemInput(
                title=title, reporter=reporter, decision=decision if held_on <= today else "",
                discussion="与会成员认为，报告内容翔实，措施具体。建议进一步加强督促检查，确保按期完成。"
                if held_on <= today else "",
                voted=voted, votes_for=present if voted else None, votes_against=0 if voted else None,
                votes_abstain=0 if voted else None))
        detail = meetings.get_meeting(detail.id)
        for item_index, content, unit, person, deadline, progress in FOLLOWUPS.get(index, []):
            items = [i for i in detail.items if not i.reviews_followups]
            row = followups.create_followup(items[item_index].id,
                                            FollowUpInput(content, deadline, unit, person))
            _progress(row.id, progress)
            count += 1
        if held_on <= today:
            meetings.mark_held(detail.id)
            if finalise:
                meeting_papers.finalise(detail.id)
    return {"主席团会议": len(MEETINGS), "督办事项": count}


def _progress(followup_id: int, progress) -> None:
    if progress[0] == "done":
        followups.set_progress(followup_id, IN_PROGRESS)
        followups.set_progress(followup_id, DONE, progress[2], progress[1])
    elif progress[0] == "extend":
        followups.set_progress(followup_id, IN_PROGRESS)
        followups.extend(followup_id, progress[1], progress[2], progress[3])
    else:
        followups.set_progress(followup_id, IN_PROGRESS, progress[1])
