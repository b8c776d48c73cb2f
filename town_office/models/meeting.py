"""The presidium-meeting aggregate: meetings, attendance, agenda items with their materials,
follow-ups (督办事项) with their extensions, and the filed 纪要 files with their SHA-256."""

from peewee import AutoField, BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from town_office.models.db import BaseModel, DateField, DateTimeField
from town_office.models.roster import Representative, Term


class Meeting(BaseModel):
    """主席团会议, numbered within its term (第十九届人大主席团第N次会议)."""

    id = AutoField()
    term = ForeignKeyField(Term, backref="meetings", on_delete="RESTRICT")
    number = IntegerField()
    kind = CharField(default="例会")  # 例会 / 临时会议
    held_on = DateField()
    starts_at = CharField(default="09:00")  # HH:MM
    ends_at = CharField(default="")
    place = CharField(default="")
    chair = CharField(default="")
    recorder = CharField(default="")
    summary = TextField(default="")  # topic summary / 会议概况
    status = CharField(default="筹备")  # 筹备 / 已召开 / 纪要定稿
    minutes_issue = IntegerField(null=True)  # 纪要 第N期
    minutes_date = DateField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "meeting"
        indexes = ((("term", "number"), True),)


class MeetingAttendee(BaseModel):
    """A presidium member (出席 / 请假 / 缺席) or a 列席 person (from the roster or typed)."""

    id = AutoField()
    meeting = ForeignKeyField(Meeting, backref="attendees", on_delete="CASCADE")
    representative = ForeignKeyField(Representative, null=True, backref="meeting_attendance",
                                     on_delete="RESTRICT")
    role = CharField()  # 成员 / 列席
    name = CharField()  # as printed on the papers of this meeting
    unit_post = CharField(default="")
    presidium_role = CharField(default="")  # 主席 / 副主席 / 成员 at the time of the meeting
    attendance = CharField(default="出席")  # 出席 / 请假 / 缺席
    reason = CharField(default="")
    position = IntegerField(default=0)

    class Meta:
        table_name = "meeting_attendee"


class AgendaItem(BaseModel):
    """议题, in order; optionally voted on."""

    id = AutoField()
    meeting = ForeignKeyField(Meeting, backref="agenda_items", on_delete="CASCADE")
    position = IntegerField(default=0)
    title = CharField()
    reporter = CharField(default="")  # 汇报人
    discussion = TextField(default="")  # 审议意见
    decision = TextField(default="")  # 议定事项
    voted = BooleanField(default=False)
    votes_for = IntegerField(null=True)
    votes_against = IntegerField(null=True)
    votes_abstain = IntegerField(null=True)
    vote_result = CharField(default="")  # 通过 / 未通过 / ''
    reviews_followups = BooleanField(default=False)  # 上次会议议定事项落实情况

    class Meta:
        table_name = "agenda_item"


class AgendaMaterial(BaseModel):
    """A file attached to an agenda item, copied into the data folder."""

    id = AutoField()
    agenda_item = ForeignKeyField(AgendaItem, backref="materials", on_delete="CASCADE")
    file_name = CharField()  # as the clerk named it
    stored_path = CharField()  # relative to the attachments folder
    size = IntegerField()
    sha256 = CharField()
    added_at = DateTimeField()

    class Meta:
        table_name = "agenda_material"


class FollowUp(BaseModel):
    """督办事项 spawned by a decision."""

    id = AutoField()
    agenda_item = ForeignKeyField(AgendaItem, backref="followups", on_delete="RESTRICT")
    content = TextField()
    handling_unit = CharField(default="")  # 承办单位
    responsible = CharField(default="")
    original_deadline = DateField()
    deadline = DateField()
    status = CharField(default="交办")  # 交办 / 办理中 / 延期 / 已办结
    result = TextField(default="")
    done_on = DateField(null=True)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "follow_up"


class FollowUpExtension(BaseModel):
    """One 延期 of a follow-up, agreed by the presidium."""

    id = AutoField()
    followup = ForeignKeyField(FollowUp, backref="extensions", on_delete="CASCADE")
    old_deadline = DateField()
    new_deadline = DateField()
    reason = TextField()
    agreed_on = DateField()
    created_at = DateTimeField()

    class Meta:
        table_name = "follow_up_extension"


class FiledMinutes(BaseModel):
    """A finalised 纪要 PDF as filed: its file in the data folder and its SHA-256."""

    id = AutoField()
    meeting = ForeignKeyField(Meeting, backref="filed_minutes", on_delete="CASCADE")
    stored_path = CharField()  # relative to the attachments folder
    sha256 = CharField()
    size = IntegerField()
    filed_at = DateTimeField()
    withdrawn_at = DateTimeField(null=True)  # set when the meeting is reopened
    withdraw_reason = TextField(default="")

    class Meta:
        table_name = "filed_minutes"
