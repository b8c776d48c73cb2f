"""A session's agenda: items of kinds 审议工作报告, 选举, 决定, 民生实事票决 and 其他, in order; each
item's vote (赞成 / 反对 / 弃权 of those present; passed with more than half of ALL deputies, a
setting) or its election (candidates and votes each; elected with more than half of all deputies'
votes, the most votes first up to the seats). A session without quorum records no vote. An
election of the presidium at a term's first session is written to the deputies' presidium roles."""

from __future__ import annotations

from datetime import datetime

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import Representative, SessionCandidate, SessionItem
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.common.text_limits import too_long
from town_office.services.sessions import ensure_session_editable, get_session, session_or_404, touch
from town_office.services.sessions.rules import ballot_problems, vote_problems
from town_office.services.sessions.types import (
    ELECTION,
    ELECTION_POSTS,
    ITEM_KINDS,
    PRESIDIUM_POSTS,
    SessionDetail,
    SessionItemInput,
)

TABLE = "session_item"
LABELS = {"kind": "类别", "title": "议题", "reporter": "报告人", "decision": "决议内容",
          "votes_for": "赞成", "votes_against": "反对", "votes_abstain": "弃权", "seats": "应选名额"}


def _item_or_404(item_id: int) -> SessionItem:
    item = SessionItem.get_or_none(SessionItem.id == item_id)
    if item is None:
        raise NotFound("找不到这个议程项目，可能已被删除。")
    return item


def _problems(data: SessionItemInput, detail: SessionDetail) -> list[FieldProblem]:
    problems = []
    if data.kind not in ITEM_KINDS:
        problems.append(FieldProblem("类别", f"请从{'、'.join(ITEM_KINDS)}中选择"))
    if not data.title.strip():
        problems.append(FieldProblem("议题", "请填写议题（如：审议政府工作报告）"))
    problems += [p for p in (too_long(data.title, "title", "议题"), too_long(data.reporter, "name", "报告人"),
                             too_long(data.decision, "decision", "决议内容")) if p]
    present = detail.tally.present
    counted = data.votes_for is not None or any(c[3] is not None for c in data.candidates)
    if counted and not detail.tally.quorum_met:
        problems.append(FieldProblem("候选人" if data.kind == ELECTION else "表决", f"出席代表不足法定人数（{detail.tally.text}），不能表决或选举。"
                                            "请先核对出席情况。"))
    if data.kind == ELECTION:
        if data.seats < 1:
            problems.append(FieldProblem("应选名额", "应选名额至少1名"))
        names = [c[0].strip() for c in data.candidates]  # may wait: the 选票 needs them, not the item
        for number, (name, post, _, _) in enumerate(data.candidates, 1):
            if not name.strip():
                problems.append(FieldProblem("候选人", f"第{number}名候选人：请填写姓名"))
            if post and post not in ELECTION_POSTS:
                problems.append(FieldProblem("候选人", f"第{number}名候选人：职务请从{'、'.join(ELECTION_POSTS)}中选择"))
        duplicates = {n for n in names if n and names.count(n) > 1}
        if duplicates:
            problems.append(FieldProblem("候选人", f"候选人重复：{'、'.join(sorted(duplicates))}"))
        problems += ballot_problems(present, [c[3] for c in data.candidates], data.seats)
    else:
        problems += vote_problems(present, data.votes_for, data.votes_against, data.votes_abstain)
    return problems


def _save(item: SessionItem | None, session, data: SessionItemInput) -> SessionItem:
    detail = get_session(session.id)
    problems = _problems(data, detail)
    if problems:
        raise ValidationError(problems)
    election = data.kind == ELECTION
    values = {"kind": data.kind, "title": data.title.strip(), "reporter": data.reporter.strip(),
              "decision": data.decision.strip(),
              "votes_for": None if election else data.votes_for,
              "votes_against": None if election else data.votes_against,
              "votes_abstain": None if election else data.votes_abstain,
              "seats": data.seats if election else 1}
    before = {k: getattr(item, k) for k in LABELS} if item else {}
    if item is None:
        position = (SessionItem.select(fn.MAX(SessionItem.position))
                    .where(SessionItem.session == session).scalar() or 0) + 1
        item = SessionItem.create(session=session, position=position, **values)
    else:
        SessionItem.update(**values).where(SessionItem.id == item.id).execute()
    audit.record(TABLE, item.id, "修改" if before else "新增", audit.diff(before, values, LABELS))
    old = [(c.name, c.post, c.representative_id, c.votes) for c in item.candidates.order_by(SessionCandidate.position)]
    new = [(c[0].strip(), c[1], c[2], c[3]) for c in data.candidates] if election else []
    if old != new:
        SessionCandidate.delete().where(SessionCandidate.item == item.id).execute()
        for position, (name, post, rep_id, votes) in enumerate(new, 1):
            SessionCandidate.create(item=item, position=position, name=name, post=post,
                                    representative=rep_id, votes=votes)
        audit.record(TABLE, item.id, "候选人及得票", {"候选人": (
            "、".join(f"{n}{'' if v is None else f'{v}票'}" for n, _, _, v in old) or None,
            "、".join(f"{n}{'' if v is None else f'{v}票'}" for n, _, _, v in new) or None)})
    touch(session)
    return item


def add_item(session_id: int, data: SessionItemInput) -> SessionDetail:
    with database.atomic():
        session = session_or_404(session_id)
        ensure_session_editable(session)
        _save(None, session, data)
    return get_session(session_id)


def update_item(item_id: int, data: SessionItemInput) -> SessionDetail:
    with database.atomic():
        item = _item_or_404(item_id)
        ensure_session_editable(item.session)
        _save(item, item.session, data)
    return get_session(item.session_id)


def delete_item(item_id: int) -> SessionDetail:
    from town_office.services.sessions.documents import forget_document_file

    with database.atomic():
        item = _item_or_404(item_id)
        ensure_session_editable(item.session)
        session_id = item.session_id
        paths = [d.stored_path for d in item.documents]
        audit.record(TABLE, item_id, "删除", {"议题": (item.title, None)})
        item.delete_instance(recursive=True)
        for position, other in enumerate(SessionItem.select().where(SessionItem.session == session_id)
                                         .order_by(SessionItem.position), 1):
            SessionItem.update(position=position).where(SessionItem.id == other.id).execute()
    for path in paths:
        forget_document_file(path)
    return get_session(session_id)


def move_item(item_id: int, step: int) -> SessionDetail:
    with database.atomic():
        item = _item_or_404(item_id)
        ensure_session_editable(item.session)
        ids = [i for (i,) in SessionItem.select(SessionItem.id).where(SessionItem.session == item.session_id)
               .order_by(SessionItem.position).tuples()]
        index = ids.index(item.id)
        ids.insert(max(0, min(len(ids) - 1, index + step)), ids.pop(index))
        for position, other_id in enumerate(ids, 1):
            SessionItem.update(position=position).where(SessionItem.id == other_id).execute()
        audit.record(TABLE, item_id, "调整顺序", {"顺序": (index + 1, ids.index(item.id) + 1)})
    return get_session(item.session_id)


def write_presidium(item_id: int) -> list[str]:
    """Write an election's result to the deputies' presidium roles (主席, 副主席, 成员): the elected
    candidates who are deputies of the session's term get the role; the term's other deputies who
    held a role lose it. Returns what changed, one line each."""
    with database.atomic():
        item = _item_or_404(item_id)
        session = item.session
        ensure_session_editable(session)
        detail = get_session(session.id)
        row = next(i for i in detail.items if i.id == item_id)
        if row.kind != ELECTION or not row.passed:
            raise ValidationError([FieldProblem("选举", "这一项不是已有当选结果的选举，不能写入主席团。")])
        term_deputies = list(Representative.select().where(Representative.term == session.term_id))
        roles = {}
        for c in row.candidates:
            post = PRESIDIUM_POSTS.get(c.post)
            if not c.elected or post is None:
                continue
            match = next((r for r in term_deputies if r.id == c.representative_id), None) or next(
                (r for r in term_deputies if r.name == c.name), None)
            if match is None:
                raise ValidationError([FieldProblem("候选人", f"{c.name}不是本届代表名册中的代表，"
                                                             "请先在代表名册中登记（或关联候选人）")])
            roles[match.id] = post
        posts_elected = {PRESIDIUM_POSTS[c.post] for c in row.candidates if c.post in PRESIDIUM_POSTS}
        changed = []
        now = datetime.now()
        for rep in term_deputies:
            new = roles.get(rep.id, "" if rep.presidium_role in posts_elected else rep.presidium_role)
            if new != rep.presidium_role:
                audit.record("representative", rep.id, "人代会选举", {"主席团职务": (rep.presidium_role or None,
                                                                               new or None)})
                Representative.update(presidium_role=new, updated_at=now).where(
                    Representative.id == rep.id).execute()
                changed.append(f"{rep.name}：{rep.presidium_role or '（无）'} → {new or '（无）'}")
    return changed
