"""Time and peak memory of importing a roster of 10,000 deputies through the command line (goal:
under 10 s and 100 MB), and of a workbook whose only stray cell sits in row 1,048,576.

    .venv/bin/python tests/benchmarks/roster_import_big.py [--rows 10000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook

ROOT = Path(__file__).resolve().parents[2]
WRAPPER = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")
HEADERS = ["序号", "姓名", "性别", "民族", "出生年月", "政治面貌", "文化程度", "工作单位及职务", "代表小组",
           "选区", "联系电话", "备注"]
SURNAMES, GIVEN = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗", "建国春梅志强丽华秀英明军红霞伟平芳娟"


def workbook(path: Path, rows: int, stray: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["青石镇第十九届人民代表大会代表名册"])
    ws.append(HEADERS)
    for i in range(rows):
        name = SURNAMES[i % 20] + GIVEN[(i // 20) % 16] + GIVEN[(i // 320) % 16] + str(i // 5120 or "")
        ws.append([i + 1, name, "男女"[i % 2], "汉族", f"{1950 + i % 50}.{1 + i % 12:02d}", "群众", "高中",
                   f"第{i % 300}村村委会", f"第{i % 40}代表小组", f"第{i % 30}选区",
                   f"139{i:08d}", ""])
    if stray:
        ws.cell(1_048_576, 3, " ")
    wb.save(path)
    return path


def run(data: Path, book: Path) -> tuple[float, float, int]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", WRAPPER, sys.executable, "-m", "town_office",
                           "--data-dir", str(data), "roster", "import", str(book)],
                          capture_output=True, text=True, cwd=ROOT)
    seconds = time.monotonic() - started
    peak_mb = int(done.stdout.strip().splitlines()[-1]) / 1024
    return seconds, peak_mb, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big = workbook(tmp / "big.xlsx", args.rows)
        seconds, peak, code = run(tmp / "d1", big)
        print(f"{args.rows} rows: {seconds:.1f} s, peak {peak:.0f} MB, exit {code}")
        stray = workbook(tmp / "stray.xlsx", 40, stray=True)
        seconds, peak, code = run(tmp / "d2", stray)
        print(f"40 rows + a stray cell in row 1,048,576: {seconds:.1f} s, peak {peak:.0f} MB, exit {code}")


if __name__ == "__main__":
    main()
