"""Benchmark: the workbench and 查找 on a big town (200,000 visits, about 66,000 problems with varied
texts, by default) — the due list, the schedule checks, the year at a glance, and search queries of
each shape (a trigram MATCH, two words, a short name, initials, a number, a word found nowhere).

    .venv/bin/python tests/benchmarks/workbench_speed.py [VISITS]
Speed is measured here, never in a timed test. Each figure is the median of five runs.
"""

import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.big_town import generate  # noqa: E402
from town_office.database_file import open_database  # noqa: E402
from town_office.demo import build_demo_town  # noqa: E402
from town_office.models.db import database  # noqa: E402
from town_office.services.search import find  # noqa: E402
from town_office.services.workbench import calendar_events, due, figures, schedule  # noqa: E402

PHRASES = ("村道破损严重，雨天无法通行", "路灯不亮，夜间出行不便", "灌溉水渠淤塞，影响春耕", "垃圾清运不及时",
           "山塘大坝有渗漏隐患", "邻里宅基地边界纠纷", "希望引进农产品加工企业", "村卫生室缺少常用药",
           "小学门口交通拥堵", "自来水水压不足", "低保评定不公开", "河道垃圾堆积")


def median_ms(work, runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(1000 * (time.perf_counter() - start))
    return statistics.median(times), result


def main(count: int = 200_000) -> None:
    folder = Path(tempfile.mkdtemp())
    open_database(folder / "town_office.sqlite3", folder / "backups")
    build_demo_town()
    start = time.perf_counter()
    made = generate(count)
    print(f"generate {made} (triggers keep the index): {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    cases = " ".join(f"WHEN {i} THEN '{p}'" for i, p in enumerate(PHRASES))
    with database.atomic():
        database.execute_sql(f"UPDATE problem SET content = (CASE id % {len(PHRASES)} {cases} END) "
                             "|| '（第' || id || '号）'")
    print(f"vary every problem's text through the update trigger: {time.perf_counter() - start:.1f} s")
    today = date.today()
    rows = [
        ("工作台 due list, 30 days", lambda: due.due_items(today, 30)),
        ("工作台 due list, every open record", lambda: due.due_items(today, None)),
        ("schedule checks", lambda: schedule.fired_checks(today)),
        ("year at a glance (figures + charts)", lambda: figures.glance(today.year, today)),
        ("next 14 days", lambda: calendar_events.next_days(today)),
        ("查找 幼儿园 (trigram)", lambda: find("幼儿园")),
        ("查找 灌溉 水渠 (two words)", lambda: find("灌溉 水渠")),
        ("查找 路灯 (two characters)", lambda: find("路灯")),
        ("查找 王 (one character)", lambda: find("王")),
        ("查找 wy (initials)", lambda: find("wy")),
        ("查找 第12345号 (a number)", lambda: find("第12345号")),
        ("查找 找不到的字词 (no hit)", lambda: find("找不到的字词")),
        ("查找 药 (one rare character)", lambda: find("缺药")),
    ]
    print(f"{'figure':<40} {'median ms':>10} {'rows':>7}")
    for label, work in rows:
        ms, result = median_ms(work)
        size = len(result[0]) if isinstance(result, tuple) else len(result)
        print(f"{label:<40} {ms:10.1f} {size:7d}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200_000)
