"""Workbooks written row by row (``streamed_workbook``, the big assessment) look exactly like the ones
built in memory, and no workbook leaves the clerk's data in the system's temporary folder."""

import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from town_office import paths
from town_office.paths import DataFolder
from town_office.reports import xlsx_style
from town_office.reports.xlsx_style import (
    Column,
    TableSheet,
    append_notes,
    save_workbook,
    streamed_workbook,
    write_table,
)

COLUMNS = (Column("姓名", 8), Column("日期", 12), Column("分值", 6), Column("号码", 14, as_text=True),
           Column("说明", 30))
ROWS = [
    ("张三", date(2026, 3, 5), 3, "0123", "出席主席团会议"),
    ("李四", date(2026, 4, 1), -1.5, 12345, "=HYPERLINK(\"http://x\")"),  # stays text, never a formula
    ("王𬌗", None, 0, None, "走访选民并记录问题。" * 8),  # a rare character; a text that wraps
    ("赵六", date(2026, 5, 20), 2, "", "#N/A"),
]
SHEET = TableSheet("某镇2026年度统计", COLUMNS, ROWS, landscape=False, row_fills={1: "FFF2CC"})


def _height(ws, row: int):
    dimension = ws.row_dimensions.get(row)
    if dimension is not None and dimension.height:
        return dimension.height
    return ws.sheet_format.defaultRowHeight if ws.sheet_format.customHeight else None


def _looks(path: Path) -> list:
    ws = openpyxl.load_workbook(path)["表"]
    cells = [(c.coordinate, c.value, c.data_type, c.number_format, c.quotePrefix, c.font.name, c.font.b,
              c.fill.fgColor.rgb, c.border.left.style, c.alignment.wrap_text)
             for row in ws.iter_rows() for c in row]
    setup = (ws.freeze_panes, str(ws.merged_cells), ws.print_title_rows, ws.page_setup.orientation,
             ws.sheet_properties.pageSetUpPr.fitToPage, ws.oddFooter.center.text,
             [ws.column_dimensions[k].width for k in "ABCDE"])
    return cells + [setup, [_height(ws, r) for r in range(1, ws.max_row + 1)]]


def test_a_streamed_sheet_looks_exactly_like_one_built_in_memory(tmp_path):
    built = Workbook()
    built.active.title = "表"
    write_table(built.active, SHEET)
    append_notes(built.active, ["注：分值按考核办法计。"])
    save_workbook(built, tmp_path / "built.xlsx")
    with streamed_workbook(tmp_path / "streamed.xlsx") as wb:
        ws = wb.create_sheet("表")
        write_table(ws, SHEET)
        append_notes(ws, ["注：分值按考核办法计。"])
    streamed = _looks(tmp_path / "streamed.xlsx")
    assert streamed == _looks(tmp_path / "built.xlsx")
    cells = {c[0]: c for c in streamed[:-2]}
    assert cells["B3"][1].date() == date(2026, 3, 5) and cells["B3"][3] == "yyyy-mm-dd"
    assert cells["C3"][1:4] == (3, "n", "General")  # a number after a date keeps no date format
    assert cells["E4"][1:3] == ("=HYPERLINK(\"http://x\")", "s") and cells["E4"][4] is True
    assert cells["D4"][1:4] == ("12345", "s", "@")
    assert cells["A5"][5] == xlsx_style.RARE_FONT_NAME and cells["A3"][5] == xlsx_style.FONT_NAME
    assert cells["E6"][1:3] == ("#N/A", "s")
    assert cells["A4"][7].endswith("FFF2CC") and not cells["A3"][7].endswith("FFF2CC")
    heights = streamed[-1]
    assert heights[4] > heights[2] == heights[3] == heights[5]  # the wrapped row is taller


@pytest.mark.parametrize("data_folder_open", [True, False])
@pytest.mark.parametrize("streamed", [True, False])
def test_no_workbook_writes_into_the_system_temporary_folder(tmp_path, monkeypatch, streamed, data_folder_open):
    data = DataFolder(tmp_path / "data")
    monkeypatch.setattr(paths, "_open_folder", [data] if data_folder_open else [])
    system_temp = tmp_path / "系统临时文件夹"
    system_temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_temp))
    made = []
    real = tempfile.NamedTemporaryFile

    def recording(*args, **kwargs):
        handle = real(*args, **kwargs)
        made.append(Path(handle.name).parent)
        return handle

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", recording)
    out = tmp_path / "clerk" / "统计.xlsx"
    out.parent.mkdir()
    if streamed:
        with streamed_workbook(out) as wb:
            write_table(wb.create_sheet("表"), SHEET)
    else:
        wb = Workbook()
        write_table(wb.active, SHEET)
        save_workbook(wb, out)
    # openpyxl's scratch files: in the data folder (not on the stick), beside the workbook when none is open
    assert made and set(made) == {data.previews if data_folder_open else out.parent}
    assert list(system_temp.iterdir()) == []
    assert [p.name for p in out.parent.iterdir()] == ["统计.xlsx"]  # and removed
    assert not data_folder_open or list(data.previews.iterdir()) == []


def test_a_streamed_workbook_that_fails_leaves_nothing(tmp_path):
    out = tmp_path / "统计.xlsx"
    with pytest.raises(ValueError):
        with streamed_workbook(out) as wb:
            write_table(wb.create_sheet("表"), replace(SHEET, rows=[*ROWS, ("钱七", object(), 1, "", "")]))
    assert list(tmp_path.iterdir()) == []
