"""The holiday notice parser on the real 2025 and 2026 notices equals the holiday package's data for
those years; a 2027 arrangement typed in the same form is stored and used for working days."""

from datetime import date

import chinese_calendar
import pytest

from town_office.errors import TownOfficeError
from town_office.services.common import holidays, workdays

NOTICE_2025 = """国务院办公厅关于2025年部分节假日安排的通知
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
"""

NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
"""

NOTICE_2027 = """国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（周五）至11日（周四）放假调休，共7天。1月31日（周日）、2月20日（周六）上班。
"""


@pytest.mark.parametrize("year, text", [(2025, NOTICE_2025), (2026, NOTICE_2026)])
def test_the_real_notices_equal_the_package(year, text):
    parsed = holidays.parse_notice(text)
    off = {d.day for d in parsed if d.kind == holidays.HOLIDAY}
    worked = {d.day for d in parsed if d.kind == holidays.WORKDAY}
    assert off == {d for d in chinese_calendar.holidays if d.year == year}
    assert worked == {d for d in chinese_calendar.workdays if d.year == year and d.weekday() >= 5}
    assert next(d for d in parsed if d.day == date(year, 1, 1)).name == "元旦"


def test_bad_notices_say_how_the_text_should_look():
    with pytest.raises(TownOfficeError, match="没有找到年份"):
        holidays.parse_notice("一、元旦：1月1日放假。")
    with pytest.raises(TownOfficeError, match="一行一项"):
        holidays.parse_notice("2027年放假安排另行通知")
    with pytest.raises(TownOfficeError, match="第2行：.*既是放假又是上班"):
        holidays.parse_notice("2027年\n一、元旦：1月1日至3日放假。1月2日上班。")


def test_an_entered_2027_arrangement_counts_working_days(db):
    # without it, 2027 counts weekends only: Friday 1-1 is a working day
    assert not workdays.covered(2027) and workdays.is_workday(date(2027, 1, 1))
    assert "2027" in workdays.coverage_note(2027)
    saved = holidays.save_arrangement(2027, holidays.parse_notice(NOTICE_2027))
    assert saved == 3 + 7 + 2
    assert workdays.covered(2027) and workdays.coverage_note(2027) == ""
    assert not workdays.is_workday(date(2027, 1, 1))
    assert workdays.is_workday(date(2027, 1, 31))  # a Sunday worked
    # after Thursday 02-04 up to Monday 02-22: 12 weekdays, 5 of them holidays, and Saturday 02-20 worked
    assert workdays.workdays_between(date(2027, 2, 4), date(2027, 2, 22)) == 12 - 5 + 1
    assert workdays.add_workdays(date(2027, 2, 4), 1) == date(2027, 2, 12)
    assert [d.name for d in holidays.stored_days(2027)][:1] == ["元旦"]


def test_the_package_wins_where_it_has_the_year(db):
    holidays.save_arrangement(2026, [holidays.ArrangedDay(date(2026, 3, 2), holidays.HOLIDAY, "错录")])
    assert workdays.is_workday(date(2026, 3, 2))
    assert workdays.workdays_between(date(2026, 3, 1), date(2026, 3, 2)) == 1


def test_the_dialog_reads_shows_and_saves(qtbot, db):
    from PySide6.QtCore import QDate

    from town_office.views.workbench.holiday_dialog import HolidayNoticeDialog

    dialog = HolidayNoticeDialog(None, 2030)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText(NOTICE_2027)
    assert not dialog.save_button.isEnabled()
    dialog.read_button.click()
    assert dialog.year.value() == 2027 and dialog.save_button.isEnabled()
    assert dialog.days.count() == 12 and "放假10天，调休上班2天" in dialog.summary.text()
    shown = dialog.calendar.dateTextFormat(QDate(2027, 2, 20))
    assert shown.toolTip() == "春节上班"
    dialog.save_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(holidays.stored_days(2027)) == 12
