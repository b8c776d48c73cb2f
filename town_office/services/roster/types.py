"""What the roster hands out and takes in: frozen rows for lists, an input form for saving, the
field labels the clerk knows, and the choice lists of the forms."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from town_office.services.roster.identity import mask_id_number

GENDERS = ("男", "女")
LEVELS = ("镇", "县", "市", "省", "全国")
PARTIES = ("中共党员", "中共预备党员", "共青团员", "民革党员", "民盟盟员", "民建会员", "民进会员",
           "农工党党员", "致公党党员", "九三学社社员", "台盟盟员", "无党派人士", "群众")
EDUCATIONS = ("研究生", "大学", "大专", "中专", "高中", "初中", "小学")
STATUSES = ("在任", "终止")
END_REASONS = ("届满", "辞职", "罢免", "迁出调离", "去世", "被撤职或开除", "丧失国籍", "其他")
PRESIDIUM_ROLES = ("主席", "副主席", "成员")
GROUP_ROLES = ("组长", "副组长")

# Field name -> the label on forms, in the audit log and as the Excel column header.
FIELD_LABELS = {
    "name": "姓名",
    "gender": "性别",
    "ethnicity": "民族",
    "birth_month": "出生年月",
    "party": "政治面貌",
    "education": "文化程度",
    "work_unit_post": "工作单位及职务",
    "levels": "代表层级",
    "constituency_name": "选区",
    "group_name": "代表小组",
    "group_role": "小组职务",
    "presidium_role": "主席团职务",
    "phone": "联系电话",
    "id_number": "公民身份号码",
    "card_number": "代表证号",
    "elected_on": "当选日期",
    "status": "状态",
    "ended_on": "终止日期",
    "end_reason": "终止原因",
    "notes": "备注",
    "term_name": "届次",
}


@dataclass(frozen=True)
class TermRow:
    id: int
    name: str
    starts_on: date | None
    ends_on: date | None
    representative_count: int = 0


@dataclass(frozen=True)
class UnitRow:
    """A deputy group (代表小组) or a constituency (选区)."""

    id: int
    name: str
    area: str
    notes: str
    member_count: int = 0
    leader_name: str = ""


@dataclass(frozen=True)
class RepresentativeRow:
    id: int
    term_id: int
    term_name: str
    name: str
    name_pinyin: str
    name_initials: str
    gender: str
    ethnicity: str
    birth_month: str
    party: str
    education: str
    work_unit_post: str
    levels: tuple[str, ...]
    constituency_id: int | None
    constituency_name: str
    group_id: int | None
    group_name: str
    group_role: str
    phone: str
    id_number: str
    card_number: str
    elected_on: date | None
    status: str
    ended_on: date | None
    end_reason: str
    presidium_role: str
    photo: str
    notes: str

    @property
    def is_presidium_member(self) -> bool:
        return bool(self.presidium_role)

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def levels_text(self) -> str:
        return "、".join(self.levels)

    @cached_property
    def search_key(self) -> str:
        """Everything the roster's search box matches, lower-cased, in one string."""
        return f"{self.name}|{self.name_pinyin}|{self.name_initials}|{self.phone}".lower()

    def as_input(self) -> RepresentativeInput:
        return RepresentativeInput(**{k: getattr(self, k) for k in RepresentativeInput.field_names()})


@dataclass
class RepresentativeInput:
    """What the add/edit dialog and the import hand to the service. Names, not ids, for group and
    constituency: an import may bring new ones."""

    name: str = ""
    gender: str = ""
    ethnicity: str = "汉族"
    birth_month: str = ""
    party: str = ""
    education: str = ""
    work_unit_post: str = ""
    levels: tuple[str, ...] = ("镇",)
    constituency_name: str = ""
    group_name: str = ""
    group_role: str = ""
    phone: str = ""
    id_number: str = ""
    card_number: str = ""
    elected_on: date | None = None
    presidium_role: str = ""
    notes: str = ""
    term_id: int | None = None
    extra: dict = field(default_factory=dict)

    @classmethod
    def field_names(cls) -> list[str]:
        return [n for n in cls.__dataclass_fields__ if n != "extra"]
