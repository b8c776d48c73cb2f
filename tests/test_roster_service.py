"""Roster use cases against a real database file: validation, audit, ending, deleting, units."""

from datetime import date

import pytest

from tests.conftest import valid_id
from town_office.errors import ValidationError
from town_office.models import AuditEntry, Representative
from town_office.services.common import audit
from town_office.services import roster
from town_office.services.roster import units as roster_units
from town_office.services.common.pinyin import pinyin_keys
from town_office.services.roster.types import RepresentativeInput


def test_create_stores_every_field_and_an_audit_trail(make_representative):
    number = valid_id("19750312", "122")
    row = make_representative(name="王䶮", id_number=number, levels=("镇", "县"), phone="13812345678",
                              presidium_role="成员", elected_on=date(2021, 12, 28))
    stored = Representative.get_by_id(row.id)
    assert (stored.name, stored.id_number, stored.birth_month) == ("王䶮", number, "1975-03")
    assert row.levels == ("镇", "县") and row.group_name == "第一代表小组" and row.is_presidium_member
    assert row.masked_id_number == number[:4] + "*" * 10 + number[-4:]
    fields = {a.field: a.new_value for a in audit.history("representative", row.id)}
    assert fields["姓名"] == "王䶮" and fields["代表层级"] == "镇、县"


def test_update_records_old_and_new_values(make_representative):
    row = make_representative()
    data = row.as_input()
    data.phone = "13900001111"
    roster.update_representative(row.id, data)
    last = audit.history("representative", row.id)[-1]
    assert (last.action, last.field, last.old_value, last.new_value) == ("修改", "联系电话", "", "13900001111")


def test_every_problem_is_reported_at_once_and_nothing_is_written(current_term):
    bad = RepresentativeInput(name="", gender="男", birth_month="2999-01", phone="12345",
                              id_number="110105194912310021")
    with pytest.raises(ValidationError) as caught:
        roster.create_representative(bad)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"姓名", "出生年月", "联系电话", "公民身份号码"}
    assert Representative.select().count() == 0
    assert AuditEntry.select().where(AuditEntry.table == "representative").count() == 0


def test_id_number_must_agree_with_birth_month_and_gender(current_term):
    number = valid_id("19750312", "121")  # a man born 1975-03
    with pytest.raises(ValidationError) as caught:
        roster.create_representative(RepresentativeInput(name="李四", gender="女", birth_month="1976-03",
                                                         id_number=number))
    messages = caught.value.for_field("公民身份号码")
    assert "出生年月" in str(caught.value) and "男性" in str(caught.value) and messages


def test_duplicates_of_id_leader_and_chair_are_refused(make_representative):
    number = valid_id("19750312", "122")
    make_representative(id_number=number, group_role="组长", presidium_role="主席")
    with pytest.raises(ValidationError) as caught:
        make_representative(name="李娜", id_number=number, group_role="组长", presidium_role="主席")
    text = str(caught.value)
    assert "重复" in text and "已有组长 王芳" in text and "已有主席 王芳" in text


def test_end_and_reinstate_keep_history(make_representative):
    row = make_representative()
    ended = roster.end_representative(row.id, date(2024, 5, 10), "迁出调离", "调往县城")
    assert (ended.status, ended.ended_on, ended.end_reason) == ("终止", date(2024, 5, 10), "迁出调离（调往县城）")
    with pytest.raises(ValidationError, match="已于"):
        roster.end_representative(row.id, date(2024, 5, 11), "辞职")
    assert roster.reinstate_representative(row.id).status == "在任"
    actions = [a.action for a in audit.history("representative", row.id)]
    assert "终止" in actions and "恢复在任" in actions


def test_end_needs_a_reason_and_a_note_for_other(make_representative):
    row = make_representative()
    with pytest.raises(ValidationError) as caught:
        roster.end_representative(row.id, date(2024, 5, 10), "其他", "")
    assert caught.value.for_field("说明")


def test_delete_a_mistaken_entry_leaves_an_audit_row(make_representative):
    row = make_representative()
    roster.delete_representative(row.id)
    assert Representative.get_or_none(id=row.id) is None
    assert audit.history("representative", row.id)[-1].action == "删除"


def test_units_in_use_cannot_be_deleted(make_representative):
    make_representative()
    group = roster_units.list_units("group")[0]
    assert group.member_count == 1
    with pytest.raises(ValidationError, match="还有 1 名代表"):
        roster_units.delete_unit("group", group.id)
    with pytest.raises(ValidationError, match="当前届次|还有"):
        roster_units.delete_term(roster_units.current_term_id())


def test_pinyin_keys_find_full_pinyin_and_initials_with_surname_readings():
    assert pinyin_keys("王芳")[1].split("|")[0] == "wf"
    full, initials = pinyin_keys("单雄")
    assert "shanxiong" in full and "sx" in initials and "dx" in initials


def test_demo_town_has_what_the_issue_asks(demo_town):
    rows = roster.list_representatives(roster_units.current_term_id())
    town = [r for r in rows if "镇" in r.levels]
    assert 40 <= len(town) <= 50
    assert len(roster_units.list_units("group")) == 6
    assert len(roster_units.list_units("constituency")) == 8
    assert sum(1 for r in rows if r.presidium_role and r.status == "在任") == 7
    assert sum(1 for r in rows if r.status == "终止") >= 3
    assert any("县" in r.levels and "镇" not in r.levels for r in rows)
    assert any(ch in "".join(r.name for r in rows) for ch in "䶮𬌗")
