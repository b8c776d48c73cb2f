"""监督 and 评估 of the chosen projects: progress updates (percentage, date, notes, a photo, the deputy
group's inspection when it was one), and each deputy's year-end rating (满意 / 基本满意 / 不满意) with
the 满意率."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date
from pathlib import Path

from town_office.errors import FieldProblem, ValidationError
from town_office.models import Project, ProjectProgress, ProjectRating, ProjectYear
from town_office.models.db import database
from town_office.services.common import attachments, audit
from town_office.services.projects import TABLE, list_projects, project_or_404
from town_office.services.projects.types import RATINGS, ProjectRow


def add_progress(project_id: int, on: date | None, percent: int, notes: str = "", photo: str = "",
                 inspection_id: int | None = None) -> ProjectRow:
    project = project_or_404(project_id)
    problems = []
    if not project.chosen:
        problems.append(FieldProblem("项目", "只有票决入选的项目登记实施进展"))
    if on is None or on > date.today():
        problems.append(FieldProblem("日期", "请填写日期（不能晚于今天）"))
    if not 0 <= percent <= 100:
        problems.append(FieldProblem("完成进度", "请填写0至100"))
    elif percent < project.progress:
        problems.append(FieldProblem("完成进度", f"进度不能低于上次登记的{project.progress}%"))
    if photo and not Path(photo).is_file():
        problems.append(FieldProblem("照片", f"找不到文件 {photo}"))
    if problems:
        raise ValidationError(problems)
    kept_photo = attachments.stored(Path(photo), "projects", str(project_id)) if photo else nullcontext()
    with kept_photo as kept, database.atomic():
        ProjectProgress.create(project=project_id, on=on, percent=percent, notes=notes.strip(),
                               photo=kept.stored_path if kept else "", inspection=inspection_id)
        Project.update(progress=percent, completed_on=on if percent == 100 else None).where(
            Project.id == project_id).execute()
        audit.record(TABLE, project_id, "实施进展", {"完成进度": (f"{project.progress}%", f"{percent}%")})
    return next(r for r in list_projects(project.year) if r.id == project_id)


def rate(project_id: int, ratings: dict[int, str], on: date | None = None) -> ProjectRow:
    """Year-end ratings of one project, deputy id → 满意 / 基本满意 / 不满意 (an empty rating withdraws)."""
    project = project_or_404(project_id)
    if not project.chosen:
        raise ValidationError([FieldProblem("项目", "只有票决入选的项目参加年终评议")])
    wrong = [r for r in ratings.values() if r and r not in RATINGS]
    if wrong:
        raise ValidationError([FieldProblem("评议", f"请从{'、'.join(RATINGS)}中选择")])
    with database.atomic():
        for rep_id, rating in ratings.items():
            ProjectRating.delete().where((ProjectRating.project == project_id)
                                         & (ProjectRating.representative == rep_id)).execute()
            if rating:
                ProjectRating.create(project=project_id, representative=rep_id, rating=rating,
                                     rated_on=on or date.today())
        ProjectYear.update(stage="评估").where(ProjectYear.year == project.year).execute()
        audit.record(TABLE, project_id, "年终评议", {"评议人数": (None, sum(1 for r in ratings.values() if r))})
    return next(r for r in list_projects(project.year) if r.id == project_id)


def ratings_of(project_id: int) -> dict[int, str]:
    return dict(ProjectRating.select(ProjectRating.representative, ProjectRating.rating)
                .where(ProjectRating.project == project_id).tuples())


def progress_of(project_id: int) -> list[tuple]:
    return [(u.on, u.percent, u.notes, u.photo) for u in
            ProjectProgress.select().where(ProjectProgress.project == project_id).order_by(ProjectProgress.on)]


def deputy_ratings(representative_id: int, start: date, end: date) -> list[tuple]:
    """(project id, name, year, rating, rated on) of one deputy: section ③ of the performance file."""
    query = (ProjectRating.select(ProjectRating, Project).join(Project)
             .where((ProjectRating.representative == representative_id)
                    & ProjectRating.rated_on.between(start, end)))
    return [(r.project.id, r.project.name, r.project.year, r.rating, r.rated_on) for r in query]


