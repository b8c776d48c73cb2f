"""Training statistics of a year: per deputy (sessions attended, hours, 请假, 缺席), coverage, per
group, and new deputies without an 初任培训.

:func:`attendance_records` is the one query of training attendance; the performance file and the
annual assessment read training through it too.

Who counts: every town deputy (镇 level) of the term who served on some day of the year gets a line.
Coverage is measured over the deputies still serving at the end of the period (31 December, or today
for the current year): a deputy who left mid-year is listed but no longer lowers the share, and one
who joined mid-year counts in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from town_office.models import (
    DeputyGroup,
    Representative,
    RepresentativeLevel,
    TrainingAttendee,
    TrainingSession,
)
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


def attendance_records(year: int | None = None, representative_id: int | None = None,
                       ) -> list[AttendanceRecord]:
    """Every (session, deputy) pair, of a year and/or a deputy, oldest first."""
    query = (TrainingAttendee.select(TrainingAttendee, TrainingSession).join(TrainingSession))
    if year:
        query = query.where(TrainingSession.held_on.between(date(year, 1, 1), date(year, 12, 31)))
    if representative_id:
        query = query.where(TrainingAttendee.representative == representative_id)
    return [AttendanceRecord(a.session.id, a.session.held_on, a.session.title, a.session.kind,
                             a.session.organiser, a.session.hours, a.representative_id, a.attendance,
                             a.reason)
            for a in query.order_by(TrainingSession.held_on, TrainingSession.id)]


def _served_in(rep: Representative, start: date, end: date) -> bool:
    began = rep.elected_on is None or rep.elected_on <= end
    still = rep.ended_on is None or rep.ended_on >= start
    return began and still


def _serving_at(rep: Representative, day: date) -> bool:
    """Serving on ``day``; the day of ending is the last day served (a term ending on 31 December
    still has its deputies on that day)."""
    return (rep.elected_on is None or rep.elected_on <= day) and (
        rep.ended_on is None or rep.ended_on >= day)


def town_deputies_serving(term_id: int, start: date, end: date) -> list[Representative]:
    """The town (镇) deputies of a term who served on some day between ``start`` and ``end``,
    in pinyin order; the assessment counts the same people."""
    town_ids = {r for (r,) in RepresentativeLevel.select(RepresentativeLevel.representative)
                .where(RepresentativeLevel.level == "镇").tuples()}
    return [r for r in Representative.select().where(Representative.term == term_id)
            .order_by(Representative.name_pinyin)
            if r.id in town_ids and _served_in(r, start, end)]


def year_stats(year: int, term_id: int, today: date | None = None) -> TrainingYearStats:
    """The statistics of ``year`` for the town deputies of ``term_id``."""
    today = today or date.today()
    start, end = date(year, 1, 1), date(year, 12, 31)
    period_end = min(end, today) if year == today.year else end
    groups = dict(DeputyGroup.select(DeputyGroup.id, DeputyGroup.name).tuples())
    deputies = town_deputies_serving(term_id, start, end)
    records = attendance_records(year)
    first_trained = {r.representative_id for r in attendance_records()
                     if r.kind == FIRST_TRAINING and r.attendance == "出席"}
    new_ids = new_deputy_ids(term_id)
    stats = []
    for rep in deputies:
        mine = [r for r in records if r.representative_id == rep.id]
        attended = [r for r in mine if r.attendance == "出席"]
        stats.append(DeputyTrainingStat(
            rep.id, rep.name, groups.get(rep.group_id, ""), rep.status,
            _serving_at(rep, period_end), len(attended), sum(r.hours for r in attended),
            sum(1 for r in mine if r.attendance == "请假"),
            sum(1 for r in mine if r.attendance == "缺席"),
            rep.id in new_ids, rep.id in first_trained))
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
