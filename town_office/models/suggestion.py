"""The suggestion aggregate (代表建议): a suggestion with its lead deputy and co-signers, its handling
(交办 to a main unit and co-units, 一般 / 重点, deadline), and every answer round with the deputy's
opinion (a 不满意 opinion sends it back for another answer; earlier rounds are kept)."""

from peewee import AutoField, BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from town_office.models.db import BaseModel, DateField, DateTimeField
from town_office.models.roster import Representative, Term
from town_office.models.session import CongressSession
from town_office.models.visit import Problem


class Suggestion(BaseModel):
    """代表建议, numbered 届次-会次-序号 at a session or 闭会-年-序号 in recess."""

    id = AutoField()
    number = CharField(unique=True)
    term = ForeignKeyField(Term, backref="suggestions", on_delete="RESTRICT")
    session = ForeignKeyField(CongressSession, null=True, backref="suggestions", on_delete="RESTRICT")
    year = IntegerField(index=True)
    seq = IntegerField()
    lead = ForeignKeyField(Representative, backref="led_suggestions", on_delete="RESTRICT")
    title = CharField()
    content = TextField()
    category = CharField(default="")
    submitted_on = DateField()
    problem = ForeignKeyField(Problem, null=True, unique=True, backref="suggestion", on_delete="RESTRICT")
    main_unit = CharField(default="")
    co_units = CharField(default="")  # 、-separated
    grade = CharField(default="一般")  # 一般 / 重点
    responsible = ForeignKeyField(Representative, null=True, backref="supervised_suggestions",
                                  on_delete="RESTRICT")  # 重点: the presidium member leading
    complex = BooleanField(default=False)
    assigned_on = DateField(null=True)
    deadline = DateField(null=True, index=True)
    status = CharField(default="登记", index=True)  # 登记 / 已交办 / 已答复 / 重新办理 / 已办结
    excellent = BooleanField(default=False)  # 金点子
    excellent_reason = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "suggestion"


class SuggestionCosigner(BaseModel):
    """附议: a deputy who signed the suggestion with its lead."""

    id = AutoField()
    suggestion = ForeignKeyField(Suggestion, backref="cosigners", on_delete="CASCADE")
    representative = ForeignKeyField(Representative, backref="cosigned_suggestions", on_delete="RESTRICT")

    class Meta:
        table_name = "suggestion_cosigner"
        indexes = ((("suggestion", "representative"), True),)


class SuggestionAnswer(BaseModel):
    """One answer round: class A–D, date, text, the reply letter, the promised date (B, C), and the
    deputy's opinion on it."""

    id = AutoField()
    suggestion = ForeignKeyField(Suggestion, backref="answers", on_delete="CASCADE")
    round = IntegerField()
    answer_class = CharField()  # A 已解决 / B 正在解决 / C 列入计划逐步解决 / D 留作参考
    answered_on = DateField()
    text = TextField()
    deadline = DateField(null=True)  # the deadline this round answered against
    promised_on = DateField(null=True)
    file_name = CharField(default="")
    stored_path = CharField(default="")
    satisfaction = CharField(default="")  # 满意 / 基本满意 / 不满意
    opinion = TextField(default="")
    feedback_on = DateField(null=True)

    class Meta:
        table_name = "suggestion_answer"
        indexes = ((("suggestion", "round"), True),)
