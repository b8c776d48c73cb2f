"""年度履职考核: the arithmetic (caps, deductions, per-unit items, pro-rating, adjustments, full marks,
bands, ranks), the round 计算 → 公示 → 更正 → 定稿 with a frozen year that never changes, and the
workbook whose 明细 sums to 汇总 for every deputy."""

from dataclasses import replace
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from tests.pdf_helpers import assert_fonts_embedded, assert_in_order, pdf_text
from town_office.errors import ValidationError
from town_office.services import archive, assessment
from town_office.services.assessment import papers as assessment_papers
from town_office.services.archive.types import Activity, ArchiveEntryInput
from town_office.services.assessment.rules import ranks, score_lines, total_of
from town_office.services.roster.mandates import served_days
from town_office.services.assessment.types import FROZEN, PUBLISHED, Scheme, SchemeItem


def act(source, day, units=0.0, n=1):
    return Activity(2, date(2026, 1, day), "类", f"记录{n}", "", source, "t", n, units, "来源")


SCHEME = Scheme(2026, 60, 100, (("优秀", 90), ("良好", 80), ("一般", 60), ("较差", 0)), (
    SchemeItem("meeting_present", "出席会议", 3, 7),
    SchemeItem("meeting_absent", "缺席会议", -5, 8),
    SchemeItem("visit_household", "走访户数", 0.5, None),
    SchemeItem("award", "表彰", 10, None),
))


def test_caps_give_the_remainder_then_nothing_and_say_so():
    lines = score_lines([act("meeting_present", d, n=d) for d in (1, 2, 3, 4)], SCHEME, 365, 365, True)
    meeting = [ln for ln in lines if ln.source == "meeting_present"]
    assert [ln.points for ln in meeting] == [3, 3, 1, 0]
    assert "部分计分" in meeting[2].note and "已达上限" in meeting[3].note
    assert total_of(lines) == 67


def test_deductions_are_capped_in_absolute_value():
    lines = score_lines([act("meeting_absent", d, n=d) for d in (1, 2)], SCHEME, 365, 365, True)
    assert [ln.points for ln in lines if ln.source == "meeting_absent"] == [-5, -3]
    assert total_of(lines) == 52


def test_per_unit_items_count_households_and_part_year_service_is_scaled():
    visits = [act("visit", 1, units=4, n=1), act("visit", 2, units=6, n=2)]
    full = score_lines(visits, SCHEME, 365, 365, True)
    assert total_of(full) == 65  # 60 + 10 households × 0.5
    half = score_lines(visits, SCHEME, 146, 365, True)
    prorate = [ln for ln in half if ln.source == "prorate"]
    assert prorate[0].points == 7.5 and "任职146天" in prorate[0].record  # 5 / 0.4 − 5
    assert total_of(score_lines(visits, SCHEME, 146, 365, False)) == 65


def test_pro_rating_never_lifts_an_item_above_its_cap_nor_scales_deductions():
    # 出席会议 cap 7: 2 meetings give 6; half a year would make it 12 — only 1 more fits the cap
    records = [act("meeting_present", 1, n=1), act("meeting_present", 2, n=2),
               act("meeting_absent", 3, n=3)]
    lines = score_lines(records, SCHEME, 183, 366, True)
    [prorate] = [ln for ln in lines if ln.source == "prorate"]
    assert prorate.points == 1 and "出席会议6→7" in prorate.record
    meeting_total = sum(ln.points for ln in lines if ln.source in ("meeting_present", "prorate"))
    assert meeting_total == 7  # exactly the cap, never 12 (nor 23.93 of 12)
    assert [ln.points for ln in lines if ln.source == "meeting_absent"] == [-5]  # not scaled
    assert total_of(lines) == 60 + 7 - 5
    # at the cap already: nothing to add
    capped = [act("meeting_present", d, n=d) for d in (1, 2, 3)]
    [line] = [ln for ln in score_lines(capped, SCHEME, 100, 365, True) if ln.source == "prorate"]
    assert line.points == 0 and "已达上限" in line.record


def test_the_clip_at_full_marks_is_exact():
    awards = [act("award", d, n=d) for d in range(1, 5)] + [act("visit", 5, units=3.3, n=9)]
    for served in (100, 200, 333, 365):
        lines = score_lines(awards, SCHEME, served, 365, True)
        assert total_of(lines) == 100.0
        assert sum(ln.points for ln in lines) == pytest.approx(100.0, abs=1e-9)


def test_adjustments_and_full_marks():
    class Adj:
        id, points, reason, created_at = 7, -2, "重复登记一次走访，扣回", datetime(2026, 5, 1)

    lines = score_lines([act("award", 1, n=1), act("award", 2, n=2), act("award", 3, n=3),
                         act("award", 4, n=4), act("award", 5, n=5)], SCHEME, 365, 365, True, [Adj()])
    assert [ln.source for ln in lines][-2:] == ["adjustment", "clip"]
    assert lines[-1].points == -8 and total_of(lines) == 100
    assert total_of(score_lines([act("meeting_absent", 1)] * 0, replace(SCHEME, base_points=0), 365, 365,
                                True, [Adj()])) == 0


def test_bands_ranks_and_served_days():
    assert [SCHEME.grade_of(t) for t in (100, 90, 89.5, 80, 79.9, 60, 59)] == \
        ["优秀", "优秀", "良好", "良好", "一般", "一般", "较差"]
    assert ranks([80, 95, 80, 70]) == [2, 1, 2, 4]
    assert served_days(date(2026, 7, 1), None, date(2026, 1, 1), date(2026, 12, 31)) == 184
    assert served_days(None, date(2026, 3, 1), date(2026, 1, 1), date(2026, 12, 31)) == 60
    assert served_days(None, date(2026, 12, 31), date(2026, 1, 1), date(2026, 12, 31)) == 365
    assert served_days(date(2020, 1, 1), None, date(2026, 1, 1), date(2026, 12, 31)) == 365


def test_the_scheme_is_checked_and_copied_into_a_new_year(demo_town):
    with pytest.raises(ValidationError, match="相同"):
        assessment.save_scheme(replace(assessment.default_scheme(2027), items=(
            SchemeItem("award", "表彰", 3), SchemeItem("award", "奖励", 2))))
    copied = assessment.copy_scheme(2026, 2027)
    assert copied.items == assessment.get_scheme(2026).items and copied.year == 2027


def test_every_point_traces_to_a_record(demo_town):
    for score in assessment.results(2026):
        assert score.total == round(sum(ln.points for ln in score.lines), 2)
        for line in score.lines:
            if line.source in assessment.SOURCES:
                assert line.record_table and line.record_id and line.record


def test_the_round_and_a_frozen_year_that_never_changes(demo_town):
    frozen = assessment.results(2025)
    assert assessment.round_state(2025).status == FROZEN
    rep = frozen[0].representative_id
    archive.save_entry(None, rep, ArchiveEntryInput(date(2025, 6, 1), "表彰奖励", 8, "补登记的表彰"))
    [adjustment, *_] = assessment.list_adjustments(2025)
    for change in (lambda: assessment.compute(2025),
                   lambda: assessment.add_adjustment(2025, rep, 3, "定稿后试图加分"),
                   lambda: assessment.remove_adjustment(adjustment.id),
                   lambda: assessment.save_scheme(assessment.default_scheme(2025))):
        with pytest.raises(ValidationError, match="已定稿"):
            change()
    assert assessment.results(2025) == frozen
    assert adjustment in assessment.list_adjustments(2025)
    assert [s.lines for s in assessment.results(2025)] == [s.lines for s in frozen]
    # 2026: 计算 → 公示 → 更正 (adjust and compute again) → 定稿
    state = assessment.round_state(2026)
    assert state.status == "已计算"
    with pytest.raises(ValidationError, match="不能定稿"):
        assessment.freeze(2026)
    assessment.publish(2026)
    assessment.compute(2026)  # 更正: the demo's 换届 happened after its 2026 round was computed
    before = {s.representative_id: s.total for s in assessment.results(2026)}
    last = assessment.results(2026)[-1]
    assessment.add_adjustment(2026, last.representative_id, 1.5, "漏登记一次代表小组活动，补加")
    assert assessment.round_state(2026).stale
    assessment.compute(2026)
    after = {s.representative_id: s.total for s in assessment.results(2026)}
    assert after[last.representative_id] == min(100, before[last.representative_id] + 1.5)
    assert assessment.round_state(2026).status == PUBLISHED and not assessment.round_state(2026).stale
    assessment.freeze(2026)
    assert assessment.round_state(2026).status == FROZEN


def test_the_workbook_details_sum_to_the_summary(demo_town, tmp_path):
    out = assessment_papers.export_assessment(2026, tmp_path / "考核.xlsx")
    book = load_workbook(out)
    assert book.sheetnames == ["汇总", "明细", "规则"]
    summary, details = book["汇总"], book["明细"]
    header = [c.value for c in summary[2]]
    totals = {row[1]: row[header.index("总分")] for row in summary.iter_rows(min_row=3, values_only=True)}
    sums: dict = {}
    for row in details.iter_rows(min_row=3, values_only=True):
        sums[row[0]] = sums.get(row[0], 0) + row[5]
    assert totals and set(totals) == set(sums)
    for name, total in totals.items():
        assert round(sums[name], 2) == total, name
    item_columns = header[5:header.index("折算")]
    assert item_columns == [i.name for i in assessment.get_scheme(2026).items]
    for row in summary.iter_rows(min_row=3, values_only=True):
        parts = row[4:header.index("总分")]
        assert round(sum(parts), 2) == row[header.index("总分")]
    assert summary.page_setup.orientation == "landscape" and summary.print_title_rows == "$2:$2"
    rules = [r for r in book["规则"].iter_rows(min_row=3, values_only=True) if r[0]]
    assert any("基础分：60分" in str(r[0]) for r in rules)


def test_the_publication_pdf_lists_the_ranking(demo_town, tmp_path):
    out = assessment_papers.print_publication(2025, tmp_path / "公示.pdf", date(2026, 1, 10))
    text = "".join(pdf_text(out))
    first = assessment.results(2025)[0]
    assert_in_order(text, "青石镇2025年度人大代表履职考核结果公示", "名次", first.name, "公示期为7天",
                    "青石镇人大主席团", "2026年1月10日")
    assert_fonts_embedded(out)
