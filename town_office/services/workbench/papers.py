"""The workbench's paper: the one-page 工作简报 of a year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from town_office.reports.workbench import render_briefing
from town_office.services.settings import get_settings
from town_office.services.workbench.figures import glance


def print_briefing(year: int, out: Path, today: date | None = None) -> Path:
    today = today or date.today()
    figures, charts = glance(year, today)
    return render_briefing(get_settings().town_name or "本镇", year, today,
                           [(f.group, f.label, f.value) for f in figures], charts, Path(out))
