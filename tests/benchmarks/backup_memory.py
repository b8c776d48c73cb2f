"""Peak memory of the CLI ``backup``, ``verify`` and ``restore`` on a big database (goal: under
300 MB whatever the database's size; the database is streamed, never held in memory).

    .venv/bin/python tests/benchmarks/backup_memory.py [--mb 550] [--folder DIR]

Builds the demo town in a scratch data folder, grows it with visits whose summaries are filled
with random text until the database file reaches the size asked for, then runs each command in a
child process and reports its peak resident memory (ru_maxrss) and time.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRAPPER = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")


def town_office(*args: str) -> list[str]:
    return [sys.executable, "-m", "town_office", *args]


def peak_of(command: list[str]) -> tuple[float, float]:
    """(peak resident MB, seconds) of one command run in a child process."""
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", WRAPPER, *command], capture_output=True, text=True,
                          cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr}")
    return int(done.stdout.split()[-1]) / 1024, time.perf_counter() - started


def grow(data: Path, megabytes: int) -> int:
    """Bulk visits with 2.7 KB summaries until the database reaches ``megabytes``."""
    sys.path.insert(0, str(ROOT))
    from tests.benchmarks.big_town import generate
    from town_office.models import database
    from town_office.database_file import open_database

    folder = data / "town_office.sqlite3"
    open_database(folder, data / "backups")
    per_visit = 2900
    generate(visits=max(1000, megabytes * 1024 * 1024 // per_visit), years=10)
    database.execute_sql("UPDATE visit SET summary = hex(randomblob(1350))")
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return folder.stat().st_size // (1024 * 1024)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=550, help="database size to build (MB)")
    parser.add_argument("--folder", type=Path, help="scratch folder (default: a new temporary one)")
    args = parser.parse_args()
    scratch = Path(args.folder or tempfile.mkdtemp(prefix="town_office_bench_"))
    data, out = scratch / "data", scratch / "out"
    try:
        subprocess.run(town_office("--data-dir", str(data), "demo"), check=True, cwd=ROOT,
                       capture_output=True)
        size = grow(data, args.mb)
        print(f"database: {size} MB")
        peak, seconds = peak_of(town_office("--data-dir", str(data), "backup", "--to", str(out)))
        made = next(out.glob("*.tobak"))
        print(f"backup : peak {peak:6.0f} MB, {seconds:5.1f} s, file {made.stat().st_size >> 20} MB")
        peak, seconds = peak_of(town_office("--data-dir", str(data), "verify", str(made)))
        print(f"verify : peak {peak:6.0f} MB, {seconds:5.1f} s")
        peak, seconds = peak_of(town_office("--data-dir", str(data), "restore", str(made)))
        print(f"restore: peak {peak:6.0f} MB, {seconds:5.1f} s")
    finally:
        if not args.folder:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
