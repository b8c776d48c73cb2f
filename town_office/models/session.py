"""The congress-session aggregate (镇人民代表大会第N次会议): the session, every deputy's attendance and
the 列席, agenda items with their documents, votes and election candidates; and the 换届 record that
keeps the change-of-term assistant's progress."""

from peewee import AutoField, CharField, ForeignKeyField, IntegerField, TextField

from town_office.models.db import BaseModel, DateField, DateTimeField
from town_office.models.roster import Representative, Term


class CongressSession(BaseModel):
    """镇人民代表大会第N次会议, numbered within its term."""

    id = AutoField()
    term = ForeignKeyField(Term, backref="sessions", on_delete="RESTRICT")
    number = IntegerField()
    kind = CharField(default="例行会议")  # 例行会议 / 届次第一次会议 / 临时会议
    starts_on = DateField()
    ends_on = DateField()
    place = CharField(default="")
    chair = CharField(default="")  # 主持人 / 执行主席
    notes = TextField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "congress_session"
        indexes = ((("term", "number"), True),)


class SessionAttendee(BaseModel):
    """A deputy of the term (出席 / 请假 with reason / 缺席) or a 列席 person (typed or from the roster)."""

    id = AutoField()
    session = ForeignKeyField(CongressSession, backref="attendees", on_delete="CASCADE")
    representative = ForeignKeyField(Representative, null=True, backref="session_attendance",
                                     on_delete="RESTRICT")
    role = CharField()  # 代表 / 列席
    name = CharField()
    unit_post = CharField(default="")
    group_name = CharField(default="")  # the deputy group at the time (the sign-in sheet's blocks)
    attendance = CharField(default="出席")  # 出席 / 请假 / 缺席 (列席: 出席)
    reason = CharField(default="")
    position = IntegerField(default=0)

    class Meta:
        table_name = "session_attendee"


class SessionItem(BaseModel):
    """An agenda item: its kind, title, 汇报人, and a vote (赞成/反对/弃权) or an election."""

    id = AutoField()
    session = ForeignKeyField(CongressSession, backref="items", on_delete="CASCADE")
    position = IntegerField()
    kind = CharField()  # 审议工作报告 / 选举 / 决定 / 民生实事票决 / 其他
    title = CharField()
    reporter = CharField(default="")
    decision = TextField(default="")  # the text a passed decision's 决议 carries
    votes_for = IntegerField(null=True)
    votes_against = IntegerField(null=True)
    votes_abstain = IntegerField(null=True)
    seats = IntegerField(default=1)  # 选举: 应选名额

    class Meta:
        table_name = "session_item"


class SessionCandidate(BaseModel):
    """A candidate of an election item and the votes they received."""

    id = AutoField()
    item = ForeignKeyField(SessionItem, backref="candidates", on_delete="CASCADE")
    position = IntegerField(default=0)
    name = CharField()
    post = CharField(default="")  # 主席 / 副主席 / 主席团成员 / 镇长 …
    representative = ForeignKeyField(Representative, null=True, backref="candidacies",
                                     on_delete="RESTRICT")
    votes = IntegerField(null=True)

    class Meta:
        table_name = "session_candidate"


class SessionDocument(BaseModel):
    """A file attached to an agenda item (the report, the budget, the draft decision)."""

    id = AutoField()
    item = ForeignKeyField(SessionItem, backref="documents", on_delete="CASCADE")
    file_name = CharField()
    stored_path = CharField()
    size = IntegerField()
    sha256 = CharField()
    added_at = DateTimeField()

    class Meta:
        table_name = "session_document"


class TermChange(BaseModel):
    """One 换届: the old and the new term and how far the assistant has come (steps done, the
    choices made for open items, the term-end package)."""

    id = AutoField()
    old_term = ForeignKeyField(Term, backref="changes_from", on_delete="RESTRICT")
    new_term = ForeignKeyField(Term, null=True, backref="changes_to", on_delete="RESTRICT")
    steps_done = CharField(default="")  # "1,2,3"
    choices = TextField(default="{}")  # JSON: open item → 转入新一届 / 关闭
    package_folder = CharField(default="")
    started_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "term_change"
