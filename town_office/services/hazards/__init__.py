"""The hazard ledger (隐患台账), from finding to closing (销号).

Rules: numbers run per year (2026-001); a 重大 hazard is always 挂牌督办 and cannot be saved without all
of 责任单位/责任人, 整改措施, 整改资金, 整改时限 and 应急预案 (五落实); the reviewer is never the person
responsible; status 待整改 → 整改中 → 已整改待复查 → 已销号, a failed review goes back to 整改中 with its
reason kept; a closed hazard reopens only with a reason; nothing is deleted — a mistaken entry is voided
with a reason; an extension keeps the original deadline.
"""

from __future__ import annotations

from datetime import date, datetime

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import Hazard, HazardEvent, HazardPhoto, HazardSupervision, Inspection
from town_office.models.db import database
from town_office.services.common import audit
from town_office.services.hazards.types import (
    AWAITING_REVIEW,
    CLOSED,
    FIXING,
    HAZARD_LABELS,
    LEVELS,
    MAJOR,
    OPEN_HAZARD_STATUSES,
    PENDING,
    VOID,
    HazardFilter,
    HazardInput,
    HazardRow,
)
from town_office.services.common.reasons import require_reason
from town_office.services.settings import get_settings, supervision_notice_number

TABLE = "hazard"


def number_of(year: int, seq: int) -> str:
    return f"{year}-{seq:03d}"


def _supervisions(hazard_ids: list[int] | None = None) -> dict[int, tuple[date, str]]:
    """挂牌 date and notice 文号 by hazard id."""
    settings = get_settings()
    query = HazardSupervision.select(HazardSupervision.hazard, HazardSupervision.listed_on,
                                     HazardSupervision.notice_year, HazardSupervision.notice_seq)
    if hazard_ids is not None:
        query = query.where(HazardSupervision.hazard.in_(hazard_ids))
    return {hazard: (listed_on, supervision_notice_number(settings, year, seq))
            for hazard, listed_on, year, seq in query.tuples()}


def _row(h: Hazard, titles: dict[int, str], photos: dict[int, int],
         supervisions: dict[int, tuple[date, str]]) -> HazardRow:
    listed_on, notice = supervisions.get(h.id, (None, ""))
    return HazardRow(
        h.id, number_of(h.year, h.seq), h.year, h.inspection_id, titles.get(h.inspection_id, ""),
        h.source, h.found_on, h.inspectors, h.place, h.description, h.category, h.level, h.measures,
        h.funds, h.responsible_unit, h.responsible_person, h.original_deadline, h.deadline,
        h.reviewer, h.supervised, h.emergency_plan, h.progress, h.completed_on, h.reviewed_on,
        h.review_conclusion, h.status, h.closed_on, photos.get(h.id, 0),
        listed_on if h.supervised else None, notice)


def list_hazards(flt: HazardFilter | None = None, today: date | None = None) -> list[HazardRow]:
    """Hazards of the ledger, by number."""
    flt, today = flt or HazardFilter(), today or date.today()
    query = Hazard.select()
    if flt.year:
        query = query.where(Hazard.year == flt.year)
    if flt.statuses:
        query = query.where(Hazard.status.in_(flt.statuses))
    if flt.level:
        query = query.where(Hazard.level == flt.level)
    if flt.category:
        query = query.where(Hazard.category == flt.category)
    if flt.unit:
        query = query.where(Hazard.responsible_unit == flt.unit)
    if flt.overdue_only:
        query = query.where(Hazard.status.in_(OPEN_HAZARD_STATUSES) & (Hazard.deadline < today))
    if flt.supervised_only:
        query = query.where(Hazard.supervised)
    hazards = list(query.order_by(Hazard.year, Hazard.seq))
    titles = dict(Inspection.select(Inspection.id, Inspection.title).tuples())
    photos = dict(HazardPhoto.select(HazardPhoto.hazard, fn.COUNT(HazardPhoto.id))
                  .group_by(HazardPhoto.hazard).tuples())
    supervisions = _supervisions()
    return [_row(h, titles, photos, supervisions) for h in hazards]


def get_hazard(hazard_id: int) -> HazardRow:
    hazard = Hazard.get_or_none(Hazard.id == hazard_id)
    if hazard is None:
        raise NotFound(f"找不到第{hazard_id}号隐患记录。")
    titles = dict(Inspection.select(Inspection.id, Inspection.title).tuples())
    return _row(hazard, titles, {hazard_id: hazard.photos.count()}, _supervisions([hazard_id]))


def find_by_number(number: str) -> HazardRow:
    """The hazard numbered ``2026-001``."""
    try:
        year, seq = (int(part) for part in number.strip().split("-"))
    except ValueError as exc:
        raise ValidationError([FieldProblem("编号", f"“{number}”不是隐患编号，应为 年份-序号，如 2026-001")]) from exc
    hazard = Hazard.get_or_none((Hazard.year == year) & (Hazard.seq == seq))
    if hazard is None:
        raise NotFound(f"台账中没有编号为{number}的隐患。")
    return get_hazard(hazard.id)


def history(hazard_id: int) -> list[tuple[date, str, str, str]]:
    return [(e.happened_on, e.status_from, e.status_to, e.note) for e in
            HazardEvent.select().where(HazardEvent.hazard == hazard_id).order_by(HazardEvent.id)]


def ledger_years() -> list[int]:
    years = {y for (y,) in Hazard.select(Hazard.year).distinct().tuples()}
    years.add(date.today().year)
    return sorted(years, reverse=True)


def responsible_units() -> list[str]:
    """Every responsible unit named in the ledger, sorted (the ledger's unit filter)."""
    return sorted(u for (u,) in Hazard.select(Hazard.responsible_unit).distinct().tuples() if u)


# --- rules -------------------------------------------------------------------------------------


def hazard_problems(data: HazardInput) -> list[FieldProblem]:
    """Everything wrong with the fields, in Chinese, field by field."""
    problems = []
    if data.found_on is None:
        problems.append(FieldProblem("检查日期", "请填写检查日期"))
    if not data.place.strip():
        problems.append(FieldProblem("单位/地点", "请填写隐患所在单位或地点"))
    if not data.description.strip():
        problems.append(FieldProblem("隐患描述", "请描述隐患"))
    if data.level not in LEVELS:
        problems.append(FieldProblem("等级", "请选择一般或重大"))
    if data.funds is not None and data.funds < 0:
        problems.append(FieldProblem("整改资金（万元）", "整改资金不能为负数"))
    if data.deadline and data.found_on and data.deadline < data.found_on:
        problems.append(FieldProblem("整改时限", "整改时限不能早于检查日期"))
    if data.level == MAJOR:
        missing = [label for label, ok in (
            ("责任单位", data.responsible_unit.strip()), ("责任人", data.responsible_person.strip()),
            ("整改措施", data.measures.strip()), ("整改资金（万元）", data.funds is not None),
            ("整改时限", data.deadline), ("应急预案", data.emergency_plan.strip())) if not ok]
        for label in missing:
            problems.append(FieldProblem(label, "重大隐患须做到“五落实”（责任、措施、资金、时限、预案），"
                                                "此项不能为空"))
    if data.supervised_on and data.found_on and data.supervised_on < data.found_on:
        problems.append(FieldProblem("挂牌日期", "挂牌日期不能早于检查日期"))
    if data.supervised_on and data.supervised_on > date.today():
        problems.append(FieldProblem("挂牌日期", "挂牌日期不能晚于今天"))
    if data.reviewer.strip() and data.reviewer.strip() == data.responsible_person.strip():
        problems.append(FieldProblem("复查人", "复查人不能是整改责任人本人，请另行指定"))
    return problems


def _values(data: HazardInput) -> dict:
    return dict(found_on=data.found_on, place=data.place.strip(), description=data.description.strip(),
                level=data.level, category=data.category, inspectors=data.inspectors.strip(),
                measures=data.measures.strip(), funds=data.funds,
                responsible_unit=data.responsible_unit.strip(),
                responsible_person=data.responsible_person.strip(), reviewer=data.reviewer.strip(),
                supervised=True if data.level == MAJOR else bool(data.supervised),
                emergency_plan=data.emergency_plan.strip(), inspection=data.inspection_id,
                source=data.source)


def _record_supervision(hazard: Hazard, listed_on: date) -> None:
    """挂牌: keep the day; the notice gets the next 文号 of that year, or keeps the one it had."""
    existing = HazardSupervision.get_or_none(HazardSupervision.hazard == hazard.id)
    if existing is not None:
        if existing.listed_on != listed_on:
            HazardSupervision.update(listed_on=listed_on).where(
                HazardSupervision.id == existing.id).execute()
        return
    seq = (HazardSupervision.select(fn.MAX(HazardSupervision.notice_seq))
           .where(HazardSupervision.notice_year == listed_on.year).scalar() or 0) + 1
    HazardSupervision.create(hazard=hazard.id, listed_on=listed_on, notice_year=listed_on.year,
                             notice_seq=seq)
    audit.record(TABLE, hazard.id, "挂牌督办", {"挂牌日期": (None, listed_on),
                                             "通知书文号": (None, f"〔{listed_on.year}〕{seq}号")})


def _event(hazard: Hazard, on: date, new_status: str, note: str = "") -> None:
    HazardEvent.create(hazard=hazard, at=datetime.now(), happened_on=on, status_from=hazard.status,
                       status_to=new_status, note=note)
    audit.record(TABLE, hazard.id, new_status, {"状态": (hazard.status, new_status)}
                 | ({"说明": (None, note)} if note else {}))


def _set(hazard_id: int, **changes) -> None:
    Hazard.update(updated_at=datetime.now(), **changes).where(Hazard.id == hazard_id).execute()


def register(data: HazardInput) -> HazardRow:
    """登记: numbered within the year of its finding, status 待整改."""
    problems = hazard_problems(data)
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        year = data.found_on.year
        seq = (Hazard.select(fn.MAX(Hazard.seq)).where(Hazard.year == year).scalar() or 0) + 1
        now = datetime.now()
        hazard = Hazard.create(year=year, seq=seq, original_deadline=data.deadline,
                               deadline=data.deadline, status=PENDING, created_at=now, updated_at=now,
                               **_values(data))
        audit.record(TABLE, hazard.id, "登记", audit.diff({}, _values(data), HAZARD_LABELS))
        if hazard.supervised:
            _record_supervision(hazard, data.supervised_on or data.found_on)
    return get_hazard(hazard.id)


def _hazard_or_404(hazard_id: int) -> Hazard:
    hazard = Hazard.get_or_none(Hazard.id == hazard_id)
    if hazard is None:
        raise NotFound(f"找不到第{hazard_id}号隐患记录。")
    return hazard


def update(hazard_id: int, data: HazardInput) -> HazardRow:
    """Correct the registered fields (not the deadline once set: use :func:`extend`)."""
    problems = hazard_problems(data)
    with database.atomic():
        hazard = _hazard_or_404(hazard_id)
        if hazard.status in (CLOSED, VOID):
            problems.insert(0, FieldProblem("状态", f"“{hazard.status}”的隐患不能修改"))
        if hazard.deadline and data.deadline != hazard.deadline:
            problems.append(FieldProblem("整改时限", "已定的整改时限只能通过“延期”更改，原时限将保留"))
        if problems:
            raise ValidationError(problems)
        values = _values(data)
        before = {k: getattr(hazard, k) for k in values if k in HAZARD_LABELS}
        if hazard.deadline is None and data.deadline:
            values.update(deadline=data.deadline, original_deadline=data.deadline)
        _set(hazard_id, **values)
        audit.record(TABLE, hazard_id, "修改", audit.diff(before, values, HAZARD_LABELS))
        if values["supervised"]:
            kept = hazard.supervisions.first() if hazard.supervised else None
            _record_supervision(hazard, data.supervised_on or (kept.listed_on if kept else date.today()))
    return get_hazard(hazard_id)


def start(hazard_id: int, on: date) -> HazardRow:
    """待整改 → 整改中."""
    with database.atomic():
        hazard = _hazard_or_404(hazard_id)
        if hazard.status != PENDING:
            raise ValidationError([FieldProblem("状态", f"“{hazard.status}”的隐患不能开始整改")])
        _event(hazard, on, FIXING)
        _set(hazard_id, status=FIXING)
    return get_hazard(hazard_id)


def report_fixed(hazard_id: int, progress: str, completed_on: date | None) -> HazardRow:
    """整改中 → 已整改待复查: what was done and when."""
    problems = []
    if not progress.strip():
        problems.append(FieldProblem("整改情况", "请写明整改情况"))
    if completed_on is None:
        problems.append(FieldProblem("完成日期", "请填写完成日期"))
    with database.atomic():
        hazard = _hazard_or_404(hazard_id)
        if hazard.status not in (PENDING, FIXING):
            problems.insert(0, FieldProblem("状态", f"“{hazard.status}”的隐患不能报告整改完成"))
        elif completed_on and completed_on < hazard.found_on:
            problems.append(FieldProblem("完成日期", "完成日期不能早于检查日期"))
        if problems:
            raise ValidationError(problems)
        _event(hazard, completed_on, AWAITING_REVIEW, progress.strip()[:60])
        _set(hazard_id, status=AWAITING_REVIEW, progress=progress.strip(), completed_on=completed_on)
    return get_hazard(hazard_id)


def review(hazard_id: int, reviewer: str, on: date | None, passed: bool, conclusion: str) -> HazardRow:
    """复查: passed → 已销号 on that day; failed → back to 整改中, the reason kept."""
    problems = []
    reviewer = reviewer.strip()
    if not reviewer:
        problems.append(FieldProblem("复查人", "请填写复查人"))
    if on is None:
        problems.append(FieldProblem("复查日期", "请填写复查日期"))
    if not conclusion.strip():
        problems.append(FieldProblem("复查结论", "请写明复查结论" + ("" if passed else "和未通过的原因")))
    with database.atomic():
        hazard = _hazard_or_404(hazard_id)
        if hazard.status != AWAITING_REVIEW:
            problems.insert(0, FieldProblem("状态", "只有“已整改待复查”的隐患可以复查"))
        if reviewer and reviewer == hazard.responsible_person:
            problems.append(FieldProblem("复查人", "复查人不能是整改责任人本人，请另行指定"))
        if on and hazard.completed_on and on < hazard.completed_on:
            problems.append(FieldProblem("复查日期", "复查日期不能早于整改完成日期"))
        if problems:
            raise ValidationError(problems)
        if passed:
            _event(hazard, on, CLOSED, f"复查通过：{conclusion.strip()}")
            _set(hazard_id, status=CLOSED, reviewer=reviewer, reviewed_on=on,
                 review_conclusion=conclusion.strip(), closed_on=on)
        else:
            _event(hazard, on, FIXING, f"复查未通过：{conclusion.strip()}")
            _set(hazard_id, status=FIXING, reviewer=reviewer, reviewed_on=on,
                 review_conclusion=conclusion.strip())
    return get_hazard(hazard_id)


def reopen(hazard_id: int, reason: str, on: date) -> HazardRow:
    """已销号 → 整改中, only with a reason."""
    reason = require_reason(reason)
    with database.atomic():
        hazard = _hazard_or_404(hazard_id)
        if hazard.status != CLOSED:
            raise ValidationError([FieldProblem("状态", "只有已销号的隐患需要重新打开")])
        _event(hazard, on, FIXING, f"重新打开：{reason}")
        _set(hazard_id, status=FIXING, closed_on=None)
    return get_hazard(hazard_id)


def void(hazard_id: int, reason: str, on: date) -> HazardRow:
    """作废 a mistaken entry: it stays in the ledger, marked, with the reason in its history."""
    reason = require_reason(reason)
    with database.atomic():
        hazard = _hazard_or_404(hazard_id)
        if hazard.status in (CLOSED, VOID):
            raise ValidationError([FieldProblem("状态", f"“{hazard.status}”的隐患不能作废")])
        _event(hazard, on, VOID, f"作废：{reason}")
        _set(hazard_id, status=VOID)
    return get_hazard(hazard_id)


def extend(hazard_id: int, new_deadline: date | None, reason: str, on: date) -> HazardRow:
    """延期: a later deadline; the original deadline stays recorded."""
    reason = require_reason(reason)
    with database.atomic():
        hazard = _hazard_or_404(hazard_id)
        problems = []
        if hazard.status not in OPEN_HAZARD_STATUSES:
            problems.append(FieldProblem("状态", f"“{hazard.status}”的隐患不能延期"))
        if new_deadline is None or (hazard.deadline and new_deadline <= hazard.deadline):
            problems.append(FieldProblem("新的整改时限", "新的时限应晚于现在的时限"))
        if problems:
            raise ValidationError(problems)
        HazardEvent.create(hazard=hazard, at=datetime.now(), happened_on=on,
                           status_from=hazard.status, status_to=hazard.status,
                           note=f"延期至{new_deadline.isoformat()}：{reason}")
        audit.record(TABLE, hazard_id, "延期", {"整改时限": (hazard.deadline, new_deadline),
                                              "原因": (None, reason)})
        _set(hazard_id, deadline=new_deadline,
             original_deadline=hazard.original_deadline or hazard.deadline)
    return get_hazard(hazard_id)
