"""Quarters, half years and county-package periods: the spans the schedule checks look at."""

from __future__ import annotations

from datetime import date, timedelta

QUARTER_NAMES = ("一", "二", "三", "四")


def period_of(day: date, months: int) -> tuple[date, date]:
    """The ``months``-long period of the year (3: quarter, 6: half, 12: year) holding ``day``."""
    first_month = (day.month - 1) // months * months + 1
    start = date(day.year, first_month, 1)
    last_month = first_month + months - 1
    end = date(day.year + 1, 1, 1) - timedelta(days=1) if last_month == 12 else \
        date(day.year, last_month + 1, 1) - timedelta(days=1)
    return start, end


def quarter_of(day: date) -> tuple[date, date]:
    return period_of(day, 3)


def half_of(day: date) -> tuple[date, date]:
    return period_of(day, 6)


def period_name(day: date, months: int) -> str:
    """本季度（第四季度） / 下半年 / 本年度 as the messages say it."""
    if months == 3:
        return f"第{QUARTER_NAMES[(day.month - 1) // 3]}季度"
    if months == 6:
        return "上半年" if day.month <= 6 else "下半年"
    return f"{day.year}年"
