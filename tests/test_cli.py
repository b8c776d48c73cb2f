"""The command line, as scripts call it: exit codes and what it prints."""

import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.pdf_helpers import assert_in_order, pdf_text
from town_office import __version__
from town_office.cli import main
from town_office.models import database


@pytest.fixture(autouse=True)
def close_db():
    yield
    if database.obj is not None:
        database.close()


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and __version__ in capsys.readouterr().out


def test_demo_then_refused_on_a_full_database(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "demo"]) == 0
    assert "代表 46" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "d"), "demo"]) == 2
    assert "只能载入空数据库" in capsys.readouterr().err


def test_export_import_and_check(tmp_path, capsys):
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    out = tmp_path / "名册.xlsx"
    assert main(["--data-dir", data, "roster", "export", str(out)]) == 0
    assert load_workbook(out).active["B3"].value
    assert main(["--data-dir", str(tmp_path / "fresh"), "roster", "import", str(out)]) == 0
    assert "新增 46 人，更新 0 人" in capsys.readouterr().out
    assert main(["--data-dir", data, "check"]) == 0


def test_import_with_problems_exits_2_and_writes_nothing(tmp_path, capsys):
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    out = tmp_path / "名册.xlsx"
    main(["--data-dir", data, "roster", "export", str(out)])
    wb = load_workbook(out)
    wb.active["C3"] = "未知"
    wb.active["B5"] = None
    wb.save(out)
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "fresh"), "roster", "import", str(out)]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert "第3行 性别：「未知」应为 男 或 女" in lines
    assert any(line.startswith("第5行 姓名") for line in lines)
    database.close()
    conn = sqlite3.connect(tmp_path / "fresh" / "town_office.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM representative").fetchone()[0] == 0
    assert conn.execute("SELECT COUNT(*) FROM term").fetchone()[0] == 0
    conn.close()


def test_check_reports_broken_references(tmp_path, capsys):
    data = tmp_path / "d"
    main(["--data-dir", str(data), "demo"])
    database.close()
    conn = sqlite3.connect(data / "town_office.sqlite3")
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("UPDATE representative SET group_id = 999 WHERE id = 1")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["--data-dir", str(data), "check"]) == 1
    assert "外键检查" in capsys.readouterr().out


def test_meetings_list_and_print_every_paper(tmp_path, capsys):
    from tests.pdf_helpers import assert_fonts_embedded, pdf_text

    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    capsys.readouterr()
    assert main(["--data-dir", data, "meetings", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "1\t第十九届第13次\t2025-03-26\t纪要定稿" in lines
    assert all(len(line.split("\t")) == 4 for line in lines) and len(lines) == 9
    held = next(line.split("\t")[0] for line in lines if line.endswith("已召开"))
    for paper, title in (("notice", "的通知"), ("signin", "签到表"), ("record", "记录"),
                         ("minutes", "会议纪要")):
        out = tmp_path / f"{paper}.pdf"
        assert main(["--data-dir", data, "print", paper, "--meeting", held, "--out", str(out)]) == 0
        assert title in pdf_text(out)[0].replace("\n", "")
        assert_fonts_embedded(out)
    assert "刘𬌗" in "".join(pdf_text(tmp_path / "signin.pdf"))


def test_printing_a_missing_meeting_exits_2(tmp_path, capsys):
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    assert main(["--data-dir", data, "print", "minutes", "--meeting", "999",
                 "--out", str(tmp_path / "x.pdf")]) == 2
    assert "找不到第999号会议" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_training_list_print_and_export(tmp_path, capsys):
    from tests.pdf_helpers import pdf_text

    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    capsys.readouterr()
    assert main(["--data-dir", data, "training", "list", "--year", "2026"]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 5 and all(len(fields) == 6 for fields in lines)
    first = lines[0]
    assert first[1] == "2026-03-10" and first[3] == "集中培训" and first[4] == "3"
    present, expected = map(int, first[5].split("/"))
    assert 0 < present <= expected
    out = tmp_path / "签到.pdf"
    assert main(["--data-dir", data, "print", "training-signin", "--session", first[0],
                 "--out", str(out)]) == 0
    assert "签到表" in pdf_text(out)[0]
    assert main(["--data-dir", data, "print", "training-signin", "--out", str(out)]) == 2
    book = tmp_path / "培训.xlsx"
    assert main(["--data-dir", data, "export", "training", "--year", "2026", "--out", str(book)]) == 0
    assert load_workbook(book).sheetnames == ["按代表", "按培训"]


def test_visits_list_visit_log_and_problem_export(tmp_path, capsys):
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    capsys.readouterr()
    assert main(["--data-dir", data, "visits", "list", "--year", "2026", "--rep", "王䶮"]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert lines and all(len(f) == 7 and "王䶮" in f[2] and f[1].startswith("2026") for f in lines)
    out = tmp_path / "日志.pdf"
    assert main(["--data-dir", data, "print", "visit-log", "--rep", "王䶮", "--year", "2026",
                 "--out", str(out)]) == 0
    log = "".join(pdf_text(out)).replace("\n", "").replace(" ", "")
    assert_in_order(log, "青石镇人大代表2026年走访日志", "代表：王䶮", f"共走访{len(lines)}次")
    assert all(f[1] in log for f in lines)  # every visit of the list is in the log
    assert main(["--data-dir", data, "print", "visit-log", "--rep", "无此人", "--year", "2026",
                 "--out", str(out)]) == 2
    assert "没有“无此人”" in capsys.readouterr().err
    book = tmp_path / "问题.xlsx"
    assert main(["--data-dir", data, "export", "problems", "--year", "2026", "--out", str(book)]) == 0
    sheet = load_workbook(book).active
    assert sheet.max_row > 10 and "2026年群众反映问题清单" in str(sheet["A1"].value)


def test_backup_verify_and_restore_from_the_command_line(tmp_path, capsys, monkeypatch):
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    secret = tmp_path / "密码.txt"
    secret.write_text("青石2026\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--data-dir", data, "backup", "--to", str(tmp_path / "u"), "--password-file",
                 str(secret)]) == 0
    path = capsys.readouterr().out.strip()
    assert path.endswith(".tobak") and (tmp_path / "u").exists()
    assert main(["verify", path]) == 1
    assert "设有密码" in capsys.readouterr().err
    monkeypatch.setenv("TOWN_OFFICE_BACKUP_PASSWORD", "青石2026")
    assert main(["verify", path]) == 0
    assert "备份完好：青石镇 第十九届" in capsys.readouterr().out
    fresh = str(tmp_path / "fresh")
    assert main(["--data-dir", fresh, "restore", path]) == 0
    assert "恢复前的数据已备份为" in capsys.readouterr().out
    database.close()
    conn = sqlite3.connect(tmp_path / "fresh" / "town_office.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM representative").fetchone()[0] == 87
    conn.close()


def test_handoff_writes_the_county_package_and_prints_its_folder(tmp_path, capsys):
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    capsys.readouterr()
    assert main(["--data-dir", data, "handoff", "--to", str(tmp_path / "u"), "--year", "2026"]) == 0
    folder = Path(capsys.readouterr().out.strip())
    assert folder.parent == tmp_path / "u" and folder.name.startswith("青石镇人大_报送包_2026年_")
    assert (folder / "00_移交清单.pdf").exists() and len(list(folder.glob("*.tobak"))) == 1
    database.close()


def test_archive_and_assessment_from_the_command_line(tmp_path, capsys):
    from openpyxl import load_workbook

    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    capsys.readouterr()
    one = tmp_path / "档案.pdf"
    assert main(["--data-dir", data, "print", "archive", "--rep", "高翠萍", "--year", "2026", "--out", str(one)]) == 0
    assert "已生成履职档案" in capsys.readouterr().out
    pages = pdf_text(one)
    assert_in_order(pages[0], "代表履职档案", "高翠萍", "2026年度")
    assert "代表履职登记表" in pages[-1] and "（2026年度）" in pages[-1]
    assert main(["--data-dir", data, "print", "archive", "--rep", "高翠萍", "--term", "--out",
                 str(tmp_path / "整届.pdf")]) == 0
    assert "第十九届（" in pdf_text(tmp_path / "整届.pdf")[0]
    assert main(["--data-dir", data, "print", "archive", "--all", "--year", "2026", "--out",
                 str(tmp_path / "全部")]) == 0
    files = sorted((tmp_path / "全部").glob("*.pdf"))
    assert len(files) == 46  # 41 of 第十九届 and the 5 newly elected of 第二十届 (from 28 December)
    for path in files[:3]:  # each file is that deputy's
        assert path.name.split("_")[0] in pdf_text(path)[0]
    assert main(["--data-dir", data, "print", "archive", "--year", "2026", "--out", str(one)]) == 2
    book = tmp_path / "考核.xlsx"
    assert main(["--data-dir", data, "export", "assessment", "--year", "2025", "--out", str(book)]) == 0
    assert load_workbook(book).sheetnames == ["汇总", "明细", "规则"]
    database.close()


def test_sessions_list_signin_and_ballots_from_the_command_line(tmp_path, capsys):
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    capsys.readouterr()
    assert main(["--data-dir", data, "sessions", "list", "--term", "第十九届"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 10
    assert lines[0].split("\t")[1:4] == ["第十九届", "第1次会议", "2021-12-28至2021-12-29"]
    present, total = lines[-1].split("\t")[4].split("/")
    assert int(present) <= int(total) == 41
    assert main(["--data-dir", data, "sessions", "list"]) == 0
    assert "第二十届\t第1次会议\t2026-12-28" in capsys.readouterr().out
    assert main(["--data-dir", data, "sessions", "list", "--term", "第九届"]) == 2
    assert "没有名为“第九届”的届次" in capsys.readouterr().err
    first = lines[0].split("\t")[0]
    signin = tmp_path / "签到表.pdf"
    assert main(["--data-dir", data, "print", "session-signin", "--session", first, "--out", str(signin)]) == 0
    text = "".join(pdf_text(signin))
    assert "第一次会议代表签到表" in text and "代表小组" in text and "应到代表43人" in text
    ballot = tmp_path / "选票.pdf"
    assert main(["--data-dir", data, "print", "session-ballot", "--session", first, "--item", "1",
                 "--out", str(ballot)]) == 0
    pages = pdf_text(ballot)
    assert len(pages) == 43 and "选票" in pages[0] and "第43张（共43张）" in pages[-1]
    assert main(["--data-dir", data, "print", "session-ballot", "--session", first, "--out", str(ballot)]) == 2
    assert "--item" in capsys.readouterr().err


def test_export_suggestions_from_the_command_line(tmp_path, capsys):
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    capsys.readouterr()
    out = tmp_path / "建议.xlsx"
    assert main(["--data-dir", data, "export", "suggestions", "--year", "2025", "--out", str(out)]) == 0
    assert "已导出2025年代表建议" in capsys.readouterr().out
    book = load_workbook(out)
    numbers = [row[0] for row in book["代表建议"].iter_rows(min_row=3, values_only=True) if row[0]]
    assert numbers[:2] == ["19-7-001", "19-7-002"] and "闭会-2025-001" in numbers
    totals = next(book["办理情况统计"].iter_rows(min_row=3, values_only=True))
    assert totals[0] == "合计" and totals[1] == 8 and totals[4] == "100.0%"


def test_stations_days_from_the_command_line(tmp_path, capsys):
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    capsys.readouterr()
    assert main(["--data-dir", data, "stations", "days", "--station", "石门片代表联络站", "--from", "2025-07-25",
                 "--months", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:2] == ["2025-07-28\t农历闰六月初四", "2025-08-02\t农历闰六月初九"] and len(lines) == 6
    assert main(["--data-dir", data, "stations", "days", "--station", "青石社区代表联络站", "--from", "2026-03-01",
                 "--months", "1"]) == 0
    assert capsys.readouterr().out.split() == ["2026-03-06", "2026-03-16", "2026-03-26"]
    assert main(["--data-dir", data, "stations", "days", "--station", "无此站", "--from", "2026-03-01"]) == 2
    assert "没有名为“无此站”的联络站" in capsys.readouterr().err


def test_print_the_projects_ballot_from_the_command_line(tmp_path, capsys):
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    capsys.readouterr()
    out = tmp_path / "选票.pdf"
    assert main(["--data-dir", data, "print", "ballot", "--year", "2026", "--out", str(out)]) == 0
    pages = pdf_text(out)
    assert "2026年民生实事项目票决选票" in pages[0].replace("\n", "") and "最多选五项" in pages[0]
    assert len(pages) == 41  # one for each deputy of the session
    assert main(["--data-dir", data, "print", "ballot", "--year", "2030", "--out", str(out)]) == 2
    assert "还没有初定的候选项目" in capsys.readouterr().err
