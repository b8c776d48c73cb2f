"""The roster table: one row per deputy, ID numbers masked, ended deputies in grey."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from town_office.services.roster.types import RepresentativeRow
from town_office.views.widgets.table_model import ENDED_GREY, ColumnSpec, DataclassTableModel


class RosterColumn(IntEnum):
    NAME = 0
    GENDER = 1
    BIRTH = 2
    PARTY = 3
    LEVELS = 4
    CONSTITUENCY = 5
    GROUP = 6
    GROUP_ROLE = 7
    PRESIDIUM = 8
    WORK = 9
    PHONE = 10
    ID_NUMBER = 11
    CARD = 12
    ELECTED = 13
    STATUS = 14


class RepresentativeTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("姓名", lambda r: r.name, lambda r: r.name_pinyin),
        ColumnSpec("性别", lambda r: r.gender, align_center=True),
        ColumnSpec("出生年月", lambda r: r.birth_month),
        ColumnSpec("政治面貌", lambda r: r.party),
        ColumnSpec("代表层级", lambda r: r.levels_text),
        ColumnSpec("选区", lambda r: r.constituency_name),
        ColumnSpec("代表小组", lambda r: r.group_name),
        ColumnSpec("小组职务", lambda r: r.group_role, align_center=True),
        ColumnSpec("主席团职务", lambda r: r.presidium_role, align_center=True),
        ColumnSpec("工作单位及职务", lambda r: r.work_unit_post),
        ColumnSpec("联系电话", lambda r: r.phone),
        ColumnSpec("公民身份号码", lambda r: r.masked_id_number),
        ColumnSpec("代表证号", lambda r: r.card_number),
        ColumnSpec("当选日期", lambda r: r.elected_on.isoformat() if r.elected_on else "",
                   lambda r: r.elected_on),
        ColumnSpec("状态", lambda r: r.status if r.status == "在任" else
                   f"终止（{r.ended_on:%Y-%m-%d}，{r.end_reason}）", lambda r: (r.status, r.ended_on)),
    )
    assert len(COLUMNS) == len(RosterColumn)

    def foreground(self, row: RepresentativeRow):
        return ENDED_GREY if row.status != "在任" else None


ALL = 0  # "no restriction" in every filter combo


@dataclass(frozen=True)
class RosterFilter:
    term_id: int = ALL
    group_id: int = ALL
    constituency_id: int = ALL
    level: str = ""
    status: str = "在任"
    text: str = ""
    presidium_only: bool = False

    def matches(self, r: RepresentativeRow) -> bool:
        if self.term_id and r.term_id != self.term_id:
            return False
        if self.status and r.status != self.status:
            return False
        if self.group_id and r.group_id != self.group_id:
            return False
        if self.constituency_id and r.constituency_id != self.constituency_id:
            return False
        if self.level and self.level not in r.levels:
            return False
        if self.presidium_only and not r.presidium_role:
            return False
        return not self.text or self.text in r.search_key
