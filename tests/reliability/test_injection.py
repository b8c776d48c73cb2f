"""Formula and SQL injection through import → export: whatever a workbook or a dialog brings in
comes out as text, never as a formula, in every workbook the program writes."""

import zipfile
from datetime import date

from openpyxl import load_workbook

from tests.test_roster_import import good_rows, messy_workbook
from town_office.models import Representative
from town_office.reports.xlsx_style import put
from town_office.services.hazards import papers as hazard_papers
from town_office.services import hazards
from town_office.services.visits import problems
from town_office.services.visits import papers as visit_papers
from town_office.services import visits
from town_office.services.hazards.types import HazardInput
from town_office.services.roster.export import export_roster
from town_office.services.roster.importing import apply_import, preview_import
from town_office.services.visits.types import ProblemInput, VisitInput

ATTACKS = ["=CMD|' /C calc'!A0", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,1)", "\t=1+1",
           "=HYPERLINK(\"http://example.invalid\",\"点我\")", "'; DROP TABLE representative; --"]


def _no_formulas(path) -> None:
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name


def _cells(path) -> dict[str, object]:
    found = {}
    for ws in load_workbook(path).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    found[cell.value] = cell
    return found


def test_attacks_through_roster_import_come_out_as_text(db, tmp_path):
    rows = good_rows()
    for i, attack in zip((0, 1, 3, 4), ATTACKS[:4]):  # row 2 is a blank row
        rows[i][12] = attack  # 备注
    rows[0][7] = ATTACKS[4].strip()  # 工作单位及职务
    rows[1][7] = ATTACKS[6]
    path = messy_workbook(tmp_path / "名册.xlsx", rows)
    wb = load_workbook(path)  # as text cells, the way a clerk's typing arrives
    for row in wb.active.iter_rows():
        for cell in row:
            if cell.data_type == "f":
                put(cell, cell.value)
    wb.save(path)
    preview = preview_import(path)
    assert preview.problems == []
    apply_import(preview)
    assert Representative.select().count() == 4  # nothing dropped
    out = tmp_path / "导出.xlsx"
    export_roster(out)
    _no_formulas(out)
    cells = _cells(out)
    for attack in ATTACKS[:4] + [ATTACKS[6]]:
        assert cells[attack].data_type == "s", attack
    assert cells[ATTACKS[0]].quotePrefix  # Excel shows it as text and keeps it so when edited
    again = preview_import(out)  # and it goes round again unchanged
    assert again.problems == [] and again.updated == 4


def test_attacks_in_problems_and_the_ledger_come_out_as_text(make_representative, tmp_path):
    rep = make_representative()
    visit = visits.save_visit(None, VisitInput(date(2026, 3, 1), (rep.id,), "入户走访", "石门村", 2))
    for attack in ATTACKS:
        problems.add_problem(visit.id, ProblemInput(attack, voter_name=attack[:8]))
        hazards.register(HazardInput(date(2026, 3, 1), attack, attack))
    for out in (visit_papers.export_problems(2026, tmp_path / "问题.xlsx"),
                hazard_papers.export_ledger(2026, tmp_path / "台账.xlsx")):
        _no_formulas(out)
        cells = _cells(out)
        for attack in (a.strip() for a in ATTACKS):  # entries are stored trimmed
            assert attack in cells and cells[attack].data_type == "s", (out.name, attack)
