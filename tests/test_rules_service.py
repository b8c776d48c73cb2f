"""Rule documents: which version was in force on a day across adoption, revision and repeal; the
states; what adoption and repeal refuse; drafts only; the original; the history."""

from datetime import date

import pytest

from town_office.errors import ValidationError
from town_office.models import RuleArticle, RuleDocument, RuleVersion
from town_office.services import meetings
from town_office.services.rules import adoption as rule_adoption
from town_office.services import rules
from town_office.services.rules.types import (
    ADOPTED,
    DRAFT,
    IN_FORCE,
    REPEALED,
    REVISED,
    RULE_KINDS,
    AdoptionInput,
    RuleUnit,
)

KIND = "视察调研办法"
TEXT = (RuleUnit(True, "总则"), RuleUnit(False, "为了规范代表视察，制定本办法。"),
        RuleUnit(False, "本办法自通过之日起施行。"))
CONGRESS = "测试镇第十九届人民代表大会第一次会议"


def _adopted(kind=KIND, on=date(2022, 1, 16), effective=None, units=TEXT):
    version = rules.create_draft(kind, units, drafted_on=date(2022, 1, 1))
    rule_adoption.adopt(version.id, AdoptionInput(on, effective or on, adopted_by=CONGRESS))
    return version


def _revised(on=date(2025, 9, 24), effective=date(2025, 10, 1), kind=KIND):
    version = rules.new_revision(kind)
    units = list(rules.version_units(version.id)) + [RuleUnit(False, "代表接待日为每月十五日。")]
    rules.save_draft(version.id, units, "修订", date(2025, 9, 1))
    rule_adoption.adopt(version.id, AdoptionInput(on, effective, adopted_by="测试镇第十九届人大主席团第十五次会议"))
    return version


def _in_force(day: date):
    row = rules.document_row(KIND, day)
    return row.in_force.number if row.in_force else None


def test_the_six_are_always_listed_and_nothing_is_written_for_listing(current_term):
    rows = rules.list_documents()
    assert [r.kind for r in rows] == list(RULE_KINDS)
    assert all(r.id is None and not r.has_adopted and r.state_text == "尚未制定" for r in rows)
    assert rows[1].title == "测试镇人民代表大会主席团议事规则"
    assert not RuleDocument.select().exists()


def test_in_force_across_adoption_revision_and_repeal(current_term):
    first = _adopted(effective=date(2022, 2, 1))
    assert _in_force(date(2022, 1, 15)) is None  # not yet adopted
    assert _in_force(date(2022, 1, 20)) is None  # adopted, not yet effective
    assert rules.document_row(KIND, date(2022, 1, 20)).state_text == "已通过，2022-02-01起施行"
    assert _in_force(date(2022, 2, 1)) == 1
    second = _revised()
    assert _in_force(date(2025, 9, 30)) == 1  # adopted on 24 Sep, effective 1 Oct
    assert _in_force(date(2025, 10, 1)) == 2
    assert _in_force(date(2023, 6, 1)) == 1  # the past stays the past
    rule_adoption.repeal(second.id, date(2026, 6, 30), "已被新的代表工作制度取代")
    assert _in_force(date(2026, 6, 29)) == 2
    assert _in_force(date(2026, 6, 30)) is None
    assert rules.document_row(KIND, date(2026, 7, 1)).state_text == "已废止"
    statuses = {v.number: v.status for v in rules.document_row(KIND).versions}
    assert statuses == {1: REVISED, 2: REPEALED}
    assert rules.get_version(first.id).notice.startswith("本版本自2025年10月1日起已由第2版取代")


def test_states_follow_the_dates(current_term):
    version = _adopted(on=date(2026, 11, 30), effective=date(2027, 1, 1))
    today = date(2026, 12, 2)
    [row] = rules.document_row(KIND).versions
    assert rules.list_documents(today=today)[4].versions[0].status == ADOPTED
    assert rules.list_documents(today=date(2027, 1, 1))[4].versions[0].status == IN_FORCE
    assert row.id == version.id
    draft = rules.new_revision(KIND)
    assert rules.document_row(KIND).draft.id == draft.id and draft.status == DRAFT


def test_a_new_version_replaces_the_old_on_its_own_effective_date_only(current_term):
    _adopted()
    draft = rules.new_revision(KIND)
    assert rules.version_units(draft.id) == rules.version_units(rules.document_row(KIND).versions[0].id)
    assert _in_force(date(2026, 12, 1)) == 1  # a draft changes nothing
    assert rules.document_row(KIND).state_text == f"有效（第1版）；{draft.label}草案待通过"


def test_adoption_is_refused_with_reasons(current_term, make_meeting):
    version = rules.create_draft(KIND, TEXT, drafted_on=date(2025, 3, 1))
    cases = [
        (AdoptionInput(None, None), {"通过日期", "生效日期", "通过会议"}),
        (AdoptionInput(date(2025, 3, 10), date(2025, 3, 9), adopted_by=CONGRESS), {"生效日期"}),
        (AdoptionInput(date(2025, 2, 1), date(2025, 2, 1), adopted_by=CONGRESS), {"通过日期"}),  # before drafting
        (AdoptionInput(date(2099, 1, 1), date(2099, 1, 1), adopted_by=CONGRESS), {"通过日期"}),
    ]
    for data, fields in cases:
        with pytest.raises(ValidationError) as refused:
            rule_adoption.adopt(version.id, data)
        assert {p.field for p in refused.value.problems} == fields, data
    planned = make_meeting(held_on=date(2026, 12, 20))
    with pytest.raises(ValidationError, match="尚未召开"):
        rule_adoption.adopt(version.id, AdoptionInput(date(2025, 3, 10), date(2025, 3, 10), planned.id))
    held = meetings.mark_held(make_meeting(held_on=date(2025, 3, 26)).id)
    with pytest.raises(ValidationError, match="2025-03-26"):
        rule_adoption.adopt(version.id, AdoptionInput(date(2025, 3, 20), date(2025, 3, 20), held.id))
    detail = rule_adoption.adopt(version.id, AdoptionInput(date(2025, 3, 26), date(2025, 3, 26), held.id))
    assert detail.version.adopted_by == "测试镇第十九届人大主席团第二次会议"  # the planned one is 第一次
    assert detail.history == ("2025年3月26日测试镇第十九届人大主席团第二次会议通过",)
    assert RuleVersion.get_by_id(version.id).adopted_by == ""  # linked, not typed


def test_an_empty_draft_cannot_be_adopted(current_term):
    version = rules.create_draft(KIND, [RuleUnit(True, "总则")])
    with pytest.raises(ValidationError, match="还没有条文"):
        rule_adoption.adopt(version.id, AdoptionInput(date(2025, 1, 2), date(2025, 1, 2), adopted_by=CONGRESS))


def test_versions_keep_their_order_in_time(current_term):
    _adopted(on=date(2024, 5, 1))
    draft = rules.new_revision(KIND)
    rules.save_draft(draft.id, TEXT, "", date(2024, 4, 1))
    with pytest.raises(ValidationError, match="须晚于第1版的生效日期"):
        rule_adoption.adopt(draft.id, AdoptionInput(date(2024, 5, 1), date(2024, 5, 1), adopted_by=CONGRESS))
    rule_adoption.adopt(draft.id, AdoptionInput(date(2025, 5, 1), date(2025, 5, 1), adopted_by=CONGRESS))
    first = rules.document_row(KIND).versions[0]
    with pytest.raises(ValidationError, match="须早于第2版的生效日期"):  # correcting the first
        rule_adoption.adopt(first.id, AdoptionInput(date(2024, 5, 1), date(2025, 6, 1), adopted_by=CONGRESS))


def test_adopted_text_is_locked_and_kept(current_term):
    version = _adopted()
    with pytest.raises(ValidationError, match="已经通过"):
        rules.save_draft(version.id, TEXT[:2], "", date(2022, 1, 1))
    with pytest.raises(ValidationError, match="不能删除"):
        rules.delete_draft(version.id)
    assert RuleArticle.select().where(RuleArticle.version == version.id).count() == 3


def test_repeal_rules(current_term):
    version = _adopted()
    with pytest.raises(ValidationError) as refused:
        rule_adoption.repeal(version.id, date(2021, 1, 1), "")
    assert {p.field for p in refused.value.problems} == {"废止日期", "废止原因"}
    _revised()
    with pytest.raises(ValidationError, match="只能废止最新通过的版本"):
        rule_adoption.repeal(version.id, date(2026, 1, 1), "不再适用")
    draft = rules.new_revision(KIND)
    with pytest.raises(ValidationError, match="草案尚未通过"):
        rule_adoption.repeal(draft.id, date(2026, 1, 1), "不再适用")


def test_one_open_draft_at_a_time_and_drafts_can_go(current_term, data_folder, tmp_path):
    draft = rules.create_draft(KIND, TEXT)
    with pytest.raises(ValidationError, match="已有草案"):
        rules.create_draft(KIND, TEXT)
    source = tmp_path / "原件.pdf"
    source.write_bytes(b"%PDF-1.4 original")
    attached = rules.attach_original(draft.id, source)
    stored = data_folder.attachments / attached.stored_path
    assert stored.read_bytes() == b"%PDF-1.4 original" and attached.file_name == "原件.pdf"
    rules.delete_draft(draft.id)
    assert not RuleVersion.select().exists() and not RuleArticle.select().exists()
    assert not stored.exists()
    assert rules.create_draft(KIND, TEXT).number == 1


def test_empty_units_are_refused_by_number(current_term):
    with pytest.raises(ValidationError) as refused:
        rules.create_draft(KIND, [RuleUnit(True, "总则"), RuleUnit(False, "甲"), RuleUnit(False, "  \n ")])
    assert str(refused.value) == "条文：第二条没有条文内容，请填写或删去这一条"
    with pytest.raises(ValidationError, match="第一章的章名只能写一行"):
        rules.create_draft(KIND, [RuleUnit(True, "总则\n为了规范"), RuleUnit(False, "甲")])


def test_the_towns_own_documents(current_term):
    row = rules.save_document("代表联络站工作制度", "测试镇人大代表联络站工作制度")
    assert rules.list_documents()[-1].kind == "代表联络站工作制度" and not row.builtin
    with pytest.raises(ValidationError, match="已有"):
        rules.save_document("代表联络站工作制度", "重复")
    with pytest.raises(ValidationError, match="已有"):
        rules.save_document("视察调研办法", "另一份")
    version = rules.create_draft("代表联络站工作制度", TEXT)
    assert version.number == 1
    renamed = rules.save_document("改不了", "测试镇代表联络站制度", row.id)
    assert renamed.title == "测试镇代表联络站制度"
    rules.delete_document(row.id)  # added by mistake, only a draft: goes with its draft
    assert [r.kind for r in rules.list_documents()] == list(RULE_KINDS)
    assert not RuleVersion.select().exists()
    builtin = _adopted()
    with pytest.raises(ValidationError, match="两规则四办法之一"):
        rules.delete_document(RuleVersion.get_by_id(builtin.id).document_id)
    own = rules.save_document("代表述职制度", "测试镇代表述职制度")
    _adopted(kind="代表述职制度")
    with pytest.raises(ValidationError, match="已有通过的版本"):
        rules.delete_document(own.id)


def test_history_names_each_version(current_term):
    version = _adopted()
    rules.attach_original(version.id, __file__)
    actions = [e.action for e in rules.document_history(KIND)]
    assert actions[0] == "新增"
    assert {"第1版新建草案", "第1版通过", "第1版附原件"} <= set(actions)
    text_row = next(e for e in rules.document_history(KIND) if e.field == "条文")
    assert text_row.new_value.startswith("修改0条，新增2条")


def test_demo_town_has_all_six_adopted_and_one_revised(demo_town):
    rows = rules.list_documents(date(2026, 12, 2))
    assert all(r.in_force for r in rows[:6])
    revised = [r for r in rows if len(r.versions) == 2]
    assert [r.kind for r in revised] == ["视察调研办法"]
    second = revised[0].versions[1]
    assert second.adopted_by == "青石镇第十九届人大主席团第十五次会议"
    assert second.effective_on == date(2025, 10, 1)
    comparison = rules.compare(revised[0].versions[0].id, second.id)
    assert (comparison.count("修改"), comparison.count("新增"), comparison.count("删除")) == (2, 1, 0)
