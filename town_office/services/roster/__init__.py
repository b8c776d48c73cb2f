"""Roster use cases: list, add, edit, end, reinstate and (for entries made by mistake) delete deputies.

Every write runs in one transaction together with its audit rows. Deputies are ended (终止), not
deleted, once any other table refers to them.
"""

from __future__ import annotations

from datetime import date, datetime

from peewee import JOIN, ForeignKeyField, fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import (
    Constituency,
    DeputyGroup,
    Representative,
    RepresentativeLevel,
    Term,
)
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.roster.identity import is_masked, normalise_phone
from town_office.services.common.pinyin import pinyin_keys
from town_office.services.roster.types import (
    END_REASONS,
    FIELD_LABELS,
    LEVELS,
    RepresentativeInput,
    RepresentativeRow,
)
from town_office.services.roster.closed_terms import ensure_open_term
from town_office.services.roster.units import current_term_id, unit_by_name
from town_office.services.roster.validation import representative_problems

TABLE = "representative"


def _deputies_query():
    """Deputies with their term's, constituency's and group's names, as dicts (one joined query)."""
    return (Representative
            .select(Representative, Term.name.alias("term_name"), Constituency.name.alias("constituency_name"),
                    DeputyGroup.name.alias("group_name"))
            .join(Term).switch(Representative)
            .join(Constituency, join_type=JOIN.LEFT_OUTER).switch(Representative)
            .join(DeputyGroup, join_type=JOIN.LEFT_OUTER)).dicts()


def list_representatives(term_id: int | None = None) -> list[RepresentativeRow]:
    """Every deputy (of one term, or of all terms), serving and ended, ordered by name's pinyin."""
    levels = {}
    level_query = RepresentativeLevel.select(RepresentativeLevel.representative, RepresentativeLevel.level)
    if term_id:
        level_query = level_query.join(Representative).where(Representative.term == term_id)
    for rep_id, level in level_query.tuples():
        levels.setdefault(rep_id, []).append(level)
    query = _deputies_query()
    if term_id:
        query = query.where(Representative.term == term_id)
    return [_row(r, levels.get(r["id"], [])) for r in query.order_by(Representative.name_pinyin)]


def town_deputy_choices(term_id: int) -> list[tuple[int, str]]:
    """(id, name) of the term's town (镇) deputies, serving and ended, in pinyin order: the lists'
    deputy filters, without reading whole records."""
    town = RepresentativeLevel.select(RepresentativeLevel.representative).where(RepresentativeLevel.level == "镇")
    return list(Representative.select(Representative.id, Representative.name)
                .where((Representative.term == term_id) & Representative.id.in_(town))
                .order_by(Representative.name_pinyin).tuples())


def get_representative(rep_id: int) -> RepresentativeRow:
    rep = _deputies_query().where(Representative.id == rep_id).first()  # one query with its term and units
    if rep is None:
        raise NotFound(f"代表记录 {rep_id} 不存在，可能已被删除")
    levels = [level for (level,) in RepresentativeLevel.select(RepresentativeLevel.level)
              .where(RepresentativeLevel.representative == rep_id).tuples()]
    return _row(rep, levels)


_LEVEL_ORDER = {lv: i for i, lv in enumerate(LEVELS)}


def _as_dict(rep: Representative) -> dict:
    """A saved deputy in the shape of ``_deputies_query``'s rows (its units already in hand)."""
    values = {field.name: getattr(rep, field.column_name) if isinstance(field, ForeignKeyField)
              else getattr(rep, field.name) for field in Representative._meta.sorted_fields}
    values.update(term_name=rep.term.name, constituency_name=rep.constituency.name if rep.constituency_id else "",
                  group_name=rep.group.name if rep.group_id else "")
    return values


def _row(rep: dict, levels: list[str]) -> RepresentativeRow:
    return RepresentativeRow(
        id=rep["id"], term_id=rep["term"], term_name=rep["term_name"], name=rep["name"],
        name_pinyin=rep["name_pinyin"], name_initials=rep["name_initials"], gender=rep["gender"],
        ethnicity=rep["ethnicity"], birth_month=rep["birth_month"] or "", party=rep["party"],
        education=rep["education"], work_unit_post=rep["work_unit_post"],
        levels=tuple(sorted(levels, key=lambda lv: _LEVEL_ORDER.get(lv, 99))),
        constituency_id=rep["constituency"], constituency_name=rep["constituency_name"] or "",
        group_id=rep["group"], group_name=rep["group_name"] or "",
        group_role=rep["group_role"], phone=rep["phone"], id_number=rep["id_number"] or "",
        card_number=rep["card_number"], elected_on=rep["elected_on"], status=rep["status"],
        ended_on=rep["ended_on"], end_reason=rep["end_reason"], presidium_role=rep["presidium_role"],
        photo=rep["photo"], notes=rep["notes"])


def _snapshot(row: RepresentativeRow | None) -> dict:
    if row is None:
        return {}
    return {k: getattr(row, k) for k in FIELD_LABELS if hasattr(row, k)}


def conflict_problems(data: RepresentativeInput, term_id: int, rep_id: int | None) -> list[FieldProblem]:
    """Problems that need the database: duplicate ID number, a second 组长 or 主席."""
    problems = []
    others = Representative.select().where((Representative.term == term_id)
                                           & (Representative.status == "在任"))
    if rep_id:
        others = others.where(Representative.id != rep_id)
    if data.id_number and not is_masked(data.id_number):
        twin = others.where(Representative.id_number == data.id_number).first()
        if twin:
            problems.append(FieldProblem(FIELD_LABELS["id_number"], f"与本届代表「{twin.name}」的号码重复"))
    if data.group_role == "组长" and data.group_name:
        leader = (others.join(DeputyGroup)
                  .where((DeputyGroup.name == data.group_name) & (Representative.group_role == "组长"))
                  .first())
        if leader:
            problems.append(FieldProblem(FIELD_LABELS["group_role"],
                                         f"「{data.group_name}」已有组长 {leader.name}，请先改掉他（她）的小组职务"))
    if data.presidium_role == "主席":
        chair = others.where(Representative.presidium_role == "主席").first()
        if chair:
            problems.append(FieldProblem(FIELD_LABELS["presidium_role"],
                                         f"本届主席团已有主席 {chair.name}，请先改掉他（她）的主席团职务"))
    return problems


def _validate(data: RepresentativeInput, term_id: int, rep_id: int | None) -> None:
    problems = representative_problems(data) + conflict_problems(data, term_id, rep_id)
    if problems:
        raise ValidationError(problems)


def _apply(rep: Representative, data: RepresentativeInput, units: dict | None = None) -> None:
    full, initials = pinyin_keys(data.name)
    rep.name, rep.name_pinyin, rep.name_initials = data.name, full, initials
    for attr in ("gender", "ethnicity", "party", "education", "work_unit_post", "group_role",
                 "phone", "card_number", "elected_on", "presidium_role", "notes"):
        setattr(rep, attr, getattr(data, attr))
    rep.phone = normalise_phone(data.phone)
    rep.birth_month = data.birth_month or None
    if not (data.id_number and is_masked(data.id_number)):  # a masked export keeps the stored number
        rep.id_number = data.id_number or None
    rep.constituency = _unit(Constituency, data.constituency_name, units)
    rep.group = _unit(DeputyGroup, data.group_name, units)
    rep.updated_at = datetime.now()


def _unit(model, name: str, units: dict | None):
    """The group or constituency by name; ``units`` remembers them over one import (the same few
    names on thousands of rows)."""
    if units is None:
        return unit_by_name(model, name)
    key = (model, (name or "").strip())
    if key not in units:
        units[key] = unit_by_name(model, name)
    return units[key]


def _term(term_id: int, units: dict | None) -> Term:
    if units is None:
        return Term.get_by_id(term_id)
    if ("term", term_id) not in units:
        units[("term", term_id)] = Term.get_by_id(term_id)
    return units[("term", term_id)]


def _save_levels(rep: Representative, levels: tuple[str, ...], new: bool = False) -> None:
    if not new:
        RepresentativeLevel.delete().where(RepresentativeLevel.representative == rep).execute()
    RepresentativeLevel.insert_many([{"representative": rep.id, "level": lv}
                                     for lv in dict.fromkeys(levels)]).execute()


def create_representative(data: RepresentativeInput, action: str = "新增",
                          units: dict | None = None) -> RepresentativeRow:
    """Add a deputy to ``data.term_id`` (default: the current term).

    Raises:
        ValidationError: with every problem found.
    """
    with database.atomic():
        term_id = data.term_id or current_term_id(required=True)
        _validate(data, term_id, None)
        rep = Representative(term=_term(term_id, units), created_at=datetime.now())
        _apply(rep, data, units)
        rep.save()
        _save_levels(rep, data.levels, new=True)
        row = _row(_as_dict(rep), list(dict.fromkeys(data.levels)))  # all in hand: no query back
        audit.record(TABLE, rep.id, action, audit.diff({}, _snapshot(row), FIELD_LABELS))
    return row


def update_representative(rep_id: int, data: RepresentativeInput, action: str = "修改",
                          units: dict | None = None) -> RepresentativeRow:
    """Save the edit dialog (or an import row) over an existing deputy."""
    with database.atomic():
        before = get_representative(rep_id)
        ensure_open_term(before.term_id, f"代表{before.name}")
        _validate(data, before.term_id, rep_id)
        rep = Representative.get_by_id(rep_id)
        _apply(rep, data, units)
        rep.save()
        _save_levels(rep, data.levels)
        after = get_representative(rep_id)
        audit.record(TABLE, rep_id, action, audit.diff(_snapshot(before), _snapshot(after), FIELD_LABELS))
    return after


def end_representative(rep_id: int, ended_on: date, reason: str, note: str = "",
                       today: date | None = None) -> RepresentativeRow:
    """终止代表资格: keeps every record; the deputy drops out of lists of serving deputies."""
    problems = []
    if reason not in END_REASONS:
        problems.append(FieldProblem("终止原因", "请选择终止原因"))
    if reason == "其他" and not note.strip():
        problems.append(FieldProblem("说明", "原因为「其他」时请写明具体情况"))
    if ended_on > (today or date.today()):
        problems.append(FieldProblem("终止日期", "不能晚于今天"))
    with database.atomic():
        before = get_representative(rep_id)
        ensure_open_term(before.term_id, f"代表{before.name}")
        if before.status == "终止":
            problems.append(FieldProblem("状态", f"{before.name} 的代表资格已于 {before.ended_on} 终止"))
        if before.elected_on and ended_on < before.elected_on:
            problems.append(FieldProblem("终止日期", f"早于当选日期 {before.elected_on}"))
        if problems:
            raise ValidationError(problems)
        reason_text = reason if not note.strip() else f"{reason}（{note.strip()}）"
        (Representative.update(status="终止", ended_on=ended_on, end_reason=reason_text,
                               group_role="", presidium_role="", updated_at=datetime.now())
         .where(Representative.id == rep_id).execute())
        after = get_representative(rep_id)
        audit.record(TABLE, rep_id, "终止", audit.diff(_snapshot(before), _snapshot(after), FIELD_LABELS))
    return after


def reinstate_representative(rep_id: int) -> RepresentativeRow:
    """Undo an ending entered by mistake (the history keeps both)."""
    with database.atomic():
        before = get_representative(rep_id)
        (Representative.update(status="在任", ended_on=None, end_reason="", updated_at=datetime.now())
         .where(Representative.id == rep_id).execute())
        after = get_representative(rep_id)
        audit.record(TABLE, rep_id, "恢复在任", audit.diff(_snapshot(before), _snapshot(after), FIELD_LABELS))
    return after


def records_referring_to(rep_id: int) -> int:
    """How many rows in other tables refer to this deputy (levels do not count)."""
    total = 0
    for fk in Representative._meta.backrefs:
        if fk.model is RepresentativeLevel:
            continue
        total += fk.model.select(fn.COUNT(fk.model._meta.primary_key)).where(fk == rep_id).scalar()
    return total


def delete_representative(rep_id: int) -> None:
    """Remove an entry made by mistake. Refused once anything else refers to the deputy."""
    with database.atomic():
        before = get_representative(rep_id)
        used = records_referring_to(rep_id)
        if used:
            raise ValidationError(FieldProblem(
                "删除", f"{before.name} 已有 {used} 条履职记录，不能删除；如已不再担任代表，请用「终止资格」"))
        Representative.delete_by_id(rep_id)
        audit.record(TABLE, rep_id, "删除", audit.diff(_snapshot(before), {}, FIELD_LABELS))


def find_existing(term_id: int, id_number: str, name: str, birth_month: str) -> int | None:
    """The deputy an import row means: same ID number, or same name and birth month, in the term."""
    base = Representative.select(Representative.id).where(Representative.term == term_id)
    if id_number and not is_masked(id_number):
        hit = base.where(Representative.id_number == id_number).scalar()
        if hit:
            return hit
    if name and birth_month:
        return base.where((Representative.name == name)
                          & (Representative.birth_month == birth_month)).scalar()
    return None
