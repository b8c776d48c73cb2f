"""Liaison stations (代表联络站): the station, its reception-day rule, the 六有 checklist with the date
each was met, the deputies assigned, the next months' reception days with who is on duty (the
clerk may change a day's rota). Receptions are in ``receptions``."""

from __future__ import annotations

from datetime import date, datetime

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import Representative, Station, StationDeputy, StationDuty, StationStandard
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.stations.days import default_rota, reception_days, rule_problems
from town_office.services.stations.types import SIX_STANDARDS, ReceptionDay, StationInput, StationRow

TABLE = "station"
LABELS = {"name": "名称", "place": "地点", "contact": "联系人", "phone": "联系电话", "rule_kind": "接待日规则",
          "rule_days": "接待日", "notes": "备注"}


def station_or_404(station_id: int) -> Station:
    station = Station.get_or_none(Station.id == station_id)
    if station is None:
        raise NotFound("找不到这个代表联络站，可能已被删除。")
    return station


def _row(s: Station) -> StationRow:
    standards = {x.item: x.met_on for x in s.standards}
    deputies = list(StationDeputy.select(StationDeputy, Representative).join(Representative)
                    .where(StationDeputy.station == s.id).order_by(StationDeputy.position, StationDeputy.id))
    return StationRow(s.id, s.name, s.place, s.contact, s.phone, s.rule_kind, s.rule_days, s.notes, standards,
                      tuple(d.representative_id for d in deputies), tuple(d.representative.name for d in deputies))


def list_stations() -> list[StationRow]:
    return [_row(s) for s in Station.select().order_by(Station.name)]


def get_station(station_id: int) -> StationRow:
    return _row(station_or_404(station_id))


def station_by_name(name: str) -> StationRow:
    station = Station.get_or_none(Station.name == name.strip())
    if station is None:
        names = "、".join(s.name for s in Station.select().order_by(Station.name))
        raise ValidationError([FieldProblem("联络站", f"没有名为“{name}”的联络站（现有：{names or '无'}）")])
    return _row(station)


def save_station(station_id: int | None, data: StationInput) -> StationRow:
    problems = rule_problems(data.rule_kind, data.rule_days)
    if not data.name.strip():
        problems.insert(0, FieldProblem("名称", "请填写联络站名称，如：石门村代表联络站"))
    twin = Station.get_or_none(Station.name == data.name.strip())
    if twin and twin.id != station_id:
        problems.append(FieldProblem("名称", f"已有“{data.name.strip()}”"))
    if problems:
        raise ValidationError(problems)
    values = {"name": data.name.strip(), "place": data.place.strip(), "contact": data.contact.strip(),
              "phone": data.phone.strip(), "rule_kind": data.rule_kind,
              "rule_days": ",".join(p.strip() for p in data.rule_days.replace("、", ",").replace("，", ",").split(",")
                                    if p.strip()), "notes": data.notes.strip()}
    with database.atomic():
        station = station_or_404(station_id) if station_id else None
        before = {k: getattr(station, k) for k in LABELS} if station else {}
        now = datetime.now()
        if station is None:
            station = Station.create(created_at=now, updated_at=now, **values)
        else:
            Station.update(updated_at=now, **values).where(Station.id == station_id).execute()
        audit.record(TABLE, station.id, "修改" if before else "新增", audit.diff(before, values, LABELS))
    return get_station(station.id)


def set_standard(station_id: int, item: str, met_on: date | None) -> StationRow:
    """Record (or, with no date, withdraw) that the station meets one of the 六有."""
    if item not in SIX_STANDARDS:
        raise ValidationError([FieldProblem("六有", f"请从{'、'.join(SIX_STANDARDS)}中选择")])
    if met_on and met_on > date.today():
        raise ValidationError([FieldProblem("达标日期", "不能晚于今天")])
    with database.atomic():
        station_or_404(station_id)
        old = StationStandard.get_or_none((StationStandard.station == station_id) & (StationStandard.item == item))
        StationStandard.delete().where((StationStandard.station == station_id) & (StationStandard.item == item)).execute()
        if met_on:
            StationStandard.create(station=station_id, item=item, met_on=met_on)
        audit.record(TABLE, station_id, "六有", {item: (old.met_on if old else None, met_on)})
    return get_station(station_id)


def set_deputies(station_id: int, representative_ids: list[int]) -> StationRow:
    """The deputies who take turns at the station, in rota order."""
    with database.atomic():
        station_or_404(station_id)
        before = get_station(station_id).deputy_names
        StationDeputy.delete().where(StationDeputy.station == station_id).execute()
        for position, rep_id in enumerate(dict.fromkeys(representative_ids), 1):
            StationDeputy.create(station=station_id, representative=rep_id, position=position)
        after = get_station(station_id).deputy_names
        audit.record(TABLE, station_id, "进站代表", {"进站代表": ("、".join(before) or None, "、".join(after) or None)})
    return get_station(station_id)


def schedule(station_id: int, start: date, months: int = 12) -> list[ReceptionDay]:
    """The reception days from ``start`` with who is on duty (the clerk's change, else in turn)."""
    station = get_station(station_id)
    changed: dict[date, list[str]] = {}
    for duty in (StationDuty.select(StationDuty, Representative).join(Representative)
                 .where(StationDuty.station == station_id).order_by(StationDuty.id)):
        changed.setdefault(duty.on, []).append(duty.representative.name)
    days = reception_days(station.rule_kind, station.rule_days, start, months)
    return [ReceptionDay(day, lunar, tuple(changed[day]) if day in changed
                         else default_rota(list(station.deputy_names), index), day in changed)
            for index, (day, lunar) in enumerate(days)]


def set_duty(station_id: int, on: date, representative_ids: list[int]) -> None:
    """Put these deputies on duty that day (an empty list returns the day to the rota)."""
    with database.atomic():
        station = get_station(station_id)
        unknown = set(representative_ids) - set(station.deputy_ids)
        if unknown:
            raise ValidationError([FieldProblem("值班代表", "值班代表须是本站的进站代表")])
        StationDuty.delete().where((StationDuty.station == station_id) & (StationDuty.on == on)).execute()
        for rep_id in representative_ids:
            StationDuty.create(station=station_id, on=on, representative=rep_id)
        audit.record(TABLE, station_id, "调整值班", {str(on): (None, len(representative_ids))})
