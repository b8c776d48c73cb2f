"""Congress sessions: quorum and pass rules at their boundaries, attendance, elections written to the
presidium, and the papers read back (sign-in by group, ballots one per deputy)."""

from datetime import date

import pytest

from tests.pdf_helpers import assert_fonts_embedded, pdf_text
from town_office.errors import ValidationError
from town_office.services import sessions, settings
from town_office.services.sessions import agenda, papers
from town_office.services.sessions.rules import elected_positions, quorum_met, votes_needed
from town_office.services.sessions.types import (
    DECISION,
    ELECTION,
    REGULAR,
    FIRST,
    SessionInput,
    SessionItemInput,
)
from town_office.services.settings import CONGRESS_PASS_RULES, CONGRESS_QUORUM_RULES


@pytest.mark.parametrize("present, held", [(27, False), (28, True)])
def test_quorum_is_more_than_two_thirds_of_all_41(present, held):
    assert quorum_met(CONGRESS_QUORUM_RULES[0], 41, present) is held


def test_quorum_rules_at_exactly_two_thirds():
    assert not quorum_met(CONGRESS_QUORUM_RULES[0], 30, 20)
    assert quorum_met(CONGRESS_QUORUM_RULES[1], 30, 20)  # 三分之二以上 includes the number
    assert not quorum_met(CONGRESS_QUORUM_RULES[1], 30, 19)


def test_pass_needs_more_than_half_of_all_deputies():
    assert votes_needed(CONGRESS_PASS_RULES[0], 41, 30) == 21
    assert votes_needed(CONGRESS_PASS_RULES[0], 40, 30) == 21
    assert votes_needed(CONGRESS_PASS_RULES[1], 41, 30) == 16


def test_elected_most_votes_first_within_seats_and_ties_elect_neither():
    assert elected_positions([30, 25, 10], 2, 21) == {0, 1}
    assert elected_positions([30, 20, 10], 2, 21) == {0}  # 20 is not more than half of 41
    assert elected_positions([30, 25, 25], 2, 21) == {0}  # tie at the last seat: a further round


@pytest.fixture
def town(make_representative):
    """Six town deputies in two groups (one left before the session) and one county-only deputy."""
    made = [make_representative(name=n, birth_month=f"197{i}-01", group_name=g)
            for i, (n, g) in enumerate([("王芳", "第一代表小组"), ("李强", "第一代表小组"),
                                         ("张伟", "第二代表小组"), ("刘洋", "第二代表小组"),
                                         ("陈静", "第二代表小组"), ("赵磊", "第一代表小组")])]
    make_representative(name="孙县", birth_month="1960-01", levels=("县",))
    return made


def _session(kind=REGULAR, day=date(2026, 3, 10)):
    return sessions.create_session(SessionInput(None, kind, day, day, "镇政府三楼会议室", "王芳"))


def test_a_new_session_lists_every_town_deputy_as_present(town):
    detail = _session()
    assert detail.number == 1 and detail.title == "测试镇第十九届人民代表大会第一次会议"
    assert [d.name for d in detail.deputies][:3] == ["李强", "王芳", "赵磊"]  # 第一代表小组 first
    assert detail.tally.total == 6 and detail.tally.present == 6 and detail.tally.quorum_met
    assert _session(day=date(2026, 9, 1)).number == 2


def test_attendance_needs_a_reason_for_leave_and_quorum_is_checked(town):
    detail = _session()
    ids = [d.id for d in detail.deputies]
    with pytest.raises(ValidationError) as exc:
        sessions.set_attendance(detail.id, [(ids[0], "请假", "")])
    assert "请假须写明原因" in str(exc.value.problems[0])
    detail = sessions.set_attendance(detail.id, [(ids[0], "请假", "外出务工")])
    assert detail.tally.quorum_met  # 5 of 6
    detail = sessions.set_attendance(detail.id, [(ids[1], "缺席", "")])
    assert (detail.tally.present, detail.tally.excused, detail.tally.absent) == (4, 1, 1)
    assert not detail.tally.quorum_met  # 4 of 6 is exactly two thirds: not more
    with pytest.raises(ValidationError) as exc:
        agenda.add_item(detail.id, SessionItemInput(DECISION, "关于批准财政预算的决议", votes_for=3,
                                                    votes_against=0, votes_abstain=0))
    assert "不足法定人数" in str(exc.value)


def test_a_decision_passes_with_more_than_half_of_all_deputies(town):
    detail = _session()
    ids = [d.id for d in detail.deputies]
    sessions.set_attendance(detail.id, [(ids[0], "请假", "病假")])  # 5 of 6 present
    detail = agenda.add_item(detail.id, SessionItemInput(DECISION, "关于批准财政预算的决议",
                                                         votes_for=3, votes_against=1, votes_abstain=1))
    assert detail.items[0].result == "未通过"  # 3 is half of 6, not more
    detail = agenda.update_item(detail.items[0].id, SessionItemInput(
        DECISION, "关于批准财政预算的决议", decision="批准2026年财政预算。", votes_for=4, votes_against=1,
        votes_abstain=0))
    assert detail.items[0].passed
    with pytest.raises(ValidationError) as exc:
        agenda.update_item(detail.items[0].id, SessionItemInput(DECISION, "关于批准财政预算的决议",
                                                                votes_for=4, votes_against=1, votes_abstain=1))
    assert "超过出席代表5人" in str(exc.value)


def test_an_election_writes_the_presidium(town):
    detail = _session(FIRST)
    agenda.add_item(detail.id, SessionItemInput(ELECTION, "选举镇人民代表大会主席", seats=1,
                                                candidates=(("王芳", "主席", None, 6),)))
    detail = agenda.add_item(detail.id, SessionItemInput(
        ELECTION, "选举镇人民代表大会副主席", seats=1,
        candidates=(("李强", "副主席", None, 4), ("张伟", "副主席", None, 2))))
    item = detail.items[1]
    assert [c.elected for c in item.candidates] == [True, False]
    assert agenda.write_presidium(detail.items[0].id) == ["王芳：（无） → 主席"]
    assert agenda.write_presidium(item.id) == ["李强：（无） → 副主席"]
    from town_office.models import Representative
    assert Representative.get(Representative.name == "王芳").presidium_role == "主席"


def test_signin_sheet_by_group_and_ballots_one_per_deputy(town, tmp_path):
    detail = _session()
    ids = [d.id for d in detail.deputies]
    sessions.set_attendance(detail.id, [(ids[3], "请假", "住院治疗")])
    sessions.add_observer(detail.id, "周镇长", "镇人民政府镇长")
    agenda.add_item(detail.id, SessionItemInput(DECISION, "关于批准财政预算的决议"))
    agenda.add_item(detail.id, SessionItemInput(ELECTION, "选举镇长", seats=1,
                                                candidates=(("周镇长", "镇长", None, None),)))
    signin = papers.print_signin(detail.id, tmp_path / "签到表.pdf")
    text = "".join(pdf_text(signin))
    assert text.index("第一代表小组（3人）") < text.index("第二代表小组（3人）") < text.index("列席人员（1人）")
    assert "请假（住院治疗）" in text and "应到代表6人" in text and "孙县" not in text
    assert_fonts_embedded(signin)
    ballots = pdf_text(papers.print_ballot(detail.id, 1, tmp_path / "表决票.pdf"))
    assert len(ballots) == 6 and "第6张（共6张）" in ballots[-1]
    assert "关于批准财政预算的决议" in ballots[0] and "赞成" in ballots[0]
    votes = pdf_text(papers.print_ballot(detail.id, 2, tmp_path / "选票.pdf"))
    assert len(votes) == 6 and "周镇长" in votes[0] and "另选他人" in votes[0]
    with pytest.raises(ValidationError):
        papers.print_ballot(detail.id, 3, tmp_path / "x.pdf")


def test_a_closed_terms_session_asks_first(town):
    from town_office.services.roster import units as roster_units
    from town_office.services.roster.closed_terms import ClosedTermChange, allow_closed_term_changes

    detail = _session()
    new = roster_units.save_term(None, "第二十届", date(2026, 12, 28), None, make_current=True)
    assert new.name == "第二十届"
    settings.update_settings()  # nothing else changes
    from datetime import date as real_date
    import town_office.services.roster.closed_terms as closed

    class Later(real_date):
        @classmethod
        def today(cls):
            return real_date(2027, 1, 5)
    closed.date = Later
    try:
        with pytest.raises(ClosedTermChange):
            sessions.update_session(detail.id, SessionInput(None, REGULAR, detail.starts_on, detail.ends_on, "礼堂"))
        with allow_closed_term_changes():
            assert sessions.update_session(detail.id, SessionInput(
                None, REGULAR, detail.starts_on, detail.ends_on, "礼堂")).place == "礼堂"
    finally:
        closed.date = real_date


def test_section_two_and_the_assessment_count_session_attendance_once(town):
    from town_office.services import archive, assessment
    from town_office.services.archive.types import ArchiveEntryInput

    wang, li = town[0], town[1]
    detail = _session(day=date(2026, 3, 10))
    ids = {d.name: d.id for d in detail.deputies}
    sessions.set_attendance(detail.id, [(ids["李强"], "请假", "外出务工"), (ids["张伟"], "缺席", "")])
    sessions.create_session(SessionInput(None, REGULAR, date(2026, 12, 30), date(2026, 12, 30)))  # planned
    # an entry typed by hand before the program recorded sessions, on the day of a recorded one
    archive.save_entry(None, wang.id, ArchiveEntryInput(date(2026, 3, 10), "参加人代会", 2, "出席镇人代会"))
    archive.save_entry(None, wang.id, ArchiveEntryInput(date(2025, 1, 16), "参加人代会", 2, "出席镇人代会"))
    section = archive.deputy_archive(wang.id, 2026).sections[0]
    assert [(a.origin, a.status) for a in section.activities] == [("人代会", "出席"),
                                                                   ("档案登记", "已按会议出席记录计入")]
    assert "镇人代会出席1次、请假0次、缺席0次" in dict(archive.deputy_archive(wang.id, 2026).summary)["参加人大会议"]
    assert archive.deputy_archive(li.id, 2026).sections[0].activities[0].status == "请假（外出务工）"
    assessment.save_scheme(assessment.default_scheme(2026))
    scores = {s.name: s for s in assessment.score_year(2026)}
    congress = [ln for ln in scores["王芳"].lines if ln.source == "congress_session"]
    assert len(congress) == 1 and congress[0].record_table == "congress_session"
    assert [ln.points for ln in scores["张伟"].lines if ln.source == "congress_absent"] == [-4]
    assert not [ln for ln in scores["李强"].lines if ln.source.startswith("congress")]
    assessment.save_scheme(assessment.default_scheme(2025))
    old = {s.name: s for s in assessment.score_year(2025)}  # no session recorded: the hand entry counts
    assert [ln.source for ln in old["王芳"].lines if ln.source == "congress_session"] == ["congress_session"]
