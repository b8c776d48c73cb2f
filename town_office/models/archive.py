"""一人一档: archive entries for what no other module records (group activities, congress sessions
attended, suggestions, reports to voters, awards, other duties), and the annual assessment: the
scheme of a year, its items, the round (计算 → 公示 → 定稿) and the scored lines it keeps."""

from peewee import AutoField, CharField, FloatField, ForeignKeyField, IntegerField, TextField

from town_office.models.db import BaseModel, DateField, DateTimeField
from town_office.models.roster import Representative


class ArchiveEntry(BaseModel):
    """A deputy's activity entered by hand, filed under one of the eight sections (2–8)."""

    id = AutoField()
    representative = ForeignKeyField(Representative, backref="archive_entries", on_delete="RESTRICT")
    happened_on = DateField(index=True)
    kind = CharField()  # 参加人代会 / 代表小组活动 / 提出建议 / 向选民述职 / 表彰奖励 / 其他履职 …
    section = IntegerField()
    description = TextField()
    file_name = CharField(default="")
    stored_path = CharField(default="")  # relative to the attachments folder
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "archive_entry"


class AssessmentScheme(BaseModel):
    """A year's scoring scheme: base points, full marks, grade bands (JSON: [[等次, 最低分], …])."""

    id = AutoField()
    year = IntegerField(unique=True)
    base_points = FloatField()
    full_marks = FloatField()
    bands = TextField()
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "assessment_scheme"


class AssessmentItem(BaseModel):
    """Points per occurrence of one kind of record, with an optional cap on the item's total."""

    id = AutoField()
    scheme = ForeignKeyField(AssessmentScheme, backref="items", on_delete="CASCADE")
    position = IntegerField()
    source = CharField()  # what is counted, see services/assessment_sources.py
    name = CharField()
    points = FloatField()
    cap = FloatField(null=True)  # largest total (in absolute value) the item may give

    class Meta:
        table_name = "assessment_item"
        indexes = ((("scheme", "source"), True),)


class AssessmentRound(BaseModel):
    """The year's round: 已计算 → 公示 → 定稿 (frozen)."""

    id = AutoField()
    year = IntegerField(unique=True)
    status = CharField()
    computed_at = DateTimeField()
    data_marker = IntegerField(default=0)  # the audit position when computed: later changes show
    published_at = DateTimeField(null=True)
    frozen_at = DateTimeField(null=True)

    class Meta:
        table_name = "assessment_round"


class AssessmentResult(BaseModel):
    """One deputy's total and grade in a round (kept as computed; a frozen round never changes)."""

    id = AutoField()
    round = ForeignKeyField(AssessmentRound, backref="results", on_delete="CASCADE")
    representative = ForeignKeyField(Representative, backref="assessment_results", on_delete="RESTRICT")
    name = CharField()
    group_name = CharField(default="")
    served_days = IntegerField()
    period_days = IntegerField()
    total = FloatField()
    grade = CharField()
    rank = IntegerField()

    class Meta:
        table_name = "assessment_result"
        indexes = ((("round", "representative"), True),)


class AssessmentLine(BaseModel):
    """One scored record (明细): the item, the record that earned it, and the points."""

    id = AutoField()
    result = ForeignKeyField(AssessmentResult, backref="lines", on_delete="CASCADE")
    source = CharField()
    item_name = CharField()
    happened_on = DateField(null=True)
    record = TextField()  # the source record in words: 第十九届第17次主席团会议（出席）
    record_table = CharField(default="")
    record_id = IntegerField(null=True)
    points = FloatField()
    note = CharField(default="")  # 已达上限 …

    class Meta:
        table_name = "assessment_line"


class AssessmentAdjustment(BaseModel):
    """A manual correction with its reason (加分 or 减分), counted at the next 计算."""

    id = AutoField()
    year = IntegerField(index=True)
    representative = ForeignKeyField(Representative, backref="assessment_adjustments",
                                     on_delete="RESTRICT")
    points = FloatField()
    reason = TextField()
    created_at = DateTimeField()

    class Meta:
        table_name = "assessment_adjustment"
