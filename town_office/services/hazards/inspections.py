"""Inspections (执法检查 / 视察 / 专题调研): the fields and stage, the participants (deputies from the
roster, department staff typed in), the attached report file, and how many were held per quarter."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from peewee import fn

from town_office.errors import FieldProblem, NotFound, ValidationError
from town_office.models import Hazard, Inspection, InspectionParticipant, Representative
from town_office.models.db import database
from town_office.services.common import attachments, audit
from town_office.services.hazards.types import (
    INSPECTION_KINDS,
    STAGES,
    InspectionInput,
    InspectionRow,
    ParticipantRow,
)

TABLE = "inspection"
LABELS = {"kind": "类型", "title": "名称", "subject": "法律或主题", "starts_on": "开始日期",
          "ends_on": "结束日期", "sites": "检查地点", "organiser": "组织单位", "stage": "阶段",
          "findings": "发现的问题", "report": "报告"}


def _rows(query) -> list[InspectionRow]:
    inspections = list(query)
    ids = [i.id for i in inspections]
    people: dict[int, list[ParticipantRow]] = {}
    counts = {}
    if ids:
        for p in InspectionParticipant.select().where(InspectionParticipant.inspection.in_(ids)) \
                .order_by(InspectionParticipant.id):
            people.setdefault(p.inspection_id, []).append(
                ParticipantRow(p.id, p.representative_id, p.name, p.unit_post))
        counts = dict(Hazard.select(Hazard.inspection, fn.COUNT(Hazard.id))
                      .where(Hazard.inspection.in_(ids)).group_by(Hazard.inspection).tuples())
    return [InspectionRow(i.id, i.kind, i.title, i.subject, i.starts_on, i.ends_on, i.sites,
                          i.organiser, i.stage, i.findings, i.report, i.report_file,
                          tuple(people.get(i.id, ())), counts.get(i.id, 0)) for i in inspections]


def list_inspections(year: int | None = None) -> list[InspectionRow]:
    query = Inspection.select()
    if year:
        query = query.where(Inspection.starts_on.between(date(year, 1, 1), date(year, 12, 31)))
    return _rows(query.order_by(Inspection.starts_on.desc()))


def get_inspection(inspection_id: int) -> InspectionRow:
    rows = _rows(Inspection.select().where(Inspection.id == inspection_id))
    if not rows:
        raise NotFound(f"找不到第{inspection_id}号检查记录。")
    return rows[0]


def per_quarter(year: int) -> dict[int, int]:
    """Quarter (1–4) -> inspections held (stage 检查 or later) that started in it."""
    counts = {q: 0 for q in range(1, 5)}
    for row in list_inspections(year):
        if row.stage in STAGES[2:]:
            counts[row.quarter] += 1
    return counts


def _problems(data: InspectionInput) -> list[FieldProblem]:
    problems = []
    if data.kind not in INSPECTION_KINDS:
        problems.append(FieldProblem("类型", f"请选择：{'、'.join(INSPECTION_KINDS)}"))
    if not data.title.strip():
        problems.append(FieldProblem("名称", "请填写检查名称"))
    if data.starts_on is None:
        problems.append(FieldProblem("开始日期", "请填写开始日期"))
    elif data.ends_on and data.ends_on < data.starts_on:
        problems.append(FieldProblem("结束日期", "结束日期不能早于开始日期"))
    if data.stage not in STAGES:
        problems.append(FieldProblem("阶段", f"请选择：{'、'.join(STAGES)}"))
    return problems


def _values(data: InspectionInput) -> dict:
    return dict(kind=data.kind, title=data.title.strip(), subject=data.subject.strip(),
                starts_on=data.starts_on, ends_on=data.ends_on, sites=data.sites.strip(),
                organiser=data.organiser.strip(), stage=data.stage, findings=data.findings.strip(),
                report=data.report.strip())


def save_inspection(inspection_id: int | None, data: InspectionInput,
                    participants: list[tuple[int | None, str, str]] = ()) -> InspectionRow:
    """Create or update an inspection with exactly these participants
    (``(representative id or None, name, unit and post)``), in one transaction."""
    problems = _problems(data)
    for index, (rep_id, name, _) in enumerate(participants, start=1):
        if not rep_id and not name.strip():
            problems.append(FieldProblem("参加人员", f"第{index}位参加人员没有姓名"))
    if problems:
        raise ValidationError(problems)
    values, now = _values(data), datetime.now()
    with database.atomic():
        if inspection_id is None:
            inspection = Inspection.create(created_at=now, updated_at=now, **values)
            before = {}
        else:
            inspection = Inspection.get_or_none(Inspection.id == inspection_id)
            if inspection is None:
                raise NotFound("找不到这条检查记录。")
            before = {k: getattr(inspection, k) for k in values}
            Inspection.update(updated_at=now, **values).where(Inspection.id == inspection_id).execute()
            InspectionParticipant.delete().where(
                InspectionParticipant.inspection == inspection_id).execute()
        names = dict(Representative.select(Representative.id, Representative.name).where(
            Representative.id.in_([r for r, _, _ in participants if r])).tuples())
        for rep_id, name, unit_post in participants:
            InspectionParticipant.create(inspection=inspection, representative=rep_id or None,
                                         name=names.get(rep_id, name.strip()),
                                         unit_post=unit_post.strip())
        audit.record(TABLE, inspection.id, "修改" if before else "新增",
                     audit.diff(before, values, LABELS))
    return get_inspection(inspection.id)


def attach_report(inspection_id: int, source: Path) -> InspectionRow:
    """Keep the report file (docx/pdf) in the data folder with the inspection."""
    get_inspection(inspection_id)
    with attachments.stored(Path(source), "inspections", str(inspection_id)) as kept, database.atomic():
        Inspection.update(report_file=kept.stored_path, updated_at=datetime.now()).where(
            Inspection.id == inspection_id).execute()
        audit.record(TABLE, inspection_id, "附报告", {"报告文件": (None, Path(source).name)})
    return get_inspection(inspection_id)
