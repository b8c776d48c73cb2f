"""The audit log: one row per changed field of every write the clerk makes."""

from peewee import AutoField, CharField, IntegerField, TextField

from town_office.models.db import BaseModel, DateTimeField


class AuditEntry(BaseModel):
    id = AutoField()
    at = DateTimeField(index=True)
    actor = CharField()
    table = CharField(column_name="table_name")
    record_id = IntegerField()
    action = CharField()  # 新增 / 修改 / 终止 / 删除 / 导入
    field = CharField(default="")
    old_value = TextField(null=True)
    new_value = TextField(null=True)

    class Meta:
        table_name = "audit_entry"
        indexes = ((("table_name", "record_id"), False),)
