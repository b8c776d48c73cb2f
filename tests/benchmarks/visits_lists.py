"""Benchmark: visits and problems lists of a big town (100,000 visits over ten years) — the queries
the pages run, the table models, and filtering inside the model.

    .venv/bin/python tests/benchmarks/visits_lists.py [VISITS]
Speed is measured here, never in a timed test.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.benchmarks.big_town import generate  # noqa: E402
from town_office.demo import build_demo_town  # noqa: E402
from town_office.database_file import open_database  # noqa: E402
from town_office.services.visits import problems  # noqa: E402
from town_office.services import visits
from town_office.services.visits.types import ProblemFilter  # noqa: E402
from town_office.views.visits.table_models import ProblemTableModel, VisitTableModel  # noqa: E402


def timed(label, work):
    start = time.perf_counter()
    result = work()
    print(f"{label:<44} {1000 * (time.perf_counter() - start):8.0f} ms")
    return result


def main(count: int = 100_000) -> None:
    app = QApplication.instance() or QApplication([])  # noqa: F841
    folder = Path(tempfile.mkdtemp())
    open_database(folder / "town_office.sqlite3", folder / "backups")
    build_demo_town()
    made = timed(f"generate {count} visits", lambda: generate(count))
    print(f"  ({made['problems']} problems)")
    all_visits = timed("list_visits(all years)", lambda: visits.list_visits())
    year_visits = timed("list_visits(this year)", lambda: visits.list_visits(2026))
    timed("list_visits(one deputy, all years)", lambda: visits.list_visits(None, 5))
    open_problems = timed("list_problems(open)", lambda: problems.list_problems(ProblemFilter(open_only=True)))
    every = timed("list_problems(all)", lambda: problems.list_problems())
    timed("quota_progress(this year)", lambda: visits.quota_progress(2026))
    timed("statistics(this year)", lambda: problems.statistics(__import__("datetime").date(2026, 1, 1),
                                                               __import__("datetime").date(2026, 12, 31)))
    model = VisitTableModel()
    timed(f"VisitTableModel.set_rows({len(all_visits)})", lambda: model.set_rows(all_visits))
    timed("filter visits by text", lambda: model.set_predicate(lambda v: "石门" in v.place))
    timed("sort visits by date", lambda: model.sort(0))
    pmodel = ProblemTableModel()
    timed(f"ProblemTableModel.set_rows({len(every)})", lambda: pmodel.set_rows(every))
    timed("filter problems by text", lambda: pmodel.set_predicate(lambda p: "水利" in p.handling_unit))
    timed("sort problems by days left (open only)", lambda: (pmodel.set_rows(open_problems), pmodel.sort(7)))
    print(f"  this year: {len(year_visits)} visits; open problems: {len(open_problems)}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
