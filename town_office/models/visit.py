"""The visit aggregate: voter visits (走访) by one or more deputies, the problems voters raised there
(群众诉求), and each problem's history of steps and feedback."""

from peewee import AutoField, CharField, ForeignKeyField, IntegerField, TextField

from town_office.models.db import BaseModel, DateField, DateTimeField
from town_office.models.roster import Representative


class Visit(BaseModel):
    """走访: one visit entered from a deputy's paper log."""

    id = AutoField()
    visited_on = DateField(index=True)
    form = CharField()  # 入户走访 / 接待日 / 座谈会 / 屋场会 / 电话微信 / 其他
    village = CharField(index=True)
    hamlet = CharField(default="")  # 组
    people = CharField(default="")  # names, optional
    households = IntegerField()
    summary = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "visit"


class VisitDeputy(BaseModel):
    id = AutoField()
    visit = ForeignKeyField(Visit, backref="deputy_links", on_delete="CASCADE")
    representative = ForeignKeyField(Representative, backref="visit_links", on_delete="RESTRICT")

    class Meta:
        table_name = "visit_deputy"
        indexes = ((("visit", "representative"), True),)


class Problem(BaseModel):
    """群众诉求: a problem raised at a visit, followed until the voter hears back."""

    id = AutoField()
    visit = ForeignKeyField(Visit, backref="problems", on_delete="RESTRICT")
    content = TextField()
    voter_name = CharField(default="")
    voter_contact = CharField(default="")
    category = CharField(default="")
    route = CharField(default="")  # 当场答复 / 交镇政府办理 / 报县人大 / 转为代表建议
    handling_unit = CharField(default="")
    deadline = DateField(null=True, index=True)
    status = CharField(default="登记", index=True)
    reply = TextField(default="")
    replied_on = DateField(null=True)
    feedback_on = DateField(null=True)
    feedback_how = CharField(default="")
    satisfaction = CharField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "problem"


class ProblemEvent(BaseModel):
    """One step of a problem: 交办, 办结, a feedback round (不满意 reopens), kept forever."""

    id = AutoField()
    problem = ForeignKeyField(Problem, backref="events", on_delete="CASCADE")
    at = DateTimeField()
    happened_on = DateField()
    status_from = CharField()
    status_to = CharField()
    note = TextField(default="")

    class Meta:
        table_name = "problem_event"
