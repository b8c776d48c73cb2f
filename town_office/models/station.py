"""The liaison-station aggregate (代表联络站): stations with their reception-day rule, the "六有"
checklist, the deputies assigned, the duty rota where the clerk changed it, and the receptions held
(each reception's voters and problems are a visit of form 接待日)."""

from peewee import AutoField, CharField, ForeignKeyField, IntegerField, TextField

from town_office.models.db import BaseModel, DateField, DateTimeField
from town_office.models.roster import Representative
from town_office.models.visit import Visit


class Station(BaseModel):
    """代表联络站 and its reception-day rule: 每月 (days of the month), 逢 (days ending in a digit)
    or 农历 (lunar days ending in digits), e.g. 每月 "15", 逢 "6", 农历 "4,9"."""

    id = AutoField()
    name = CharField(unique=True)
    place = CharField(default="")
    contact = CharField(default="")
    phone = CharField(default="")
    rule_kind = CharField(default="每月")
    rule_days = CharField(default="15")
    notes = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "station"


class StationStandard(BaseModel):
    """One of the 六有 met, and when."""

    id = AutoField()
    station = ForeignKeyField(Station, backref="standards", on_delete="CASCADE")
    item = CharField()
    met_on = DateField()

    class Meta:
        table_name = "station_standard"
        indexes = ((("station", "item"), True),)


class StationDeputy(BaseModel):
    id = AutoField()
    station = ForeignKeyField(Station, backref="deputies", on_delete="CASCADE")
    representative = ForeignKeyField(Representative, backref="stations", on_delete="RESTRICT")
    position = IntegerField(default=0)

    class Meta:
        table_name = "station_deputy"
        indexes = ((("station", "representative"), True),)


class StationDuty(BaseModel):
    """The clerk's change to the rota: who is on duty at a station on a reception day."""

    id = AutoField()
    station = ForeignKeyField(Station, backref="duties", on_delete="CASCADE")
    on = DateField()
    representative = ForeignKeyField(Representative, backref="station_duties", on_delete="RESTRICT")

    class Meta:
        table_name = "station_duty"
        indexes = ((("station", "on", "representative"), True),)


class Reception(BaseModel):
    """A reception held (接待日 or 预约接待): its visit holds the deputies, voters and problems."""

    id = AutoField()
    station = ForeignKeyField(Station, backref="receptions", on_delete="RESTRICT")
    visit = ForeignKeyField(Visit, unique=True, backref="reception", on_delete="RESTRICT")
    kind = CharField(default="接待日")  # 接待日 / 预约接待
    received_at = DateTimeField()
    responded_at = DateTimeField(null=True)  # the first response to the voters

    class Meta:
        table_name = "reception"
