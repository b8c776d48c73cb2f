"""How long the clerk's free-text fields may be: one table of limits that the services check on
every path (dialogs, imports, the command line) and the dialogs apply to their input boxes."""

from __future__ import annotations

from town_office.errors import FieldProblem

LIMITS = {
    "name": 20,  # 姓名: the longest minority names written in full stay well inside
    "work_unit_post": 100,
    "phone": 60,
    "notes": 500,
    "village": 40,
    "hamlet": 40,
    "people": 200,  # 走访对象
    "summary": 2000,
    "problem": 1000,  # 反映问题, in the voter's words
    "place": 100,
    "title": 100,  # a session item's title
    "decision": 3000,  # a decision's text, printed as its 决议
}


def too_long(value: str | None, key: str, label: str) -> FieldProblem | None:
    """The problem when ``value`` is longer than its limit, saying the limit."""
    limit = LIMITS[key]
    if value and len(value) > limit:
        return FieldProblem(label, f"最多{limit}个字（现在{len(value)}个），请精简")
    return None
