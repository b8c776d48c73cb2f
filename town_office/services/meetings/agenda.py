"""Agenda items (议题) of a meeting, in order: title, 汇报人, materials (files kept in the data folder),
审议意见, 议定事项 and an optional vote whose result follows the pass rule. A meeting without quorum
cannot record a decision."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import AgendaItem, AgendaMaterial, AuditEntry, FollowUp
from town_office.models.db import database
from town_office.services.common import attachments, audit
from town_office.services.meetings.attendance import recheck_decisions
from town_office.services.meetings.materials import forget_material_file
from town_office.services.meetings.types import AGENDA_LABELS, AgendaItemInput, MeetingDetail
from town_office.services.meetings import (
    ensure_editable,
    get_meeting,
    meeting_or_404,
    tally_of,
    touch,
)
from town_office.services.settings import get_settings

TABLE = "agenda_item"


def _item_or_404(item_id: int) -> AgendaItem:
    item = AgendaItem.get_or_none(AgendaItem.id == item_id)
    if item is None:
        raise NotFound("找不到这个议题，可能已被删除。")
    return item


def _values(data: AgendaItemInput) -> dict:
    voted = bool(data.voted)
    return dict(title=data.title.strip(), reporter=data.reporter.strip(),
                discussion=data.discussion.strip(), decision=data.decision.strip(), voted=voted,
                votes_for=data.votes_for if voted else None,
                votes_against=data.votes_against if voted else None,
                votes_abstain=data.votes_abstain if voted else None)


def _problems(values: dict, meeting) -> list[FieldProblem]:
    problems = []
    if not values["title"]:
        problems.append(FieldProblem("议题", "请填写议题名称"))
    if values["decision"] or values["voted"]:
        tally = tally_of(list(meeting.attendees), get_settings().presidium_quorum_rule)
        if not tally.quorum_met:
            problems.append(FieldProblem(
                "议定事项", f"出席人数未达到法定人数（{tally.text}），不能形成议定事项或表决。"
                "请先核对出席情况。"))
    return problems


def _save(item: AgendaItem | None, meeting, data: AgendaItemInput) -> AgendaItem:
    values = _values(data)
    problems = _problems(values, meeting)
    if problems:
        raise ValidationError(problems)
    if item is None:
        position = (AgendaItem.select(fn.MAX(AgendaItem.position))
                    .where(AgendaItem.meeting == meeting.id).scalar())
        item = AgendaItem.create(meeting=meeting, position=(position or 0) + 1, vote_result="",
                                 **values)
        before = {}
    else:
        before = {k: getattr(item, k) for k in AGENDA_LABELS}
        AgendaItem.update(vote_result="" if not values["voted"] else item.vote_result,
                          **values).where(AgendaItem.id == item.id).execute()
    problems = recheck_decisions(meeting.id)
    if problems:
        raise ValidationError(problems)
    item = AgendaItem.get_by_id(item.id)
    after = {k: getattr(item, k) for k in AGENDA_LABELS}
    audit.record(TABLE, item.id, "新增" if not before else "修改",
                 audit.diff(before, after, AGENDA_LABELS))
    touch(meeting)
    return item


def add_item(meeting_id: int, data: AgendaItemInput) -> MeetingDetail:
    """Append an agenda item. Raises ValidationError (no title, no quorum, bad vote counts)."""
    with database.atomic():
        meeting = meeting_or_404(meeting_id)
        ensure_editable(meeting)
        _save(None, meeting, data)
    return get_meeting(meeting_id)


def update_item(item_id: int, data: AgendaItemInput) -> MeetingDetail:
    """Save an agenda item; a vote's result is computed by the pass rule, never typed."""
    with database.atomic():
        item = _item_or_404(item_id)
        ensure_editable(item.meeting)
        _save(item, item.meeting, data)
    return get_meeting(item.meeting_id)


def delete_item(item_id: int) -> MeetingDetail:
    """Remove an agenda item with its materials; refused when follow-ups hang on it."""
    with database.atomic():
        item = _item_or_404(item_id)
        meeting_id = item.meeting_id
        ensure_editable(item.meeting)
        if FollowUp.select().where(FollowUp.agenda_item == item_id).exists():
            raise ValidationError([FieldProblem("督办事项", f"议题“{item.title}”已有督办事项，请先删除督办事项。")])
        paths = [m.stored_path for m in item.materials]
        audit.record(TABLE, item_id, "删除", {"议题": (item.title, None)})
        item.delete_instance(recursive=True)
        _renumber(meeting_id)
    for path in paths:
        forget_material_file(path)
    return get_meeting(meeting_id)


def _renumber(meeting_id: int) -> None:
    items = AgendaItem.select().where(AgendaItem.meeting == meeting_id).order_by(
        AgendaItem.position, AgendaItem.id)
    for position, item in enumerate(items, start=1):
        if item.position != position:
            AgendaItem.update(position=position).where(AgendaItem.id == item.id).execute()


def reorder(meeting_id: int, item_ids: list[int]) -> MeetingDetail:
    """Put the agenda in the given order (drag and drop, or move up / down)."""
    with database.atomic():
        meeting = meeting_or_404(meeting_id)
        ensure_editable(meeting)
        current = [i.id for i in AgendaItem.select().where(AgendaItem.meeting == meeting_id)
                   .order_by(AgendaItem.position, AgendaItem.id)]
        if sorted(current) != sorted(item_ids):
            raise NotFound("议题已有变化，请关闭后重新打开这次会议。")
        if current != list(item_ids):
            for position, item_id in enumerate(item_ids, start=1):
                AgendaItem.update(position=position).where(AgendaItem.id == item_id).execute()
            titles = dict(AgendaItem.select(AgendaItem.id, AgendaItem.title)
                          .where(AgendaItem.meeting == meeting_id).tuples())
            audit.record("meeting", meeting_id, "调整议题顺序", {"议题顺序": (
                " / ".join(titles[i] for i in current), " / ".join(titles[i] for i in item_ids))})
            touch(meeting)
    return get_meeting(meeting_id)


def move_item(item_id: int, step: int) -> MeetingDetail:
    """Move an item up (-1) or down (+1)."""
    item = _item_or_404(item_id)
    ids = [i.id for i in AgendaItem.select().where(AgendaItem.meeting == item.meeting_id)
           .order_by(AgendaItem.position, AgendaItem.id)]
    index = ids.index(item_id)
    target = max(0, min(len(ids) - 1, index + step))
    ids.insert(target, ids.pop(index))
    return reorder(item.meeting_id, ids)


# --- materials ---------------------------------------------------------------------------------


def add_material(item_id: int, source: Path) -> MeetingDetail:
    """Copy a file into ``attachments/meetings/<meeting>/`` and attach it to the item."""
    item = _item_or_404(item_id)
    ensure_editable(item.meeting)
    with attachments.stored(Path(source), "meetings", str(item.meeting_id)) as kept, database.atomic():
        material = AgendaMaterial.create(agenda_item=item, file_name=Path(source).name,
                                         stored_path=kept.stored_path, size=kept.size,
                                         sha256=kept.sha256, added_at=datetime.now())
        audit.record(TABLE, item_id, "添加材料", {"会议材料": (None, material.file_name)})
    return get_meeting(item.meeting_id)


def remove_material(material_id: int) -> MeetingDetail:
    with database.atomic():
        material = AgendaMaterial.get_or_none(AgendaMaterial.id == material_id)
        if material is None:
            raise NotFound("找不到这份材料，可能已被移除。")
        item = material.agenda_item
        ensure_editable(item.meeting)
        audit.record(TABLE, item.id, "移除材料", {"会议材料": (material.file_name, None)})
        path = material.stored_path
        material.delete_instance()
    forget_material_file(path)
    return get_meeting(item.meeting_id)


# --- history ------------------------------------------------------------------------------------


def meeting_history(meeting_id: int) -> list:
    """The audit rows of a meeting, its agenda items and their follow-ups, oldest first."""
    item_ids = [i for (i,) in AgendaItem.select(AgendaItem.id).where(
        AgendaItem.meeting == meeting_id).tuples()]
    followup_ids = [i for (i,) in FollowUp.select(FollowUp.id).where(
        FollowUp.agenda_item.in_(item_ids or [0])).tuples()]
    rows = []
    for table, ids in (("meeting", [meeting_id]), ("agenda_item", item_ids),
                       ("follow_up", followup_ids)):
        if ids:
            query = AuditEntry.select(AuditEntry.table, AuditEntry.record_id).where(
                (AuditEntry.table == table) & AuditEntry.record_id.in_(ids)).distinct()
            for _, record_id in query.tuples():
                rows += audit.history(table, record_id)
    return sorted(rows, key=lambda r: r.at)
