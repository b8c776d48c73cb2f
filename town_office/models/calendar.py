"""The holiday arrangements the clerk entered from the State Council's notices (放假安排), for years
the ``chinese_calendar`` package does not know yet: one row per holiday or make-up working day."""

from peewee import CharField, IntegerField

from town_office.models.db import BaseModel, DateField


class HolidayDay(BaseModel):
    day = DateField(primary_key=True)
    year = IntegerField(index=True)
    kind = CharField()  # 放假 / 上班 (a make-up working day on a weekend)
    name = CharField(default="")  # 元旦 / 春节 …

    class Meta:
        table_name = "holiday_day"
