"""The business settings table: one row per key, the value stored as JSON text.

Typed defaults and meaning live in ``services/settings.py``; this table only stores what differs.
"""

from peewee import CharField, TextField

from town_office.models.db import BaseModel


class Setting(BaseModel):
    key = CharField(primary_key=True)
    value = TextField()

    class Meta:
        table_name = "setting"
