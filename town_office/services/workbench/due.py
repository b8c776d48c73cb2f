"""The due-and-late list: every open record with a deadline, across the areas, in one list.

Each area is one tuple query over its open rows only (a big town's closed records are never read);
working-day deadlines (群众诉求) count with ``common.workdays``, the others in calendar days, a
station's first response in hours."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from peewee import fn

from town_office.models import (
    AgendaItem,
    FollowUp,
    Hazard,
    Meeting,
    Problem,
    Reception,
    Station,
    Suggestion,
    TrainingAttendee,
    TrainingSession,
    Term,
    Visit,
)
from town_office.services.common.workdays import workdays_left
from town_office.services.hazards.types import OPEN_HAZARD_STATUSES
from town_office.services.meetings.types import FINALISED, HELD, OPEN_FOLLOWUP_STATUSES
from town_office.services.roster import mandates
from town_office.services.stations.types import RESPONSE_HOURS
from town_office.services.suggestions.types import OPEN_STATUSES as OPEN_SUGGESTIONS
from town_office.services.training import new_deputy_ids
from town_office.services.training.types import FIRST_TRAINING
from town_office.services.visits.types import OPEN_STATUSES as OPEN_PROBLEMS
from town_office.services.workbench import check_settings
from town_office.services.workbench.types import (
    DAYS,
    FIRST_TRAINING as FIRST_TRAINING_AREA,
    FOLLOWUP,
    HAZARD,
    HOURS,
    MINUTES,
    PROBLEM,
    RECEPTION,
    SUGGESTION,
    WORKDAYS,
    DueItem,
)

NEW_DEPUTY_DAYS = 365  # a deputy is "new" for the 初任培训 reminder during the first year of the mandate


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _followups(first: date, horizon: date, today: date) -> list[DueItem]:
    query = (FollowUp.select(FollowUp.id, FollowUp.content, FollowUp.handling_unit, FollowUp.deadline,
                             Meeting.number)
             .join(AgendaItem).join(Meeting)
             .where(FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES) & FollowUp.deadline.between(first, horizon)).tuples())
    return [DueItem(FOLLOWUP, i, _short(content), f"{unit or '未定承办单位'}（第{number}次主席团会议）",
                    deadline, (deadline - today).days, DAYS, "督办事项", deadline < today)
            for i, content, unit, deadline, number in query]


def _problems(first: date, horizon: date, today: date) -> list[DueItem]:
    query = (Problem.select(Problem.id, Problem.content, Problem.handling_unit, Problem.deadline, Visit.village)
             .join(Visit)
             .where(Problem.status.in_(OPEN_PROBLEMS) & Problem.deadline.is_null(False)
                    & Problem.deadline.between(first, horizon)).tuples())
    return [DueItem(PROBLEM, i, _short(content), f"{village}　{unit or '未交办'}", deadline,
                    workdays_left(today, deadline), WORKDAYS, "问题清单", deadline < today)
            for i, content, unit, deadline, village in query]


def _hazards(first: date, horizon: date, today: date) -> list[DueItem]:
    query = (Hazard.select(Hazard.id, Hazard.year, Hazard.seq, Hazard.place, Hazard.description,
                           Hazard.responsible_unit, Hazard.deadline, Hazard.supervised)
             .where(Hazard.status.in_(OPEN_HAZARD_STATUSES) & Hazard.deadline.is_null(False)
                    & Hazard.deadline.between(first, horizon)).tuples())
    return [DueItem(HAZARD, i, _short(f"{year}-{seq:03d} {place}：{description}"),
                    (unit or "未定责任单位") + ("（挂牌督办）" if supervised else ""), deadline,
                    (deadline - today).days, DAYS, "隐患台账", deadline < today)
            for i, year, seq, place, description, unit, deadline, supervised in query]


def _suggestions(first: date, horizon: date, today: date) -> list[DueItem]:
    query = (Suggestion.select(Suggestion.id, Suggestion.number, Suggestion.title, Suggestion.main_unit,
                               Suggestion.deadline)
             .where(Suggestion.status.in_(OPEN_SUGGESTIONS) & Suggestion.deadline.is_null(False)
                    & Suggestion.deadline.between(first, horizon)).tuples())
    return [DueItem(SUGGESTION, i, _short(f"{number} {title}"), unit or "未定承办单位", deadline,
                    (deadline - today).days, DAYS, "代表建议", deadline < today)
            for i, number, title, unit, deadline in query]


def _receptions(now: datetime) -> list[DueItem]:
    query = (Reception.select(Reception.id, Reception.received_at, Station.name, Visit.summary)
             .join(Station).switch(Reception).join(Visit)
             .where(Reception.responded_at.is_null()
                    & fn.EXISTS(Problem.select(Problem.id).where(Problem.visit == Reception.visit))).tuples())
    items = []
    for i, received_at, station, summary in query:
        due = received_at + timedelta(hours=RESPONSE_HOURS)
        hours = (due - now).total_seconds() / 3600
        left = int(hours) if hours >= 0 else -int(-hours) - 1
        items.append(DueItem(RECEPTION, i, _short(f"{station}接待：{summary or '群众来访'}"),
                             f"接待于{received_at:%m月%d日 %H:%M}，24小时内首次答复", due.date(), left, HOURS,
                             "代表联络站", due < now))
    return items


def _minutes(today: date, days: int | None) -> list[DueItem]:
    if days is None:
        return []
    query = (Meeting.select(Meeting.id, Meeting.number, Meeting.held_on, Meeting.status)
             .where((Meeting.status != FINALISED) & (Meeting.held_on < today)).tuples())
    items = []
    for i, number, held_on, status in query:
        deadline = held_on + timedelta(days=days)
        what = "纪要尚未定稿" if status == HELD else "会议日期已过，还没有记录召开情况和纪要"
        items.append(DueItem(MINUTES, i, f"第{number}次主席团会议（{held_on:%m月%d日}）", what, deadline,
                             (deadline - today).days, DAYS, "主席团会议",
                             deadline < today))
    return items


def _first_training(today: date, days: int | None) -> list[DueItem]:
    """Deputies new to the congress (not 连任) whose mandate began within the last year, in the
    current term or the one just elected, who have not attended an 初任培训 yet."""
    if days is None:
        return []
    trained = {r for (r,) in TrainingAttendee.select(TrainingAttendee.representative).join(TrainingSession)
               .where((TrainingSession.kind == FIRST_TRAINING) & (TrainingAttendee.attendance == "出席")
                      & (TrainingSession.held_on <= today)).tuples()}
    items = []
    for term in Term.select().where(Term.ends_on.is_null() | (Term.ends_on >= today)):
        new_ids = new_deputy_ids(term.id)
        for rep in mandates.term_town_deputies(term.id):
            since = max(filter(None, (rep.elected_on, term.starts_on)), default=None)
            if (rep.id not in new_ids or rep.id in trained or rep.status != "在任" or since is None
                    or (today - since).days > NEW_DEPUTY_DAYS):
                continue
            deadline = since + timedelta(days=days)
            items.append(DueItem(FIRST_TRAINING_AREA, rep.id, f"{rep.name}（{term.name}新任代表）",
                                 "还没有参加初任培训", deadline, (deadline - today).days, DAYS, "代表培训",
                                 deadline < today))
    return items


def due_items(today: date | None = None, within_days: int | None = 30, now: datetime | None = None,
              areas: tuple[str, ...] = (), from_day: date | None = None) -> list[DueItem]:
    """Open records due within ``within_days`` (None: every open one) and every late one (or only
    those due from ``from_day`` on: the calendar's days), the earliest deadline first. Only the
    ``areas`` asked for are read (all when empty)."""
    today = today or date.today()
    now = now or datetime.combine(today, datetime.now().time())
    first = from_day or date.min
    horizon = today + timedelta(days=within_days) if within_days is not None else date.max
    rules = check_settings.check_settings()
    minutes_days = rules["minutes_days"][1] if rules["minutes_days"][0] else None
    training_days = rules["first_training_days"][1] if rules["first_training_days"][0] else None
    builders = {
        FOLLOWUP: lambda: _followups(first, horizon, today),
        PROBLEM: lambda: _problems(first, horizon, today),
        HAZARD: lambda: _hazards(first, horizon, today),
        SUGGESTION: lambda: _suggestions(first, horizon, today),
        RECEPTION: lambda: _receptions(now),
        MINUTES: lambda: _minutes(today, minutes_days),
        FIRST_TRAINING_AREA: lambda: _first_training(today, training_days),
    }
    items = [item for area, build in builders.items() if not areas or area in areas for item in build()]
    items = [i for i in items if first <= i.deadline <= horizon]
    return sorted(items, key=lambda i: (i.deadline, i.area, i.record_id))
