"""Chinese working days: public holidays are skipped and 调休 make-up days (a Saturday or Sunday
worked) count, using the maintained ``chinese_calendar`` package. For a year the package does not
cover yet, only weekends are skipped and :func:`covered` says so, for the screen to show."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar


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


def workdays_left(today: date, deadline: date) -> int:
    """Working days from ``today`` to ``deadline``: positive ahead, 0 on the day, negative overdue."""
    if deadline == today:
        return 0
    step, count, day = (1, 0, today) if deadline > today else (-1, 0, today)
    while day != deadline:
        day += timedelta(days=step)
        if is_workday(day):
            count += step
    return count


def coverage_note(*years: int) -> str:
    """'' when every year is covered, else the Chinese warning the screen shows."""
    missing = sorted({y for y in years if not covered(y)})
    if not missing:
        return ""
    return (f"节假日数据暂不包含{'、'.join(map(str, missing))}年，这些年份的办理时限只按周末计算，"
            "未扣除法定节假日和调休，请升级程序后核对。")
