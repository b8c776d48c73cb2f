"""Business settings with typed defaults (town, county, current term, presidium rules, quotas).

Stored in the ``setting`` table so that backups carry them. Every number a province may set
differently is here, never a constant in the code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace

from town_office.models import Setting
from town_office.models.db import database
from town_office.services.common import audit


@dataclass(frozen=True)
class TownSettings:
    """The settings as typed values; field defaults are the program's defaults."""

    town_name: str = ""
    county_name: str = ""
    current_term_id: int = 0
    presidium_quorum_rule: str = "全体成员过半数出席"
    presidium_pass_rule: str = "全体成员过半数同意"
    meeting_interval_months: int = 3
    notice_days: int = 3
    followup_extension_months: int = 6
    visit_quota_households: int = 12
    congress_sessions_per_year: int = 2
    congress_quorum_rule: str = "超过全体代表的三分之二出席"
    congress_pass_rule: str = "全体代表过半数通过"
    motion_min_deputies: int = 5
    suggestion_answer_months: int = 3
    suggestion_complex_months: int = 6
    suggestion_reanswer_months: int = 1
    excellent_suggestions_per_year: int = 2
    suggestion_categories: tuple = ("经济发展", "农业农村", "城乡建设", "交通运输", "教育卫生", "社会保障",
                                    "生态环境", "社会治理", "其他")
    problem_deadline_workdays: int = 5
    backup_interval_minutes: int = 30
    backup_keep_daily: int = 7
    backup_keep_weekly: int = 4
    backup_keep_monthly: int = 12
    assessment_prorate: bool = True
    supervision_notice_prefix: str = ""  # empty: the town's short name + 人大督, e.g. 青石人大督
    minutes_copy_to: str = ""  # 纪要 版记 抄送; empty: the county congress standing committee
    report_addressee: str = ""  # 检查报告 主送机关; empty: the county congress standing committee
    clerk_name: str = ""  # who the 修改记录 names; empty: the computer's login name
    problem_categories: tuple = ("道路交通", "农田水利", "环境卫生", "教育医疗", "社会保障", "产业发展",
                                 "安全生产", "矛盾纠纷", "其他")
    hazard_categories: tuple = ("消防安全", "燃气安全", "用电安全", "食品安全", "交通安全", "治安安全",
                                "建筑安全", "其他")
    training_kinds: tuple = ("集中培训", "专题培训", "以会代训", "初任培训", "线上培训", "外出培训", "分片培训")


SETTING_LABELS = {
    "town_name": "乡镇名称",
    "county_name": "所属县（市、区）",
    "current_term_id": "当前届次",
    "presidium_quorum_rule": "主席团会议出席人数要求",
    "presidium_pass_rule": "议定事项通过要求",
    "meeting_interval_months": "主席团会议至少每几个月召开一次",
    "notice_days": "会议通知提前天数",
    "followup_extension_months": "督办事项延期上限（月）",
    "visit_quota_households": "每名代表每年走访户数",
    "congress_sessions_per_year": "镇人民代表大会每年至少举行会议",
    "congress_quorum_rule": "镇人民代表大会会议出席人数要求",
    "congress_pass_rule": "人代会表决、选举通过要求",
    "motion_min_deputies": "代表联名提出议案的最少人数",
    "suggestion_answer_months": "代表建议答复期限",
    "suggestion_complex_months": "情况复杂的代表建议答复期限",
    "suggestion_reanswer_months": "代表不满意时重新答复期限",
    "excellent_suggestions_per_year": "每年评选优秀建议（金点子）件数",
    "suggestion_categories": "代表建议类别",
    "problem_deadline_workdays": "群众诉求办理时限（工作日）",
    "training_kinds": "代表培训类型",
    "backup_interval_minutes": "有修改时自动备份间隔（分钟）",
    "backup_keep_daily": "自动备份保留天数",
    "backup_keep_weekly": "自动备份保留周数",
    "backup_keep_monthly": "自动备份保留月数",
    "assessment_prorate": "年度考核时任职不满一年的代表加分项按全年折算",
    "supervision_notice_prefix": "挂牌督办通知书文号的机关代字",
    "minutes_copy_to": "会议纪要抄送单位",
    "report_addressee": "检查报告主送机关",
    "clerk_name": "经办人姓名（记入修改记录）",
    "problem_categories": "群众诉求类别",
    "hazard_categories": "隐患类别",
}

QUORUM_RULES = ("全体成员过半数出席", "全体成员三分之二以上出席")
PASS_RULES = ("全体成员过半数同意", "出席成员过半数同意", "全体成员三分之二以上同意")
CONGRESS_QUORUM_RULES = ("超过全体代表的三分之二出席", "全体代表三分之二以上出席（含本数）", "全体代表过半数出席")
CONGRESS_PASS_RULES = ("全体代表过半数通过", "出席代表过半数通过")


def town_short_name(town_name: str) -> str:
    """青石镇 → 青石: the name without 镇 / 乡 / 街道, as 文号 and short titles use it."""
    for suffix in ("街道办事处", "街道", "镇", "乡"):
        if town_name.endswith(suffix) and len(town_name) > len(suffix):
            return town_name[: -len(suffix)]
    return town_name


def supervision_notice_number(current: TownSettings, year: int, seq: int) -> str:
    """The 文号 of a 挂牌督办通知书: 青石人大督〔2026〕3号."""
    prefix = current.supervision_notice_prefix.strip() or f"{town_short_name(current.town_name)}人大督"
    return f"{prefix}〔{year}〕{seq}号"


def minutes_copy_to(current: TownSettings) -> str:
    """Who a 纪要 is copied to (抄送), as its 版记 says."""
    return current.minutes_copy_to.strip() or f"{current.county_name or '县'}人大常委会"


def report_addressee(current: TownSettings) -> str:
    """Who an inspection report is addressed to (主送机关)."""
    return current.report_addressee.strip() or f"{current.county_name or '县'}人大常委会"


def get_settings() -> TownSettings:
    """Read every setting, falling back to the default where nothing is stored."""
    stored = {row.key: json.loads(row.value) for row in Setting.select()}
    values = {}
    for f in fields(TownSettings):
        if f.name in stored:
            values[f.name] = type(f.default)(stored[f.name])
    settings = TownSettings(**values)
    audit.use_actor(settings.clerk_name)
    return settings


def update_settings(**changes) -> TownSettings:
    """Store changed settings in one transaction, with an audit row per changed key."""
    known = {f.name: f for f in fields(TownSettings)}
    unknown = set(changes) - set(known)
    if unknown:
        raise KeyError(f"unknown settings: {sorted(unknown)}")
    with database.atomic():
        before = get_settings()
        after = replace(before, **{k: type(known[k].default)(v) for k, v in changes.items()})
        diff = {}
        for key in changes:
            old, new = getattr(before, key), getattr(after, key)
            if old != new:
                Setting.insert(key=key, value=json.dumps(new, ensure_ascii=False)).on_conflict_replace().execute()
                diff[SETTING_LABELS[key]] = (old, new)
        if diff:
            audit.record("setting", 0, "修改", diff)
    audit.use_actor(after.clerk_name)
    return after
