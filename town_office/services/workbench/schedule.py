"""The statutory and local schedule: each check (a rule of ``check_settings``, switchable, with its
number) looks at today and says what is missing. A check that has nothing to say returns None."""

from __future__ import annotations

from datetime import date

from peewee import JOIN, fn

from town_office.models import (
    AuditEntry,
    CongressSession,
    FollowUp,
    Hazard,
    HazardEvent,
    Inspection,
    Meeting,
    Term,
    TrainingSession,
    Visit,
    VisitDeputy,
)
from town_office.services import settings
from town_office.services.backups import COUNTY_PACKAGE, STICK_BACKUP
from town_office.services.hazards.types import OPEN_HAZARD_STATUSES
from town_office.services.meetings.rules import latest_allowed_deadline
from town_office.services.meetings.types import OPEN_FOLLOWUP_STATUSES
from town_office.services.roster import mandates, units
from town_office.services.visits import quota_progress
from town_office.services.workbench import check_settings
from town_office.services.workbench.periods import half_of, period_name, period_of, quarter_of
from town_office.services.workbench.types import FiredCheck

URGENT_DAYS = 15  # a check with this few days left to act is shown red
QUARTER_TRAINING_KINDS = ("集中培训",)
PRACTICE_KINDS = ("专题实训", "专题培训")


def _left_in(today: date, end: date) -> int:
    return (end - today).days


def _presidium_meeting(today: date, lead: int) -> FiredCheck | None:
    start, end = quarter_of(today)
    if _left_in(today, end) > lead:
        return None
    meetings = list(Meeting.select(Meeting.held_on).where(Meeting.held_on.between(start, end)).tuples())
    if any(held <= today for (held,) in meetings):
        return None
    left, name = _left_in(today, end), period_name(today, 3)
    planned = [held for (held,) in meetings if held > today]
    if planned:
        return FiredCheck("presidium_meeting", f"{name}的主席团会议已安排在{min(planned):%m月%d日}，尚未召开"
                          f"（距季度末{left}天）", "主席团会议")
    return FiredCheck("presidium_meeting", f"{name}还没有召开主席团会议，距季度末还有{left}天"
                      "（主席团每季度至少召开一次会议）", "主席团会议", left <= URGENT_DAYS,
                      {"year": today.year})


def _training(today: date, lead: int, months: int, kinds: tuple[str, ...], key: str, what: str) -> FiredCheck | None:
    start, end = period_of(today, months)
    if _left_in(today, end) > lead:
        return None
    held = (TrainingSession.select().where(TrainingSession.kind.in_(kinds)
                                           & TrainingSession.held_on.between(start, today)).count())
    if held:
        return None
    left = _left_in(today, end)
    return FiredCheck(key, f"{period_name(today, months)}还没有{what}，距{'季度' if months == 3 else '半年'}末"
                      f"还有{left}天", "代表培训", left <= URGENT_DAYS, {"year": today.year})


def _inspection(today: date, lead: int) -> FiredCheck | None:
    start, end = quarter_of(today)
    if _left_in(today, end) > lead:
        return None
    if Inspection.select().where((Inspection.kind == "执法检查")
                                 & Inspection.starts_on.between(start, today)).count():
        return None
    left = _left_in(today, end)
    return FiredCheck("quarter_inspection", f"{period_name(today, 3)}还没有执法检查（学校、市场每季度检查），"
                      f"距季度末还有{left}天", "执法检查", left <= URGENT_DAYS)


def _serving_town_deputies(today: date) -> list:
    term_id = units.current_term_id()
    if not term_id:
        return []
    return [r for r in mandates.term_town_deputies(term_id) if mandates.serving_at(r, today)]


def _half_year_visits(today: date, lead: int) -> FiredCheck | None:
    start, end = half_of(today)
    if _left_in(today, end) > lead:
        return None
    visited = {r for (r,) in VisitDeputy.select(VisitDeputy.representative).join(Visit)
               .where(Visit.visited_on.between(start, today)).tuples()}
    missing = [r.name for r in _serving_town_deputies(today) if r.id not in visited]
    if not missing:
        return None
    names = "、".join(missing[:5]) + ("等" if len(missing) > 5 else "")
    left = _left_in(today, end)
    return FiredCheck("half_year_visits", f"{len(missing)}名代表{period_name(today, 6)}还没有走访记录：{names}"
                      f"（距半年末{left}天）", "走访日志", left <= URGENT_DAYS, {"year": today.year})


def _visit_quota(today: date, tolerance: int) -> FiredCheck | None:
    year_start = date(today.year, 1, 1)
    share = ((today - year_start).days + 1) / ((date(today.year, 12, 31) - year_start).days + 1)
    behind = [row for row in quota_progress(today.year) if row.quota * share - row.households >= tolerance]
    if not behind:
        return None
    names = "、".join(r.name for r in behind[:5]) + ("等" if len(behind) > 5 else "")
    return FiredCheck("visit_quota", f"{len(behind)}名代表落后于年度走访进度（每人每年"
                      f"{settings.get_settings().visit_quota_households}户）：{names}", "走访日志",
                      filters={"year": today.year})


def _congress_sessions(today: date, lead: int) -> FiredCheck | None:
    end = date(today.year, 12, 31)
    if _left_in(today, end) > lead:
        return None
    required = settings.get_settings().congress_sessions_per_year
    dates = [d for (d,) in CongressSession.select(CongressSession.starts_on)
             .where(CongressSession.starts_on.between(date(today.year, 1, 1), end)).tuples()]
    held = sum(1 for d in dates if d <= today)
    if held >= required:
        return None
    planned = len(dates) - held
    left = _left_in(today, end)
    more = f"，已安排{planned}次" if planned else ""
    return FiredCheck("congress_sessions", f"今年已举行镇人代会会议{held}次，每年至少{required}次{more}"
                      f"（距年末{left}天）", "人代会会议", left <= URGENT_DAYS and held + planned < required,
                      {"year": today.year})


def _supervised_hazards(today: date, days: int) -> FiredCheck | None:
    last = fn.MAX(HazardEvent.happened_on)
    rows = (Hazard.select(Hazard.year, Hazard.seq, Hazard.found_on, last.alias("last"))
            .join(HazardEvent, on=(HazardEvent.hazard == Hazard.id), join_type=JOIN.LEFT_OUTER)
            .where(Hazard.supervised & Hazard.status.in_(OPEN_HAZARD_STATUSES))
            .group_by(Hazard.id).tuples())
    stale = [f"{y}-{s:03d}" for y, s, found, moved in rows if (today - (moved or found)).days >= days]
    if not stale:
        return None
    return FiredCheck("supervised_hazards", f"{len(stale)}处挂牌督办隐患{days}天以上没有进展："
                      f"{'、'.join(stale[:6])}{'等' if len(stale) > 6 else ''}", "隐患台账", True,
                      {"supervised_only": True})


def _extension_limit(today: date, days: int) -> FiredCheck | None:
    limit = settings.get_settings().followup_extension_months
    near = [content for content, original, deadline in
            FollowUp.select(FollowUp.content, FollowUp.original_deadline, FollowUp.deadline)
            .where(FollowUp.status.in_(OPEN_FOLLOWUP_STATUSES) & (FollowUp.deadline > FollowUp.original_deadline))
            .tuples()
            if (latest_allowed_deadline(original, limit) - deadline).days < days]
    if not near:
        return None
    return FiredCheck("extension_limit", f"{len(near)}项督办事项的延期已接近{limit}个月的上限："
                      f"{'、'.join(c[:12] for c in near[:3])}{'等' if len(near) > 3 else ''}", "督办事项")


def last_handoff(action: str) -> date | None:
    at = (AuditEntry.select(fn.MAX(AuditEntry.at)).where((AuditEntry.table == "backup")
                                                         & (AuditEntry.action == action)).scalar())
    return None if at is None else (at.date() if hasattr(at, "date") else date.fromisoformat(str(at)[:10]))


def _stick_backup(today: date, days: int) -> FiredCheck | None:
    last = last_handoff(STICK_BACKUP)
    if last is not None and (today - last).days < days:
        return None
    when = f"上次是{last:%Y年%m月%d日}（{(today - last).days}天前）" if last else "还从来没有备份到U盘"
    return FiredCheck("stick_backup", f"已超过{days}天没有备份到U盘：{when}", "备份与恢复", last is None
                      or (today - last).days >= 2 * days)


def _county_package(today: date, months: int) -> FiredCheck | None:
    start, end = period_of(today, months)
    last = last_handoff(COUNTY_PACKAGE)
    if last is not None and last >= start:
        return None
    left = _left_in(today, end)
    return FiredCheck("county_package", f"{period_name(today, months)}的报送包还没有生成，应在{end:%m月%d日}前"
                      f"报送县人大（还有{left}天）", "备份与恢复", left <= URGENT_DAYS)


def _term_end(today: date, lead: int) -> FiredCheck | None:
    term_id = units.current_term_id()
    term = Term.get_or_none(Term.id == term_id) if term_id else None
    if term is None or term.ends_on is None:
        return None
    left = (term.ends_on - today).days
    if left > lead:
        return None
    if left < 0:
        return FiredCheck("term_end", f"{term.name}已于{term.ends_on:%Y年%m月%d日}届满，请在“换届”页完成换届",
                          "换届", True)
    return FiredCheck("term_end", f"{term.name}还有{left}天届满（{term.ends_on:%Y年%m月%d日}），"
                      "请在“换届”页按步骤做好换届", "换届", left <= 30)


def fired_checks(today: date | None = None) -> list[FiredCheck]:
    """Every switched-on check that has something to say today, in the rules' order."""
    today = today or date.today()
    rules = check_settings.check_settings()
    runs = {
        "presidium_meeting": lambda n: _presidium_meeting(today, n),
        "quarter_training": lambda n: _training(today, n, 3, QUARTER_TRAINING_KINDS, "quarter_training", "集中培训"),
        "half_year_practice": lambda n: _training(today, n, 6, PRACTICE_KINDS, "half_year_practice",
                                                  "专题实训（屋场会实践教学）"),
        "quarter_inspection": lambda n: _inspection(today, n),
        "half_year_visits": lambda n: _half_year_visits(today, n),
        "visit_quota": lambda n: _visit_quota(today, n),
        "congress_sessions": lambda n: _congress_sessions(today, n),
        "supervised_hazards": lambda n: _supervised_hazards(today, n),
        "extension_limit": lambda n: _extension_limit(today, n),
        "stick_backup": lambda n: _stick_backup(today, n),
        "county_package": lambda n: _county_package(today, n),
        "term_end": lambda n: _term_end(today, n),
    }
    fired = []
    for key, run in runs.items():
        on, number = rules[key]
        if on:
            check = run(number)
            if check is not None:
                fired.append(check)
    return fired

