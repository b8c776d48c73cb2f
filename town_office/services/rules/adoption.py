"""Adopting a rule version (the meeting, the adoption and effective dates, kept in order with the
document's other versions) and repealing the version in force. From its effective date an adopted
version replaces the one before it; nothing adopted is ever deleted."""

from __future__ import annotations

from datetime import date, datetime

from town_office.errors import FieldProblem, ValidationError
from town_office.models import CongressSession, Meeting, RuleArticle, RuleVersion, RuleVersionSession
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.meetings.types import PREPARING
from town_office.services.rules.types import VERSION_LABELS, AdoptionInput, VersionDetail
from town_office.services.rules import VERSION_TABLE, get_version, meeting_titles, version_or_404


def _adoption_problems(version: RuleVersion, data: AdoptionInput, today: date) -> list[FieldProblem]:
    problems = []
    if version.repealed_on is not None:
        return [FieldProblem("通过日期", "已废止的版本不能再修改通过信息")]
    if data.adopted_on is None:
        problems.append(FieldProblem("通过日期", "请填写通过日期"))
    elif data.adopted_on > today:
        problems.append(FieldProblem("通过日期", "通过日期不能晚于今天；尚未通过的请保留为草案"))
    elif version.drafted_on and data.adopted_on < version.drafted_on:
        problems.append(FieldProblem("通过日期", f"通过日期不能早于起草日期（{version.drafted_on}）；"
                                             "补录以前通过的文件时，请先在“查看/编辑条文”中改正起草日期"))
    if data.effective_on is None:
        problems.append(FieldProblem("生效日期", "请填写生效日期（一般为通过之日）"))
    elif data.adopted_on and data.effective_on < data.adopted_on:
        problems.append(FieldProblem("生效日期", "生效日期不能早于通过日期"))
    if data.meeting_id:
        meeting = Meeting.get_or_none(Meeting.id == data.meeting_id)
        if meeting is None:
            problems.append(FieldProblem("通过会议", "找不到这次会议"))
        elif meeting.status == PREPARING:
            problems.append(FieldProblem("通过会议", "这次会议还在筹备中，尚未召开"))
        elif data.adopted_on and data.adopted_on != meeting.held_on:
            problems.append(FieldProblem("通过日期", f"通过日期应为这次会议召开的日期（{meeting.held_on}）"))
    elif data.session_id:
        session = CongressSession.get_or_none(CongressSession.id == data.session_id)
        if session is None:
            problems.append(FieldProblem("通过会议", "找不到这次人代会会议"))
        elif data.adopted_on and not session.starts_on <= data.adopted_on <= session.ends_on:
            problems.append(FieldProblem("通过日期", f"通过日期应在这次会议的会期内（{session.starts_on}起）"))
    elif not data.adopted_by.strip():
        problems.append(FieldProblem("通过会议", "请选择通过这一版本的主席团会议，或填写会议名称，"
                                             "如：青石镇第十九届人民代表大会第一次会议"))
    if not RuleArticle.select().where((RuleArticle.version == version.id) & ~RuleArticle.is_chapter).exists():
        problems.append(FieldProblem("条文", "这一版本还没有条文，不能通过"))
    if data.effective_on:
        problems += _order_problems(version, data.effective_on)
    return problems


def _order_problems(version: RuleVersion, effective_on: date) -> list[FieldProblem]:
    """An adopted version takes effect after the one before it and before the one after it."""
    others = list(RuleVersion.select().where((RuleVersion.document == version.document_id)
                                              & (RuleVersion.id != version.id)
                                              & RuleVersion.adopted_on.is_null(False)))
    earlier = [v for v in others if v.number < version.number]
    later = [v for v in others if v.number > version.number]
    problems = []
    if earlier:
        before = max(earlier, key=lambda v: v.number)
        if effective_on <= before.effective_on:
            problems.append(FieldProblem("生效日期", f"生效日期须晚于第{before.number}版的生效日期"
                                                   f"（{before.effective_on}）"))
        elif before.repealed_on and effective_on < before.repealed_on:
            problems.append(FieldProblem("生效日期", f"第{before.number}版定于{before.repealed_on}废止，"
                                                   "新版本的生效日期不能早于废止日期"))
    if later:
        after = min(later, key=lambda v: v.number)
        if effective_on >= after.effective_on:
            problems.append(FieldProblem("生效日期", f"生效日期须早于第{after.number}版的生效日期"
                                                   f"（{after.effective_on}）"))
    return problems


def adopt(version_id: int, data: AdoptionInput, today: date | None = None) -> VersionDetail:
    """Record that a version was adopted (or correct how it was): date, meeting, effective date.
    From its effective date it replaces the version before it."""
    version = version_or_404(version_id)
    problems = _adoption_problems(version, data, today or date.today())
    if problems:
        raise ValidationError(problems)
    values = {"adopted_on": data.adopted_on, "effective_on": data.effective_on,
              "adopted_by": "" if data.meeting_id else data.adopted_by.strip()}
    before = {"adopted_on": version.adopted_on, "effective_on": version.effective_on,
              "adopted_by": version.adopted_by}
    labels = {k: VERSION_LABELS[k] for k in values}
    with database.atomic():
        changes = audit.diff(before, values, labels)
        if data.meeting_id != version.adopted_meeting_id:
            titles = meeting_titles({m for m in (data.meeting_id, version.adopted_meeting_id) if m})
            changes["通过会议"] = (titles.get(version.adopted_meeting_id) or version.adopted_by or None,
                               titles.get(data.meeting_id) or values["adopted_by"])
        RuleVersion.update(adopted_meeting=data.meeting_id or None, updated_at=datetime.now(),
                           **values).where(RuleVersion.id == version_id).execute()
        RuleVersionSession.delete().where(RuleVersionSession.version == version_id).execute()
        if data.session_id and not data.meeting_id:
            RuleVersionSession.create(version=version_id, session=data.session_id)
        audit.record(VERSION_TABLE, version_id, "修改通过信息" if version.adopted_on else "通过", changes)
    return get_version(version_id)


def repeal(version_id: int, repealed_on: date | None, reason: str) -> VersionDetail:
    """废止 the document's latest adopted version from ``repealed_on`` (with a reason)."""
    version = version_or_404(version_id)
    problems = []
    if version.adopted_on is None:
        problems.append(FieldProblem("废止日期", "草案尚未通过，不需要废止；不用的草案可以删除"))
    elif version.repealed_on is not None:
        problems.append(FieldProblem("废止日期", f"第{version.number}版已于{version.repealed_on}废止"))
    else:
        newer = RuleVersion.select().where((RuleVersion.document == version.document_id)
                                           & (RuleVersion.number > version.number)
                                           & RuleVersion.adopted_on.is_null(False)).first()
        if newer is not None:
            problems.append(FieldProblem("废止日期", f"第{version.number}版已由第{newer.number}版取代，"
                                                   "只能废止最新通过的版本"))
        if repealed_on is None:
            problems.append(FieldProblem("废止日期", "请填写废止日期"))
        elif repealed_on < version.effective_on:
            problems.append(FieldProblem("废止日期", f"废止日期不能早于生效日期（{version.effective_on}）"))
    if not reason.strip():
        problems.append(FieldProblem("废止原因", "请写明废止原因，如：已被新的办法取代、上位法修改"))
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        RuleVersion.update(repealed_on=repealed_on, repeal_reason=reason.strip(),
                           updated_at=datetime.now()).where(RuleVersion.id == version_id).execute()
        audit.record(VERSION_TABLE, version_id, "废止",
                     {"废止日期": (None, repealed_on), "废止原因": (None, reason.strip())})
    return get_version(version_id)
