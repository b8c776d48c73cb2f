"""Citizen ID numbers (公民身份号码, GB 11643-1999), phone numbers and birth months: parsing,
checking and masking. Pure functions, shared by the dialogs and the Excel import."""

from __future__ import annotations

import math
import re
from datetime import date, datetime

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_FULL_WIDTH = str.maketrans("０１２３４５６７８９ｘＸ－．", "0123456789XX-.")


def normalise_id_number(raw) -> str:
    """Text of an ID number with spaces removed, full-width digits folded and x upper-cased."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    text = re.sub(r"\s+", "", str(raw)).translate(_FULL_WIDTH).upper()
    return text


def id_check_char(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def id_number_problem(number: str, today: date | None = None) -> str | None:
    """Why ``number`` is not a valid 18-character ID number, in Chinese; None when it is valid."""
    today = today or date.today()
    if len(number) != 18:
        return f"应为18位，现在是{len(number)}位"
    if not re.fullmatch(r"\d{17}[\dX]", number):
        return "前17位应为数字，最后一位为数字或X"
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return f"第7至14位的出生日期 {number[6:14]} 不存在"
    if born > today or born.year < 1900:
        return f"第7至14位的出生日期 {born.isoformat()} 不合理"
    expected = id_check_char(number[:17])
    if number[17] != expected:
        return f"校验位不对（最后一位按前17位算应为 {expected}），请核对是否抄错"
    return None


def birth_month_from_id(number: str) -> str:
    return f"{number[6:10]}-{number[10:12]}"


def gender_from_id(number: str) -> str:
    return "男" if int(number[16]) % 2 == 1 else "女"


def mask_id_number(number: str | None) -> str:
    """4301**********1234: enough to tell people apart on paper, not enough to misuse."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def is_masked(number: str) -> bool:
    return "*" in number


_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"(0\d{2,3}-?)?\d{7,8}(-\d{1,5})?")


_PHONE_SEPARATORS = re.compile(r"[、/,，;；]")
_COUNTRY_CODE = re.compile(r"^(?:\+|00)?86")
_AREA_IN_BRACKETS = re.compile(r"^\((0\d{2,3})\)")


def _normalise_one_phone(part: str) -> str:
    """One number as it is stored: a mobile as 11 digits (139-0745-0003, +86 139…, full-width digits
    all become 13907450003), a landline as 0731-84561234; anything else is left for the check."""
    text = part.translate(_FULL_WIDTH).replace("—", "-").replace("－", "-").strip()
    text = text.replace("（", "(").replace("）", ")")
    digits = re.sub(r"[\s\-.]", "", text)
    mobile = _COUNTRY_CODE.sub("", digits) if not _MOBILE.fullmatch(digits) else digits
    if _MOBILE.fullmatch(mobile):
        return mobile
    text = _AREA_IN_BRACKETS.sub(r"\1-", text)
    text = re.sub(r"^(0\d{2,3})[\s.]+(?=\d{7,8}\b)", r"\1-", text)
    return re.sub(r"\s+", "", text)


def normalise_phone(raw) -> str:
    """Phone as text, each number normalised (see ``_normalise_one_phone``); several numbers are
    joined by 、. Numbers from Excel lose their '.0'."""
    if raw is None:
        return ""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    parts = [_normalise_one_phone(p) for p in _PHONE_SEPARATORS.split(str(raw))]
    return "、".join(p for p in parts if p)


def phone_problem(phone: str) -> str | None:
    """Why ``phone`` is not a usable number, or None. Several numbers may be separated by 、 or /."""
    for part in re.split(r"[、/,，;；]", phone):
        if part and not (_MOBILE.fullmatch(part) or _LANDLINE.fullmatch(part)):
            return f"「{part}」不像电话号码：手机号为11位数字，座机如 0731-84561234"
    return None


_CN_MONTH = re.compile(r"^(\d{4})\s*[年.\-/．]\s*(\d{1,2})\s*(月)?(\s*\d{1,2}\s*日?)?$")


def normalise_month(raw) -> str | None:
    """'YYYY-MM' from 1975.03, 1975年3月, 1975-3, 1975/03/12, 197503, or a real date; None if unreadable.

    A float like 1975.1 from Excel means October (the cell was typed 1975.10).
    """
    if raw is None or raw == "":
        return ""
    if isinstance(raw, (datetime, date)):
        return f"{raw.year:04d}-{raw.month:02d}"
    if isinstance(raw, float):
        if not math.isfinite(raw):
            return None  # a cell holding #DIV/0!-like infinity or NaN
        text = f"{raw:.2f}"
        year, month = text.split(".")
        return _month(int(year), int(month))
    text = str(raw).strip().translate(_FULL_WIDTH)
    if re.fullmatch(r"\d{6}", text):
        return _month(int(text[:4]), int(text[4:]))
    if re.fullmatch(r"\d{4}", text):
        return None
    m = _CN_MONTH.match(text)
    if m:
        return _month(int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})( .*)?", text)
    if m:
        return _month(int(m.group(1)), int(m.group(2)))
    return None


def _month(year: int, month: int) -> str | None:
    if 1 <= month <= 12 and 1900 <= year <= 2200:
        return f"{year:04d}-{month:02d}"
    return None


def parse_date(raw) -> date | None | str:
    """A date from Excel or text (2021-12-28, 2021.12.28, 2021年12月28日); '' when empty, None if bad."""
    if raw is None or raw == "":
        return ""
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    text = str(raw).strip().translate(_FULL_WIDTH)
    m = re.fullmatch(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?", text)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
