"""The livelihood-project aggregate (民生实事票决): a year's round (how many to choose, the session and
agenda item of the vote, its stage), the candidates with their votes (and a second round for a tie at
the last place), progress updates, and each deputy's year-end rating."""

from peewee import AutoField, BooleanField, CharField, FloatField, ForeignKeyField, IntegerField, TextField

from town_office.models.db import BaseModel, DateField
from town_office.models.inspection import Inspection
from town_office.models.roster import Representative
from town_office.models.session import SessionItem
from town_office.models.visit import Problem


class ProjectYear(BaseModel):
    id = AutoField()
    year = IntegerField(unique=True)
    quota = IntegerField(default=5)  # how many projects the vote chooses
    item = ForeignKeyField(SessionItem, null=True, backref="project_round", on_delete="SET NULL")
    stage = CharField(default="征集")  # 征集 / 初定 / 票决 / 监督 / 评估

    class Meta:
        table_name = "project_round"


class Project(BaseModel):
    id = AutoField()
    year = IntegerField(index=True)
    name = CharField()
    area = CharField(default="")  # 领域: 交通、教育、养老…
    investment = FloatField(default=0)  # 万元
    funding = CharField(default="")
    description = TextField(default="")
    planned_on = DateField(null=True)
    proposer_kind = CharField(default="镇人民政府")  # 代表 / 镇人民政府 / 选民
    proposer = ForeignKeyField(Representative, null=True, backref="proposed_projects", on_delete="RESTRICT")
    problem = ForeignKeyField(Problem, null=True, backref="projects", on_delete="SET NULL")
    shortlisted = BooleanField(default=False)  # 初定: on the ballot
    votes = IntegerField(null=True)
    second_votes = IntegerField(null=True)
    chosen = BooleanField(default=False)
    progress = IntegerField(default=0)  # percent
    completed_on = DateField(null=True)

    class Meta:
        table_name = "project"


class ProjectProgress(BaseModel):
    id = AutoField()
    project = ForeignKeyField(Project, backref="updates", on_delete="CASCADE")
    on = DateField()
    percent = IntegerField()
    notes = TextField(default="")
    photo = CharField(default="")  # stored path, relative to the attachments folder
    inspection = ForeignKeyField(Inspection, null=True, backref="project_updates", on_delete="SET NULL")

    class Meta:
        table_name = "project_progress"


class ProjectRating(BaseModel):
    id = AutoField()
    project = ForeignKeyField(Project, backref="ratings", on_delete="CASCADE")
    representative = ForeignKeyField(Representative, backref="project_ratings", on_delete="RESTRICT")
    rating = CharField()  # 满意 / 基本满意 / 不满意
    rated_on = DateField()

    class Meta:
        table_name = "project_rating"
        indexes = ((("project", "representative"), True),)
