"""Chinese working days: public holidays are skipped and 调休 make-up days (a Saturday or Sunday
worked) count, using the maintained ``chinese_calendar`` package. For a year the package does not
cover yet, only weekends are skipped and :func:`covered` says so, for the screen to show."""

from __future__ import annotations

import bisect
from datetime import date, timedelta

import chinese_calendar

# Weekday holidays and weekend make-up days, sorted: counting working days between two dates is
# then arithmetic plus two binary searches, not a walk over every day (20,000 open problems with
# deadlines years back took minutes to sort that way).
_WEEKDAY_HOLIDAYS = sorted(d for d in chinese_calendar.holidays if d.weekday() < 5)
_WEEKEND_WORKDAYS = sorted(d for d in chinese_calendar.workdays if d.weekday() >= 5)


def covered(year: int) -> bool:
    """Whether the holiday calendar knows ``year``'s holidays and make-up days."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def is_workday(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def add_workdays(start: date, count: int) -> date:
    """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
    day, left = start, count
    while left > 0:
        day += timedelta(days=1)
        if is_workday(day):
            left -= 1
    return day


def _weekdays_after(start: date, end: date) -> int:
    """Monday-to-Friday days in (start, end], for start <= end."""
    days = (end - start).days
    full_weeks, rest = divmod(days, 7)
    count = full_weeks * 5
    weekday = start.weekday()
    for offset in range(1, rest + 1):
        if (weekday + offset) % 7 < 5:
            count += 1
    return count


def _in_range(sorted_days: list[date], start: date, end: date) -> int:
    """How many of ``sorted_days`` lie in (start, end]."""
    return bisect.bisect_right(sorted_days, end) - bisect.bisect_right(sorted_days, start)


def workdays_between(start: date, end: date) -> int:
    """Working days in (start, end] for start <= end: weekdays, minus weekday holidays, plus
    weekend make-up days (years the calendar does not cover have neither)."""
    return (_weekdays_after(start, end) - _in_range(_WEEKDAY_HOLIDAYS, start, end)
            + _in_range(_WEEKEND_WORKDAYS, start, end))


def workdays_left(today: date, deadline: date) -> int:
    """Working days from ``today`` to ``deadline``: positive ahead, 0 on the day, negative overdue."""
    if deadline >= today:
        return workdays_between(today, deadline)
    return -workdays_between(deadline, today)


def coverage_note(*years: int) -> str:
    """'' when every year is covered, else the Chinese warning the screen shows."""
    missing = sorted({y for y in years if not covered(y)})
    if not missing:
        return ""
    return (f"节假日数据暂不包含{'、'.join(map(str, missing))}年，这些年份的办理时限只按周末计算，"
            "未扣除法定节假日和调休，请升级程序后核对。")
