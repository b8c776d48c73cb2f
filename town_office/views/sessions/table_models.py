"""Table models of the sessions area: sessions, the deputies' attendance, the agenda items."""

from __future__ import annotations

from town_office.services.sessions.types import SessionRow
from town_office.views.widgets.table_model import ENDED_GREY, OVERDUE_RED, ColumnSpec, DataclassTableModel


class SessionTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("会次", lambda s: f"{s.term_name}第{s.number}次会议", lambda s: (s.starts_on, s.number)),
        ColumnSpec("会期", lambda s: s.dates_text, lambda s: s.starts_on),
        ColumnSpec("类型", lambda s: s.kind, align_center=True),
        ColumnSpec("应到", lambda s: str(s.total), lambda s: s.total, True),
        ColumnSpec("实到", lambda s: str(s.present), lambda s: s.present, True),
        ColumnSpec("法定人数", lambda s: "符合" if s.quorum_met else "不足", lambda s: s.quorum_met, True),
        ColumnSpec("议程", lambda s: f"{s.items}项", lambda s: s.items, True),
        ColumnSpec("地点", lambda s: s.place),
    )

    def foreground(self, row: SessionRow):
        return None if row.quorum_met else OVERDUE_RED


class SessionAttendeeTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("代表小组", lambda a: a.group_name, lambda a: (a.group_name, a.name)),
        ColumnSpec("姓名", lambda a: a.name),
        ColumnSpec("出席情况", lambda a: a.attendance, align_center=True),
        ColumnSpec("请假原因", lambda a: a.reason),
        ColumnSpec("工作单位及职务", lambda a: a.unit_post),
    )

    def foreground(self, row):
        return ENDED_GREY if row.attendance != "出席" else None


class ObserverTableModel(DataclassTableModel):
    COLUMNS = (ColumnSpec("列席人员", lambda a: a.name), ColumnSpec("工作单位及职务", lambda a: a.unit_post))


def _result(item) -> str:
    if item.kind == "选举":
        elected = "、".join(c.name for c in item.candidates if c.elected)
        return f"{item.result}：{elected}" if elected else item.result
    if item.voted:
        return f"{item.result}（{item.votes_for}/{item.votes_against}/{item.votes_abstain}）"
    return item.result


class SessionItemTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("序号", lambda i: str(i.position), lambda i: i.position, True),
        ColumnSpec("类别", lambda i: i.kind, align_center=True),
        ColumnSpec("议题", lambda i: i.title),
        ColumnSpec("报告人", lambda i: i.reporter),
        ColumnSpec("结果（赞成/反对/弃权）", _result),
        ColumnSpec("文件", lambda i: f"{len(i.documents)}份" if i.documents else "", lambda i: len(i.documents), True),
    )
