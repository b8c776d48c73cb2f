"""The hazard ledger's rules through the service: numbering across years, 五落实 for 重大 hazards, the
reviewer, the closed loop with a failed review, reopen and void with reasons, extensions, overdue."""

from datetime import date

import pytest

from town_office.errors import ValidationError
from town_office.services import hazards
from town_office.services.hazards.types import HazardFilter, HazardInput


def _major(**overrides):
    values = dict(found_on=date(2026, 3, 18), place="青石镇中心小学", description="教学楼消防通道堆放杂物",
                  level="重大", category="消防安全", measures="立即清理并设置禁停标识", funds=0.5,
                  responsible_unit="青石镇中心小学", responsible_person="周校长",
                  deadline=date(2026, 4, 18), emergency_plan="校园消防应急预案", reviewer="何建军")
    values.update(overrides)
    return HazardInput(**values)


def test_numbers_run_per_year(db):
    first = hazards.register(HazardInput(date(2025, 12, 30), "农贸市场", "电线私拉乱接"))
    second = hazards.register(HazardInput(date(2026, 1, 5), "农贸市场", "灭火器过期"))
    third = hazards.register(HazardInput(date(2026, 2, 5), "加油站", "防雷检测过期"))
    assert [h.number for h in (first, second, third)] == ["2025-001", "2026-001", "2026-002"]
    assert hazards.find_by_number("2026-002").id == third.id
    with pytest.raises(ValidationError, match="不是隐患编号"):
        hazards.find_by_number("第二号")


def test_a_major_hazard_needs_the_five_in_place_and_is_always_supervised(db):
    with pytest.raises(ValidationError) as caught:
        hazards.register(_major(responsible_person="", measures="", funds=None, deadline=None,
                                emergency_plan=""))
    assert {p.field for p in caught.value.problems} == {
        "责任人", "整改措施", "整改资金（万元）", "整改时限", "应急预案"}
    assert "五落实" in caught.value.problems[0].message
    row = hazards.register(_major(supervised=False))
    assert row.supervised and row.level == "重大"


def test_the_reviewer_is_never_the_person_responsible(db):
    with pytest.raises(ValidationError, match="复查人不能是整改责任人本人"):
        hazards.register(_major(reviewer="周校长"))
    row = hazards.register(_major())
    hazards.report_fixed(row.id, "已清理", date(2026, 4, 10))
    with pytest.raises(ValidationError, match="复查人不能是整改责任人本人"):
        hazards.review(row.id, "周校长", date(2026, 4, 12), True, "已清理")


def test_the_closed_loop_with_a_failed_review(db):
    row = hazards.register(_major())
    with pytest.raises(ValidationError, match="只有“已整改待复查”"):
        hazards.review(row.id, "何建军", date(2026, 4, 1), True, "通过")
    hazards.start(row.id, date(2026, 3, 20))
    hazards.report_fixed(row.id, "已清理杂物", date(2026, 4, 1))
    row = hazards.review(row.id, "何建军", date(2026, 4, 3), False, "楼梯口仍有杂物")
    assert row.status == "整改中" and row.review_conclusion == "楼梯口仍有杂物"
    hazards.report_fixed(row.id, "全部清理并划线", date(2026, 4, 8))
    row = hazards.review(row.id, "何建军", date(2026, 4, 10), True, "整改到位")
    assert (row.status, row.closed_on) == ("已销号", date(2026, 4, 10))
    notes = [note for _, _, _, note in hazards.history(row.id)]
    assert "复查未通过：楼梯口仍有杂物" in notes
    with pytest.raises(ValidationError, match="原因"):
        hazards.reopen(row.id, "", date(2026, 5, 1))
    row = hazards.reopen(row.id, "群众反映又有堆放", date(2026, 5, 1))
    assert row.status == "整改中" and row.closed_on is None


def test_nothing_is_deleted_a_mistake_is_voided_and_stays(db):
    row = hazards.register(HazardInput(date(2026, 3, 1), "超市", "重复登记"))
    with pytest.raises(ValidationError, match="原因"):
        hazards.void(row.id, "错", date(2026, 3, 2))
    hazards.void(row.id, "与2026-001重复登记", date(2026, 3, 2))
    rows = hazards.list_hazards(HazardFilter(year=2026))
    assert [(h.number, h.status) for h in rows] == [("2026-001", "已作废")]
    assert "作废：与2026-001重复登记" in hazards.history(row.id)[0][3]


def test_extension_keeps_the_original_deadline_and_overdue_counts_days(db):
    row = hazards.register(_major())
    with pytest.raises(ValidationError, match="只能通过“延期”更改"):
        hazards.update(row.id, _major(deadline=date(2026, 5, 30)))
    row = hazards.extend(row.id, date(2026, 5, 30), "需采购消防器材", date(2026, 4, 15))
    assert (row.original_deadline, row.deadline) == (date(2026, 4, 18), date(2026, 5, 30))
    assert row.days_overdue(date(2026, 6, 2)) == 3 and row.days_overdue(date(2026, 5, 30)) == 0
    overdue = hazards.list_hazards(HazardFilter(overdue_only=True), today=date(2026, 6, 2))
    assert [h.id for h in overdue] == [row.id]
    assert hazards.list_hazards(HazardFilter(supervised_only=True))[0].id == row.id


def test_photos_are_scaled_and_other_files_refused(db, tmp_path, data_folder):
    from PIL import Image

    from town_office.services.hazards import photos as hazard_photos

    row = hazards.register(HazardInput(date(2026, 3, 1), "超市", "灭火器过期"))
    big = tmp_path / "现场.png"
    Image.new("RGB", (3200, 2400), (200, 60, 40)).save(big)
    photo = hazard_photos.add_photo(row.id, big, "整改前")
    assert (photo.width, photo.height) == (1600, 1200)
    stored = data_folder.attachments / photo.stored_path
    with Image.open(stored) as image:
        assert image.format == "JPEG" and image.size == (1600, 1200)
    assert hazard_photos.thumbnail_path(photo).exists()
    fake = tmp_path / "假照片.jpg"
    fake.write_text("not a picture")
    with pytest.raises(ValidationError, match="不是能打开的照片"):
        hazard_photos.add_photo(row.id, fake, "整改后")
    assert hazards.get_hazard(row.id).photo_count == 1


def test_inspections_with_participants_and_quarter_counts(make_representative):
    from town_office.services.hazards import inspections
    from town_office.services.hazards.types import InspectionInput

    deputy = make_representative(name="刘𬌗", gender="女")
    data = InspectionInput("执法检查", "校园安全执法检查", date(2026, 3, 18),
                           "《中华人民共和国安全生产法》", stage="检查")
    with pytest.raises(ValidationError):
        inspections.save_inspection(None, InspectionInput("走过场", "", None))
    row = inspections.save_inspection(None, data, [(deputy.id, "", "镇人大代表"),
                                                   (None, "何建军", "镇应急管理办主任")])
    assert [p.name for p in row.participants] == ["刘𬌗", "何建军"]
    inspections.save_inspection(None, InspectionInput("视察", "市场视察", date(2026, 5, 6)))  # 准备
    assert inspections.per_quarter(2026) == {1: 1, 2: 0, 3: 0, 4: 0}


def test_supervision_keeps_its_date_and_a_notice_number_per_year(db, tmp_path):
    from town_office.services import settings
    from town_office.services.hazards import papers as hazard_papers

    settings.update_settings(town_name="青石镇")
    first = hazards.register(_major(found_on=date(2025, 12, 20), deadline=date(2026, 1, 20)))
    second = hazards.register(_major(supervised_on=date(2026, 3, 19)))
    plain = hazards.register(HazardInput(date(2026, 3, 18), "农贸市场", "灭火器过期"))
    assert (first.supervised_on, first.notice_number) == (date(2025, 12, 20), "青石人大督〔2025〕1号")
    assert (second.supervised_on, second.notice_number) == (date(2026, 3, 19), "青石人大督〔2026〕1号")
    assert not plain.has_notice and plain.supervised_on is None
    with pytest.raises(ValidationError, match="没有挂牌督办"):
        hazard_papers.print_notice(plain.number, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
    # 挂牌 later: the day recorded then; the 文号 is the next of its year, and not reused
    data = HazardInput(date(2026, 3, 18), "农贸市场", "灭火器过期", supervised=True,
                       supervised_on=date(2026, 4, 2))
    listed = hazards.update(plain.id, data)
    assert (listed.supervised_on, listed.notice_number) == (date(2026, 4, 2), "青石人大督〔2026〕2号")
    with pytest.raises(ValidationError, match="挂牌日期不能早于检查日期"):
        hazards.update(plain.id, HazardInput(date(2026, 3, 18), "农贸市场", "灭火器过期",
                                             supervised=True, supervised_on=date(2026, 3, 1)))
    settings.update_settings(supervision_notice_prefix="青人督")
    assert hazards.get_hazard(second.id).notice_number == "青人督〔2026〕1号"
    hazards.void(second.id, "与上一条重复登记", date(2026, 3, 20))
    with pytest.raises(ValidationError, match="已作废"):
        hazard_papers.print_notice(second.number, tmp_path / "y.pdf")


def test_a_review_is_not_dated_before_the_fix_and_finished_hazards_are_not_extended(db):
    row = hazards.register(_major())
    hazards.report_fixed(row.id, "已清理", date(2026, 4, 10))
    with pytest.raises(ValidationError, match="复查日期不能早于整改完成日期"):
        hazards.review(row.id, "何建军", date(2026, 4, 9), True, "通过")
    hazards.review(row.id, "何建军", date(2026, 4, 10), True, "通过")  # the same day is fine
    with pytest.raises(ValidationError, match="已销号"):
        hazards.extend(row.id, date(2026, 6, 1), "再给一个月时间", date(2026, 4, 20))
    voided = hazards.register(_major())
    hazards.void(voided.id, "与上一条重复登记", date(2026, 3, 20))
    with pytest.raises(ValidationError, match="已作废"):
        hazards.extend(voided.id, date(2026, 6, 1), "再给一个月时间", date(2026, 4, 20))
