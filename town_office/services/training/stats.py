"""Training statistics of a year: per deputy (sessions attended, hours, 请假, 缺席), coverage, per
group, and new deputies without an 初任培训.

:func:`attendance_records` is the one query of training attendance; the performance file and the
annual assessment read training through it too.

Who counts: every town deputy (镇 level) who served on some day of the year, in either term of a
换届 year, gets one line (a 连任 deputy once, with both mandates' records).
Coverage is measured over the deputies still serving at the end of the period (31 December, or today
for the current year): a deputy who left mid-year is listed but no longer lowers the share, and one
who joined mid-year counts in full.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from town_office.models import DeputyGroup, TrainingAttendee, TrainingSession
from town_office.services.roster.mandates import town_people_serving
from town_office.services.training import list_sessions, new_deputy_ids
from town_office.services.training.types import (
    FIRST_TRAINING,
    DeputyTrainingStat,
    GroupTrainingStat,
    TrainingYearStats,
)


@dataclass(frozen=True)
class AttendanceRecord:
    """One deputy expected at one session."""

    session_id: int
    held_on: date
    title: str
    kind: str
    organiser: str
    hours: float
    representative_id: int
    attendance: str
    reason: str


def attendance_records(year: int | None = None, representative_ids: Collection[int] | None = None,
                       start: date | None = None, end: date | None = None) -> list[AttendanceRecord]:
    """Every (session, deputy) pair, of a year (or ``start``–``end``) and/or some deputies, oldest first.
    One tuple query: a big town's ten years of attendance is 250,000 rows, too many to build as
    model instances one by one."""
    if year:
        start, end = date(year, 1, 1), date(year, 12, 31)
    query = (TrainingAttendee.select(TrainingSession.id, TrainingSession.held_on, TrainingSession.title,
                                     TrainingSession.kind, TrainingSession.organiser, TrainingSession.hours,
                                     TrainingAttendee.representative, TrainingAttendee.attendance,
                                     TrainingAttendee.reason)
             .join(TrainingSession))
    if start or end:
        query = query.where(TrainingSession.held_on.between(start or date.min, end or date.max))
    if representative_ids is not None:
        query = query.where(TrainingAttendee.representative.in_(list(representative_ids)))
    return [AttendanceRecord(*row) for row in query.order_by(TrainingSession.held_on, TrainingSession.id).tuples()]


def year_stats(year: int, today: date | None = None) -> TrainingYearStats:
    """The statistics of ``year`` for every town deputy who served in it, in either term of a 换届
    year (a 连任 deputy once, with the records of both mandates)."""
    today = today or date.today()
    start, end = date(year, 1, 1), date(year, 12, 31)
    period_end = min(end, today) if year == today.year else end
    groups = dict(DeputyGroup.select(DeputyGroup.id, DeputyGroup.name).tuples())
    records = attendance_records(year)
    first_trained = {r for (r,) in TrainingAttendee.select(TrainingAttendee.representative).join(TrainingSession)
                     .where((TrainingSession.kind == FIRST_TRAINING) & (TrainingAttendee.attendance == "出席"))
                     .tuples()}
    by_mandate: dict[int, list[AttendanceRecord]] = {}
    for record in records:
        by_mandate.setdefault(record.representative_id, []).append(record)
    new_by_term: dict[int, set[int]] = {}
    stats = []
    for person in town_people_serving(start, end):
        rep = person.representative
        if rep.term_id not in new_by_term:
            new_by_term[rep.term_id] = new_deputy_ids(rep.term_id)
        mine = [r for i in person.mandate_ids for r in by_mandate.get(i, ())]
        attended = [r for r in mine if r.attendance == "出席"]
        stats.append(DeputyTrainingStat(
            rep.id, rep.name, groups.get(rep.group_id, ""), rep.status,
            person.serving_at(period_end), len(attended), sum(r.hours for r in attended),
            sum(1 for r in mine if r.attendance == "请假"),
            sum(1 for r in mine if r.attendance == "缺席"),
            rep.id in new_by_term[rep.term_id],
            any(i in first_trained for i in person.mandate_ids)))
    serving = [s for s in stats if s.serving_at_end]
    by_group: dict[str, list[DeputyTrainingStat]] = {}
    for s in serving:
        by_group.setdefault(s.group_name or "（未分组）", []).append(s)
    group_stats = tuple(GroupTrainingStat(name, len(members), sum(1 for m in members if m.sessions),
                                          sum(m.sessions for m in members),
                                          sum(m.hours for m in members))
                        for name, members in sorted(by_group.items()))
    return TrainingYearStats(
        year, period_end, tuple(list_sessions(year)), tuple(stats), group_stats, len(serving),
        sum(1 for s in serving if s.sessions), tuple(s for s in serving
                                                     if s.is_new and not s.had_first_training))
