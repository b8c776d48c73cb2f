"""Numbers and dates the way Chinese official papers write them (一、二、三; 2026年3月8日)."""

from __future__ import annotations

from datetime import date

CHINESE_NUMERALS = "零一二三四五六七八九十"
WEEKDAYS = "一二三四五六日"


def chinese_number(n: int) -> str:
    """1 -> 一, 12 -> 十二, 21 -> 二十一; 100 and above stay in Arabic numerals."""
    if n < 0 or n >= 100:
        return str(n)
    if n <= 10:
        return CHINESE_NUMERALS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CHINESE_NUMERALS[tens]
    return head + "十" + (CHINESE_NUMERALS[ones] if ones else "")


def chinese_count(n: int) -> str:
    """Chinese numerals at any size, as article numbers are written: 10 -> 十, 21 -> 二十一,
    100 -> 一百, 105 -> 一百零五, 110 -> 一百一十, 1200 -> 一千二百."""
    if n < 100:
        return chinese_number(n)
    if n >= 10000:
        return str(n)
    digits = [int(d) for d in str(n)]
    units = ["千", "百", "十", ""][4 - len(digits):]
    text, zero = "", False
    for digit, unit in zip(digits, units, strict=True):
        if digit == 0:
            zero = True
            continue
        if zero and text:
            text += "零"
        text += CHINESE_NUMERALS[digit] + unit
        zero = False
    return text


def chinese_date(day: date | None) -> str:
    """2026年3月8日 (GB/T 9704-2012: Arabic numerals, no leading zeros); blanks when unknown."""
    return f"{day.year}年{day.month}月{day.day}日" if day else "    年  月  日"


def weekday(day: date) -> str:
    """星期六."""
    return "星期" + WEEKDAYS[day.weekday()]
