"""Working-day arithmetic across the Spring Festival and National Day holidays with their make-up days."""

from datetime import date

from town_office.services.common.workdays import (
    add_workdays,
    coverage_note,
    covered,
    is_workday,
    workdays_left,
)


def test_spring_festival_2025_with_its_make_up_sunday():
    assert is_workday(date(2025, 1, 26))  # a Sunday worked (调休)
    assert not is_workday(date(2025, 1, 28)) and not is_workday(date(2025, 2, 4))
    # Friday 24 Jan + 5: Sun 26 (make-up), Mon 27, then the holiday to 4 Feb, Wed 5, Thu 6, Fri 7
    assert add_workdays(date(2025, 1, 24), 5) == date(2025, 2, 7)


def test_national_day_2025_with_its_make_up_days():
    assert is_workday(date(2025, 9, 28)) and is_workday(date(2025, 10, 11))
    # Friday 26 Sep + 5: Sun 28, Mon 29, Tue 30, then 1-8 Oct off, Thu 9, Fri 10
    assert add_workdays(date(2025, 9, 26), 5) == date(2025, 10, 10)
    assert add_workdays(date(2025, 9, 30), 2) == date(2025, 10, 10)


def test_days_left_counts_working_days_both_ways():
    assert workdays_left(date(2025, 9, 30), date(2025, 10, 10)) == 2
    assert workdays_left(date(2025, 10, 10), date(2025, 9, 30)) == -2
    assert workdays_left(date(2025, 10, 10), date(2025, 10, 10)) == 0


def test_uncovered_years_fall_back_to_weekends_and_say_so():
    far = 2099
    assert not covered(far) and covered(2026)
    assert add_workdays(date(far, 1, 2), 5) == date(far, 1, 9)  # Fri 2 Jan 2099 -> Fri 9 Jan
    assert "2099" in coverage_note(2026, far) and coverage_note(2025, 2026) == ""


def test_fast_count_agrees_with_walking_day_by_day():
    from datetime import timedelta

    from town_office.services.common.workdays import workdays_between

    start = date(2024, 12, 20)
    for span in range(0, 800, 7):
        end = start + timedelta(days=span)
        walked = sum(1 for n in range(1, span + 1) if is_workday(start + timedelta(days=n)))
        assert workdays_between(start, end) == walked, end
