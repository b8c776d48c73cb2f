"""Chinese working days: public holidays are skipped and 调休 make-up days (a Saturday or Sunday
worked) count, using the maintained ``chinese_calendar`` package, and for a year it does not cover
yet, the arrangement the clerk entered from the State Council's notice (``common.holidays``, kept in
the database). A year neither knows has only its weekends skipped, and :func:`covered` says so."""

from __future__ import annotations

import bisect
from datetime import date, timedelta

import chinese_calendar

# Weekday holidays and weekend make-up days, sorted: counting working days between two dates is
# then arithmetic plus two binary searches, not a walk over every day (20,000 open problems with
# deadlines years back took minutes to sort that way).
_PACKAGE_WEEKDAY_HOLIDAYS = sorted(d for d in chinese_calendar.holidays if d.weekday() < 5)
_PACKAGE_WEEKEND_WORKDAYS = sorted(d for d in chinese_calendar.workdays if d.weekday() >= 5)
_entered: dict = {}  # the clerk's arrangements: {"days": {date: is_workday}, "years": set, lists…}


def _package_covers(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def forget_entered_days() -> None:
    """Read the entered arrangements again on next use (after a save, or another database opened)."""
    _entered.clear()


def _entered_days() -> dict:
    from town_office.models import HolidayDay, database

    if _entered.get("database") is not database.obj:  # another database opened since
        _entered.clear()
    if not _entered:
        try:
            rows = list(HolidayDay.select(HolidayDay.day, HolidayDay.year, HolidayDay.kind).tuples())
        except Exception:  # noqa: BLE001 - no database open (or before its upgrade): nothing entered
            rows = []
        rows = [(d, y, k) for d, y, k in rows if not _package_covers(y)]  # the package wins
        days = {d: k == "上班" for d, _, k in rows}
        _entered.update(database=database.obj, days=days, years={y for _, y, _ in rows},
                        weekday_holidays=sorted(_PACKAGE_WEEKDAY_HOLIDAYS + [d for d, w in days.items()
                                                                             if not w and d.weekday() < 5]),
                        weekend_workdays=sorted(_PACKAGE_WEEKEND_WORKDAYS + [d for d, w in days.items()
                                                                             if w and d.weekday() >= 5]))
    return _entered


def covered(year: int) -> bool:
    """Whether ``year``'s holidays and make-up days are known (the package's or the clerk's)."""
    return _package_covers(year) or year in _entered_days()["years"]


def is_workday(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        entered = _entered_days()["days"]
        return entered[day] if day in entered else day.weekday() < 5


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
    known = _entered_days()
    return (_weekdays_after(start, end) - _in_range(known["weekday_holidays"], start, end)
            + _in_range(known["weekend_workdays"], start, end))


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
            "未扣除法定节假日和调休：请在工作台“日历”中录入该年的放假安排（粘贴国务院办公厅的通知），或升级程序。")
