"""What counts as a written reason: reopening a finalised meeting, reopening a hazard, a manual
assessment adjustment. A reason is kept in the history for a county reviewer, so two characters,
a row of one character or bare punctuation and digits do not count."""

from __future__ import annotations

import unicodedata

from town_office.errors import FieldProblem, ValidationError

MIN_REASON_CHARS = 4


def _meaningful(text: str) -> list[str]:
    """The characters that say something: letters and CJK, no spaces, punctuation or symbols."""
    return [c for c in text if unicodedata.category(c)[0] in "LN"]


def reason_problem(reason: str | None, field: str = "原因", example: str = "") -> FieldProblem | None:
    """The problem with ``reason`` as a written reason, or None when it is one."""
    text = (reason or "").strip()
    chars = _meaningful(text)
    hint = f"（如：{example}）" if example else ""
    if len(chars) < MIN_REASON_CHARS:
        return FieldProblem(field, f"请写明原因，至少{MIN_REASON_CHARS}个字{hint}")
    if len(set(chars)) < 3 or all(c.isdigit() for c in chars):
        return FieldProblem(field, f"“{text}”不是原因，请用一句话写明为什么{hint}")
    return None


def require_reason(reason: str | None, field: str = "原因", example: str = "") -> str:
    """``reason`` stripped, or a ValidationError saying what a reason needs."""
    problem = reason_problem(reason, field, example)
    if problem:
        raise ValidationError([problem])
    return (reason or "").strip()
