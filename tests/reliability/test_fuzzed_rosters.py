"""Fuzzed roster workbooks: whatever the cells hold, the import either takes every row or refuses
with the Excel row and column of each problem and writes nothing — never a traceback, never part
of a file. The normal run tries 60 workbooks; ``-m long`` (CI) tries 600."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_roster_import import HEADERS, messy_workbook
from town_office.errors import ValidationError
from town_office.models import Representative
from town_office.services.roster.importing import apply_import, preview_import

EXAMPLES = int(os.environ.get("TOWN_OFFICE_FUZZ_EXAMPLES", "60"))

# Cn: noncharacters such as U+FFFE, which a workbook (XML 1.0) cannot hold at all
text = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Cn")), max_size=20)
names = st.one_of(st.sampled_from(["王芳", "李 䶮", "刘𬌗", "阿依古丽•买买提", "", " ", "=1+1", "张"]),
                  text)
cells = st.one_of(st.none(), text, st.integers(-10**12, 10**18),
                  st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
                  st.dates().map(lambda d: d.isoformat()))
months = st.one_of(cells, st.sampled_from(["1975.03", "1975年3月", "1975-3", "七五年", "2099-13"]))
phones = st.one_of(cells, st.sampled_from(["139-0745-0003", "+86 13907450003", "12345",
                                           "１３９０７４５０００３"]))
rows = st.lists(st.tuples(cells, names, st.sampled_from(["男", "女", "", "男女", None]), cells, months,
                          cells, cells, cells, cells, cells, phones, cells, cells),
                min_size=1, max_size=12)


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=rows)
def test_a_fuzzed_workbook_is_taken_whole_or_refused_with_row_and_column(current_term, tmp_path,
                                                                          rows):
    before = Representative.select().count()
    path = messy_workbook(tmp_path / "fuzz.xlsx", [list(r) for r in rows])
    try:
        preview = preview_import(path)
    except ValidationError as exc:  # the file as a whole (no header, etc.): said, nothing written
        assert all(p.message for p in exc.problems)
        assert Representative.select().count() == before
        return
    headers = {h.replace(" ", "") for h in HEADERS}
    for problem in preview.problems:
        if problem.field not in ("数据", "表头", "文件"):
            assert problem.row is not None and problem.row >= 5, problem
            assert problem.field in headers, problem
    if preview.ok:
        try:
            summary = apply_import(preview)
        except ValidationError as exc:  # a check against the database: whole file refused
            assert all(p.row is not None for p in exc.problems)
            assert Representative.select().count() == before
            return
        assert Representative.select().count() == before + summary.added
    else:
        with pytest.raises(ValidationError):
            apply_import(preview)
        assert Representative.select().count() == before


@pytest.mark.long
def test_many_more_fuzzed_workbooks(current_term, tmp_path, monkeypatch):
    """The long run: the same property over 600 workbooks (in a child run of this module)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                           f"{__file__}::test_a_fuzzed_workbook_is_taken_whole_or_refused_with_row_and_column"],
                          env=dict(os.environ, TOWN_OFFICE_FUZZ_EXAMPLES="600"),
                          capture_output=True, text=True, timeout=1800)
    assert done.returncode == 0, done.stdout[-2000:]
