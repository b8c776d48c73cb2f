"""Receptions at a liaison station (接待日, or 预约接待 on any day): the deputies present, the voters
received and the problems they raised — kept as a visit of form 接待日, so the problems list, the
5-working-day feedback and the statistics include them — and when the voters had a first
response (late after 24 hours). Per station and year: receptions held against the days
scheduled, voters, problems, closed, fed back; the one-page 台账 paper."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import Problem, Reception, Station, Visit
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.settings import get_settings
from town_office.services.stations import TABLE, get_station, station_or_404
from town_office.services.stations.days import matches, reception_days
from town_office.services.stations.types import (
    APPOINTMENT,
    RECEPTION_DAY,
    ReceptionInput,
    ReceptionRow,
    StationYear,
)
from town_office.services.visits.types import VisitInput


def _row(r: Reception) -> ReceptionRow:
    from town_office.services.visits import get_visit

    visit = get_visit(r.visit_id)
    return ReceptionRow(r.id, r.station_id, r.station.name, r.visit_id, visit.visited_on, r.kind, visit.deputies,
                        visit.households, visit.problem_count, r.received_at, r.responded_at)


def list_receptions(station_id: int | None = None, year: int | None = None) -> list[ReceptionRow]:
    query = Reception.select(Reception, Station, Visit).join(Station).switch(Reception).join(Visit)
    if station_id:
        query = query.where(Reception.station == station_id)
    if year:
        query = query.where(Visit.visited_on.between(date(year, 1, 1), date(year, 12, 31)))
    return [_row(r) for r in query.order_by(Visit.visited_on, Reception.id)]


def get_reception(reception_id: int) -> ReceptionRow:
    reception = Reception.get_or_none(Reception.id == reception_id)
    if reception is None:
        raise NotFound("这次接待记录已不存在。")
    return _row(reception)


def record_reception(data: ReceptionInput) -> ReceptionRow:
    """One reception: checked in full first (the visit, every problem, the day against the rule),
    then written in one transaction."""
    from town_office.services.visits.problems import record_visit

    station = get_station(data.station_id)
    problems = []
    if data.kind not in (RECEPTION_DAY, APPOINTMENT):
        problems.append(FieldProblem("接待方式", "请选择接待日或预约接待"))
    elif data.kind == RECEPTION_DAY and data.held_on and not matches(station.rule_kind, station.rule_days,
                                                                     data.held_on):
        problems.append(FieldProblem("接待日期", f"{data.held_on:%Y-%m-%d}不是本站的接待日（{station.rule_text}），"
                                               "其他日子请选“预约接待”"))
    if data.received_at is None:
        problems.append(FieldProblem("接待时间", "请填写接待时间"))
    elif data.responded_at and data.responded_at < data.received_at:
        problems.append(FieldProblem("首次答复时间", "不能早于接待时间"))
    if problems:
        raise ValidationError(problems)
    visit = VisitInput(data.held_on, tuple(data.representative_ids), RECEPTION_DAY, station.place or station.name,
                       data.voters, "", data.people, data.summary)
    with database.atomic():
        saved = record_visit(None, visit, list(data.problems))
        row = Reception.create(station=data.station_id, visit=saved.id, kind=data.kind,
                               received_at=data.received_at, responded_at=data.responded_at)
        audit.record(TABLE, data.station_id, "登记接待", {"接待": (None, f"{data.held_on} {data.voters}人")})
    return _row(row)


def set_first_response(reception_id: int, responded_at: datetime) -> ReceptionRow:
    with database.atomic():
        row = Reception.get_or_none(Reception.id == reception_id)
        if row is None:
            raise NotFound("找不到这次接待，可能已被删除。")
        if responded_at < row.received_at:
            raise ValidationError([FieldProblem("首次答复时间", "不能早于接待时间")])
        Reception.update(responded_at=responded_at).where(Reception.id == reception_id).execute()
        audit.record(TABLE, row.station_id, "首次答复", {"首次答复时间": (row.responded_at, responded_at)})
    return _row(Reception.get_by_id(reception_id))


def station_year(station_id: int, year: int, today: date | None = None) -> StationYear:
    """The year so far (to today) or the whole of a past year."""
    station = station_or_404(station_id)
    today = today or date.today()
    end = min(date(year, 12, 31), today)
    scheduled = [d for d, _ in reception_days(station.rule_kind, station.rule_days, date(year, 1, 1), 12) if d <= end]
    rows = list_receptions(station_id, year)
    held_days = {r.held_on for r in rows if r.kind == RECEPTION_DAY}
    visit_ids = [r.visit_id for r in rows] or [0]
    raised = list(Problem.select(Problem.status).where(Problem.visit.in_(visit_ids)).tuples())
    return StationYear(station.name, year, len(scheduled), len(held_days & set(scheduled)),
                       sum(1 for r in rows if r.kind == APPOINTMENT), sum(r.voters for r in rows), len(raised),
                       sum(1 for (s,) in raised if s in ("已办结", "已反馈")), sum(1 for (s,) in raised if s == "已反馈"),
                       sum(1 for r in rows if r.response_late), end)


def print_year(station_id: int, year: int, out: Path, today: date | None = None) -> Path:
    from town_office.reports.stations import render_station_year_pdf

    return render_station_year_pdf(get_settings().town_name, get_station(station_id), station_year(station_id, year, today),
                                   list_receptions(station_id, year), Path(out))
