"""Checks on one deputy's fields, shared by the dialog and the import; pure, no database."""

from __future__ import annotations

import re
from datetime import date

from town_office.errors import FieldProblem
from town_office.services.roster.identity import (
    birth_month_from_id,
    gender_from_id,
    id_number_problem,
    is_masked,
    normalise_phone,
    phone_problem,
)
from town_office.services.roster.types import (
    FIELD_LABELS,
    GENDERS,
    GROUP_ROLES,
    LEVELS,
    PRESIDIUM_ROLES,
    RepresentativeInput,
)
from town_office.services.common.text_limits import too_long


def representative_problems(data: RepresentativeInput, today: date | None = None,
                            labels: dict[str, str] | None = None) -> list[FieldProblem]:
    """Every problem with ``data``; ``labels`` renames fields (an import uses its own headers)."""
    today = today or date.today()
    labels = {**FIELD_LABELS, **(labels or {})}
    problems: list[FieldProblem] = []

    def bad(name: str, message: str) -> None:
        problems.append(FieldProblem(labels[name], message))

    for key in ("name", "work_unit_post", "phone", "notes"):
        long = too_long(getattr(data, key), key, labels[key])
        if long:
            problems.append(long)
    if not data.name:
        bad("name", "不能为空")
    elif re.search(r"[0-9A-Za-z]", data.name) and not re.search(r"[\u4e00-\u9fff]", data.name):
        bad("name", f"「{data.name}」不像人名，请检查是否填错了列")
    elif len(data.name) > 20:
        bad("name", "超过20个字，请检查")
    if not data.gender:
        bad("gender", "不能为空，请填 男 或 女")
    elif data.gender not in GENDERS:
        bad("gender", f"「{data.gender}」应为 男 或 女")
    if data.birth_month:
        if not re.fullmatch(r"\d{4}-\d{2}", data.birth_month):
            bad("birth_month", f"「{data.birth_month}」看不懂，请写成 1975-03 或 1975年3月")
        elif data.birth_month > today.strftime("%Y-%m"):
            bad("birth_month", f"{data.birth_month} 在今天之后")
        elif data.birth_month < "1900-01":
            bad("birth_month", f"{data.birth_month} 太早，请检查")
    for level in data.levels:
        if level not in LEVELS:
            bad("levels", f"「{level}」不是代表层级，应为 镇、县、市、省、全国 中的一个或几个")
    if not data.levels:
        bad("levels", "至少选择一个层级")
    if data.group_role and data.group_role not in GROUP_ROLES:
        bad("group_role", f"「{data.group_role}」应为 组长 或 副组长")
    if data.group_role and not data.group_name:
        bad("group_role", "没有所在代表小组，不能担任小组职务")
    if data.presidium_role and data.presidium_role not in PRESIDIUM_ROLES:
        bad("presidium_role", f"「{data.presidium_role}」应为 主席、副主席 或 成员")
    if data.phone:
        message = phone_problem(normalise_phone(data.phone))
        if message:
            bad("phone", message)
    if data.id_number and not is_masked(data.id_number):
        message = id_number_problem(data.id_number, today)
        if message:
            bad("id_number", message)
        else:
            if data.birth_month and birth_month_from_id(data.id_number) != data.birth_month:
                bad("id_number", f"号码中的出生年月 {birth_month_from_id(data.id_number)} "
                                 f"与填写的出生年月 {data.birth_month} 不一致")
            if data.gender in GENDERS and gender_from_id(data.id_number) != data.gender:
                bad("id_number", f"号码第17位表示{gender_from_id(data.id_number)}性，"
                                 f"与填写的性别「{data.gender}」不一致")
    if data.elected_on and data.elected_on > today:
        bad("elected_on", f"{data.elected_on.isoformat()} 在今天之后")
    return problems
