"""Liaison stations: reception days by rule (每月15日, 逢6, 每逢农历“四”“九”) checked against the
published lunar calendar for 2025–2027 (including 2025's leap sixth month), the rota, receptions
whose problems join the problems statistics, the 24-hour first response, and the year's 台账."""

from datetime import date, datetime

import pytest

from tests.pdf_helpers import pdf_text
from town_office.errors import ValidationError
from town_office.services import stations
from town_office.services.stations import receptions
from town_office.services.stations.days import lunar_of, reception_days
from town_office.services.stations.types import ReceptionInput, StationInput
from town_office.services.visits import problems
from town_office.services.visits.types import ProblemInput

# The published calendar (农历): the first day of each lunar month, 2025–2027.
NEW_MOONS = {
    date(2025, 1, 29): "正月初一", date(2025, 6, 25): "六月初一", date(2025, 7, 25): "闰六月初一",
    date(2025, 8, 23): "七月初一", date(2026, 2, 17): "正月初一", date(2027, 2, 6): "正月初一",
}


@pytest.mark.parametrize("day, text", sorted(NEW_MOONS.items()))
def test_lunar_dates_follow_the_published_calendar(day, text):
    assert lunar_of(day)[3] == f"农历{text}"


def test_lunar_four_and_nine_in_2025s_leap_sixth_month():
    days = reception_days("农历", "4,9", date(2025, 7, 25), 2)  # 闰六月初一 = 25 July
    assert [(d, lunar) for d, lunar in days[:6]] == [
        (date(2025, 7, 28), "农历闰六月初四"), (date(2025, 8, 2), "农历闰六月初九"),
        (date(2025, 8, 7), "农历闰六月十四"), (date(2025, 8, 12), "农历闰六月十九"),
        (date(2025, 8, 17), "农历闰六月廿四"), (date(2025, 8, 22), "农历闰六月廿九")]
    assert days[6] == (date(2025, 8, 26), "农历七月初四")
    # 六月 (29 days) then 闰六月: both months have their 初四…廿九
    june = [d for d, lunar in reception_days("农历", "4,9", date(2025, 6, 25), 1) if lunar.startswith("农历六月")]
    assert len(june) == 6 and june[0] == date(2025, 6, 28)


def test_monthly_and_ending_rules_and_bad_rules():
    assert [d for d, _ in reception_days("每月", "15", date(2026, 1, 1), 3)] == [
        date(2026, 1, 15), date(2026, 2, 15), date(2026, 3, 15)]
    assert [d.day for d, _ in reception_days("逢", "6", date(2026, 2, 1), 1)] == [6, 16, 26]
    with pytest.raises(ValidationError, match="1至28"):
        reception_days("每月", "31", date(2026, 1, 1), 1)
    with pytest.raises(ValidationError, match="不是数字"):
        reception_days("农历", "四,x", date(2026, 1, 1), 1)


@pytest.fixture
def station(make_representative):
    reps = [make_representative(name=n, birth_month=f"197{i}-01") for i, n in enumerate(("王芳", "李强", "张伟"))]
    row = stations.save_station(None, StationInput("石门村代表联络站", "石门村党群服务中心", "陈晓燕",
                                                   rule_kind="逢", rule_days="6"))
    return stations.set_deputies(row.id, [r.id for r in reps]), reps


def test_rota_in_turn_and_the_clerks_change(station):
    row, reps = station
    days = stations.schedule(row.id, date(2026, 3, 1), 1)
    assert [d.on.day for d in days] == [6, 16, 26]
    assert [d.on_duty for d in days] == [("王芳", "李强"), ("张伟", "王芳"), ("李强", "张伟")]
    stations.set_duty(row.id, date(2026, 3, 16), [reps[2].id])
    changed = stations.schedule(row.id, date(2026, 3, 1), 1)[1]
    assert changed.on_duty == ("张伟",) and changed.changed
    assert stations.set_standard(row.id, "有场地", date(2026, 1, 5)).standards_met == 1


def test_a_receptions_problems_join_the_problems_statistics(station, tmp_path):
    row, reps = station
    with pytest.raises(ValidationError, match="不是本站的接待日"):
        receptions.record_reception(ReceptionInput(row.id, date(2026, 3, 7), "接待日", (reps[0].id,), 5,
                                                   datetime(2026, 3, 7, 9)))
    saved = receptions.record_reception(ReceptionInput(
        row.id, date(2026, 3, 6), "接待日", (reps[0].id, reps[1].id), 6, datetime(2026, 3, 6, 9),
        datetime(2026, 3, 7, 15), problems=(ProblemInput("村口路灯不亮", "道路交通"), ProblemInput("垃圾清运不及时"))))
    assert saved.problems == 2 and saved.response_hours == 30 and saved.response_late
    receptions.record_reception(ReceptionInput(row.id, date(2026, 3, 9), "预约接待", (reps[2].id,), 1,
                                               datetime(2026, 3, 9, 10), datetime(2026, 3, 9, 16)))
    listed = problems.list_problems()
    assert {p.content for p in listed} == {"村口路灯不亮", "垃圾清运不及时"}
    stats = problems.statistics(date(2026, 1, 1), date(2026, 12, 31))
    assert stats.collected == 2 and stats.visits == 2
    year = receptions.station_year(row.id, 2026, today=date(2026, 3, 31))
    assert (year.scheduled, year.held_on_days, year.appointments, year.voters, year.problems,
            year.late_responses) == (9, 1, 1, 7, 2, 1)  # 逢6 from January to March
    text = "".join(pdf_text(receptions.print_year(row.id, 2026, tmp_path / "台账.pdf", today=date(2026, 3, 31))))
    assert "石门村代表联络站2026年接待选民台账" in text.replace("\n", "")
    assert "截至2026年3月31日应开展接待日9次，已开展1次，预约接待1次" in text.replace("\n", "") and "30小时（超时）" in text


def test_receptions_on_duty_fill_section_seven_and_score(station):
    from town_office.services import archive, assessment
    from town_office.services.assessment.types import SchemeItem

    row, reps = station
    receptions.record_reception(ReceptionInput(row.id, date(2026, 3, 6), "接待日", (reps[0].id,), 6,
                                               datetime(2026, 3, 6, 9)))
    seven = [a for s in archive.deputy_archive(reps[0].id, 2026).sections if s.number == 7 for a in s.activities]
    assert [(a.category, a.status, a.source) for a in seven] == [("联络站接待", "接待选民6人", "reception")]
    assert "接待选民1次" in dict(archive.deputy_archive(reps[0].id, 2026).summary)["向选民述职、接受监督"]
    scheme = assessment.default_scheme(2026)
    assessment.save_scheme(type(scheme)(scheme.year, scheme.base_points, scheme.full_marks, scheme.bands,
                                        scheme.items + (SchemeItem("reception", "联络站接待", 1.5, None),)))
    lines = {s.name: s.lines for s in assessment.score_year(2026)}["王芳"]
    assert [ln.points for ln in lines if ln.source == "reception"] == [1.5]
    assert not [ln for ln in lines if ln.source == "visit_household"]  # voters are not households
