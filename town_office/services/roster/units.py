"""Terms (届次), deputy groups (代表小组) and constituencies (选区): list, add, rename, remove.

A term, group or constituency that deputies still belong to cannot be removed.
"""

from __future__ import annotations

from datetime import date

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import Constituency, DeputyGroup, Representative, Term
from town_office.models.db import database
from town_office.services import settings
from town_office.services.common import audit
from town_office.services.roster.types import TermRow, UnitRow

UNIT_TABLES = {"group": DeputyGroup, "constituency": Constituency}
UNIT_LABELS = {"group": "代表小组", "constituency": "选区"}


def list_terms() -> list[TermRow]:
    counts = dict(Representative.select(Representative.term, fn.COUNT(Representative.id))
                  .group_by(Representative.term).tuples())
    return [TermRow(t.id, t.name, t.starts_on, t.ends_on, counts.get(t.id, 0))
            for t in Term.select().order_by(Term.starts_on.desc(nulls="last"), Term.id.desc())]


def current_term_id(required: bool = False) -> int:
    """The current term from the settings; 0 when none is set (unless ``required``)."""
    term_id = settings.get_settings().current_term_id
    if term_id and Term.get_or_none(id=term_id):
        return term_id
    if required:
        raise ValidationError(FieldProblem("届次", "还没有设置当前届次，请先在「设置」中添加届次"))
    return 0


def save_term(term_id: int | None, name: str, starts_on: date | None, ends_on: date | None,
              make_current: bool = False) -> TermRow:
    """Add or change a term; ``make_current`` makes it the settings' current term."""
    name = name.strip()
    problems = []
    if not name:
        problems.append(FieldProblem("届次名称", "不能为空，例如 第十九届"))
    if starts_on and ends_on and ends_on <= starts_on:
        problems.append(FieldProblem("届满日期", "应晚于起始日期"))
    twin = Term.get_or_none(Term.name == name)
    if twin and twin.id != term_id:
        problems.append(FieldProblem("届次名称", f"已有「{name}」"))
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        term = Term.get_by_id(term_id) if term_id else Term()
        before = {"届次名称": term.name, "起始日期": term.starts_on, "届满日期": term.ends_on}
        term.name, term.starts_on, term.ends_on = name, starts_on, ends_on
        term.save()
        after = {"届次名称": name, "起始日期": starts_on, "届满日期": ends_on}
        labels = {k: k for k in after}
        audit.record("term", term.id, "修改" if term_id else "新增",
                     audit.diff(before if term_id else {}, after, labels))
        if make_current:
            settings.update_settings(current_term_id=term.id)
    return next(t for t in list_terms() if t.id == term.id)


def delete_term(term_id: int) -> None:
    with database.atomic():
        term = Term.get_or_none(id=term_id)
        if term is None:
            raise NotFound("该届次不存在")
        used = Representative.select().where(Representative.term == term_id).count()
        if used:
            raise ValidationError(FieldProblem("届次", f"「{term.name}」下还有 {used} 名代表，不能删除"))
        if settings.get_settings().current_term_id == term_id:
            raise ValidationError(FieldProblem("届次", f"「{term.name}」是当前届次，请先设置另一个当前届次"))
        term.delete_instance()
        audit.record("term", term_id, "删除", {"届次名称": (term.name, None)})


def find_or_create_term(name: str) -> int:
    term = Term.get_or_none(Term.name == name)
    if term:
        return term.id
    return save_term(None, name, None, None).id


def list_units(kind: str) -> list[UnitRow]:
    """Deputy groups (``kind="group"``) or constituencies (``"constituency"``) with member counts."""
    model = UNIT_TABLES[kind]
    fk = Representative.group if kind == "group" else Representative.constituency
    serving = Representative.status == "在任"
    counts = dict(Representative.select(fk, fn.COUNT(Representative.id)).where(serving)
                  .group_by(fk).tuples())
    leaders = {}
    if kind == "group":
        leaders = dict(Representative.select(Representative.group, Representative.name)
                       .where(serving & (Representative.group_role == "组长")).tuples())
    return [UnitRow(u.id, u.name, u.area, u.notes, counts.get(u.id, 0), leaders.get(u.id, ""))
            for u in model.select().order_by(model.name)]


def save_unit(kind: str, unit_id: int | None, name: str, area: str = "", notes: str = "") -> UnitRow:
    model, label = UNIT_TABLES[kind], UNIT_LABELS[kind]
    name = name.strip()
    if not name:
        raise ValidationError(FieldProblem(f"{label}名称", "不能为空"))
    twin = model.get_or_none(model.name == name)
    if twin and twin.id != unit_id:
        raise ValidationError(FieldProblem(f"{label}名称", f"已有「{name}」"))
    with database.atomic():
        unit = model.get_by_id(unit_id) if unit_id else model()
        before = {"名称": unit.name, "范围": unit.area, "备注": unit.notes} if unit_id else {}
        unit.name, unit.area, unit.notes = name, area.strip(), notes.strip()
        unit.save()
        after = {"名称": unit.name, "范围": unit.area, "备注": unit.notes}
        audit.record(model._meta.table_name, unit.id, "修改" if unit_id else "新增",
                     audit.diff(before, after, {k: k for k in after}))
    return next(u for u in list_units(kind) if u.id == unit.id)


def delete_unit(kind: str, unit_id: int) -> None:
    model, label = UNIT_TABLES[kind], UNIT_LABELS[kind]
    fk = Representative.group if kind == "group" else Representative.constituency
    with database.atomic():
        unit = model.get_or_none(id=unit_id)
        if unit is None:
            raise NotFound(f"该{label}不存在")
        used = Representative.select().where(fk == unit_id).count()
        if used:
            raise ValidationError(FieldProblem(label, f"「{unit.name}」还有 {used} 名代表（含已终止），不能删除"))
        unit.delete_instance()
        audit.record(model._meta.table_name, unit_id, "删除", {"名称": (unit.name, None)})


def unit_by_name(model, name: str):
    """The group or constituency called ``name`` (created when new); None for an empty name."""
    name = (name or "").strip()
    if not name:
        return None
    unit = model.get_or_none(model.name == name)
    if unit is None:
        unit = model.create(name=name)
        audit.record(model._meta.table_name, unit.id, "新增", {"名称": (None, name)})
    return unit
