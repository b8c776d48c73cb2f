"""A rule's text as chapters and articles: numbering and renumbering, reading pasted text, writing
it back, comparing two versions; and the shipped drafts filled with the town's settings."""

from dataclasses import replace

import pytest

from town_office.reports.chinese_numbers import chinese_count
from town_office.services.rules import drafts as rule_drafts
from town_office.services.rules.text import as_text, compare_units, number_units, parse_text
from town_office.services.rules.types import (
    ADDED,
    CHANGED,
    REMOVED,
    RENUMBERED,
    RULE_KINDS,
    UNCHANGED,
    RuleUnit,
)
from town_office.services.settings import TownSettings

A = [RuleUnit(True, "总则"), RuleUnit(False, "甲条。"), RuleUnit(False, "乙条。"),
     RuleUnit(True, "会议"), RuleUnit(False, "主席团会议每季度至少召开一次。"), RuleUnit(False, "丁条。")]


@pytest.mark.parametrize("n, text", [(1, "一"), (10, "十"), (19, "十九"), (20, "二十"), (99, "九十九"),
                                     (100, "一百"), (101, "一百零一"), (110, "一百一十"), (215, "二百一十五")])
def test_article_numbers_in_chinese(n, text):
    assert chinese_count(n) == text


def test_articles_are_numbered_through_the_whole_text_chapters_apart():
    labels = [u.label for u in number_units(A)]
    assert labels == ["第一章", "第一条", "第二条", "第二章", "第三条", "第四条"]


def test_inserting_and_removing_renumber_the_rest():
    inserted = A[:2] + [RuleUnit(False, "新条。")] + A[2:]
    assert [(u.label, u.text) for u in number_units(inserted) if not u.is_chapter][1:] == [
        ("第二条", "新条。"), ("第三条", "乙条。"), ("第四条", "主席团会议每季度至少召开一次。"), ("第五条", "丁条。")]
    removed = [u for u in A if u.text not in ("甲条。", "会议")]
    assert [u.label for u in number_units(removed)] == ["第一章", "第一条", "第二条", "第三条"]
    many = [RuleUnit(False, f"第{i}条的内容。") for i in range(1, 106)]
    assert number_units(many)[-1].label == "第一百零五条"


def test_pasted_text_is_read_whatever_its_numbers():
    text = ("青石镇人大主席团视察调研办法\n（2022年3月18日通过）\n\n第一章　总则\n"
            "第一条 为了规范代表视察，制定本办法。\n第三条　代表视察可以采取下列方式：\n"
            "（一）听取汇报；\n（二）实地察看。\n第二章 附则\n第九条本办法自通过之日起施行。\n")
    parsed = parse_text(text)
    assert parsed.skipped == ("青石镇人大主席团视察调研办法", "（2022年3月18日通过）")
    assert parsed.units == (RuleUnit(True, "总则"), RuleUnit(False, "为了规范代表视察，制定本办法。"),
                            RuleUnit(False, "代表视察可以采取下列方式：\n（一）听取汇报；\n（二）实地察看。"),
                            RuleUnit(True, "附则"), RuleUnit(False, "本办法自通过之日起施行。"))
    assert [u.label for u in number_units(parsed.units)] == ["第一章", "第一条", "第二条", "第二章", "第三条"]
    assert parse_text(as_text(parsed.units)).units == parsed.units


def test_comparison_pairs_changed_articles_and_marks_the_words():
    new = [A[0], RuleUnit(False, "甲条。"), RuleUnit(False, "新增的一条。"), A[2], A[3],
           RuleUnit(False, "主席团会议每两个月至少召开一次。")]
    rows = compare_units(A, new)
    changes = [(r.change, r.left_label, r.right_label) for r in rows]
    assert changes == [(UNCHANGED, "第一章", "第一章"), (UNCHANGED, "第一条", "第一条"),
                       (ADDED, "", "第二条"), (RENUMBERED, "第二条", "第三条"),
                       (UNCHANGED, "第二章", "第二章"), (CHANGED, "第三条", "第四条"),
                       (REMOVED, "第四条", "")]
    changed = rows[5]
    assert [t for t, marked in changed.left if marked] == ["季度"]
    assert [t for t, marked in changed.right if marked] == ["两个月"]
    assert "".join(t for t, _ in changed.right) == "主席团会议每两个月至少召开一次。"


def test_completely_different_articles_are_removed_and_added_not_paired():
    rows = compare_units([RuleUnit(False, "代表应当遵守纪律。")], [RuleUnit(False, "本办法自公布之日起施行。")])
    assert [r.change for r in rows] == [REMOVED, ADDED]


def test_every_shipped_draft_reads_as_chapters_and_articles():
    for kind in RULE_KINDS:
        units = rule_drafts.draft_units(kind, TownSettings(town_name="青石镇"))
        assert units[0].is_chapter and units[0].text == "总则", kind
        assert sum(not u.is_chapter for u in units) >= 10, kind
        assert all(u.text and "{" not in u.text and "第" not in u.text[:1] for u in units), kind
        assert units[-1].text.endswith("起施行。"), kind


def test_drafts_carry_the_towns_settings():
    default = TownSettings(town_name="青石镇")
    presidium = as_text(rule_drafts.draft_units("乡镇人大主席团议事规则", default))
    assert "主席团会议须有主席团全体成员过半数出席，方能举行。" in presidium
    assert "以主席团全体成员过半数同意为通过" in presidium
    assert "每季度至少召开一次" in presidium and "会议召开三日前" in presidium
    assert "延期累计不得超过六个月" in presidium and "青石镇人民代表大会主席团" in presidium
    other = replace(default, town_name="白沙乡", presidium_quorum_rule="全体成员三分之二以上出席",
                    presidium_pass_rule="出席成员过半数同意", meeting_interval_months=2, notice_days=5,
                    followup_extension_months=3)
    changed = as_text(rule_drafts.draft_units("乡镇人大主席团议事规则", other))
    assert "主席团会议须有主席团全体成员三分之二以上出席，方能举行。" in changed
    assert "以出席会议的主席团成员过半数同意为通过" in changed
    assert "每两个月至少召开一次" in changed and "会议召开五日前" in changed
    assert "延期累计不得超过三个月" in changed and "白沙乡" in changed
    congress = as_text(rule_drafts.draft_units("乡镇人民代表大会议事规则", replace(
        default, congress_sessions_per_year=2, motion_min_deputies=5, suggestion_answer_months=3,
        suggestion_complex_months=6, suggestion_reanswer_months=1)))
    assert "每年至少举行两次" in congress and "代表五人以上联名" in congress
    assert "三个月内答复，情况复杂的不超过六个月" in congress and "在一个月内重新研究办理并答复" in congress


def test_a_starting_draft_says_it_must_be_checked(current_term):
    version = rule_drafts.create_starting_draft("工作评议办法")
    assert "必须对照本省" in version.notes and version.status == "草案"
    assert version.articles == 12 and version.chapters == 5


def test_articles_that_cite_numbers_are_found():
    from town_office.services.rules.text import articles_citing_numbers

    units = [RuleUnit(False, "甲。"), RuleUnit(False, "依照本办法第一条的规定办理。"), RuleUnit(True, "附则"),
             RuleUnit(False, "本办法第一章自通过之日起施行。")]
    assert articles_citing_numbers(units) == ("第二条",)
