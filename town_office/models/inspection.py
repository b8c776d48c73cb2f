"""The inspection aggregate: inspections (执法检查 / 视察 / 专题调研) with their participants, and the
hazard ledger (隐患台账) with each hazard's steps and photos. Nothing here is deleted once registered:
a mistaken hazard is voided with a reason."""

from peewee import AutoField, BooleanField, CharField, FloatField, ForeignKeyField, IntegerField, TextField

from town_office.models.db import BaseModel, DateField, DateTimeField
from town_office.models.roster import Representative


class Inspection(BaseModel):
    id = AutoField()
    kind = CharField()  # 执法检查 / 视察 / 专题调研
    title = CharField()
    subject = CharField(default="")  # the law or subject, e.g. 《中华人民共和国安全生产法》
    starts_on = DateField(index=True)
    ends_on = DateField(null=True)
    sites = TextField(default="")
    organiser = CharField(default="")
    stage = CharField(default="准备")  # 准备 / 自查 / 检查 / 审议整改
    findings = TextField(default="")
    report = TextField(default="")
    report_file = CharField(default="")  # relative to the attachments folder
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "inspection"


class InspectionParticipant(BaseModel):
    id = AutoField()
    inspection = ForeignKeyField(Inspection, backref="participants", on_delete="CASCADE")
    representative = ForeignKeyField(Representative, null=True, backref="inspections",
                                     on_delete="RESTRICT")
    name = CharField()
    unit_post = CharField(default="")

    class Meta:
        table_name = "inspection_participant"


class Hazard(BaseModel):
    """One line of the 隐患台账, numbered per year (2026-001)."""

    id = AutoField()
    year = IntegerField()
    seq = IntegerField()
    inspection = ForeignKeyField(Inspection, null=True, backref="hazards", on_delete="RESTRICT")
    source = CharField(default="执法检查")  # 执法检查 / 群众举报 / 日常巡查
    found_on = DateField(index=True)
    inspectors = CharField(default="")
    place = CharField()
    description = TextField()
    category = CharField(default="")
    level = CharField(default="一般")  # 一般 / 重大
    measures = TextField(default="")
    funds = FloatField(null=True)  # 万元
    responsible_unit = CharField(default="")
    responsible_person = CharField(default="")
    original_deadline = DateField(null=True)
    deadline = DateField(null=True, index=True)
    reviewer = CharField(default="")
    supervised = BooleanField(default=False)  # 挂牌督办
    emergency_plan = TextField(default="")
    progress = TextField(default="")  # 整改情况
    completed_on = DateField(null=True)
    reviewed_on = DateField(null=True)
    review_conclusion = TextField(default="")
    status = CharField(default="待整改", index=True)
    closed_on = DateField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "hazard"
        indexes = ((("year", "seq"), True),)


class HazardEvent(BaseModel):
    """A step of a hazard, with its reason where one is required (failed review, reopen, void)."""

    id = AutoField()
    hazard = ForeignKeyField(Hazard, backref="events", on_delete="RESTRICT")
    at = DateTimeField()
    happened_on = DateField()
    status_from = CharField()
    status_to = CharField()
    note = TextField(default="")

    class Meta:
        table_name = "hazard_event"


class HazardPhoto(BaseModel):
    id = AutoField()
    hazard = ForeignKeyField(Hazard, backref="photos", on_delete="RESTRICT")
    stage = CharField()  # 整改前 / 整改后
    file_name = CharField()
    stored_path = CharField()
    width = IntegerField()
    height = IntegerField()
    added_at = DateTimeField()

    class Meta:
        table_name = "hazard_photo"


class HazardSupervision(BaseModel):
    """挂牌督办 of a hazard: the day it was 挂牌 and the 文号 of its notice (〔year〕seq号), numbered per
    year of 挂牌 and never reused, even when the 挂牌 is later lifted."""

    id = AutoField()
    hazard = ForeignKeyField(Hazard, backref="supervisions", unique=True, on_delete="RESTRICT")
    listed_on = DateField()
    notice_year = IntegerField()
    notice_seq = IntegerField()

    class Meta:
        table_name = "hazard_supervision"
        indexes = ((("notice_year", "notice_seq"), True),)
