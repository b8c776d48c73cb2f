"""年度履职考核: the year's scheme, the round 计算 → 公示 → (更正 and 计算 again) → 定稿, manual
adjustments with their reasons, and the stored results. A computed round keeps every scored line, so
the page and the workbook show which record earned which points; a frozen (定稿) round never
changes, whatever happens to the records or the scheme later.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from peewee import chunked

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import (
    AssessmentAdjustment,
    AssessmentItem,
    AssessmentLine,
    AssessmentResult,
    AssessmentRound,
    AssessmentScheme,
    DeputyGroup,
    Representative,
)
from town_office.models.db import database, iso_date, raw_rows
from town_office.services.common import audit
from town_office.services.archive.activities import activities_by_deputy, in_order
from town_office.services.assessment.rules import ranks, score_lines, total_of
from town_office.services.assessment.types import (
    COMPUTED,
    DEFAULT_BANDS,
    DEFAULT_BASE,
    DEFAULT_FULL,
    DEFAULT_ITEMS,
    FROZEN,
    NOT_COMPUTED,
    PUBLISHED,
    SOURCES,
    Adjustment,
    DeputyScore,
    RoundState,
    Scheme,
    SchemeItem,
    ScoredLine,
)
from town_office.services.backups import changes_marker
from town_office.services.common.reasons import reason_problem
from town_office.services.roster.mandates import town_people_serving
from town_office.services.settings import get_settings

TABLE = "assessment"


# --- the scheme ------------------------------------------------------------------------------------


def default_scheme(year: int) -> Scheme:
    return Scheme(year, DEFAULT_BASE, DEFAULT_FULL, DEFAULT_BANDS,
                  tuple(SchemeItem(*item) for item in DEFAULT_ITEMS))


def get_scheme(year: int) -> Scheme | None:
    row = AssessmentScheme.get_or_none(AssessmentScheme.year == year)
    if row is None:
        return None
    items = tuple(SchemeItem(i.source, i.name, i.points, i.cap)
                  for i in row.items.order_by(AssessmentItem.position))
    return Scheme(year, row.base_points, row.full_marks,
                  tuple((name, float(low)) for name, low in json.loads(row.bands)), items)


def scheme_years() -> list[int]:
    return [y for (y,) in AssessmentScheme.select(AssessmentScheme.year).order_by(AssessmentScheme.year).tuples()]


def _scheme_problems(scheme: Scheme) -> list[FieldProblem]:
    problems = []
    if not 0 <= scheme.base_points <= scheme.full_marks:
        problems.append(FieldProblem("基础分", "应在0分和满分之间"))
    if scheme.full_marks <= 0:
        problems.append(FieldProblem("满分", "应大于0"))
    seen = set()
    for n, item in enumerate(scheme.items, start=1):
        if item.source not in SOURCES:
            problems.append(FieldProblem("计分项目", f"第{n}项的计分依据“{item.source}”不认识"))
        if item.source in seen:
            problems.append(FieldProblem("计分项目", f"第{n}项“{item.name}”与前面的项目计分依据相同，请合并"))
        seen.add(item.source)
        if not item.name.strip():
            problems.append(FieldProblem("计分项目", f"第{n}项没有名称"))
        if item.cap is not None and item.cap < 0:
            problems.append(FieldProblem("计分项目", f"第{n}项“{item.name}”的上限不能是负数（扣分项也填正数）"))
    names = [b[0] for b in scheme.bands]
    if not scheme.bands or len(set(names)) != len(names) or any(not n.strip() for n in names):
        problems.append(FieldProblem("等次", "等次名称不能为空或重复"))
    if scheme.bands and min(b[1] for b in scheme.bands) > 0:
        problems.append(FieldProblem("等次", "最低一档的分数线应为0，使每个分数都有等次"))
    return problems


def _refuse_if_frozen(year: int) -> None:
    state = AssessmentRound.get_or_none(AssessmentRound.year == year)
    if state is not None and state.status == FROZEN:
        raise ValidationError(FieldProblem("考核", f"{year}年度考核已定稿，不能再修改"))


def save_scheme(scheme: Scheme) -> Scheme:
    """Store a year's scheme (replacing its items) in one transaction."""
    problems = _scheme_problems(scheme)
    if problems:
        raise ValidationError(problems)
    now = datetime.now()
    with database.atomic():
        _refuse_if_frozen(scheme.year)
        row = AssessmentScheme.get_or_none(AssessmentScheme.year == scheme.year)
        before = get_scheme(scheme.year)
        if row is None:
            row = AssessmentScheme(year=scheme.year, created_at=now)
        row.base_points, row.full_marks, row.updated_at = scheme.base_points, scheme.full_marks, now
        row.bands = json.dumps([list(b) for b in scheme.bands], ensure_ascii=False)
        row.save()
        AssessmentItem.delete().where(AssessmentItem.scheme == row).execute()
        for position, item in enumerate(scheme.items):
            AssessmentItem.create(scheme=row, position=position, source=item.source, name=item.name.strip(),
                                  points=item.points, cap=item.cap)
        audit.record(TABLE, scheme.year, "修改考核办法" if before else "制定考核办法",
                     {"考核办法": (_scheme_text(before) if before else None, _scheme_text(scheme))})
    return get_scheme(scheme.year)


def _scheme_text(scheme: Scheme) -> str:
    items = "；".join(f"{i.name}{i.points:+g}" + (f"（上限{i.cap:g}）" if i.cap is not None else "")
                     for i in scheme.items)
    return f"基础分{scheme.base_points:g}，{items}"


def copy_scheme(from_year: int, to_year: int) -> Scheme:
    source = get_scheme(from_year)
    if source is None:
        raise NotFound(f"{from_year}年度没有考核办法可复制")
    return save_scheme(Scheme(to_year, source.base_points, source.full_marks, source.bands, source.items))


# --- adjustments -----------------------------------------------------------------------------------


def list_adjustments(year: int) -> list[Adjustment]:
    query = (AssessmentAdjustment.select(AssessmentAdjustment, Representative).join(Representative)
             .where(AssessmentAdjustment.year == year).order_by(AssessmentAdjustment.id))
    return [Adjustment(a.id, a.year, a.representative_id, a.representative.name, a.points, a.reason,
                       a.created_at) for a in query]


def add_adjustment(year: int, representative_id: int, points: float, reason: str) -> Adjustment:
    problems = []
    if not points:
        problems.append(FieldProblem("分值", "请填写加分（正数）或减分（负数）"))
    problem = reason_problem(reason, example="漏登记3月参加县人大视察，补加")
    if problem:
        problems.append(problem)
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        _refuse_if_frozen(year)
        row = AssessmentAdjustment.create(year=year, representative=representative_id, points=points,
                                          reason=reason.strip(), created_at=datetime.now())
        audit.record(TABLE, year, "调整分数", {"调整": (None, f"{row.representative.name} {points:+g}：{reason}")})
    return next(a for a in list_adjustments(year) if a.id == row.id)


def remove_adjustment(adjustment_id: int) -> None:
    row = AssessmentAdjustment.get_or_none(AssessmentAdjustment.id == adjustment_id)
    if row is None:
        raise NotFound(f"调整记录 {adjustment_id} 不存在")
    with database.atomic():
        _refuse_if_frozen(row.year)
        audit.record(TABLE, row.year, "撤销调整", {"调整": (f"{row.representative.name} {row.points:+g}：{row.reason}",
                                                         None)})
        row.delete_instance()


# --- the round ------------------------------------------------------------------------------------


def round_state(year: int) -> RoundState:
    row = AssessmentRound.get_or_none(AssessmentRound.year == year)
    if row is None:
        return RoundState(year, NOT_COMPUTED)
    return RoundState(year, row.status, row.computed_at, row.published_at, row.frozen_at,
                      row.status != FROZEN and changes_marker() > row.data_marker)


def score_year(year: int, today: date | None = None) -> list[DeputyScore]:
    """Scores from the records as they are now (not stored)."""
    scheme = get_scheme(year)
    if scheme is None:
        raise ValidationError(FieldProblem("考核办法", f"{year}年度还没有考核办法，请先制定（可复制上一年的）"))
    today = today or date.today()
    start, end = date(year, 1, 1), date(year, 12, 31)
    period_days = (end - start).days + 1
    prorate = get_settings().assessment_prorate
    groups = dict(DeputyGroup.select(DeputyGroup.id, DeputyGroup.name).tuples())
    adjustments = {}
    for adj in list_adjustments(year):
        adjustments.setdefault(adj.representative_id, []).append(adj)
    scores = []
    everyone = activities_by_deputy(None, start, end)  # one query per area for the whole town
    for person in town_people_serving(start, end):  # both terms in the year of a 换届; 连任 once
        rep = person.representative
        served = person.served_days(start, end)
        mine = [adj for rep_id in person.mandate_ids for adj in adjustments.get(rep_id, [])]
        found = in_order([a for rep_id in person.mandate_ids for a in everyone.get(rep_id, ())])
        lines = score_lines(found, scheme, served, period_days, prorate, mine)
        total = total_of(lines)
        scores.append(DeputyScore(rep.id, rep.name, groups.get(rep.group_id, ""), served, period_days,
                                  total, scheme.grade_of(total), 0, tuple(lines)))
    order = ranks([s.total for s in scores])
    ranked = [DeputyScore(s.representative_id, s.name, s.group_name, s.served_days, s.period_days, s.total,
                          s.grade, r, s.lines) for s, r in zip(scores, order, strict=True)]
    return sorted(ranked, key=lambda s: (s.rank, s.name))


def compute(year: int, today: date | None = None) -> RoundState:
    """计算 (or, during 公示, 更正): replace the stored results by scores from the records now."""
    scores = score_year(year, today)
    now = datetime.now()
    with database.atomic():
        _refuse_if_frozen(year)
        row = AssessmentRound.get_or_none(AssessmentRound.year == year)
        correcting = row is not None and row.status == PUBLISHED
        if row is None:
            row = AssessmentRound(year=year, status=COMPUTED)
        else:
            AssessmentResult.delete().where(AssessmentResult.round == row).execute()
        row.computed_at = now
        row.save()
        _store(row, scores)
        audit.record(TABLE, year, "更正后重新计算" if correcting else "计算", {"人数": (None, len(scores))})
        row.data_marker = changes_marker()
        row.save()
    return round_state(year)


def _store(row: AssessmentRound, scores: list[DeputyScore]) -> None:
    """The results and their lines, in a few multi-row inserts (not two statements per deputy)."""
    for batch in chunked([dict(round=row, representative=s.representative_id, name=s.name, group_name=s.group_name,
                               served_days=s.served_days, period_days=s.period_days, total=s.total,
                               grade=s.grade, rank=s.rank) for s in scores], 400):
        AssessmentResult.insert_many(batch).execute()
    result_of = dict(AssessmentResult.select(AssessmentResult.representative, AssessmentResult.id)
                     .where(AssessmentResult.round == row).tuples())
    fields = [AssessmentLine.result, AssessmentLine.source, AssessmentLine.item_name, AssessmentLine.happened_on,
              AssessmentLine.record, AssessmentLine.record_table, AssessmentLine.record_id, AssessmentLine.points,
              AssessmentLine.note]
    # tens of thousands of lines: one prepared statement run for all of them (peewee's insert_many
    # converts every value in Python, 5 s for a big town's year)
    database.connection().executemany(
        f"INSERT INTO {AssessmentLine._meta.table_name} ({', '.join(f.column_name for f in fields)}) "
        f"VALUES ({', '.join('?' * len(fields))})",
        ((result_of[s.representative_id], ln.source, ln.item_name, ln.on.isoformat() if ln.on else None, ln.record,
          ln.record_table, ln.record_id, ln.points, ln.note) for s in scores for ln in s.lines))


def _step(year: int, expected: str, new_status: str, action: str) -> RoundState:
    with database.atomic():
        row = AssessmentRound.get_or_none(AssessmentRound.year == year)
        if row is None or row.status != expected:
            current = row.status if row else NOT_COMPUTED
            raise ValidationError(FieldProblem("考核", f"{year}年度考核当前为“{current}”，不能{action}"))
        row.status = new_status
        if new_status == PUBLISHED:
            row.published_at = datetime.now()
        else:
            row.frozen_at = datetime.now()
        audit.record(TABLE, year, action)
        row.data_marker = max(row.data_marker, changes_marker())
        row.save()
    return round_state(year)


def publish(year: int) -> RoundState:
    """公示: the computed scores go out for checking; corrections are still possible."""
    return _step(year, COMPUTED, PUBLISHED, "公示")


def freeze(year: int) -> RoundState:
    """定稿: the published scores are final and never change again."""
    return _step(year, PUBLISHED, FROZEN, "定稿")


def results(year: int) -> list[DeputyScore]:
    """The stored results of the year's round with their lines, ranked (empty before 计算)."""
    row = AssessmentRound.get_or_none(AssessmentRound.year == year)
    if row is None:
        return []
    stored = list(row.results.order_by(AssessmentResult.rank, AssessmentResult.name))
    lines: dict[int, list[ScoredLine]] = {}
    query = (AssessmentLine.select(AssessmentLine.result, AssessmentLine.source, AssessmentLine.item_name,
                                   AssessmentLine.happened_on, AssessmentLine.record, AssessmentLine.points,
                                   AssessmentLine.record_table, AssessmentLine.record_id, AssessmentLine.note)
             .join(AssessmentResult).where(AssessmentResult.round == row).order_by(AssessmentLine.id))
    for result_id, source, item, on, record, points, table, record_id, note in raw_rows(query):
        lines.setdefault(result_id, []).append(ScoredLine(source, item, iso_date(on), record, points, table,
                                                          record_id, note))
    return [DeputyScore(r.representative_id, r.name, r.group_name, r.served_days, r.period_days, r.total,
                        r.grade, r.rank, tuple(lines.get(r.id, ()))) for r in stored]
