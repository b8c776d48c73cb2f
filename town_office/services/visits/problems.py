"""群众诉求: problems raised at visits, followed 登记 → 交办 → 办理中 → 已办结 → 已反馈. A reply must exist
before feedback; 不满意 feedback reopens the problem to 办理中 and the history keeps every round.
Deadlines are Chinese working days after the hand-over (setting, default 5)."""

from __future__ import annotations

from datetime import date, datetime

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import Problem, ProblemEvent, Visit, VisitDeputy
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.settings import get_settings
from town_office.services.common.text_limits import too_long
from town_office.services.visits.types import (
    ASSIGNED,
    CLOSED,
    FED_BACK,
    FEEDBACK_WAYS,
    IN_PROGRESS,
    ON_THE_SPOT,
    OPEN_STATUSES,
    PROBLEM_LABELS,
    REGISTERED,
    ROUTES,
    SATISFACTION,
    ProblemFilter,
    ProblemInput,
    ProblemRow,
    ProblemStats,
)
from town_office.services.visits import deputies_of, deputies_where
from town_office.services.common.workdays import add_workdays

TABLE = "problem"
UNSATISFIED = "不满意"


def _problem_or_404(problem_id: int) -> Problem:
    problem = Problem.get_or_none(Problem.id == problem_id)
    if problem is None:
        raise NotFound(f"找不到第{problem_id}号群众诉求，可能已被删除。")
    return problem


def _event(problem: Problem, on: date, new_status: str, note: str = "") -> None:
    ProblemEvent.create(problem=problem, at=datetime.now(), happened_on=on,
                        status_from=problem.status, status_to=new_status, note=note)
    audit.record(TABLE, problem.id, new_status, {"状态": (problem.status, new_status)}
                 | ({"说明": (None, note)} if note else {}))


def default_deadline(from_day: date) -> date:
    return add_workdays(from_day, get_settings().problem_deadline_workdays)


# --- reading -----------------------------------------------------------------------------------


def list_problems(flt: ProblemFilter | None = None, today: date | None = None) -> list[ProblemRow]:
    """Problems matching the filter, the nearest deadline first: one query for the problems, one
    for the deputies of their visits, one for the reopen counts."""
    flt, today = flt or ProblemFilter(), today or date.today()
    conditions = []
    if flt.year:
        conditions.append(Visit.visited_on.between(date(flt.year, 1, 1), date(flt.year, 12, 31)))
    if flt.statuses:
        conditions.append(Problem.status.in_(flt.statuses))
    if flt.open_only or flt.overdue_only:
        conditions.append(Problem.status.in_(OPEN_STATUSES))
    if flt.overdue_only:
        conditions.append(Problem.deadline < today)
    if flt.category:
        conditions.append(Problem.category == flt.category)
    if flt.village:
        conditions.append(Visit.village == flt.village)
    if flt.representative_id:
        conditions.append(Problem.visit.in_(VisitDeputy.select(VisitDeputy.visit).where(
            VisitDeputy.representative == flt.representative_id)))
    query = Problem.select(Problem, Visit.visited_on, Visit.village).join(Visit)
    visits_of = Problem.select(Problem.visit).join(Visit)
    if conditions:
        query, visits_of = query.where(*conditions), visits_of.where(*conditions)
    rows = list(query.order_by(Problem.deadline.is_null(), Problem.deadline, Problem.id).dicts())
    deputies = deputies_where(Visit.id.in_(visits_of)) if rows else {}
    reopened = dict(ProblemEvent.select(ProblemEvent.problem, fn.COUNT(ProblemEvent.id))
                    .where(ProblemEvent.note.startswith(UNSATISFIED))
                    .group_by(ProblemEvent.problem).tuples()) if rows else {}
    return [ProblemRow(
        r["id"], r["visit"], r["visited_on"], r["village"],
        "、".join(n for _, n in deputies.get(r["visit"], [])), r["content"], r["voter_name"],
        r["voter_contact"], r["category"], r["route"], r["handling_unit"], r["deadline"],
        r["status"], r["reply"], r["replied_on"], r["feedback_on"], r["feedback_how"],
        r["satisfaction"], reopened.get(r["id"], 0)) for r in rows]


def get_problem(problem_id: int) -> ProblemRow:
    p = _problem_or_404(problem_id)
    visit_id = p.visit_id
    visit = Visit.get_by_id(visit_id)
    deputies = deputies_of([visit_id]).get(visit_id, [])
    reopened = ProblemEvent.select().where((ProblemEvent.problem == problem_id)
                                           & ProblemEvent.note.startswith(UNSATISFIED)).count()
    return ProblemRow(p.id, visit_id, visit.visited_on, visit.village,
                      "、".join(n for _, n in deputies), p.content, p.voter_name, p.voter_contact,
                      p.category, p.route, p.handling_unit, p.deadline, p.status, p.reply,
                      p.replied_on, p.feedback_on, p.feedback_how, p.satisfaction, reopened)


def history(problem_id: int) -> list[tuple[date, str, str, str]]:
    """(date, from, to, note) of every step, oldest first."""
    return [(e.happened_on, e.status_from, e.status_to, e.note) for e in
            ProblemEvent.select().where(ProblemEvent.problem == problem_id).order_by(ProblemEvent.id)]


# --- writing -----------------------------------------------------------------------------------


def _input_problems(data: ProblemInput) -> list[FieldProblem]:
    problems = []
    if not data.content.strip():
        problems.append(FieldProblem("反映问题", "请按群众原话记录反映的问题"))
    elif (long := too_long(data.content, "problem", "反映问题")):
        problems.append(long)
    if data.category and data.category not in get_settings().problem_categories:
        problems.append(FieldProblem("类别", "请从列表中选择类别（类别可在“设置”中增减）"))
    if data.route and data.route not in ROUTES:
        problems.append(FieldProblem("处理方式", f"请选择：{'、'.join(ROUTES)}"))
    if data.route == ON_THE_SPOT and not data.reply.strip():
        problems.append(FieldProblem("答复内容", "当场答复的，请记录答复内容"))
    return problems


def add_problem(visit_id: int, data: ProblemInput) -> ProblemRow:
    """Record a problem of a visit: answered on the spot (已办结), handed to a unit (交办, deadline in
    working days unless given) or just registered (登记)."""
    problems = _input_problems(data)
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise NotFound("找不到这条走访记录，可能已被删除。")
        now = datetime.now()
        problem = Problem.create(
            visit=visit, content=data.content.strip(), voter_name=data.voter_name.strip(),
            voter_contact=data.voter_contact.strip(), category=data.category, route=data.route,
            handling_unit=data.handling_unit.strip(), status=REGISTERED, created_at=now,
            updated_at=now)
        audit.record(TABLE, problem.id, "登记", {"反映问题": (None, problem.content)})
        if data.route == ON_THE_SPOT:
            _event(problem, visit.visited_on, CLOSED, "当场答复")
            Problem.update(status=CLOSED, reply=data.reply.strip(), replied_on=visit.visited_on,
                           handling_unit=data.handling_unit.strip() or "走访代表").where(
                Problem.id == problem.id).execute()
        elif data.handling_unit.strip():
            deadline = data.deadline or default_deadline(visit.visited_on)
            _event(problem, visit.visited_on, ASSIGNED, f"交{data.handling_unit.strip()}办理")
            Problem.update(status=ASSIGNED, deadline=deadline).where(Problem.id == problem.id).execute()
    return get_problem(problem.id)


def update_problem(problem_id: int, data: ProblemInput) -> ProblemRow:
    """Correct what was recorded (wording, voter, category, route, unit, deadline)."""
    problems = [p for p in _input_problems(data) if p.field != "答复内容"]
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        problem = _problem_or_404(problem_id)
        before = {k: getattr(problem, k) for k in PROBLEM_LABELS}
        changes = dict(content=data.content.strip(), voter_name=data.voter_name.strip(),
                       voter_contact=data.voter_contact.strip(), category=data.category,
                       route=data.route, handling_unit=data.handling_unit.strip())
        if data.deadline:
            changes["deadline"] = data.deadline
        Problem.update(updated_at=datetime.now(), **changes).where(Problem.id == problem_id).execute()
        audit.record(TABLE, problem_id, "修改", audit.diff(before, dict(before, **changes),
                                                         PROBLEM_LABELS))
    return get_problem(problem_id)


def assign(problem_ids: list[int], unit: str, on: date, deadline: date | None = None) -> int:
    """交办 one or several registered problems to one unit (batch); all or none.

    Returns:
        How many were handed over.
    """
    unit = unit.strip()
    if not unit:
        raise ValidationError([FieldProblem("承办单位", "请填写承办单位")])
    with database.atomic():
        problems = list(Problem.select().where(Problem.id.in_(problem_ids)))
        wrong = [p for p in problems if p.status not in (REGISTERED, ASSIGNED)]
        if wrong:
            raise ValidationError([FieldProblem(
                f"第{p.id}号", f"状态为“{p.status}”，只有“登记”或“交办”的问题可以交办") for p in wrong])
        due = deadline or default_deadline(on)
        for problem in problems:
            _event(problem, on, ASSIGNED, f"交{unit}办理，时限{due.isoformat()}")
            Problem.update(status=ASSIGNED, handling_unit=unit, deadline=due,
                           route=problem.route or "交镇政府办理", updated_at=datetime.now()).where(
                Problem.id == problem.id).execute()
    return len(problems)


def start(problem_id: int, on: date) -> ProblemRow:
    """交办 → 办理中."""
    with database.atomic():
        problem = _problem_or_404(problem_id)
        if problem.status != ASSIGNED:
            raise ValidationError([FieldProblem("状态", f"“{problem.status}”的问题不能改为办理中")])
        _event(problem, on, IN_PROGRESS)
        Problem.update(status=IN_PROGRESS, updated_at=datetime.now()).where(
            Problem.id == problem_id).execute()
    return get_problem(problem_id)


def close(problem_id: int, reply: str, replied_on: date | None) -> ProblemRow:
    """办结 with the unit's reply (text and date): from 交办 or 办理中."""
    problems = []
    if not reply.strip():
        problems.append(FieldProblem("答复内容", "请填写办理答复"))
    if replied_on is None:
        problems.append(FieldProblem("答复日期", "请填写答复日期"))
    with database.atomic():
        problem = _problem_or_404(problem_id)
        if problem.status not in (ASSIGNED, IN_PROGRESS):
            problems.insert(0, FieldProblem("状态", f"“{problem.status}”的问题不能办结：请先交办"))
        elif replied_on and replied_on < problem.visit.visited_on:
            problems.append(FieldProblem("答复日期", "答复日期不能早于走访日期"))
        elif problem.satisfaction == UNSATISFIED:
            # reopened by 不满意: the voter is owed a new answer, not the one already rejected
            if reply.strip() == problem.reply:
                problems.append(FieldProblem("答复内容", "群众对原答复不满意，请填写重新办理后的答复"))
            if replied_on and problem.feedback_on and replied_on < problem.feedback_on:
                problems.append(FieldProblem(
                    "答复日期", f"重新办理的答复日期不能早于群众表示不满意的日期{problem.feedback_on}"))
        if problems:
            raise ValidationError(problems)
        _event(problem, replied_on, CLOSED, reply.strip()[:60])
        Problem.update(status=CLOSED, reply=reply.strip(), replied_on=replied_on,
                       updated_at=datetime.now()).where(Problem.id == problem_id).execute()
    return get_problem(problem_id)


def feedback(problem_id: int, on: date | None, how: str, satisfaction: str) -> ProblemRow:
    """The voter heard back: 满意 / 基本满意 → 已反馈; 不满意 → back to 办理中, history kept."""
    problems = []
    if on is None:
        problems.append(FieldProblem("反馈日期", "请填写反馈日期"))
    if how not in FEEDBACK_WAYS:
        problems.append(FieldProblem("反馈方式", f"请选择：{'、'.join(FEEDBACK_WAYS)}"))
    if satisfaction not in SATISFACTION:
        problems.append(FieldProblem("满意度", f"请选择：{'、'.join(SATISFACTION)}"))
    with database.atomic():
        problem = _problem_or_404(problem_id)
        if problem.status == IN_PROGRESS and problem.satisfaction == UNSATISFIED:
            problems.insert(0, FieldProblem("状态", "群众对原答复不满意，问题正在重新办理："
                                                    "请先办结并填写新的答复，再登记反馈"))
        elif problem.status != CLOSED or not problem.reply:
            problems.insert(0, FieldProblem("状态", "还没有办理答复，不能登记反馈：请先办结并填写答复"))
        elif on and problem.replied_on and on < problem.replied_on:
            problems.append(FieldProblem("反馈日期", "反馈日期不能早于答复日期"))
        if problems:
            raise ValidationError(problems)
        if satisfaction == UNSATISFIED:
            _event(problem, on, IN_PROGRESS, f"{UNSATISFIED}（{how}反馈），重新办理")
            Problem.update(status=IN_PROGRESS, feedback_on=on, feedback_how=how,
                           satisfaction=satisfaction, updated_at=datetime.now()).where(
                Problem.id == problem_id).execute()
        else:
            _event(problem, on, FED_BACK, f"{satisfaction}（{how}反馈）")
            Problem.update(status=FED_BACK, feedback_on=on, feedback_how=how,
                           satisfaction=satisfaction, updated_at=datetime.now()).where(
                Problem.id == problem_id).execute()
    return get_problem(problem_id)


# --- statistics --------------------------------------------------------------------------------


def statistics(start_on: date, end_on: date) -> ProblemStats:
    """The figures for visits made from ``start_on`` to ``end_on`` (inclusive)."""
    in_period = Visit.visited_on.between(start_on, end_on)
    visits, households = Visit.select(fn.COUNT(Visit.id), fn.SUM(Visit.households)).where(
        in_period).scalar(as_tuple=True)
    rows = list(Problem.select(Problem.route, Problem.status, Problem.satisfaction)
                .join(Visit).where(in_period).tuples())
    return ProblemStats(
        start_on, end_on, visits or 0, households or 0, len(rows),
        sum(1 for route, _, _ in rows if route == ON_THE_SPOT),
        sum(1 for route, _, _ in rows if route and route != ON_THE_SPOT),
        sum(1 for _, status, _ in rows if status in (CLOSED, FED_BACK)),
        sum(1 for _, status, _ in rows if status == FED_BACK),
        sum(1 for _, _, s in rows if s in SATISFACTION),
        sum(1 for _, _, s in rows if s in SATISFACTION[:2]),
        sum(1 for _, _, s in rows if s == UNSATISFIED))


def record_visit(visit_id: int | None, data, new_problems: list[ProblemInput]):
    """Save a visit and the problems noted with it in one transaction (the entry dialog's save)."""
    from town_office.services.visits import get_visit, save_visit, visit_problems

    found = visit_problems(data)
    for number, problem in enumerate(new_problems, 1):
        found += [FieldProblem("反映问题", f"第{number}条{'' if p.field == '反映问题' else p.field}："
                                       f"{p.message}") for p in _input_problems(problem)]
    if found:
        raise ValidationError(found)
    with database.atomic():
        saved = save_visit(visit_id, data)
        for problem in new_problems:
            add_problem(saved.id, problem)
    return get_visit(saved.id)
