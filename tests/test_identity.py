from datetime import date, datetime

import pytest

from tests.conftest import valid_id
from town_office.services.roster.identity import (
    gender_from_id,
    id_number_problem,
    mask_id_number,
    normalise_id_number,
    normalise_month,
    parse_date,
    phone_problem,
)


def test_gb11643_checksum():
    assert id_number_problem("11010519491231002X") is None  # the standard's own example
    assert "校验位" in id_number_problem("110105194912310021")


@pytest.mark.parametrize("number, fragment", [
    ("11010519491231002", "应为18位"),
    ("1101051949123100AX", "前17位"),
    ("110105194902300021", "不存在"),
    ("110105209912310021", "不合理"),
])
def test_id_number_problems_say_what_is_wrong(number, fragment):
    assert fragment in id_number_problem(number, today=date(2026, 11, 22))


def test_id_number_normalisation_and_mask():
    assert normalise_id_number(" １１０１０５ 19491231002x ") == "11010519491231002X"
    assert mask_id_number("11010519491231002X") == "1101**********002X"
    assert gender_from_id(valid_id("19750312", "121")) == "男"
    assert gender_from_id(valid_id("19750312", "122")) == "女"


@pytest.mark.parametrize("raw, expected", [
    ("1975.03", "1975-03"), ("1975年3月", "1975-03"), ("1975-3", "1975-03"), ("197503", "1975-03"),
    (1975.03, "1975-03"), (1975.1, "1975-10"), (datetime(1975, 3, 1), "1975-03"),
    ("1975/03/12", "1975-03"), ("1975年3月12日", "1975-03"), ("", ""), (None, ""),
    ("1975", None), ("三月", None), ("1975.13", None),
])
def test_birth_months_in_every_usual_spelling(raw, expected):
    assert normalise_month(raw) == expected


def test_dates_and_phones():
    assert parse_date("2021.12.28") == date(2021, 12, 28)
    assert parse_date("2021年12月28日") == date(2021, 12, 28)
    assert parse_date("2021-02-30") is None
    assert phone_problem("13812345678") is None
    assert phone_problem("0731-84561234") is None
    assert phone_problem("13812345678、0731-84561234") is None
    assert "不像电话号码" in phone_problem("1381234567")
