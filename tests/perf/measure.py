"""Measure the big town against the floor of this machine, each figure alternating with its floor
(medians of ``--pairs`` pairs), and print the table (issue 22). Not part of the normal test run.

    .venv/bin/python tests/perf/measure.py [--scale 0.1 --scale 1] [--pairs 5] [--json FILE]

The big town is built once and cached (``tests/perf/big_town.py``; say ``--scale 0.1`` for a tenth).
Floors are measured in the same run, never quoted: a bare QMainWindow, plain SQL of the same rows,
openpyxl write-only of the same cells, a plain copy of the data folder and SQLite's backup."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf.big_town import big_town_folder  # noqa: E402

YEAR = 2026


def _seconds(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _synced_seconds(work) -> float:
    """``_seconds`` from a clean disk: what the previous run left to be written is written first (not
    timed), so the backup's own flush does not also pay for the copy before it, nor the other way."""
    os.sync()
    return _seconds(work)


def _child(*args: str) -> tuple[float, float, float, float]:
    """(seconds to the painted window, peak MB, longest event-loop stall in seconds, seconds to the
    first page shown with its figures)."""
    out = subprocess.run([sys.executable, str(ROOT / "tests" / "perf" / "window_start.py"), *args],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), float(out[2]), float(out[3])


def figures(folder, pairs: int) -> dict[str, dict]:
    """Every figure: {name: {"now": median, "floor": median, "unit": ...}}."""
    from openpyxl import Workbook

    from town_office.database_file import open_database
    from town_office.models import database
    from town_office.services import assessment, visits
    from town_office.services.archive.papers import print_archive
    from town_office.services.assessment.papers import export_assessment
    from town_office.services.training.stats import year_stats
    from town_office.views.visits.table_models import VisitTableModel

    results: dict[str, dict] = {}

    def record(name: str, now_work, floor_work, unit: str = "s", floor_label: str = "") -> None:
        now, floor = [], []
        for _ in range(pairs):
            now.append(now_work())
            floor.append(floor_work())
        results[name] = {"now": statistics.median(now), "floor": statistics.median(floor), "unit": unit,
                         "floor_is": floor_label}
        print(f"{name:<44} {results[name]['now']:9.3f} {results[name]['floor']:9.3f}  {floor_label}", flush=True)

    first_pages = {}

    def start(where: str, name: str) -> float:
        painted, _, _, first_page = _child("program", where)
        first_pages.setdefault(name, []).append(first_page)
        return painted

    record("start to painted window", lambda: start(str(folder.root), "big"),
           lambda: _child("bare")[0], floor_label="bare QMainWindow")
    demo = _demo_folder()
    record("start to painted window, demo town", lambda: start(str(demo), "demo"),
           lambda: _child("bare")[0], floor_label="bare QMainWindow")
    for name, label in (("big", ""), ("demo", ", demo town")):  # the frame is painted first; then this
        results[f"start to the 工作台 shown{label}"] = {"now": statistics.median(first_pages[name]), "floor": None,
                                                     "unit": "s", "floor_is": "(the frame's figure above)"}
        print(f"{'start to the 工作台 shown' + label:<44} {results[f'start to the 工作台 shown{label}']['now']:9.3f}",
              flush=True)
    record("peak memory, every page visited (MB)", lambda: _child("program", str(folder.root), "--visit-pages")[1],
           lambda: _child("bare")[1], unit="MB", floor_label="bare window")
    stalls = [_child("program", str(folder.root), "--visit-pages")[2] for _ in range(pairs)]
    results["longest GUI stall visiting every page"] = {"now": statistics.median(stalls), "floor": 0.1, "unit": "s",
                                                        "floor_is": "the goal: 100 ms"}
    print(f"{'longest GUI stall visiting every page':<44} {results['longest GUI stall visiting every page']['now']:9.3f}"
          f" {0.1:9.3f}  goal", flush=True)
    open_database(folder.database, folder.backups)
    raw = sqlite3.connect(folder.database)
    model = VisitTableModel()
    record("visits list, first rows (this year)", lambda: _seconds(lambda: model.set_rows(visits.list_visits(YEAR))),
           lambda: _seconds(lambda: raw.execute(
               "SELECT v.*, group_concat(r.name) FROM visit v JOIN visit_deputy d ON d.visit_id = v.id "
               "JOIN representative r ON r.id = d.representative_id WHERE v.visited_on BETWEEN ? AND ? "
               "GROUP BY v.id", (f"{YEAR}-01-01", f"{YEAR}-12-31")).fetchall()), floor_label="plain SQL")
    keystrokes = _keystrokes(model, pairs)
    results["visits filter keystroke (max)"] = {"now": max(keystrokes), "floor": None, "unit": "s",
                                                "median": statistics.median(keystrokes), "floor_is": "the goal: 50 ms"}
    print(f"{'visits filter keystroke median / max':<44} {statistics.median(keystrokes):9.3f} {max(keystrokes):9.3f}")
    rep_id = raw.execute("SELECT id FROM representative ORDER BY id LIMIT 1").fetchone()[0]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        print_archive(rep_id, out / "a.pdf", YEAR)
        pages = _pages_of(out / "a.pdf")
        record("one deputy's yearly 履职档案", lambda: _seconds(lambda: print_archive(rep_id, out / "a.pdf", YEAR)),
               lambda: _seconds(lambda: _reportlab_pages(out / "floor.pdf", pages)),
               floor_label=f"reportlab, {pages} pages of 仿宋")
        from town_office.services.archive.papers import deputies_for, print_batch

        everyone = deputies_for(YEAR)
        batch = _seconds(lambda: print_batch(everyone, YEAR, out / "all", False))
        floor = _seconds(lambda: [_reportlab_pages(out / f"floor{i}.pdf", pages) for i in range(len(everyone))])
        results[f"all {len(everyone)} deputies' files (once)"] = {"now": batch, "floor": floor, "unit": "s",
                                                                  "floor_is": "reportlab, same pages"}
        print(f"{'all deputies files (' + str(len(everyone)) + ', once)':<44} {batch:9.3f} {floor:9.3f}", flush=True)
        record("the year's assessment: compute", lambda: _seconds(lambda: assessment.compute(YEAR)),
               lambda: _seconds(lambda: _gather_year(raw)), floor_label="gathering the rows")
        export_assessment(YEAR, out / "k.xlsx")
        cells = _cells_of(out / "k.xlsx")
        record("the assessment workbook", lambda: _seconds(lambda: export_assessment(YEAR, out / "k.xlsx")),
               lambda: _seconds(lambda: _write_only(Workbook, out / "f.xlsx", cells)), floor_label="openpyxl write-only")
        record("培训统计 (the year's training statistics)", lambda: _seconds(lambda: year_stats(YEAR)),
               lambda: _seconds(lambda: raw.execute("SELECT * FROM training_attendee").fetchall()),
               floor_label="plain SQL of the attendance")
        from town_office.services.backups import backup_now
        record("backup of the data folder", lambda: _synced_seconds(lambda: backup_now(out)),
               lambda: _synced_seconds(lambda: _copy_floor(folder, out)), floor_label="cp -r of the folder")
        sqlite_backup = statistics.median(_seconds(lambda: _sqlite_backup(folder, out)) for _ in range(pairs))
        results["backup of the data folder"]["sqlite_backup_floor"] = sqlite_backup
        print(f"{'  (SQLite .backup of the database alone)':<44} {'':9} {sqlite_backup:9.3f}", flush=True)
    database.close()
    return results


def _keystrokes(model, pairs: int) -> list[float]:
    """Each keystroke of the visits filter as the clerk sees it: the predicate applied and the shown
    view laid out and painted again."""
    from PySide6.QtWidgets import QApplication

    from town_office.app import ensure_application
    from town_office.views.widgets.table_view import read_only_table

    app = ensure_application()
    table = read_only_table(model)
    table.resize(1200, 600)
    table.show()
    app.processEvents()
    times = []
    for needle in ["桃", "桃源", "桃源村", "王", "了解", ""] * pairs:
        def keystroke(n=needle):
            model.set_predicate((lambda v: n in f"{v.deputies} {v.place} {v.summary} {v.people}") if n else None)
            table.viewport().repaint()
            QApplication.processEvents()
        times.append(_seconds(keystroke))
    table.close()
    return times


def _cells_of(workbook: Path) -> int:
    from openpyxl import load_workbook

    book = load_workbook(workbook, read_only=True)
    return sum(1 for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row
               if v is not None)


def _sqlite_backup(folder, out: Path) -> None:
    target = out / "floor.sqlite3"
    target.unlink(missing_ok=True)
    source, dest = sqlite3.connect(folder.database), sqlite3.connect(target)
    source.backup(dest, pages=4096)
    source.close()
    dest.close()


def _reportlab_pages(out: Path, pages: int) -> None:
    """The floor of a paper: reportlab writing as many full pages of the same embedded 仿宋."""
    from reportlab.pdfgen import canvas

    from town_office.reports.fonts import FANGSONG, font_book

    font = font_book().primary[FANGSONG]
    page = canvas.Canvas(str(out))
    for _ in range(pages):
        page.setFont(font, 12)
        for line in range(40):
            page.drawString(60, 800 - line * 18, "参加第十九届第十七次主席团会议，走访选民二十户，反映群众诉求三件。")
        page.showPage()
    page.save()


def _pages_of(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def _demo_folder() -> Path:
    """The demo town (青石镇) in a folder of its own, built once and kept with the big town's cache."""
    from tests.perf.big_town import CACHE

    folder = CACHE / "demo_town"
    if not (folder / "complete").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "town_office", "--data-dir", str(folder), "demo"], check=True,
                       capture_output=True, cwd=ROOT)
        (folder / "complete").write_text("ok")
    return folder


def _gather_year(raw: sqlite3.Connection) -> None:
    for table, column in (("visit", "visited_on"), ("training_session", "held_on"), ("meeting", "held_on")):
        raw.execute(f"SELECT * FROM {table} WHERE {column} BETWEEN ? AND ?", (f"{YEAR}-01-01", f"{YEAR}-12-31")).fetchall()
    raw.execute("SELECT * FROM visit_deputy").fetchall()


def _write_only(workbook_class, out: Path, cells: int) -> None:
    book = workbook_class(write_only=True)
    sheet = book.create_sheet()
    for row in range(max(cells // 10, 1)):
        sheet.append([f"{row}-{c}" for c in range(10)])
    book.save(out)


def _copy_floor(folder, out: Path) -> None:
    target = out / "copy"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(folder.root, target, ignore=shutil.ignore_patterns("backups"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, action="append",
                        help="the town's size (1 = the full big town); say it twice for the scaling columns")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    by_scale = {}
    for scale in args.scale or [1.0]:
        with tempfile.TemporaryDirectory(prefix="town-office-perf-") as tmp:
            start = time.perf_counter()
            folder = big_town_folder(Path(tmp) / "data", scale)
            print(f"\nbig town (scale {scale:g}) ready in {time.perf_counter() - start:.0f} s; "
                  f"database {folder.database.stat().st_size / 2**20:.0f} MB", flush=True)
            print(f"{'figure':<44} {'now':>9} {'floor':>9}")
            results = figures(folder, args.pairs)
        for row in results.values():
            if row.get("floor"):
                row["ratio"] = row["now"] / row["floor"]
        by_scale[scale] = results
    if len(by_scale) > 1:
        _print_scaling(by_scale)
    if args.json:
        args.json.write_text(json.dumps({"date": date.today().isoformat(), "pairs": args.pairs,
                                         "scales": {str(k): v for k, v in by_scale.items()}},
                                        ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


def _print_scaling(by_scale: dict[float, dict]) -> None:
    """Each figure at every scale, and how much it grew against how much the town grew."""
    (small, few), (large, many) = sorted(by_scale.items())[0], sorted(by_scale.items())[-1]
    print(f"\n{'figure':<44} {'scale ' + format(small, 'g'):>12} {'scale ' + format(large, 'g'):>12} "
          f"{'grew':>7} {'rows grew':>9}")
    for name, row in many.items():
        before = few.get(name, {}).get("now")
        if before:
            print(f"{name:<44} {before:12.3f} {row['now']:12.3f} {row['now'] / before:6.1f}× {large / small:8.1f}×")


if __name__ == "__main__":
    raise SystemExit(main())
