"""Reception days: the rule of a station (每月15日; 逢6 — days ending in 6; 每逢农历“四”“九” — lunar
days ending in 4 and 9, leap months included, from lunar-python) turned into dates, with the lunar
date for lunar rules, and the duty rota: by default the station's deputies two a day in turn, or
whoever the clerk put on a day."""

from __future__ import annotations

from datetime import date, timedelta

from lunar_python import Solar

from town_office.errors import FieldProblem, ValidationError
from town_office.services.meetings.rules import add_months
from town_office.services.stations.types import ENDING, LUNAR, MONTHLY, RULE_KINDS

LUNAR_DIGITS = "一二三四五六七八九十"
PER_DAY = 2  # deputies on duty at a reception day


def lunar_of(day: date) -> tuple[int, int, bool, str]:
    """(lunar month, lunar day, leap month?, 农历闰六月初四-style text)."""
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    month = lunar.getMonth()
    return abs(month), lunar.getDay(), month < 0, f"农历{lunar.getMonthInChinese()}月{lunar.getDayInChinese()}"


def _digit(text: str) -> int:
    """4, "4" or "四" → 4 (the 0 of 逢10/20/30 is 0 or 十)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if text in LUNAR_DIGITS:
        return (LUNAR_DIGITS.index(text) + 1) % 10
    raise ValueError(text)


def rule_problems(kind: str, days: str) -> list[FieldProblem]:
    if kind not in RULE_KINDS:
        return [FieldProblem("接待日规则", f"请从{'、'.join(RULE_KINDS)}中选择")]
    parts = [p for p in days.replace("，", ",").replace("、", ",").split(",") if p.strip()]
    if not parts:
        return [FieldProblem("接待日", "请填写日子，如 15、6 或 4,9")]
    try:
        numbers = [_digit(p) for p in parts]
    except ValueError as exc:
        return [FieldProblem("接待日", f"“{exc}”不是数字")]
    if kind == MONTHLY and any(not 1 <= n <= 28 for n in numbers):
        return [FieldProblem("接待日", "每月的日子请填1至28（29至31日不是每月都有）")]
    if kind in (ENDING, LUNAR) and any(not 0 <= n <= 9 for n in numbers):
        return [FieldProblem("接待日", "请填写尾数0至9，如 6 或 4,9")]
    return []


def matches(kind: str, days: str, day: date) -> bool:
    numbers = {_digit(p) for p in days.replace("，", ",").replace("、", ",").split(",") if p.strip()}
    if kind == MONTHLY:
        return day.day in numbers
    if kind == ENDING:
        return day.day % 10 in numbers
    return lunar_of(day)[1] % 10 in numbers


def reception_days(kind: str, days: str, start: date, months: int) -> list[tuple[date, str]]:
    """The reception days from ``start`` for ``months`` months: (date, lunar text for lunar rules)."""
    problems = rule_problems(kind, days)
    if problems:
        raise ValidationError(problems)
    if months < 1 or months > 60:
        raise ValidationError([FieldProblem("月数", "请填写1至60个月")])
    end = add_months(start, months)
    found, day = [], start
    while day < end:
        if matches(kind, days, day):
            found.append((day, lunar_of(day)[3] if kind == LUNAR else ""))
        day += timedelta(days=1)
    return found


def default_rota(names: list, index: int) -> tuple:
    """The ``index``-th reception day's deputies when the clerk changed nothing: two at a time, in turn."""
    if not names:
        return ()
    count = min(PER_DAY, len(names))
    return tuple(names[(index * count + k) % len(names)] for k in range(count))
