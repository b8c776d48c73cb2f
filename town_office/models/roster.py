"""The roster aggregate: terms, constituencies, deputy groups, deputies and their levels."""

from peewee import AutoField, CharField, ForeignKeyField, TextField

from town_office.models.db import BaseModel, DateField, DateTimeField


class Term(BaseModel):
    """届次, e.g. 第十九届, five years."""

    id = AutoField()
    name = CharField(unique=True)
    starts_on = DateField(null=True)
    ends_on = DateField(null=True)

    class Meta:
        table_name = "term"


class Constituency(BaseModel):
    """选区."""

    id = AutoField()
    name = CharField(unique=True)
    area = CharField(default="")  # the villages / communities it covers
    notes = TextField(default="")

    class Meta:
        table_name = "constituency"


class DeputyGroup(BaseModel):
    """代表小组; its 组长 is the deputy whose ``group_role`` is 组长."""

    id = AutoField()
    name = CharField(unique=True)
    area = CharField(default="")
    notes = TextField(default="")

    class Meta:
        table_name = "deputy_group"


class Representative(BaseModel):
    """代表: one person's mandate in one term."""

    id = AutoField()
    term = ForeignKeyField(Term, backref="representatives", on_delete="RESTRICT")
    name = CharField(index=True)
    name_pinyin = CharField(default="")
    name_initials = CharField(default="")
    gender = CharField()
    ethnicity = CharField(default="")
    birth_month = CharField(null=True)  # YYYY-MM
    party = CharField(default="")  # 政治面貌
    education = CharField(default="")
    work_unit_post = CharField(default="")
    constituency = ForeignKeyField(Constituency, null=True, backref="representatives",
                                   on_delete="SET NULL")
    group = ForeignKeyField(DeputyGroup, null=True, backref="members", on_delete="SET NULL",
                            column_name="group_id")
    group_role = CharField(default="")  # 组长 / 副组长 / ''
    phone = CharField(default="")
    id_number = CharField(null=True)
    card_number = CharField(default="")  # 代表证号
    elected_on = DateField(null=True)
    status = CharField(default="在任")  # 在任 / 终止
    ended_on = DateField(null=True)
    end_reason = CharField(default="")
    presidium_role = CharField(default="")  # 主席 / 副主席 / 成员 / '' (not a member)
    photo = CharField(default="")  # path relative to the data folder
    notes = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "representative"
        indexes = ((("term", "id_number"), True),)


class RepresentativeLevel(BaseModel):
    """One level (镇/县/市/省/全国) at which a deputy serves."""

    id = AutoField()
    representative = ForeignKeyField(Representative, backref="level_rows", on_delete="CASCADE")
    level = CharField()

    class Meta:
        table_name = "representative_level"
        indexes = ((("representative", "level"), True),)
