"""Benchmark: the roster table with 100,000 deputies — load, filter by search text and by status, sort.

    .venv/bin/python tests/benchmarks/roster_filter.py
Speed is measured here, never in a timed test.
"""

import os
import sys
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from town_office.services.common.pinyin import pinyin_keys
from town_office.services.roster.types import RepresentativeRow
from town_office.views.roster.table_model import (
    RepresentativeTableModel,
    RosterColumn,
    RosterFilter,
)

N = 100_000
SURNAMES, GIVEN = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗", "建国秀英志强桂兰海燕明辉春梅德华玉珍"


def rows() -> list[RepresentativeRow]:
    base = RepresentativeRow(
        id=0, term_id=1, term_name="第十九届", name="", name_pinyin="", name_initials="", gender="男",
        ethnicity="汉族", birth_month="1975-03", party="群众", education="高中", work_unit_post="农民",
        levels=("镇",), constituency_id=1, constituency_name="第一选区", group_id=1, group_name="第一代表小组",
        group_role="", phone="13800000000", id_number="", card_number="", elected_on=None, status="在任",
        ended_on=None, end_reason="", presidium_role="", photo="", notes="")
    keys = {}
    out = []
    for i in range(N):
        name = SURNAMES[i % 20] + GIVEN[(i // 20) % 16] + GIVEN[(i // 320) % 16]
        if name not in keys:
            keys[name] = pinyin_keys(name)
        out.append(replace(base, id=i, name=name, name_pinyin=keys[name][0], name_initials=keys[name][1],
                           group_id=i % 50, status="终止" if i % 17 == 0 else "在任",
                           birth_month=f"{1950 + i % 50}-{1 + i % 12:02d}"))
    return out


def timed(label: str, action) -> None:
    start = time.perf_counter()
    action()
    QApplication.processEvents()
    print(f"{label:<28} {1000 * (time.perf_counter() - start):8.1f} ms")


def main() -> None:
    app = QApplication.instance() or QApplication([])
    data = rows()
    model = RepresentativeTableModel()
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 700)
    view.show()
    timed("load 100,000 rows", lambda: model.set_rows(data))
    timed("filter: status 在任", lambda: model.set_predicate(RosterFilter(status="在任").matches))
    timed("filter: search 'wjg'", lambda: model.set_predicate(RosterFilter(text="wjg").matches))
    timed("filter: search '王建'", lambda: model.set_predicate(RosterFilter(text="王建").matches))
    timed("filter: group 7 + 在任", lambda: model.set_predicate(RosterFilter(group_id=7).matches))
    timed("filter: cleared", lambda: model.set_predicate(None))
    timed("sort by birth month", lambda: view.sortByColumn(RosterColumn.BIRTH, Qt.SortOrder.AscendingOrder))
    timed("sort by name (pinyin)", lambda: view.sortByColumn(RosterColumn.NAME, Qt.SortOrder.DescendingOrder))
    print(f"shown after last filter: {model.rowCount()} of {model.total_count()}")
    del app


if __name__ == "__main__":
    main()
