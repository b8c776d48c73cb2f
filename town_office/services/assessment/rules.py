"""The arithmetic of the annual assessment, pure: a deputy's activities and the year's scheme in, the
scored lines and the total out. Every point is a line, so 明细 always sums to 汇总.

- base points first;
- each item scores its records in date order; once the item's cap is reached a record scores the
  remainder or 0 with a note (deductions are capped in absolute value the same way);
- part-year service (when the setting is on): each positive item's points are scaled to a full year
  but never above that item's cap, as one line "任职不满一年折算"; deductions are never scaled;
- manual adjustments, each with its reason;
- a total above full marks or below 0 is brought back by one last line.
"""

from __future__ import annotations

from town_office.services.archive.types import Activity
from town_office.services.assessment.types import (
    ADJUSTMENT,
    BASE,
    CLIP,
    INCLUDES,
    PER_UNIT,
    PRORATE,
    Scheme,
    ScoredLine,
)


def _money(value: float) -> float:
    return round(value + 0.0, 2)


def _record_text(a: Activity) -> str:
    status = f"（{a.status}）" if a.status else ""
    return f"{a.origin}：{a.content}{status}" if a.origin else a.content + status


def score_lines(activities: list[Activity], scheme: Scheme, served_days: int, period_days: int,
                prorate: bool, adjustments: list = ()) -> list[ScoredLine]:
    """The scored lines of one deputy; ``adjustments`` have id, points, reason, created_at."""
    lines = [ScoredLine(BASE, "基础分", None, "基础分", _money(scheme.base_points))]
    scalable: list[tuple[str, float, float | None]] = []  # positive items: name, points, cap
    ordered = sorted(activities, key=lambda a: (a.on, a.record_id))
    for item in scheme.items:
        basis = PER_UNIT.get(item.source, item.source)
        counted = {basis, *INCLUDES.get(basis, ())}
        per_unit = item.source in PER_UNIT
        given = 0.0
        for a in ordered:
            if a.source not in counted or (per_unit and not a.units):
                continue
            points = item.points * (a.units if per_unit else 1)
            note = ""
            if item.cap is not None and abs(given + points) > item.cap + 1e-9:
                room = max(0.0, item.cap - abs(given))
                points = room if points > 0 else -room
                note = "已达上限，不再计分" if room == 0 else f"达到上限{item.cap:g}分，部分计分"
            points = _money(points)
            given += points
            unit = f"，{a.units:g}{'学时' if basis == 'training_present' else '户'}" if per_unit else ""
            lines.append(ScoredLine(item.source, item.name, a.on, _record_text(a) + unit, points,
                                    a.record_table, a.record_id, note))
        if item.points > 0 and given > 0:
            scalable.append((item.name, given, item.cap))
    if prorate and 0 < served_days < period_days and scalable:
        lines.append(_prorate_line(scalable, served_days, period_days))
    for adj in adjustments:
        lines.append(ScoredLine(ADJUSTMENT, "调整", adj.created_at.date(), adj.reason, _money(adj.points),
                                "assessment_adjustment", adj.id))
    subtotal = _money(sum(line.points for line in lines))
    if subtotal > scheme.full_marks:
        lines.append(ScoredLine(CLIP, "超过满分部分不计", None, f"满分{scheme.full_marks:g}分",
                                _money(scheme.full_marks - subtotal)))
    elif subtotal < 0:
        lines.append(ScoredLine(CLIP, "低于0分部分不计", None, "最低0分", _money(-subtotal)))
    return lines


def _prorate_line(scalable: list[tuple[str, float, float | None]], served: int, period: int
                  ) -> ScoredLine:
    """One line raising each positive item to a full year's worth, each within its own cap."""
    extra, parts = 0.0, []
    for name, given, cap in scalable:
        full_year = given * period / served
        if cap is not None:
            full_year = min(full_year, cap)
        added = _money(max(0.0, full_year - given))
        if added:
            extra += added
            parts.append(f"{name}{given:g}→{_money(given + added):g}")
    text = (f"任职{served}天（全年{period}天），加分项按全年折算（不超过各项上限）："
            + ("；".join(parts) if parts else "各项已达上限，不再折算"))
    return ScoredLine(PRORATE, "任职不满一年折算", None, text, _money(extra))


def total_of(lines: list[ScoredLine]) -> float:
    return _money(sum(line.points for line in lines))


def ranks(totals: list[float]) -> list[int]:
    """Competition ranking: equal totals share a rank (1, 1, 3)."""
    order = sorted(totals, reverse=True)
    return [order.index(t) + 1 for t in totals]
