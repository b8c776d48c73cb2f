"""The month calendar and the next fortnight: meetings, congress sessions, trainings, inspections,
the stations' reception days (their rules, lunar ones included) and open records' deadlines."""

from __future__ import annotations

from datetime import date, timedelta

from town_office.models import CongressSession, Inspection, Meeting, Station, TrainingSession
from town_office.services.stations.days import matches
from town_office.services.workbench.due import due_items
from town_office.services.workbench.types import CalendarEvent

KINDS = ("主席团会议", "人代会", "培训", "执法检查", "接待日", "到期")


def events_between(start: date, end: date, today: date | None = None) -> list[CalendarEvent]:
    """Every event from ``start`` to ``end`` (both included), by day then kind."""
    today = today or date.today()
    events = [CalendarEvent(d, "主席团会议", f"第{n}次主席团会议", "主席团会议", i) for i, n, d in
              Meeting.select(Meeting.id, Meeting.number, Meeting.held_on)
              .where(Meeting.held_on.between(start, end)).tuples()]
    for i, n, first, last in (CongressSession.select(CongressSession.id, CongressSession.number,
                                                     CongressSession.starts_on, CongressSession.ends_on)
                              .where((CongressSession.starts_on <= end) & (CongressSession.ends_on >= start))
                              .tuples()):
        day = max(first, start)
        while day <= min(last, end):
            events.append(CalendarEvent(day, "人代会", f"镇人民代表大会第{n}次会议", "人代会会议", i))
            day += timedelta(days=1)
    events += [CalendarEvent(d, "培训", title, "代表培训", i) for i, title, d in
               TrainingSession.select(TrainingSession.id, TrainingSession.title, TrainingSession.held_on)
               .where(TrainingSession.held_on.between(start, end)).tuples()]
    events += [CalendarEvent(d, kind, title, "执法检查", i) for i, kind, title, d in
               Inspection.select(Inspection.id, Inspection.kind, Inspection.title, Inspection.starts_on)
               .where(Inspection.starts_on.between(start, end)).tuples()]
    stations = list(Station.select(Station.id, Station.name, Station.rule_kind, Station.rule_days).tuples())
    day = start
    while day <= end:
        events += [CalendarEvent(day, "接待日", f"{name}接待日", "代表联络站", i)
                   for i, name, kind, days in stations if matches(kind, days, day)]
        day += timedelta(days=1)
    if end >= today:
        events += [CalendarEvent(item.deadline, "到期", f"{item.area}：{item.title}", item.page, item.record_id)
                   for item in due_items(today, (end - today).days, from_day=start)]
    order = {kind: n for n, kind in enumerate(KINDS)}
    return sorted(events, key=lambda e: (e.day, order.get(e.kind, 3), e.title))


def next_days(today: date | None = None, days: int = 14) -> list[CalendarEvent]:
    """What happens from today through the next ``days`` days."""
    today = today or date.today()
    return events_between(today, today + timedelta(days=days), today)
