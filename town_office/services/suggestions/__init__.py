"""Deputies' suggestions (代表建议): registering (at a congress session: 届次-会次-序号; in recess:
闭会-年-序号), the lead deputy and co-signers, handing over (交办) to a main unit and co-units, 一般 or
重点 (重点: a presidium member leads), and the deadline (3 months from 交办, 6 when complex; settings;
calendar months, not working days). Answers, the deputy's opinion and the statistics are in
``answers``; papers in ``papers``. A problem raised on a visit becomes a suggestion in one step."""

from __future__ import annotations

from datetime import date, datetime

from peewee import JOIN, fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import (
    CongressSession,
    Problem,
    Representative,
    Suggestion,
    SuggestionAnswer,
    SuggestionCosigner,
    Term,
)
from town_office.models.db import database
from town_office.reports.chinese_numbers import chinese_number
from town_office.services.common import audit
from town_office.services.common.text_limits import too_long
from town_office.services.meetings.rules import add_months
from town_office.services.roster.units import current_term_id
from town_office.services.settings import get_settings
from town_office.services.suggestions.types import (
    ASSIGNED,
    GRADES,
    RECESS,
    REGISTERED,
    AnswerRow,
    AssignInput,
    SuggestionFilter,
    SuggestionInput,
    SuggestionRow,
)

TABLE = "suggestion"
LABELS = {"title": "标题", "content": "内容", "category": "类别", "submitted_on": "提出日期",
          "main_unit": "主办单位", "co_units": "协办单位", "grade": "分类分级", "complex": "情况复杂",
          "assigned_on": "交办日期", "deadline": "答复期限"}


def term_digits(term_name: str) -> str:
    """第十九届 → 19 (the 届次 part of a number); the name itself when it is not 第N届."""
    numbers = {chinese_number(n): n for n in range(1, 99)}
    inner = term_name.removeprefix("第").removesuffix("届")
    return str(numbers[inner]) if inner in numbers else term_name


def _next_number(term: Term, session: CongressSession | None, year: int) -> tuple[str, int]:
    if session is not None:
        seq = (Suggestion.select(fn.MAX(Suggestion.seq)).where(Suggestion.session == session.id).scalar() or 0) + 1
        return f"{term_digits(term.name)}-{session.number}-{seq:03d}", seq
    seq = (Suggestion.select(fn.MAX(Suggestion.seq)).where(
        Suggestion.session.is_null() & (Suggestion.year == year)).scalar() or 0) + 1
    return f"{RECESS}-{year}-{seq:03d}", seq


def suggestion_or_404(suggestion_id: int) -> Suggestion:
    found = Suggestion.get_or_none(Suggestion.id == suggestion_id)
    if found is None:
        raise NotFound("找不到这件代表建议，可能已被删除。")
    return found


def _answer_row(a: SuggestionAnswer) -> AnswerRow:
    return AnswerRow(a.round, a.answer_class, a.answered_on, a.text, a.deadline, a.promised_on, a.file_name,
                     a.stored_path, a.satisfaction, a.opinion, a.feedback_on)


def list_suggestions(flt: SuggestionFilter | None = None, today: date | None = None) -> list[SuggestionRow]:
    """Suggestions by number, with their signers and answers (three queries in all)."""
    flt, today = flt or SuggestionFilter(), today or date.today()
    lead = Representative.alias()
    responsible = Representative.alias()
    query = (Suggestion.select(Suggestion, lead.name.alias("lead_name"), responsible.name.alias("resp_name"))
             .join(lead, on=(Suggestion.lead == lead.id))
             .join(responsible, JOIN.LEFT_OUTER, on=(Suggestion.responsible == responsible.id)))
    if flt.year:
        query = query.where(Suggestion.year == flt.year)
    if flt.status:
        query = query.where(Suggestion.status == flt.status)
    if flt.unit:
        query = query.where(Suggestion.main_unit == flt.unit)
    if flt.signer_id:
        query = query.where((Suggestion.lead == flt.signer_id) | Suggestion.id.in_(
            SuggestionCosigner.select(SuggestionCosigner.suggestion)
            .where(SuggestionCosigner.representative == flt.signer_id)))
    rows = list(query.order_by(Suggestion.year, Suggestion.session.is_null(False).desc(), Suggestion.number).dicts())
    ids = [r["id"] for r in rows] or [0]
    signers: dict[int, list[tuple[int, str]]] = {}
    for sid, rid, name in (SuggestionCosigner.select(SuggestionCosigner.suggestion, Representative.id,
                                                     Representative.name).join(Representative)
                           .where(SuggestionCosigner.suggestion.in_(ids))
                           .order_by(SuggestionCosigner.id).tuples()):
        signers.setdefault(sid, []).append((rid, name))
    answers: dict[int, list[AnswerRow]] = {}
    for a in SuggestionAnswer.select().where(SuggestionAnswer.suggestion.in_(ids)).order_by(SuggestionAnswer.round):
        answers.setdefault(a.suggestion_id, []).append(_answer_row(a))
    result = []
    for r in rows:
        cos = signers.get(r["id"], [])
        row = SuggestionRow(r["id"], r["number"], r["year"], r["session"], r["lead"], r["lead_name"],
                            tuple(n for _, n in cos), tuple(i for i, _ in cos), r["title"], r["content"],
                            r["category"], r["submitted_on"], r["main_unit"], r["co_units"], r["grade"],
                            r["responsible"], r["resp_name"] or "", r["complex"], r["assigned_on"], r["deadline"],
                            r["status"], r["excellent"], r["excellent_reason"], r["problem"],
                            tuple(answers.get(r["id"], ())))
        if flt.overdue_only and not row.overdue(today):
            continue
        if flt.text and flt.text not in f"{row.number}{row.title}{row.signers_text}{row.main_unit}":
            continue
        result.append(row)
    return result


def get_suggestion(suggestion_id: int) -> SuggestionRow:
    found = Suggestion.get_or_none(Suggestion.id == suggestion_id)
    if found is None:
        raise NotFound("找不到这件代表建议，可能已被删除。")
    return next(r for r in list_suggestions(SuggestionFilter(year=found.year)) if r.id == suggestion_id)


def suggestion_years() -> list[int]:
    return sorted({y for (y,) in Suggestion.select(Suggestion.year).distinct().tuples()}, reverse=True)


def _problems(data: SuggestionInput) -> list[FieldProblem]:
    problems = []
    if not data.lead_id or Representative.get_or_none(Representative.id == data.lead_id) is None:
        problems.append(FieldProblem("领衔代表", "请选择领衔代表"))
    if not data.title.strip():
        problems.append(FieldProblem("标题", "请填写标题，如：关于加快石门村公路硬化的建议"))
    if not data.content.strip():
        problems.append(FieldProblem("内容", "请填写建议内容"))
    if data.submitted_on is None:
        problems.append(FieldProblem("提出日期", "请填写提出日期"))
    elif data.submitted_on > date.today():
        problems.append(FieldProblem("提出日期", "不能晚于今天"))
    if data.lead_id and data.lead_id in data.cosigner_ids:
        problems.append(FieldProblem("附议代表", "领衔代表不必再列为附议代表"))
    if data.session_id:
        session = CongressSession.get_or_none(CongressSession.id == data.session_id)
        if session is None:
            problems.append(FieldProblem("提出方式", "找不到这次人代会会议"))
        elif data.submitted_on and not session.starts_on <= data.submitted_on <= session.ends_on:
            problems.append(FieldProblem("提出日期", f"大会期间提出的建议，日期应在会期内（{session.starts_on}起）"))
    problems += [p for p in (too_long(data.title, "title", "标题"), too_long(data.content, "summary", "内容")) if p]
    return problems


def create_suggestion(data: SuggestionInput, problem_id: int | None = None) -> SuggestionRow:
    problems = _problems(data)
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        session = CongressSession.get_by_id(data.session_id) if data.session_id else None
        term_id = session.term_id if session else (Representative.get_by_id(data.lead_id).term_id
                                                   or current_term_id(required=True))
        number, seq = _next_number(Term.get_by_id(term_id), session, data.submitted_on.year)
        now = datetime.now()
        row = Suggestion.create(number=number, term=term_id, session=session, year=data.submitted_on.year, seq=seq,
                                lead=data.lead_id, title=data.title.strip(), content=data.content.strip(),
                                category=data.category, submitted_on=data.submitted_on, problem=problem_id,
                                created_at=now, updated_at=now)
        for rep_id in dict.fromkeys(data.cosigner_ids):
            SuggestionCosigner.create(suggestion=row, representative=rep_id)
        audit.record(TABLE, row.id, "登记", {"编号": (None, number), "标题": (None, row.title)})
    return get_suggestion(row.id)


def update_suggestion(suggestion_id: int, data: SuggestionInput) -> SuggestionRow:
    """Correct what was registered (the number stays)."""
    problems = _problems(data)
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        row = suggestion_or_404(suggestion_id)
        before = {k: getattr(row, k) for k in ("title", "content", "category", "submitted_on")}
        Suggestion.update(lead=data.lead_id, title=data.title.strip(), content=data.content.strip(),
                          category=data.category, submitted_on=data.submitted_on,
                          updated_at=datetime.now()).where(Suggestion.id == suggestion_id).execute()
        SuggestionCosigner.delete().where(SuggestionCosigner.suggestion == suggestion_id).execute()
        for rep_id in dict.fromkeys(data.cosigner_ids):
            SuggestionCosigner.create(suggestion=suggestion_id, representative=rep_id)
        after = {"title": data.title.strip(), "content": data.content.strip(), "category": data.category,
                 "submitted_on": data.submitted_on}
        audit.record(TABLE, suggestion_id, "修改", audit.diff(before, after, LABELS))
    return get_suggestion(suggestion_id)


def delete_suggestion(suggestion_id: int) -> None:
    """Remove one registered by mistake: only before it was handed over."""
    with database.atomic():
        row = suggestion_or_404(suggestion_id)
        if row.status != REGISTERED:
            raise ValidationError([FieldProblem("状态", f"建议已{row.status}，不能删除")])
        if row.problem_id:
            Problem.update(route="", updated_at=datetime.now()).where(Problem.id == row.problem_id).execute()
        audit.record(TABLE, suggestion_id, "删除", {"编号": (row.number, None)})
        row.delete_instance(recursive=True)


def deadline_for(assigned_on: date, is_complex: bool) -> date:
    s = get_settings()
    return add_months(assigned_on, s.suggestion_complex_months if is_complex else s.suggestion_answer_months)


def assign(suggestion_id: int, data: AssignInput) -> SuggestionRow:
    """交办: the main unit (and co-units), 一般 / 重点 (重点 needs the presidium member who leads),
    and the deadline from the day handed over."""
    problems = []
    if data.assigned_on is None:
        problems.append(FieldProblem("交办日期", "请填写交办日期"))
    elif data.assigned_on > date.today():
        problems.append(FieldProblem("交办日期", "不能晚于今天"))
    if not data.main_unit.strip():
        problems.append(FieldProblem("主办单位", "请填写主办单位，如：镇人民政府"))
    if data.grade not in GRADES:
        problems.append(FieldProblem("分类分级", "请选择一般或重点"))
    if data.grade == "重点":
        member = Representative.get_or_none(Representative.id == data.responsible_id) if data.responsible_id else None
        if member is None or not member.presidium_role:
            problems.append(FieldProblem("牵头主席团成员", "重点建议由主席团牵头协调，请选择负责的主席团成员"))
    with database.atomic():
        row = suggestion_or_404(suggestion_id)
        if row.status not in (REGISTERED, ASSIGNED):
            problems.insert(0, FieldProblem("状态", f"建议已{row.status}，交办信息不能再改"))
        elif data.assigned_on and data.assigned_on < row.submitted_on:
            problems.append(FieldProblem("交办日期", "不能早于提出日期"))
        if problems:
            raise ValidationError(problems)
        before = {k: getattr(row, k) for k in ("main_unit", "co_units", "grade", "complex", "assigned_on", "deadline")}
        after = {"main_unit": data.main_unit.strip(), "co_units": data.co_units.strip(), "grade": data.grade,
                 "complex": data.complex, "assigned_on": data.assigned_on,
                 "deadline": deadline_for(data.assigned_on, data.complex)}
        Suggestion.update(status=ASSIGNED, responsible=data.responsible_id if data.grade == "重点" else None,
                          updated_at=datetime.now(), **after).where(Suggestion.id == suggestion_id).execute()
        audit.record(TABLE, suggestion_id, "交办", audit.diff(before, after, LABELS))
    return get_suggestion(suggestion_id)


def from_problem(problem_id: int, lead_id: int, title: str, submitted_on: date | None = None) -> SuggestionRow:
    """A voter's problem becomes a suggestion (in recess) of the deputy who heard it: the problem's
    route becomes 转为代表建议 and each side links to the other."""
    problem = Problem.get_or_none(Problem.id == problem_id)
    if problem is None:
        raise NotFound("找不到这条群众诉求，可能已被删除。")
    if Suggestion.select().where(Suggestion.problem == problem_id).exists():
        raise ValidationError([FieldProblem("群众诉求", "这条群众诉求已经转为代表建议")])
    with database.atomic():
        row = create_suggestion(SuggestionInput(lead_id, title or problem.content[:40], problem.content,
                                                submitted_on=submitted_on or date.today()), problem_id)
        Problem.update(route="转为代表建议", handling_unit="代表建议",
                       updated_at=datetime.now()).where(Problem.id == problem_id).execute()
        audit.record("problem", problem_id, "转为代表建议", {"办理途径": (problem.route or None, "转为代表建议"),
                                                        "代表建议编号": (None, row.number)})
    return row


def suggestion_of_problem(problem_id: int) -> SuggestionRow | None:
    found = Suggestion.get_or_none(Suggestion.problem == problem_id)
    return get_suggestion(found.id) if found else None
