"""Voter visits (走访日志): entering a visit from a paper log (one or more deputies, form, place, people,
households, summary), listing them fast, and each deputy's progress against the yearly household
quota (pro-rated for deputies who joined or left during the year)."""

from __future__ import annotations

import calendar
from datetime import date, datetime

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import (
    DeputyGroup,
    Problem,
    Representative,
    Visit,
    VisitDeputy,
)
from town_office.models.db import database, iso_date, raw_rows
from town_office.services.common import audit
from town_office.services.roster.mandates import town_people_serving
from town_office.services.settings import get_settings
from town_office.services.visits.types import FORMS, VISIT_LABELS, QuotaRow, VisitInput, VisitRow
from town_office.services.common.text_limits import too_long

TABLE = "visit"


def deputies_of(visit_ids: list[int]) -> dict[int, list[tuple[int, str]]]:
    """visit id -> [(deputy id, name)], in chunks so 100,000 visits stay one query per 900."""
    result: dict[int, list[tuple[int, str]]] = {}
    for start in range(0, len(visit_ids), 900):
        chunk = visit_ids[start:start + 900]
        for visit_id, rep_id, name in (VisitDeputy.select(VisitDeputy.visit, Representative.id,
                                                          Representative.name)
                                       .join(Representative).where(VisitDeputy.visit.in_(chunk))
                                       .tuples()):
            result.setdefault(visit_id, []).append((rep_id, name))
    return result


def deputies_where(condition) -> dict[int, list[tuple[int, str]]]:
    """visit id -> [(deputy id, name)] for the visits matching ``condition`` (on ``Visit``): one
    joined query however many visits there are."""
    result: dict[int, list[tuple[int, str]]] = {}
    query = (VisitDeputy.select(VisitDeputy.visit, Representative.id, Representative.name)
             .join(Representative).switch(VisitDeputy).join(Visit))
    if condition is not None:
        query = query.where(condition)
    for visit_id, rep_id, name in raw_rows(query.order_by(VisitDeputy.id)):
        result.setdefault(visit_id, []).append((rep_id, name))
    return result


def visit_condition(year: int | None = None, representative_id: int | None = None):
    """The ``Visit`` filter of a year and/or a deputy (None: everything)."""
    condition = None
    if year:
        condition = Visit.visited_on.between(date(year, 1, 1), date(year, 12, 31))
    if representative_id:
        mine = Visit.id.in_(VisitDeputy.select(VisitDeputy.visit)
                            .where(VisitDeputy.representative == representative_id))
        condition = mine if condition is None else condition & mine
    return condition


def list_visits(year: int | None = None, representative_id: int | None = None) -> list[VisitRow]:
    """Visits, newest first, of a year and/or one deputy."""
    condition = visit_condition(year, representative_id)
    query = Visit.select(Visit.id, Visit.visited_on, Visit.form, Visit.village, Visit.hamlet,
                         Visit.people, Visit.households, Visit.summary)
    count_query = Problem.select(Problem.visit, fn.COUNT(Problem.id)).join(Visit)
    if condition is not None:
        query, count_query = query.where(condition), count_query.where(condition)
    rows = raw_rows(query.order_by(Visit.visited_on.desc(), Visit.id.desc()))
    who = {visit: ("、".join(name for _, name in pairs), tuple(rep for rep, _ in pairs))
           for visit, pairs in deputies_where(condition).items()}
    problems = dict(raw_rows(count_query.group_by(Problem.visit)))
    nobody = ("", ())
    return [VisitRow(i, iso_date(on), *who.get(i, nobody), form, village, hamlet, people, households,
                     summary, problems.get(i, 0))
            for i, on, form, village, hamlet, people, households, summary in rows]


def get_visit(visit_id: int) -> VisitRow:
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None:
        raise NotFound(f"找不到第{visit_id}号走访记录，可能已被删除。")
    deputies = deputies_of([visit_id]).get(visit_id, [])
    return VisitRow(visit.id, visit.visited_on, "、".join(n for _, n in deputies),
                    tuple(r for r, _ in deputies), visit.form, visit.village, visit.hamlet,
                    visit.people, visit.households, visit.summary, visit.problems.count())


def visit_years() -> list[int]:
    first = Visit.select(fn.MIN(Visit.visited_on)).scalar()
    this = date.today().year
    return list(range(this, (first.year if first else this) - 1, -1))


def last_entry_defaults() -> tuple[str, str, str]:
    """(form, village, hamlet) of the visit entered last: a stack of logs is mostly one place."""
    last = Visit.select().order_by(Visit.id.desc()).first()
    return (last.form, last.village, last.hamlet) if last else (FORMS[0], "", "")


def visit_problems(data: VisitInput) -> list[FieldProblem]:
    problems = []
    if data.visited_on is None:
        problems.append(FieldProblem("走访日期", "请填写走访日期"))
    elif data.visited_on > date.today():
        problems.append(FieldProblem("走访日期", "走访日期不能晚于今天"))
    if not data.representative_ids:
        problems.append(FieldProblem("代表", "请至少选择一名代表（可输入姓名拼音首字母查找）"))
    if data.form not in FORMS:
        problems.append(FieldProblem("走访形式", f"请选择：{'、'.join(FORMS)}"))
    if not data.village.strip():
        problems.append(FieldProblem("村（社区）", "请填写走访的村（社区）"))
    for key, label in (("village", "村（社区）"), ("hamlet", "组"), ("people", "走访对象"),
                       ("summary", "走访情况")):
        long = too_long(getattr(data, key).strip(), key, label)
        if long:
            problems.append(long)
    if data.households is None or data.households < 1:
        problems.append(FieldProblem("户数", "请填写走访户数（至少1户）"))
    elif data.households > 500:
        problems.append(FieldProblem("户数", "户数超过500，请核对"))
    return problems


def _values(data: VisitInput) -> dict:
    return dict(visited_on=data.visited_on, form=data.form, village=data.village.strip(),
                hamlet=data.hamlet.strip(), people=data.people.strip(), households=data.households,
                summary=data.summary.strip())


def save_visit(visit_id: int | None, data: VisitInput) -> VisitRow:
    """Create or correct a visit and its deputies in one transaction."""
    problems = visit_problems(data)
    if problems:
        raise ValidationError(problems)
    values = _values(data)
    with database.atomic():
        names = dict(Representative.select(Representative.id, Representative.name)
                     .where(Representative.id.in_(list(data.representative_ids))).tuples())
        if len(names) != len(set(data.representative_ids)):
            raise NotFound("选中的代表已不在名册中，请重新选择。")
        now = datetime.now()
        if visit_id is None:
            visit = Visit.create(created_at=now, updated_at=now, **values)
            before = {}
        else:
            visit = Visit.get_or_none(Visit.id == visit_id)
            if visit is None:
                raise NotFound("找不到这条走访记录，可能已被删除。")
            before = {k: getattr(visit, k) for k in values}
            before["deputies"] = [n for _, n in deputies_of([visit_id]).get(visit_id, [])]
            Visit.update(updated_at=now, **values).where(Visit.id == visit_id).execute()
            VisitDeputy.delete().where(VisitDeputy.visit == visit_id).execute()
        VisitDeputy.insert_many([{"visit": visit.id, "representative": r}
                                 for r in dict.fromkeys(data.representative_ids)]).execute()
        after = dict(values, deputies=[names[r] for r in dict.fromkeys(data.representative_ids)])
        audit.record(TABLE, visit.id, "修改" if before else "新增",
                     audit.diff(before, after, VISIT_LABELS))
    return get_visit(visit.id)


def delete_visit(visit_id: int) -> None:
    """Remove a visit entered by mistake; refused once it has problems (they must be followed)."""
    with database.atomic():
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            return
        if visit.problems.exists():
            raise ValidationError([FieldProblem("群众诉求", "这次走访记有群众诉求，不能删除；如有错误请修改。")])
        audit.record(TABLE, visit_id, "删除", {"走访": (f"{visit.visited_on} {visit.village}", None)})
        visit.delete_instance(recursive=True)


# --- the household quota -----------------------------------------------------------------------


def quota_progress(year: int) -> list[QuotaRow]:
    """Every town deputy who served in ``year``, in either term of a 换届 year (a 连任 deputy once,
    both mandates' visits together): visits, households, the quota pro-rated by the days served;
    furthest behind first (the smallest share of their quota done)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    days_in_year = 366 if calendar.isleap(year) else 365
    quota = get_settings().visit_quota_households
    groups = dict(DeputyGroup.select(DeputyGroup.id, DeputyGroup.name).tuples())
    totals = {rep_id: (n, households) for rep_id, n, households in (
        VisitDeputy.select(VisitDeputy.representative, fn.COUNT(Visit.id), fn.SUM(Visit.households))
        .join(Visit).where(Visit.visited_on.between(start, end))
        .group_by(VisitDeputy.representative).tuples())}
    rows = []
    for person in town_people_serving(start, end):
        rep, days = person.representative, person.served_days(start, end)
        visits = sum(totals.get(i, (0, 0))[0] for i in person.mandate_ids)
        households = sum(totals.get(i, (0, 0))[1] or 0 for i in person.mandate_ids)
        rows.append(QuotaRow(rep.id, rep.name, groups.get(rep.group_id, ""), visits,
                             households, round(quota * days / days_in_year, 1), days))
    return sorted(rows, key=lambda r: (r.progress, -r.shortfall, r.name))


def known_villages() -> list[str]:
    """Villages visited so far, most visited first (the entry dialog offers them)."""
    return [v for (v, _) in Visit.select(Visit.village, fn.COUNT(Visit.id)).group_by(Visit.village)
            .order_by(fn.COUNT(Visit.id).desc()).tuples()]
