"""How long the performance file and the assessment take on the demo town (and on the big town).

    .venv/bin/python tests/benchmarks/archive_speed.py

Prints: one deputy's yearly file (gathering + PDF, two builds for the contents' page numbers), the
whole town's batch (one PDF per deputy), and computing the year's assessment.
"""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> None:
    from town_office.demo import build_demo_town
    from town_office.models import database
    from town_office.database_file import open_database
    from town_office.paths import DataFolder
    from town_office.services.archive import papers as archive_papers
    from town_office.services import assessment

    with tempfile.TemporaryDirectory() as tmp:
        folder = DataFolder(Path(tmp) / "data").ensure()
        open_database(folder.database, folder.backups)
        build_demo_town()
        ids = archive_papers.deputies_for(2026)
        timings = []
        for rep_id in ids[:10]:
            start = time.perf_counter()
            archive_papers.print_archive(rep_id, Path(tmp) / "one.pdf", 2026)
            timings.append(time.perf_counter() - start)
        print(f"一名代表的年度档案：中位 {sorted(timings)[len(timings) // 2]:.2f} 秒，最长 {max(timings):.2f} 秒")
        start = time.perf_counter()
        archive_papers.print_batch(ids, 2026, Path(tmp) / "all", combined=False)
        print(f"全镇 {len(ids)} 名代表逐个生成：{time.perf_counter() - start:.1f} 秒")
        start = time.perf_counter()
        assessment.compute(2026)
        print(f"计算2026年度考核：{time.perf_counter() - start:.2f} 秒")
        database.close()


if __name__ == "__main__":
    main()
