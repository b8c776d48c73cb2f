"""The change of term (换届), step by step and resumable: the record keeps which of the five steps
are done, so the assistant opens where the clerk left off.

1. 届末整理 (``package``): the term-end package and what is still open, carried over or closed;
2. 新一届: the new term's name, election day and first session's date;
3. 新一届代表: deputies imported from the election result (the roster import, into the new term) or
   carried over one by one; 连任 matched and shown; every mandate of the old term ends 届满 on its
   last day (once that day has come);
4. 第一次会议: the new term's first session, whose elections write the presidium roles; presidium
   meetings of the new term are numbered from 第一次 again;
5. 规则文件: each rule document carries over in force or is re-adopted at that session; then the new
   term becomes the current term.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import DeputyGroup, Representative, RepresentativeLevel, Term, TermChange
from town_office.models.db import database
from town_office.reports.chinese_numbers import chinese_number
from town_office.services import settings
from town_office.services.common import audit
from town_office.services.roster.mandates import earlier_mandate_ids
from town_office.services.roster.units import current_term_id, save_term
from town_office.services.term_change.types import NewDeputy, TermChangeState

TABLE = "term_change"
EXPIRED = "届满"


def _change(change_id: int | None = None) -> TermChange:
    query = TermChange.select().order_by(TermChange.id.desc())
    change = query.where(TermChange.id == change_id).first() if change_id else query.first()
    if change is None:
        raise NotFound("还没有开始换届。")
    return change


def _choices(change: TermChange) -> dict:
    return json.loads(change.choices or "{}")


def _save_choices(change: TermChange, values: dict) -> None:
    data = _choices(change)
    data.update(values)
    TermChange.update(choices=json.dumps(data, ensure_ascii=False, default=str),
                      updated_at=datetime.now()).where(TermChange.id == change.id).execute()


def mark_step(change_id: int, step: int) -> None:
    change = _change(change_id)
    done = {int(s) for s in change.steps_done.split(",") if s}
    if step not in done:
        done.add(step)
        TermChange.update(steps_done=",".join(str(s) for s in sorted(done)),
                          updated_at=datetime.now()).where(TermChange.id == change.id).execute()
        audit.record(TABLE, change.id, "完成步骤", {"步骤": (None, str(step))})


def next_term_name(name: str) -> str:
    """第十九届 → 第二十届; "" when the name is not 第N届."""
    numbers = {chinese_number(n): n for n in range(1, 99)}
    inner = name.removeprefix("第").removesuffix("届")
    return f"第{chinese_number(numbers[inner] + 1)}届" if inner in numbers else ""


def start_change(old_term_id: int | None = None) -> TermChangeState:
    """Begin (or, when one is under way, resume) the change from the current term."""
    old_term_id = old_term_id or current_term_id(required=True)
    existing = TermChange.select().where(TermChange.old_term == old_term_id).first()
    if existing:
        return get_state(existing.id)
    with database.atomic():
        now = datetime.now()
        change = TermChange.create(old_term=old_term_id, started_at=now, updated_at=now)
        audit.record(TABLE, change.id, "开始换届", {"原届次": (None, Term.get_by_id(old_term_id).name)})
    return get_state(change.id)


def current_change() -> TermChangeState | None:
    """The change under way (or finished last), if any."""
    change = TermChange.select().order_by(TermChange.id.desc()).first()
    return get_state(change.id) if change else None


def new_deputies(new_term_id: int) -> tuple[NewDeputy, ...]:
    groups = dict(DeputyGroup.select(DeputyGroup.id, DeputyGroup.name).tuples())
    earlier = earlier_mandate_ids(new_term_id)
    terms = dict(Representative.select(Representative.id, Term.name).join(Term).where(
        Representative.id.in_(list(earlier.values()) or [0])).tuples())
    return tuple(NewDeputy(r.id, r.name, groups.get(r.group_id, ""), terms.get(earlier.get(r.id), ""))
                 for r in Representative.select().where(Representative.term == new_term_id)
                 .order_by(Representative.name_pinyin))


def get_state(change_id: int | None = None) -> TermChangeState:
    change = _change(change_id)
    choices = _choices(change)
    old, new = change.old_term, change.new_term
    serving = Representative.select().where((Representative.term == old.id)
                                            & (Representative.status == "在任")).count()
    day = lambda key: date.fromisoformat(choices[key]) if choices.get(key) else None  # noqa: E731
    steps = tuple(int(s) for s in change.steps_done.split(",") if s)
    return TermChangeState(
        change.id, old.id, old.name, old.ends_on, new.id if new else None, new.name if new else "",
        day("election_day"), day("first_session_on"), choices.get("first_session_id"), steps,
        change.package_folder, serving, new_deputies(new.id) if new else (),
        len(steps) == 5 and settings.get_settings().current_term_id == (new.id if new else 0))


# --- step 2: the new term -----------------------------------------------------------------------


def set_new_term(change_id: int, name: str, election_day: date | None,
                 first_session_on: date | None, today: date | None = None) -> TermChangeState:
    """Create (or correct) the new term: it runs from its first session for five years. The
    election must have taken place (its result is what step 3 enters)."""
    change = _change(change_id)
    today = today or date.today()
    old = change.old_term
    problems = []
    name = name.strip()
    if not name:
        problems.append(FieldProblem("届次名称", "请填写新一届的名称，如：第二十届"))
    elif name == old.name:
        problems.append(FieldProblem("届次名称", f"新一届不能与{old.name}同名"))
    if election_day is None:
        problems.append(FieldProblem("选举日", "请填写选举日"))
    elif election_day > today:
        problems.append(FieldProblem("选举日", "选举日不能晚于今天：选举结果确认后再办理换届"))
    if first_session_on is None:
        problems.append(FieldProblem("第一次会议日期", "请填写新一届第一次会议的日期"))
    elif election_day and first_session_on < election_day:
        problems.append(FieldProblem("第一次会议日期", "第一次会议不能早于选举日"))
    elif old.ends_on and first_session_on <= old.ends_on:
        problems.append(FieldProblem("第一次会议日期", f"{old.name}到{old.ends_on:%Y-%m-%d}届满，"
                                                    "新一届第一次会议应在此之后"))
    if problems:
        raise ValidationError(problems)
    ends_on = first_session_on.replace(year=first_session_on.year + 5) - timedelta(days=1)
    with database.atomic():
        term = save_term(change.new_term_id, name, first_session_on, ends_on)
        TermChange.update(new_term=term.id, updated_at=datetime.now()).where(
            TermChange.id == change.id).execute()
        _save_choices(change, {"election_day": election_day.isoformat(),
                               "first_session_on": first_session_on.isoformat()})
        mark_step(change.id, 2)
    return get_state(change.id)


# --- step 3: the deputies ------------------------------------------------------------------------


def carry_over(change_id: int, representative_ids: list[int]) -> TermChangeState:
    """Re-elected deputies carried over one by one: a new mandate in the new term with the same
    personal data, elected on the election day; presidium roles are not carried (step 4 elects)."""
    state = get_state(change_id)
    if not state.new_term_id:
        raise ValidationError([FieldProblem("新一届", "请先完成第2步：填写新一届的届次和日期")])
    already = {d.name for d in state.new_deputies}
    with database.atomic():
        now = datetime.now()
        for rep in Representative.select().where(Representative.id.in_(representative_ids)):
            if rep.term_id != state.old_term_id:
                raise ValidationError([FieldProblem("代表", f"{rep.name}不是{state.old_term_name}的代表")])
            if rep.name in already:
                continue
            values = {f.name: getattr(rep, f.name) for f in Representative._meta.sorted_fields
                      if f.name not in ("id", "term", "status", "ended_on", "end_reason", "presidium_role",
                                        "elected_on", "created_at", "updated_at", "card_number")}
            new = Representative.create(term=state.new_term_id, elected_on=state.election_day, status="在任",
                                        created_at=now, updated_at=now, **values)
            for (level,) in RepresentativeLevel.select(RepresentativeLevel.level).where(
                    RepresentativeLevel.representative == rep.id).tuples():
                RepresentativeLevel.create(representative=new, level=level)
            audit.record("representative", new.id, "连任转入", {"代表": (None, f"{rep.name}（{state.new_term_name}）")})
    return get_state(change_id)


def end_old_term(change_id: int, today: date | None = None) -> int:
    """Every mandate of the old term still 在任 ends 届满 on the term's last day (a 连任 deputy goes
    on in the new mandate). Only once that day has come; returns how many were ended."""
    from town_office.services.roster import end_representative

    state = get_state(change_id)
    today = today or date.today()
    last = state.old_term_ends_on
    if last is None:
        raise ValidationError([FieldProblem("届满日期", f"{state.old_term_name}没有届满日期，请在设置中填写")])
    if last > today:
        raise ValidationError([FieldProblem("届满日期", f"{state.old_term_name}到{last:%Y年%m月%d日}届满，"
                                                  "届满之后再办理代表资格终止")])
    ended = 0
    with database.atomic():
        for rep in Representative.select().where((Representative.term == state.old_term_id)
                                                 & (Representative.status == "在任")):
            end_representative(rep.id, max(last, rep.elected_on or last), EXPIRED, today=today)
            ended += 1
    return ended


def finish_deputies(change_id: int, today: date | None = None) -> TermChangeState:
    """Step 3 is done when the new term has deputies and the old term's mandates have ended."""
    state = get_state(change_id)
    if not state.new_deputies:
        raise ValidationError([FieldProblem("代表", f"{state.new_term_name or '新一届'}还没有代表：请导入选举结果"
                                                   "或逐个转入连任代表")])
    if state.old_deputies_serving:
        end_old_term(change_id, today)
    mark_step(change_id, 3)
    return get_state(change_id)


# --- step 5 and the end ----------------------------------------------------------------------------


def make_new_term_current(change_id: int) -> TermChangeState:
    state = get_state(change_id)
    missing = [n for n in range(1, 5) if n not in state.steps_done]
    if missing:
        raise ValidationError([FieldProblem("换届", f"还有第{'、'.join(str(n) for n in missing)}步没有完成")])
    with database.atomic():
        settings.update_settings(current_term_id=state.new_term_id)
        mark_step(change_id, 5)
    return get_state(change_id)


# --- step 4: the first session ----------------------------------------------------------------------

FIRST_SESSION_AGENDA = (
    ("选举", "选举镇人民代表大会主席", "主席", 1),
    ("选举", "选举镇人民代表大会副主席", "副主席", 1),
    ("选举", "选举镇人民代表大会主席团成员", "主席团成员", 3),
    ("选举", "选举镇长、副镇长", "镇长", 1),
    ("其他", "通过镇人民代表大会议事规则等规则文件", "", 1),
)


def create_first_session(change_id: int, place: str, chair: str) -> TermChangeState:
    """The new term's 第一次会议 on the date of step 2, with every deputy of the new term listed
    and the elections of its agenda ready for their candidates."""
    from town_office.services.sessions import agenda, create_session
    from town_office.services.sessions.types import FIRST, SessionInput, SessionItemInput

    state = get_state(change_id)
    if not state.new_deputies:
        raise ValidationError([FieldProblem("换届", "请先完成第3步：新一届还没有代表")])
    if state.first_session_id:
        return state
    with database.atomic():
        session = create_session(SessionInput(state.new_term_id, FIRST, state.first_session_on,
                                              state.first_session_on, place, chair))
        for kind, title, _, seats in FIRST_SESSION_AGENDA:
            agenda.add_item(session.id, SessionItemInput(kind, title, seats=seats))
        _save_choices(_change(change_id), {"first_session_id": session.id})
    return get_state(change_id)


def finish_first_session(change_id: int) -> TermChangeState:
    """Step 4 is done once the new term has its 主席 (an election written to the presidium)."""
    state = get_state(change_id)
    if not state.first_session_id:
        raise ValidationError([FieldProblem("第一次会议", "请先建立新一届第一次会议")])
    chair = Representative.select().where((Representative.term == state.new_term_id)
                                          & (Representative.presidium_role == "主席")).exists()
    if not chair:
        raise ValidationError([FieldProblem("主席团", "第一次会议还没有选出主席：请录入选举结果并写入主席团")])
    mark_step(change_id, 4)
    return get_state(change_id)


# --- step 5: the rule documents ------------------------------------------------------------------


def carry_rules(change_id: int, readopt_kinds: list[str], today: date | None = None) -> TermChangeState:
    """Each rule document in force carries over as it is, or — for ``readopt_kinds`` — is adopted
    again at the new term's first session (a new version with the same text); then the new term
    becomes the current term."""
    from town_office.services import rules
    from town_office.services.rules.adoption import adopt
    from town_office.services.rules.types import AdoptionInput
    from town_office.services.sessions import get_session

    state = get_state(change_id)
    if readopt_kinds and not state.first_session_id:
        raise ValidationError([FieldProblem("规则文件", "重新通过须在新一届第一次会议上，请先建立这次会议")])
    with database.atomic():
        if readopt_kinds:
            session = get_session(state.first_session_id)
            for kind in readopt_kinds:
                version = rules.new_revision(kind)
                adopt(version.id, AdoptionInput(session.starts_on, session.starts_on,
                                                adopted_by=session.title, session_id=session.id), today)
        _save_choices(_change(change_id), {"readopted": list(readopt_kinds)})
        return make_new_term_current(change_id)
