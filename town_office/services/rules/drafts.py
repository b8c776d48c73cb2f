"""The starting drafts of the six rule documents that ship with the program
(``resources/templates/rules/*.txt``), filled in with the town's settings: its name, the presidium's
quorum and voting rules, how often it meets, notice days, the follow-up extension limit, the answer
deadlines for deputies' suggestions, the congress's sessions per year and the deputies a motion needs.

The templates are plain text in the 第X章 / 第X条 form that ``rule_text.parse_text`` reads; lines
starting with # are remarks for whoever edits them. Each draft says in its notes that it must be
checked against the province's own rules before it is adopted.
"""

from __future__ import annotations

from datetime import date

from town_office.errors import FieldProblem, ValidationError
from town_office.reports.chinese_numbers import chinese_count
from town_office.resources import resource_path
from town_office.services import rules
from town_office.services.rules.text import parse_text
from town_office.services.rules.types import RULE_KINDS, RuleUnit, VersionRow
from town_office.services.settings import TownSettings, get_settings

TEMPLATES = dict(zip(RULE_KINDS, ("congress_rules.txt", "presidium_rules.txt", "inspection.txt",
                                  "work_reports.txt", "visits_research.txt", "work_review.txt"),
                     strict=True))
DRAFT_NOTES = ("本草案由乡镇人大工作台提供，供起草参考，条文中的数字取自本程序“设置”（{settings}）。"
               "本草案未经法律审核，通过前必须对照本省（自治区、直辖市）和本县（市、区）的有关规定"
               "及本镇实际逐条审核修改。")


def _amount(n: int) -> str:
    """Numbers as counts are written: 2 -> 两 (每年两次), 12 -> 十二."""
    return "两" if n == 2 else chinese_count(n)


def _frequency(months: int) -> str:
    return {1: "每月", 2: "每两个月", 3: "每季度", 6: "每半年", 12: "每年"}.get(
        months, f"每{chinese_count(months)}个月")


def _presidium(rule: str) -> str:
    """全体成员过半数出席 -> 主席团全体成员过半数出席; 出席成员过半数同意 -> 出席会议的主席团成员过半数同意."""
    return rule.replace("全体成员", "主席团全体成员").replace("出席成员", "出席会议的主席团成员")


def template_values(s: TownSettings) -> dict[str, str]:
    """What each placeholder of the templates is replaced with."""
    return {
        "town": s.town_name or "本镇", "county": s.county_name or "本县",
        "presidium_quorum": _presidium(s.presidium_quorum_rule),
        "presidium_pass": _presidium(s.presidium_pass_rule),
        "meeting_frequency": _frequency(s.meeting_interval_months),
        "notice_days": chinese_count(s.notice_days),
        "extension_months": chinese_count(s.followup_extension_months),
        "answer_months": chinese_count(s.suggestion_answer_months),
        "complex_months": chinese_count(s.suggestion_complex_months),
        "reanswer_months": chinese_count(s.suggestion_reanswer_months),
        "congress_sessions": _amount(s.congress_sessions_per_year),
        "motion_deputies": chinese_count(s.motion_min_deputies),
        "visit_quota": chinese_count(s.visit_quota_households),
    }


def _settings_used(s: TownSettings) -> str:
    return (f"主席团会议须有{s.presidium_quorum_rule}方能举行、以{s.presidium_pass_rule}为通过、"
            f"至少每{s.meeting_interval_months}个月召开一次、提前{s.notice_days}日通知，"
            f"督办事项延期不超过{s.followup_extension_months}个月，代表建议{s.suggestion_answer_months}个月内答复"
            f"（情况复杂的{s.suggestion_complex_months}个月，重新答复{s.suggestion_reanswer_months}个月），"
            f"镇人民代表大会每年至少举行{s.congress_sessions_per_year}次会议，"
            f"代表{s.motion_min_deputies}人以上联名提出议案")


def draft_units(kind: str, s: TownSettings | None = None) -> tuple[RuleUnit, ...]:
    """The shipped draft of ``kind`` with the town's settings filled in."""
    if kind not in TEMPLATES:
        raise ValidationError(FieldProblem("类别", f"程序只为{'、'.join(RULE_KINDS)}提供起草稿"))
    s = s or get_settings()
    raw = resource_path("templates", "rules", TEMPLATES[kind]).read_text(encoding="utf-8")
    text = "\n".join(line for line in raw.splitlines() if not line.lstrip().startswith("#"))
    return parse_text(text.format_map(template_values(s))).units


def create_starting_draft(kind: str, today: date | None = None) -> VersionRow:
    """The first 草案 of one of the six, from the shipped draft."""
    s = get_settings()
    return rules.create_draft(kind, draft_units(kind, s), DRAFT_NOTES.format(settings=_settings_used(s)),
                              today or date.today())
