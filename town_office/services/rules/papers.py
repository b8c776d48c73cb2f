"""Printing rule documents: a chosen version, the version in force on a day, and the 修订对照表 of two
versions; previews go into the data folder's previews/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from town_office.errors import FieldProblem, ValidationError
from town_office.reports.chinese_numbers import chinese_date
from town_office.reports.rules import render_comparison_pdf, render_rule_pdf
from town_office.services.common import attachments
from town_office.services import rules
from town_office.services.rules.types import VersionDetail


def file_name(detail: VersionDetail) -> str:
    """青石镇人民代表大会主席团议事规则（第2版）.pdf (a name Windows accepts whatever the title holds)."""
    return attachments.safe_name(f"{detail.title}（{detail.version.label}）.pdf")


def version_to_print(kind: str, on: date | None = None) -> VersionDetail:
    """The version in force on ``on``; without a day, the one in force today or else the newest
    version (a draft prints marked 草案).

    Raises:
        ValidationError: nothing was in force on that day, or the document has no version yet.
    """
    row = rules.document_row(kind, on)
    if on is not None:
        if row.in_force is None:
            raise ValidationError(FieldProblem("日期", f"《{row.title}》在{chinese_date(on)}没有有效的版本，"
                                                      f"当时的状态：{row.state_text}"))
        return rules.get_version(row.in_force.id)
    if row.in_force is not None:
        return rules.get_version(row.in_force.id)
    if not row.versions:
        raise ValidationError(FieldProblem("类别", f"《{row.title}》还没有任何版本，请先在“两规则四办法”页起草"))
    return rules.get_version(row.versions[-1].id)


def print_rule(kind: str, out: Path, on: date | None = None) -> Path:
    return render_rule_pdf(version_to_print(kind, on), Path(out))


def print_version(version_id: int, out: Path) -> Path:
    return render_rule_pdf(rules.get_version(version_id), Path(out))


def preview_version(version_id: int) -> Path:
    detail = rules.get_version(version_id)
    return render_rule_pdf(detail, attachments.preview_path(file_name(detail)))


def print_comparison(old_version_id: int, new_version_id: int, out: Path) -> Path:
    return render_comparison_pdf(rules.compare(old_version_id, new_version_id), Path(out))


def preview_comparison(old_version_id: int, new_version_id: int) -> Path:
    comparison = rules.compare(old_version_id, new_version_id)
    return render_comparison_pdf(comparison, attachments.preview_path(f"{comparison.title}修订对照表.pdf"))
