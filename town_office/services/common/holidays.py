"""A year's holiday arrangement read from the text of the State Council General Office's notice
(国务院办公厅关于某年部分节假日安排的通知) and kept in the database, for years the holiday package
does not cover yet. Lines read like

    一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。

Every 放假 span becomes holiday days (named after the festival), every date before 上班 a make-up
working day. The package's own data wins for the years it has (``common.workdays``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from town_office.errors import TownOfficeError
from town_office.models import HolidayDay
from town_office.models.db import database
from town_office.services.common import audit, workdays

HOLIDAY, WORKDAY = "放假", "上班"
_NOTE = r"(?:（[^）]*）)?"  # （周四） or （农历除夕、周二）
_DAY = r"(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日"
_SPAN = re.compile(rf"{_DAY}{_NOTE}(?:至{_DAY}{_NOTE})?")
_ITEM = re.compile(r"^\s*[一二三四五六七八九十]+、\s*([^：:]+)[：:](.*)$")


@dataclass(frozen=True)
class ArrangedDay:
    day: date
    kind: str  # 放假 / 上班
    name: str


def _date(year: int, month: int | None, day: int, last_month: int) -> tuple[date, int]:
    month = month or last_month
    if not month:
        raise TownOfficeError(f"无法确定“{day}日”是几月，请写成“某月某日”。")
    return date(year, month, day), month


def notice_year(text: str) -> int | None:
    """The year the notice arranges: the first 20xx年 of its title."""
    found = re.search(r"(20\d{2})年", text)
    return int(found.group(1)) if found else None


def parse_notice(text: str, year: int | None = None) -> list[ArrangedDay]:
    """Every holiday and make-up working day of the notice, in date order.

    Raises:
        TownOfficeError: no year, or no item line (一、…：…) found; the message says how the text
            should look. A line naming a date twice with different kinds names the line."""
    year = year or notice_year(text)
    if not year:
        raise TownOfficeError("没有找到年份：请把通知的标题（如“国务院办公厅关于2027年部分节假日安排的通知”）"
                              "一并粘贴，或先选择年份。")
    days: dict[date, ArrangedDay] = {}
    items = 0
    for number, line in enumerate(text.splitlines(), start=1):
        item = _ITEM.match(line.replace(" ", ""))
        if not item:
            continue
        items += 1
        name = item.group(1).strip()
        for sentence in re.split(r"[。；;]", item.group(2)):
            if not sentence.strip():
                continue
            kind = WORKDAY if "上班" in sentence and "放假" not in sentence else HOLIDAY
            last_month = 0
            for span in _SPAN.finditer(sentence):
                y1, m1, d1, y2, m2, d2 = span.groups()
                start, last_month = _date(int(y1 or year), int(m1) if m1 else None, int(d1), last_month)
                end = start
                if d2:
                    end, last_month = _date(int(y2 or start.year), int(m2) if m2 else None, int(d2), last_month)
                    if end < start:
                        raise TownOfficeError(f"第{number}行：“{span.group(0)}”的结束日早于开始日。")
                day = start
                while day <= end:
                    earlier = days.get(day)
                    if earlier and earlier.kind != kind:
                        raise TownOfficeError(f"第{number}行：{day:%m月%d日}既是放假又是上班，请核对。")
                    days[day] = ArrangedDay(day, kind, name)
                    day += timedelta(days=1)
    if not items:
        raise TownOfficeError("没有读到放假安排：每一项应像“一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。"
                              "1月4日（周日）上班。”这样，一行一项。")
    return sorted(days.values(), key=lambda d: d.day)


def stored_years() -> list[int]:
    return [y for (y,) in HolidayDay.select(HolidayDay.year).distinct().order_by(HolidayDay.year).tuples()]


def stored_days(year: int) -> list[ArrangedDay]:
    return [ArrangedDay(d, k, n) for d, k, n in HolidayDay.select(HolidayDay.day, HolidayDay.kind, HolidayDay.name)
            .where(HolidayDay.year == year).order_by(HolidayDay.day).tuples()]


def save_arrangement(year: int, days: list[ArrangedDay]) -> int:
    """Replace ``year``'s stored arrangement with ``days`` in one transaction; returns how many."""
    if not days:
        raise TownOfficeError("没有可保存的放假安排。")
    outside = [d.day for d in days if d.day.year not in (year - 1, year, year + 1)]
    if outside:
        raise TownOfficeError(f"{outside[0]:%Y年%m月%d日}不在{year}年前后，请核对年份。")
    with database.atomic():
        HolidayDay.delete().where(HolidayDay.year == year).execute()
        HolidayDay.insert_many([(d.day, year, d.kind, d.name) for d in days],
                               fields=[HolidayDay.day, HolidayDay.year, HolidayDay.kind, HolidayDay.name]).execute()
        audit.record("holiday_day", year, "修改", {
            f"{year}年放假安排": (None, f"放假{sum(d.kind == HOLIDAY for d in days)}天，"
                                     f"调休上班{sum(d.kind == WORKDAY for d in days)}天")})
    workdays.forget_entered_days()
    return len(days)
