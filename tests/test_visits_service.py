"""Visits and problems through the services: validation, the pro-rated quota, the status machine
(no feedback without a reply; 不满意 reopens with history kept), batch hand-over and the statistics."""

from datetime import date

import pytest

from town_office.errors import ValidationError
from town_office.services.visits import problems
from town_office.services import roster, visits
from town_office.services.visits.types import ProblemFilter, ProblemInput, VisitInput


@pytest.fixture
def deputies(make_representative, current_term):
    made = {name: make_representative(name=name, gender="男", group_name=group, **extra)
            for name, group, extra in (("王芳", "第一代表小组", {}), ("刘𬌗", "第一代表小组", {}),
                                       ("孙丽", "第二代表小组", {"elected_on": date(2025, 7, 2)}),
                                       ("钱进", "第二代表小组", {}))}
    roster.end_representative(made["钱进"].id, date(2025, 3, 31), "迁出调离")
    return made, current_term.id


def _visit(ids, on=date(2025, 9, 26), households=3, village="石门村"):
    return visits.save_visit(None, VisitInput(on, tuple(ids), "入户走访", village, households, "三组",
                                              "张大爷等", "了解春耕生产情况"))


def test_a_visit_needs_deputies_place_and_households(deputies):
    with pytest.raises(ValidationError) as caught:
        visits.save_visit(None, VisitInput(date(2025, 9, 26), (), "走亲戚", " ", 0))
    assert {p.field for p in caught.value.problems} == {"代表", "走访形式", "村（社区）", "户数"}
    made, _ = deputies
    row = _visit([made["王芳"].id, made["刘𬌗"].id])
    assert row.deputies == "王芳、刘𬌗" and row.place == "石门村三组"
    assert visits.last_entry_defaults() == ("入户走访", "石门村", "三组")


def test_quota_is_pro_rated_for_deputies_who_joined_or_left(deputies):
    made, term = deputies
    _visit([made["王芳"].id, made["刘𬌗"].id], households=8)
    _visit([made["王芳"].id], on=date(2025, 3, 1), households=5)
    _visit([made["孙丽"].id], on=date(2025, 8, 1), households=6)
    rows = {r.name: r for r in visits.quota_progress(2025)}
    assert (rows["王芳"].visits, rows["王芳"].households, rows["王芳"].quota) == (2, 13, 12)
    assert rows["王芳"].met and not rows["刘𬌗"].met
    assert rows["孙丽"].quota == round(12 * 183 / 365, 1) and rows["孙丽"].met  # from 2 July
    assert rows["钱进"].quota == round(12 * 90 / 365, 1)  # until 31 March
    assert [r.name for r in visits.quota_progress(2025)][0] == "钱进"  # furthest behind first


def test_problem_status_machine(deputies):
    made, _ = deputies
    visit = _visit([made["王芳"].id])
    spot = problems.add_problem(visit.id, ProblemInput("路灯不亮", "道路交通", "当场答复",
                                                       reply="已联系电工当天修复"))
    assert spot.status == "已办结" and spot.replied_on == visit.visited_on
    row = problems.add_problem(visit.id, ProblemInput("灌溉渠堵塞", "农田水利", voter_name="张大爷"))
    assert row.status == "登记"
    with pytest.raises(ValidationError, match="请先办结"):
        problems.feedback(row.id, date(2025, 10, 20), "电话", "满意")  # no skipping to 已反馈
    with pytest.raises(ValidationError, match="请先交办"):
        problems.close(row.id, "已清淤", date(2025, 10, 9))
    problems.assign([row.id], "镇水利站", on=date(2025, 9, 26))
    row = problems.get_problem(row.id)
    assert (row.status, row.deadline) == ("交办", date(2025, 10, 10))  # 5 working days over 国庆
    problems.start(row.id, date(2025, 9, 29))
    problems.close(row.id, "已清淤", date(2025, 10, 9))
    row = problems.feedback(row.id, date(2025, 10, 12), "电话", "不满意")
    assert (row.status, row.satisfaction, row.reopened) == ("办理中", "不满意", 1)
    with pytest.raises(ValidationError, match="重新办理"):  # not against the rejected answer
        problems.feedback(row.id, date(2025, 10, 13), "电话", "满意")
    with pytest.raises(ValidationError) as caught:  # the same answer again, dated before the complaint
        problems.close(row.id, "已清淤", date(2025, 10, 11))
    assert caught.value.for_field("答复内容") and caught.value.for_field("答复日期")
    assert problems.get_problem(row.id).status == "办理中"
    problems.close(row.id, "已重新清淤并加固渠堤", date(2025, 10, 20))
    row = problems.feedback(row.id, date(2025, 10, 22), "当面", "满意")
    assert row.status == "已反馈" and row.reopened == 1
    steps = [(f, t) for _, f, t, _ in problems.history(row.id)]
    assert steps == [("登记", "交办"), ("交办", "办理中"), ("办理中", "已办结"), ("已办结", "办理中"),
                     ("办理中", "已办结"), ("已办结", "已反馈")]


def test_batch_hand_over_is_all_or_nothing(deputies):
    made, _ = deputies
    visit = _visit([made["王芳"].id])
    a = problems.add_problem(visit.id, ProblemInput("问题甲"))
    b = problems.add_problem(visit.id, ProblemInput("问题乙"))
    done = problems.add_problem(visit.id, ProblemInput("问题丙", route="当场答复", reply="已答复"))
    with pytest.raises(ValidationError):
        problems.assign([a.id, b.id, done.id], "镇村镇建设服务中心", on=date(2025, 9, 26))
    assert problems.get_problem(a.id).status == "登记"
    assert problems.assign([a.id, b.id], "镇村镇建设服务中心", on=date(2025, 9, 26)) == 2
    overdue = problems.list_problems(ProblemFilter(overdue_only=True), today=date(2025, 10, 13))
    assert {p.id for p in overdue} == {a.id, b.id}
    mine = problems.list_problems(ProblemFilter(representative_id=made["刘𬌗"].id))
    assert mine == []


def test_statistics_for_a_period(deputies):
    made, _ = deputies
    visit = _visit([made["王芳"].id], households=4)
    _visit([made["刘𬌗"].id], on=date(2025, 11, 3), households=2)
    problems.add_problem(visit.id, ProblemInput("甲", route="当场答复", reply="已答复"))
    b = problems.add_problem(visit.id, ProblemInput("乙"))
    c = problems.add_problem(visit.id, ProblemInput("丙"))
    problems.add_problem(visit.id, ProblemInput("丁"))
    problems.assign([b.id, c.id], "镇政府", on=date(2025, 9, 26))
    for pid, satisfaction in ((b.id, "满意"), (c.id, "不满意")):
        problems.close(pid, "已办", date(2025, 10, 9))
        problems.feedback(pid, date(2025, 10, 10), "电话", satisfaction)
    stats = problems.statistics(date(2025, 9, 1), date(2025, 9, 30))
    assert (stats.visits, stats.households, stats.collected) == (1, 4, 4)
    assert (stats.on_the_spot, stats.handed_on, stats.closed, stats.fed_back) == (1, 2, 2, 1)
    # 不满意 counts in the denominator: one of two judged problems was satisfied
    assert (stats.with_feedback, stats.satisfied, stats.unsatisfied) == (2, 1, 1)
    assert stats.close_rate == 0.5 and stats.satisfaction_rate == 0.5
    assert "满意率50.0%" in stats.text
    assert "收集问题4条，现场解决1个" in stats.text


def test_visit_log_pdf_and_problem_workbook(deputies, tmp_path):
    from openpyxl import load_workbook

    from tests.pdf_helpers import assert_fonts_embedded, assert_in_order, page_sizes, pdf_text
    from town_office.services.visits import papers as visit_papers

    made, _ = deputies
    visit = _visit([made["刘𬌗"].id], households=3)
    late = problems.add_problem(visit.id, ProblemInput("灌溉渠堵塞", "农田水利", voter_name="张大爷",
                                                       voter_contact="13800000000"))
    problems.assign([late.id], "镇水利站", on=date(2025, 9, 26))
    out = visit_papers.print_visit_log(made["刘𬌗"].id, 2025, tmp_path / "日志.pdf")
    text = "".join(pdf_text(out)).replace("\n", "").replace(" ", "")
    assert_in_order(text, "测试镇人大代表2025年走访日志", "代表：刘𬌗", "共走访1次、3户", "日期", "地点",
                    "2025-09-26", "石门村三组", "入户走访：张大爷等（3户）", "了解春耕生产情况",
                    "灌溉渠堵塞（交办）")
    assert set(page_sizes(out)) == {(841.89, 595.28)}
    assert_fonts_embedded(out)
    book = visit_papers.export_problems(2025, tmp_path / "清单.xlsx", today=date(2025, 10, 20))
    ws = load_workbook(book).active
    assert ws["A1"].value == "测试镇2025年群众反映问题清单"
    header = [c.value for c in ws[2]]
    assert header[4] == "反映问题" and "是否逾期" in header and "满意度" in header
    row = [c.value for c in ws[3]]
    assert row[4] == "灌溉渠堵塞" and row[header.index("是否逾期")] == "逾期"
    assert row[header.index("联系方式")] == "13800000000"
    assert ws.print_title_rows == "$2:$2" and ws.page_setup.orientation == "landscape"
    pdf = visit_papers.print_problems(2025, tmp_path / "清单.pdf", today=date(2025, 10, 20))
    text = "".join(pdf_text(pdf)).replace("\n", "").replace(" ", "")
    assert_in_order(text, "测试镇2025年群众反映问题清单", "收集问题1条", "2025-09-26", "刘𬌗", "灌溉渠堵塞",
                    "镇水利站", "2025-10-10", "交办（逾期）")


def test_the_quota_in_a_leap_year_counts_366_days(deputies):
    made, term = deputies
    roster.end_representative(made["刘𬌗"].id, date(2024, 2, 29), "迁出调离")
    rows = {r.name: r for r in visits.quota_progress(2024)}
    assert (rows["王芳"].quota, rows["王芳"].serving_days) == (12, 366)  # the whole year, not 12.03
    assert rows["刘𬌗"].serving_days == 60 and rows["刘𬌗"].quota == round(12 * 60 / 366, 1)  # to 29 Feb
