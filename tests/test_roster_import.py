"""Roster import from messy, real-looking workbooks; export and the round trip back."""

from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import valid_id
from town_office.backup import verify_backup
from town_office.errors import ValidationError
from town_office.models import Representative, Term
from town_office.services import settings, roster
from town_office.services.roster.export import export_roster
from town_office.services.roster.importing import apply_import, preview_import

ID_COLUMN = 19  # 公民身份号码, kept after the printed columns

HEADERS = ["序 号", "姓  名", "性别", "民族", "出生日期", "党派", "学历", "单位及职务", "所在代表小组",
           "选区", "手机号码", "身份证号", "备注"]


def messy_workbook(path, rows, title="青石镇第十九届人民代表大会代表名册", headers=HEADERS):
    """Title rows with merged cells, a two-row header band, odd column names, notes underneath."""
    wb = Workbook()
    ws = wb.active
    ws["A1"] = title
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws["A2"] = "填报单位：青石镇人大主席团          填报日期：2026年11月"
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(headers))
    for c, h in enumerate(headers, start=1):
        ws.cell(4, c, h)
    r = 5
    for row in rows:
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)
        r += 1
    ws.cell(r + 1, 1, "注：1.出生日期填到月；2.联系电话填手机号。")
    ws.merge_cells(start_row=r + 1, start_column=1, end_row=r + 1, end_column=len(headers))
    wb.save(path)
    return path


def good_rows():
    return [
        [1, "王　芳", "女", "汉", "1975.03", "中共党员", "大专", "柳溪村党总支书记", "柳溪片代表小组", "第二选区",
         13812345678, valid_id("19750312", "122"), ""],
        [2, "李 䶮", "男", "苗族", datetime(1980, 6, 1), "群众", "高中", "个体工商户", "柳溪片代表小组", "第二选区",
         "139 0000 1111", None, ""],
        [None, None, None, None, None, None, None, None, None, None, None, None, None],
        [3, "刘𬌗", "女", "汉族", "1968年11月", "群众", "初中", "农民", "桃源片代表小组", "第三选区", None,
         valid_id("19681105", "124"), "新当选"],
        [4, "阿依古丽•买买提", "女", "维吾尔族", "1990-7", "共青团员", "大学", "教师", "桃源片代表小组", "第三选区",
         None, None, ""],
    ]


def test_messy_workbook_imports_in_full_into_a_fresh_database(db, tmp_path):
    path = messy_workbook(tmp_path / "名册.xlsx", good_rows())
    preview = preview_import(path)
    assert preview.problems == []
    assert (preview.term_name, preview.term_id, preview.added) == ("第十九届", None, 4)
    assert preview.skipped_rows == [7, 10, 11]  # blank rows and the note under the table
    assert preview.new_groups == ["柳溪片代表小组", "桃源片代表小组"]
    summary = apply_import(preview)
    assert (summary.added, summary.updated) == (4, 0)
    term = Term.get(Term.name == "第十九届")
    assert settings.get_settings().current_term_id == term.id
    assert settings.get_settings().town_name == "青石镇"
    wang = Representative.get(Representative.name == "王芳")
    assert (wang.ethnicity, wang.birth_month, wang.phone, wang.party) == ("汉族", "1975-03", "13812345678", "中共党员")
    li = Representative.get(Representative.name == "李䶮")
    assert (li.birth_month, li.phone, li.id_number) == ("1980-06", "13900001111", None)
    assert Representative.get(Representative.birth_month == "1968-11").name == "刘𬌗"
    assert Representative.get_or_none(Representative.name == "阿依古丽·买买提") is not None


def test_second_import_updates_instead_of_duplicating(db, tmp_path):
    path = messy_workbook(tmp_path / "名册.xlsx", good_rows())
    first = apply_import(preview_import(path))
    rows = good_rows()
    rows[0][7] = "柳溪村党总支书记、村委会主任"
    rows[1][10] = "13900002222"
    preview = preview_import(messy_workbook(tmp_path / "名册2.xlsx", rows))
    assert (preview.added, preview.updated) == (0, 4)
    summary = apply_import(preview)
    assert Representative.select().count() == 4
    assert Representative.get(Representative.name == "王芳").work_unit_post == "柳溪村党总支书记、村委会主任"
    assert verify_backup(first.safety_backup).counts["representative"] == 0  # as it was before
    before_second = verify_backup(summary.safety_backup)
    assert before_second.reason == "导入前自动备份" and before_second.counts["representative"] == 4
    assert first.safety_backup != summary.safety_backup


@pytest.mark.parametrize("column, value, fragment", [
    (1, None, "姓名：不能为空"),
    (2, "男女", "应为 男 或 女"),
    (4, "七五年三月", "看不懂"),
    (10, "138123", "不像电话号码"),
    (11, "110105194912310021", "校验位"),
    (11, 110105194912310000, "存成了数字"),
])
def test_each_bad_value_is_named_by_row_and_column_and_nothing_is_written(db, tmp_path, column, value, fragment):
    rows = good_rows()
    rows[3][column] = value
    preview = preview_import(messy_workbook(tmp_path / "bad.xlsx", rows))
    assert not preview.ok
    text = "\n".join(str(p) for p in preview.problems)
    assert "第8行" in text and fragment in text
    header = HEADERS[column].replace(" ", "")
    assert any(p.row == 8 and p.field == header for p in preview.problems)
    with pytest.raises(ValidationError):
        apply_import(preview)
    assert Representative.select().count() == 0
    assert Term.select().count() == 0


def test_duplicate_rows_inside_the_file_are_reported(db, tmp_path):
    rows = good_rows()
    rows.append(list(rows[0]))
    rows[-1][0] = 5
    preview = preview_import(messy_workbook(tmp_path / "dup.xlsx", rows))
    assert any("与第5行重复" in p.message for p in preview.problems)


def test_a_workbook_without_a_header_is_refused_clearly(db, tmp_path):
    wb = Workbook()
    wb.active["A1"] = "随便写的内容"
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(ValidationError, match="没有找到表头"):
        preview_import(tmp_path / "x.xlsx")
    (tmp_path / "y.xlsx").write_text("not a workbook")
    with pytest.raises(ValidationError, match="无法读取"):
        preview_import(tmp_path / "y.xlsx")


def test_export_layout_and_masking(demo_town, tmp_path):
    out = tmp_path / "out.xlsx"
    count = export_roster(out)
    ws = load_workbook(out).active
    assert ws["A1"].value == "青石镇第十九届人民代表大会代表名册"
    assert [c.value for c in ws[2]][:3] == ["序号", "姓名", "性别"]
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.max_row == count + 2 == 48
    ids = [ws.cell(r, ID_COLUMN).value for r in range(3, ws.max_row + 1) if ws.cell(r, ID_COLUMN).value]
    assert ids and all("**********" in v for v in ids)
    assert all(ws.cell(r, ID_COLUMN).number_format == "@" for r in range(3, ws.max_row + 1))
    names = {ws.cell(r, 2).value for r in range(3, ws.max_row + 1)}
    assert "刘𬌗" in names and "王䶮" in names


def test_export_then_import_changes_nothing(demo_town, tmp_path):
    before = {r.id: r for r in roster.list_representatives()}
    out = tmp_path / "roundtrip.xlsx"
    export_roster(out)
    preview = preview_import(out)
    assert preview.problems == [] and (preview.added, preview.updated) == (0, 46)
    apply_import(preview)
    after = {r.id: r for r in roster.list_representatives()}
    assert after == before


def test_export_with_full_id_numbers_on_request(demo_town, tmp_path):
    out = tmp_path / "full.xlsx"
    export_roster(out, with_id_numbers=True)
    ws = load_workbook(out).active
    stored = {r.id_number for r in roster.list_representatives() if r.id_number}
    assert stored == {ws.cell(r, ID_COLUMN).value for r in range(3, ws.max_row + 1) if ws.cell(r, ID_COLUMN).value}


@pytest.mark.parametrize("written, stored", [
    ("139-0745-0003", "13907450003"), ("139 0745 0003", "13907450003"),
    ("+86 13907450003", "13907450003"), ("１３９０７４５０００３", "13907450003"),
    ("(0731)84561234", "0731-84561234"), ("13907450003/0731-84561234", "13907450003、0731-84561234"),
])
def test_phones_as_county_rosters_write_them_are_stored_normalised(db, tmp_path, written, stored):
    rows = good_rows()
    rows[0][10] = written
    preview = preview_import(messy_workbook(tmp_path / "电话.xlsx", rows))
    assert preview.problems == []
    apply_import(preview)
    assert Representative.get(Representative.name == "王芳").phone == stored


@pytest.mark.parametrize("written", ["139-0745-000", "+1 415 555 0100", "电话13907450003", "12345"])
def test_what_is_not_a_phone_is_still_refused(db, tmp_path, written):
    rows = good_rows()
    rows[0][10] = written
    preview = preview_import(messy_workbook(tmp_path / "电话.xlsx", rows))
    assert any(p.row == 5 and p.field == "手机号码" and "不像电话号码" in p.message
               for p in preview.problems)


def test_a_later_row_failing_against_the_database_writes_nothing(db, tmp_path):
    """Two chairmen pass the row-by-row preview (the database has none yet); the second fails while
    writing, and the first, already written inside the transaction, is rolled back with it."""
    headers = HEADERS + ["主席团职务"]
    rows = [row + [""] for row in good_rows()]
    rows[0][-1] = rows[3][-1] = "主席"
    preview = preview_import(messy_workbook(tmp_path / "两个主席.xlsx", rows, headers=headers))
    with pytest.raises(ValidationError) as caught:
        apply_import(preview)
    assert any(p.row == 8 and "已有主席" in p.message for p in caught.value.problems)
    assert Representative.select().count() == 0 and Term.select().count() == 0
    assert settings.get_settings().town_name == ""


def test_a_hidden_first_sheet_is_never_imported(db, tmp_path):
    path = messy_workbook(tmp_path / "名册.xlsx", good_rows())
    wb = load_workbook(path)
    hidden = wb.create_sheet("旧名册", 0)
    for c, h in enumerate(HEADERS, start=1):
        hidden.cell(1, c, h)
    hidden.append([1, "张旧人", "男", "汉族", "1950.01", "", "", "", "", "", "", "", ""])
    hidden.sheet_state = "hidden"
    wb.active = 1
    wb.save(path)
    preview = preview_import(path)
    assert [r.data.name for r in preview.rows] == ["王芳", "李䶮", "刘𬌗", "阿依古丽·买买提"]


def test_several_visible_roster_sheets_are_asked_about(db, tmp_path, capsys):
    from town_office.cli import main
    from town_office.services.roster.importing import SheetChoiceNeeded

    path = messy_workbook(tmp_path / "名册.xlsx", good_rows())
    wb = load_workbook(path)
    other = wb.copy_worksheet(wb.active)
    other.title = "第二片"
    other.cell(5, 2, "赵新人")
    wb.save(path)
    with pytest.raises(SheetChoiceNeeded) as caught:
        preview_import(path)
    assert caught.value.sheets == ["Sheet", "第二片"]  # the active one first
    assert "赵新人" in [r.data.name for r in preview_import(path, sheet="第二片").rows]
    assert main(["roster", "import", str(path)]) == 2
    assert "请选择要导入的工作表" in capsys.readouterr().err
    assert main(["roster", "import", str(path), "--sheet", "第二片"]) == 0
    assert Representative.get_or_none(Representative.name == "赵新人") is not None


def test_a_stray_cell_at_the_last_row_does_not_make_a_million_rows(db, tmp_path):
    from town_office.services.roster.importing import roster_sheet

    path = messy_workbook(tmp_path / "名册.xlsx", good_rows())
    wb = load_workbook(path)
    wb.active.cell(1_048_576, 1, " ")
    wb.active.cell(1_048_576, 5, "x")
    wb.save(path)
    assert roster_sheet(path).max_row < 100  # read up to the table's end, not the sheet's
    assert len(preview_import(path).rows) == 4


def test_a_zip_bomb_is_refused_before_it_is_unpacked(db, tmp_path):
    import zipfile

    path = messy_workbook(tmp_path / "名册.xlsx", good_rows())
    bomb = tmp_path / "炸弹.xlsx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info, source.read(info.filename))
        target.writestr("xl/media/padding.bin", b"\0" * (120 * 1024 * 1024))
    assert bomb.stat().st_size < 2 * 1024 * 1024
    with pytest.raises(ValidationError, match="已拒绝读取"):
        preview_import(bomb)


@pytest.mark.parametrize("value", [1.7976931348623155e+308, -1.7976931348623155e+308])
def test_an_infinite_birth_month_is_refused_not_a_crash(db, tmp_path, value):
    """Found by the fuzzed workbooks: the largest double is written rounded up and reads back as
    infinity; 1975.1 means October, but ∞ has no month."""
    rows = good_rows()
    rows[0][4] = value
    preview = preview_import(messy_workbook(tmp_path / "inf.xlsx", rows))
    assert any(p.row == 5 and "看不懂" in p.message for p in preview.problems)
