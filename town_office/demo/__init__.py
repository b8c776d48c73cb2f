"""The demo town (青石镇, 云溪县): fictional, realistic data for every module, for training, screenshots
and trying the program out. Each module adds its own part for the current and the previous year."""

from __future__ import annotations

from collections.abc import Callable

from town_office.demo import archive as archive_demo
from town_office.demo import inspections as inspections_demo
from town_office.demo import meetings as meetings_demo
from town_office.demo import projects as projects_demo
from town_office.demo import roster as roster_demo
from town_office.demo import rules as rules_demo
from town_office.demo import sessions as sessions_demo
from town_office.demo import stations as stations_demo
from town_office.demo import suggestions as suggestions_demo
from town_office.demo import term_change as term_change_demo
from town_office.demo import training as training_demo
from town_office.demo import visits as visits_demo
from town_office.errors import FieldProblem, ValidationError
from town_office.models import Representative, Term
from town_office.models.db import database
from town_office.services import settings

DEMO_TOWN, DEMO_COUNTY = "青石镇", "云溪县"


def database_is_empty() -> bool:
    return not (Term.select().exists() or Representative.select().exists()
                or settings.get_settings().town_name)


def build_demo_town(progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Fill an empty database with the demo town, all in one transaction.

    Returns:
        Counts of what was created, e.g. ``{"代表": 48}``.

    Raises:
        ValidationError: the database already holds data.
    """
    if not database_is_empty():
        raise ValidationError(FieldProblem("示例数据", "数据库里已经有数据，示例乡镇只能载入空数据库"))
    parts = [roster_demo.build, meetings_demo.build, training_demo.build,
             visits_demo.build, inspections_demo.build, sessions_demo.build, suggestions_demo.build,
             stations_demo.build, projects_demo.build,
             archive_demo.build,
             rules_demo.build, term_change_demo.build]
    counts: dict[str, int] = {}
    with database.atomic():
        settings.update_settings(town_name=DEMO_TOWN, county_name=DEMO_COUNTY, clerk_name="陈晓燕")
        for i, part in enumerate(parts):
            counts.update(part())
            if progress:
                progress(i + 1, len(parts))
    return counts
