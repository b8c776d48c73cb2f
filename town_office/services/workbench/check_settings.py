"""The schedule checks and due-list numbers the clerk can switch off or retune, stored in the
``setting`` table (key ``workbench_checks``) so that backups carry them."""

from __future__ import annotations

import json

from town_office.errors import TownOfficeError
from town_office.models import Setting
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.workbench.types import CheckRule

KEY = "workbench_checks"

RULES = (
    CheckRule("presidium_meeting", "本季度还没有召开主席团会议", "季度末前几天起提醒", 45, 1, 92),
    CheckRule("quarter_training", "本季度还没有集中培训", "季度末前几天起提醒", 45, 1, 92),
    CheckRule("half_year_practice", "本半年还没有专题实训（屋场会实践教学）", "半年末前几天起提醒", 60, 1, 184),
    CheckRule("quarter_inspection", "本季度还没有执法检查", "季度末前几天起提醒", 45, 1, 92),
    CheckRule("half_year_visits", "代表本半年还没有走访", "半年末前几天起提醒", 60, 1, 184),
    CheckRule("visit_quota", "代表落后于年度走访进度", "落后几户以上提醒", 2, 1, 100),
    CheckRule("congress_sessions", "本年人代会次数不足", "年末前几天起提醒", 120, 1, 366),
    CheckRule("supervised_hazards", "挂牌督办隐患长时间没有进展", "几天没有进展提醒", 30, 1, 366),
    CheckRule("extension_limit", "督办事项延期接近上限", "离上限不足几天提醒", 30, 1, 366),
    CheckRule("stick_backup", "很久没有备份到U盘", "几天没有备份到U盘提醒", 30, 1, 366),
    CheckRule("county_package", "报送县人大的资料包", "每几个月报送一次（3、6或12）", 3, 3, 12),
    CheckRule("term_end", "本届任期即将届满", "届满前几天起提醒", 90, 1, 366),
    CheckRule("minutes_days", "会议纪要定稿期限（待办）", "会后几天内定稿", 7, 1, 60),
    CheckRule("first_training_days", "新任代表初任培训期限（待办）", "当选后几天内参加", 180, 1, 366),
)
RULE_BY_KEY = {r.key: r for r in RULES}


def check_settings() -> dict[str, tuple[bool, int]]:
    """Every rule's (switched on, number); defaults where nothing is stored."""
    row = Setting.get_or_none(Setting.key == KEY)
    stored = json.loads(row.value) if row else {}
    result = {}
    for rule in RULES:
        on, number = stored.get(rule.key, (True, rule.default_number))
        result[rule.key] = (bool(on), int(number))
    return result


def setting(key: str) -> int | None:
    """The rule's number when switched on, else None."""
    on, number = check_settings()[key]
    return number if on else None


def save_check_settings(values: dict[str, tuple[bool, int]]) -> dict[str, tuple[bool, int]]:
    """Store the changed rules in one transaction with an audit row per change.

    Raises:
        TownOfficeError: a number outside its rule's range (the message names the rule).
    """
    for key, (_, number) in values.items():
        rule = RULE_BY_KEY[key]
        if key == "county_package" and number not in (3, 6, 12):
            raise TownOfficeError(f"“{rule.label}”：{rule.number_label}，只能填3、6或12。")
        if not rule.minimum <= number <= rule.maximum:
            raise TownOfficeError(f"“{rule.label}”：{rule.number_label}应在{rule.minimum}到{rule.maximum}之间，"
                                  f"现在是{number}。")
    with database.atomic():
        before = check_settings()
        after = dict(before)
        after.update({k: (bool(on), int(n)) for k, (on, n) in values.items()})
        changes = {}
        for key in values:
            if before[key] != after[key]:
                changes[RULE_BY_KEY[key].label] = (_text(before[key]), _text(after[key]))
        if changes:
            Setting.insert(key=KEY, value=json.dumps({k: list(v) for k, v in after.items()})) \
                .on_conflict_replace().execute()
            audit.record("setting", 0, "修改", changes)
    return after


def _text(value: tuple[bool, int]) -> str:
    return f"提醒，{value[1]}" if value[0] else "不提醒"
