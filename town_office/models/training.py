"""The training aggregate: sessions, who was expected and whether they attended, and materials."""

from peewee import AutoField, CharField, FloatField, ForeignKeyField, IntegerField, TextField

from town_office.models.db import BaseModel, DateField, DateTimeField
from town_office.models.roster import Representative


class TrainingSession(BaseModel):
    """代表培训: one session (集中培训, 初任培训, 以会代训 …)."""

    id = AutoField()
    title = CharField()
    kind = CharField()
    organiser = CharField()  # 县人大常委会 / 镇人大主席团 / 代表小组
    held_on = DateField(index=True)
    hours = FloatField()  # 学时, in halves
    place = CharField(default="")
    lecturer = CharField(default="")
    lecturer_post = CharField(default="")
    topics = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "training_session"


class TrainingAttendee(BaseModel):
    """A deputy expected at a session, with 出席 / 请假 (reason) / 缺席."""

    id = AutoField()
    session = ForeignKeyField(TrainingSession, backref="attendees", on_delete="CASCADE")
    representative = ForeignKeyField(Representative, backref="training_attendance",
                                     on_delete="RESTRICT")
    attendance = CharField(default="出席")
    reason = CharField(default="")
    position = IntegerField(default=0)

    class Meta:
        table_name = "training_attendee"
        indexes = ((("session", "representative"), True),)


class TrainingMaterial(BaseModel):
    """A file attached to a session, copied into the data folder."""

    id = AutoField()
    session = ForeignKeyField(TrainingSession, backref="materials", on_delete="CASCADE")
    file_name = CharField()
    stored_path = CharField()
    size = IntegerField()
    sha256 = CharField()
    added_at = DateTimeField()

    class Meta:
        table_name = "training_material"
