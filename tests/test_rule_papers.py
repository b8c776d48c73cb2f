"""Printed rule documents read back: title, adoption history, 第X章 / 第X条 in order, the version in
force on a day, drafts marked, fonts embedded; the 修订对照表; the command line."""

from datetime import date

import pytest

from tests.pdf_helpers import (
    A4_POINTS,
    assert_fonts_embedded,
    assert_in_order,
    page_sizes,
    pdf_text,
)
from town_office.cli import main
from town_office.models import database
from town_office.services.rules import papers as rule_papers
from town_office.services import rules
from town_office.services.rules.types import RuleUnit


def _text(path) -> str:
    return "".join(pdf_text(path)).replace("\n", "")


def test_the_version_in_force_prints_with_its_numbers(demo_town, tmp_path):
    out = rule_papers.print_rule("视察调研办法", tmp_path / "办法.pdf")
    text = _text(out)
    assert_in_order(text, "青石镇人大主席团视察调研办法", "（2022年3月18日青石镇第十九届人大主席团第二次会议通过",
                    "2025年9月24日青石镇第十九届人大主席团第十五次会议修订）", "（自2025年10月1日起施行）",
                    "第一章　总则", "第一条　为了规范镇人民代表大会代表视察", "第二章　视察调研的组织",
                    "第四条", "第九条　镇人大代表联络站每月十五日为代表接待日", "第六章　附则",
                    "第十六条　本办法自通过之日起施行。")
    assert "起草说明" not in text
    pages = pdf_text(out)
    assert all(f"— {n} —" in page for n, page in enumerate(pages, start=1))
    assert page_sizes(out) == [A4_POINTS] * len(pages)
    assert_fonts_embedded(out)


def test_on_a_day_the_version_then_in_force_prints(demo_town, tmp_path):
    text = _text(rule_papers.print_rule("视察调研办法", tmp_path / "旧.pdf", date(2025, 9, 30)))
    assert "第十五条　本办法自通过之日起施行。" in text and "接待日" not in text
    assert "本版本自2025年10月1日起已由第2版取代，仅供查阅" in text
    with pytest.raises(Exception, match="2021年12月31日没有有效的版本"):
        rule_papers.print_rule("视察调研办法", tmp_path / "无.pdf", date(2021, 12, 31))


def test_a_draft_prints_marked_with_its_notes(demo_town, tmp_path):
    draft = rules.new_revision("工作评议办法")
    units = list(rules.version_units(draft.id))
    units.insert(1, RuleUnit(False, "新插入的第一条。"))
    rules.save_draft(draft.id, units, "征求意见稿，请各代表小组提出意见。", date(2026, 11, 20))
    text = _text(rule_papers.print_version(draft.id, tmp_path / "草案.pdf"))
    assert_in_order(text, "青石镇人大主席团工作评议办法", "（草案）", "第一条　新插入的第一条。",
                    "第二条　为了加强对镇人民政府", "第十三条", "起草说明：征求意见稿")
    in_force = _text(rule_papers.print_rule("工作评议办法", tmp_path / "现行.pdf"))
    assert "（草案）" not in in_force and "第十二条　本办法自通过之日起施行。" in in_force


def test_the_comparison_table(demo_town, tmp_path):
    document = rules.document_row("视察调研办法")
    old, new = document.versions
    out = rule_papers.print_comparison(old.id, new.id, tmp_path / "对照表.pdf")
    text = _text(out)
    assert_in_order(text, "《青石镇人大主席团视察调研办法》修订对照表", "修改2条，新增1条，删除0条",
                    "第六条", "提前三日与主席团联系", "修改", "（新增）", "第九条", "接待日", "新增")
    assert_fonts_embedded(out)
    width, height = page_sizes(out)[0]
    assert width > height  # landscape


def test_cli_rules_list_and_print(tmp_path, capsys):
    data = str(tmp_path / "d")
    try:
        main(["--data-dir", data, "demo"])
        capsys.readouterr()
        assert main(["--data-dir", data, "rules", "list"]) == 0
        lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
        assert len(lines) == 6
        assert lines[1] == ["乡镇人大主席团议事规则", "青石镇人民代表大会主席团议事规则", "第1版", "2022-01-16"]
        assert lines[4] == ["视察调研办法", "青石镇人大主席团视察调研办法", "第2版", "2025-10-01"]
        out = tmp_path / "规则.pdf"
        assert main(["--data-dir", data, "print", "rule", "--kind", "乡镇人大主席团议事规则", "--on",
                     "2024-05-01", "--out", str(out)]) == 0
        assert "第六条　主席团会议须有主席团全体成员过半数出席，方能举行。" in _text(out)
        assert main(["--data-dir", data, "print", "rule", "--kind", "不存在的办法", "--out", str(out)]) == 2
        assert "没有“不存在的办法”这份规则文件" in capsys.readouterr().err
        assert main(["--data-dir", data, "print", "rule", "--kind", "视察调研办法", "--on", "2020-01-01",
                     "--out", str(out)]) == 2
        assert "没有有效的版本" in capsys.readouterr().err
        assert main(["--data-dir", data, "print", "rule", "--out", str(out)]) == 2
        assert "--kind" in capsys.readouterr().err
        with pytest.raises(SystemExit):
            main(["--data-dir", data, "print", "rule", "--kind", "视察调研办法", "--on", "2024-02-30",
                  "--out", str(out)])
        assert "应写成 YYYY-MM-DD" in capsys.readouterr().err
    finally:
        if database.obj is not None:
            database.close()


def test_a_very_long_article_goes_on_in_continued_rows(current_term, tmp_path):
    from town_office.services.rules import adoption as rule_adoption
    from town_office.services.rules.types import AdoptionInput

    long_text = "代表视察调研应当坚持围绕中心、突出重点、实事求是、注重实效的原则。" * 40
    first = rules.create_draft("视察调研办法", [RuleUnit(False, long_text)], drafted_on=date(2022, 1, 1))
    rule_adoption.adopt(first.id, AdoptionInput(date(2022, 1, 16), date(2022, 1, 16), adopted_by="测试会议"))
    second = rules.new_revision("视察调研办法")
    rules.save_draft(second.id, [RuleUnit(False, long_text.replace("重点", "要点"))], "", date(2022, 2, 1))
    out = rule_papers.print_comparison(first.id, second.id, tmp_path / "长.pdf")
    pages = pdf_text(out)
    assert len(pages) >= 3 and all("第一条（续）" in page for page in pages[1:])
    assert _text(out).count("要点") == 40
    printed = _text(rule_papers.print_version(first.id, tmp_path / "长条文.pdf"))
    assert printed.count("突出重点") == 40


def test_every_demo_version_prints_its_adoption_line_in_brackets(demo_town, tmp_path):
    """One adoption or several, the history under the title opens with （ and closes with ）."""
    checked = 0
    for document in rules.list_documents():
        for version in document.versions:
            if not version.adopted_on:
                continue
            detail = rules.get_version(version.id)
            text = _text(rule_papers.print_version(version.id, tmp_path / f"{version.id}.pdf"))
            history = "".join(detail.history)
            assert f"（{history}）" in text.replace(" ", ""), (document.title, version.number)
            checked += 1
    assert checked >= 7
