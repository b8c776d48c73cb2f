"""The rule-document aggregate (两规则四办法 and any other rules the town keeps): a document, its
versions (草案 until adopted; adopted versions keep their adoption, effective and repeal dates) and
each version's text as an ordered list of chapters and articles. Numbers (第一章, 第一条) are never
stored: they follow from the order, so inserting or removing an article renumbers the rest."""

from peewee import AutoField, BooleanField, CharField, ForeignKeyField, IntegerField, TextField

from town_office.models.db import BaseModel, DateField, DateTimeField
from town_office.models.meeting import Meeting
from town_office.models.session import CongressSession


class RuleDocument(BaseModel):
    """One rule document; the six kinds of 两规则四办法 have ``builtin`` set."""

    id = AutoField()
    kind = CharField(unique=True)  # 乡镇人大主席团议事规则 … or the clerk's own, e.g. 代表联络站工作制度
    title = CharField()  # 青石镇人民代表大会主席团议事规则
    builtin = BooleanField(default=False)
    position = IntegerField(default=0)
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "rule_document"


class RuleVersion(BaseModel):
    """A version of a document. ``adopted_on`` is empty while it is a 草案; whether an adopted
    version is 已通过 (not yet effective), 已生效, 已修订 or 已废止 follows from the dates."""

    id = AutoField()
    document = ForeignKeyField(RuleDocument, backref="versions", on_delete="RESTRICT")
    number = IntegerField()  # 第1版, 第2版 … within the document
    notes = TextField(default="")  # 起草说明 / 修订说明
    drafted_on = DateField(null=True)
    adopted_on = DateField(null=True)
    adopted_meeting = ForeignKeyField(Meeting, null=True, backref="adopted_rules", on_delete="RESTRICT")
    adopted_by = CharField(default="")  # typed: 青石镇第十九届人民代表大会第一次会议
    effective_on = DateField(null=True)
    repealed_on = DateField(null=True)
    repeal_reason = TextField(default="")
    file_name = CharField(default="")  # the attached original (docx/pdf)
    stored_path = CharField(default="")  # relative to the attachments folder
    sha256 = CharField(default="")
    created_at = DateTimeField()
    updated_at = DateTimeField()

    class Meta:
        table_name = "rule_version"
        indexes = ((("document", "number"), True),)


class RuleArticle(BaseModel):
    """A chapter heading (``is_chapter``) or an article; an article's text may hold several
    paragraphs (款), one per line."""

    id = AutoField()
    version = ForeignKeyField(RuleVersion, backref="articles", on_delete="CASCADE")
    position = IntegerField()
    is_chapter = BooleanField(default=False)
    text = TextField()

    class Meta:
        table_name = "rule_article"


class RuleVersionSession(BaseModel):
    """The congress session of the program at which a version was adopted (a re-adoption at a new
    term's first session); versions adopted elsewhere have none."""

    id = AutoField()
    version = ForeignKeyField(RuleVersion, backref="session_links", on_delete="CASCADE", unique=True)
    session = ForeignKeyField(CongressSession, backref="adopted_rules", on_delete="RESTRICT")

    class Meta:
        table_name = "rule_version_session"
