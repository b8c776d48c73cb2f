"""The workbench's services on crafted records: each due item and each schedule check fires and
stays silent around its boundary dates; the figures count what the lists show."""

from datetime import date, datetime, timedelta

import pytest

from town_office.errors import TownOfficeError
from town_office.models import (
    AgendaItem,
    CongressSession,
    FollowUp,
    Hazard,
    HazardEvent,
    Inspection,
    Meeting,
    Problem,
    Reception,
    Station,
    TrainingSession,
    Visit,
    VisitDeputy,
)
from town_office.services.backups import STICK_BACKUP, record_handoff
from town_office.services.workbench import calendar_events, check_settings, due, figures, schedule

NOW = datetime(2026, 12, 6, 9, 0)
TODAY = NOW.date()


def _stamp():
    return dict(created_at=NOW, updated_at=NOW)


def _followup(term_id, deadline, original=None, status="交办", number=1):
    meeting = Meeting.create(term=term_id, number=number, held_on=date(2026, 9, 1), status="纪要定稿", **_stamp())
    item = AgendaItem.create(meeting=meeting, title="议题")
    return FollowUp.create(agenda_item=item, content="修好村道", handling_unit="镇交通站",
                           original_deadline=original or deadline, deadline=deadline, status=status, **_stamp())


def _visit(day=TODAY, households=1, rep=None):
    visit = Visit.create(visited_on=day, form="入户走访", village="桃源村", households=households, **_stamp())
    if rep is not None:
        VisitDeputy.create(visit=visit, representative=rep.id)
    return visit


def _fired(today, key):
    return [c for c in schedule.fired_checks(today) if c.key == key]


def _areas(items, area):
    return [i for i in items if i.area == area]


def test_followups_due_within_the_horizon_and_late_always(current_term):
    _followup(current_term.id, TODAY + timedelta(days=30), number=1)
    _followup(current_term.id, TODAY + timedelta(days=31), number=2)
    _followup(current_term.id, TODAY - timedelta(days=3), number=3)
    _followup(current_term.id, TODAY - timedelta(days=9), status="已办结", number=4)
    items = _areas(due.due_items(TODAY, 30, NOW), "督办事项")
    assert [i.left_text for i in items] == ["逾期3天", "还剩30天"]
    assert items[0].late and not items[1].late and items[0].page == "督办事项"
    assert len(_areas(due.due_items(TODAY, None, NOW), "督办事项")) == 3


def test_problems_count_working_days_and_skip_the_weekend(current_term):
    visit = _visit()
    # Sunday the 6th: Friday the 11th is five working days ahead; Friday the 4th is past, though
    # no working day has gone by since
    Problem.create(visit=visit, content="路灯坏了", status="交办", deadline=date(2026, 12, 11), **_stamp())
    Problem.create(visit=visit, content="渠道堵了", status="交办", deadline=date(2026, 12, 4), **_stamp())
    Problem.create(visit=visit, content="已经修好", status="已办结", deadline=date(2026, 12, 1), **_stamp())
    items = _areas(due.due_items(TODAY, 30, NOW), "群众诉求")
    assert [(i.title, i.left_text) for i in items] == [("渠道堵了", "已过期限"), ("路灯坏了", "还剩5个工作日")]
    assert items[0].late and items[1].unit == "工作日"
    monday = _areas(due.due_items(TODAY + timedelta(days=1), 30, NOW), "群众诉求")
    assert monday[0].left_text == "逾期1个工作日"


def test_first_response_of_a_reception_within_24_hours(current_term):
    station = Station.create(name="石门片代表联络站", **_stamp())
    for hours_ago, with_problem in ((23, True), (25, True), (30, False)):
        visit = _visit()
        if with_problem:
            Problem.create(visit=visit, content="反映问题", **_stamp())
        Reception.create(station=station, visit=visit, received_at=NOW - timedelta(hours=hours_ago))
    items = _areas(due.due_items(TODAY, 30, NOW), "接待首次答复")
    assert sorted(i.left for i in items) == [-2, 1]  # a reception without problems needs no answer
    late = next(i for i in items if i.late)
    assert late.left_text == "逾期2小时"


def test_minutes_not_finalised_n_days_after_the_meeting(current_term):
    Meeting.create(term=current_term.id, number=1, held_on=TODAY - timedelta(days=7), status="已召开", **_stamp())
    Meeting.create(term=current_term.id, number=2, held_on=TODAY - timedelta(days=8), status="筹备", **_stamp())
    Meeting.create(term=current_term.id, number=3, held_on=TODAY - timedelta(days=20), status="纪要定稿", **_stamp())
    items = {i.title[:4]: i for i in _areas(due.due_items(TODAY, 0, NOW), "会议纪要")}
    assert items["第1次主"].left_text == "今天到期" and items["第1次主"].detail == "纪要尚未定稿"
    assert items["第2次主"].late and "还没有记录召开情况" in items["第2次主"].detail
    assert len(items) == 2
    check_settings.save_check_settings({"minutes_days": (False, 7)})
    assert not _areas(due.due_items(TODAY, 0, NOW), "会议纪要")


def test_new_deputy_without_first_training(current_term, make_representative):
    fresh = make_representative(name="新代表", elected_on=TODAY - timedelta(days=200))
    make_representative(name="老代表", elected_on=TODAY - timedelta(days=400))
    trained = make_representative(name="受训代表", elected_on=TODAY - timedelta(days=200))
    session = TrainingSession.create(title="初任培训", kind="初任培训", organiser="县人大常委会",
                                     held_on=TODAY - timedelta(days=100), hours=4, **_stamp())
    from town_office.models import TrainingAttendee
    TrainingAttendee.create(session=session, representative=trained.id)
    items = _areas(due.due_items(TODAY, 30, NOW), "初任培训")
    assert [(i.record_id, i.left) for i in items] == [(fresh.id, -20)]
    assert items[0].page == "代表培训"


def test_area_filter_and_order(current_term):
    _followup(current_term.id, TODAY + timedelta(days=2))
    Hazard.create(year=2026, seq=1, found_on=date(2026, 11, 1), place="市场", description="电线乱拉",
                  deadline=TODAY + timedelta(days=1), **_stamp())
    items = due.due_items(TODAY, 30, NOW)
    assert [i.area for i in items] == ["隐患整改", "督办事项"]
    assert [i.area for i in due.due_items(TODAY, 30, NOW, areas=("督办事项",))] == ["督办事项"]


def test_presidium_meeting_check_at_its_lead_boundary(current_term):
    # the fourth quarter ends 2026-12-31: 45 days before is 11-16
    assert _fired(date(2026, 11, 16), "presidium_meeting")
    assert not _fired(date(2026, 11, 15), "presidium_meeting")
    Meeting.create(term=current_term.id, number=1, held_on=date(2026, 12, 20), **_stamp())
    planned = _fired(TODAY, "presidium_meeting")[0]
    assert "已安排在12月20日" in planned.message and not planned.urgent
    assert not _fired(date(2026, 12, 20), "presidium_meeting")  # held that day
    check_settings.save_check_settings({"presidium_meeting": (False, 45)})
    assert not _fired(TODAY, "presidium_meeting")


def test_training_and_inspection_checks(current_term):
    assert _fired(TODAY, "quarter_training") and _fired(TODAY, "half_year_practice")
    assert _fired(TODAY, "quarter_inspection")
    TrainingSession.create(title="季度集训", kind="集中培训", organiser="镇人大主席团", held_on=date(2026, 10, 1),
                           hours=2, **_stamp())
    TrainingSession.create(title="屋场会", kind="专题实训", organiser="代表小组", held_on=date(2026, 6, 30),
                           hours=2, **_stamp())
    Inspection.create(kind="视察", title="视察", starts_on=date(2026, 10, 9), **_stamp())
    assert not _fired(TODAY, "quarter_training")
    assert _fired(TODAY, "half_year_practice")  # 6-30 belongs to the first half year
    TrainingSession.update(held_on=date(2026, 7, 1)).where(TrainingSession.kind == "专题实训").execute()
    assert _fired(TODAY, "half_year_practice") == []
    assert _fired(TODAY, "quarter_inspection")  # a 视察 is not a 执法检查
    Inspection.create(kind="执法检查", title="食品安全", starts_on=date(2026, 10, 1), **_stamp())
    assert not _fired(TODAY, "quarter_inspection")


def test_visit_checks(current_term, make_representative):
    walker = make_representative(name="走访代表", elected_on=date(2021, 12, 28))
    idle = make_representative(name="未走访代表", elected_on=date(2021, 12, 28))
    _visit(date(2026, 7, 1), 12, walker)
    _visit(date(2026, 6, 30), 9, idle)
    fired = _fired(TODAY, "half_year_visits")[0]
    assert "1名代表下半年还没有走访记录：未走访代表" in fired.message
    quota = _fired(TODAY, "visit_quota")[0]
    assert "未走访代表" in quota.message and "走访代表、" not in quota.message
    # 12 households a year: by 12-06 about 11.2 are due; 9 is 2.2 behind — tolerance 3 silences it
    check_settings.save_check_settings({"visit_quota": (True, 3)})
    assert not _fired(TODAY, "visit_quota")


def test_congress_sessions_check(current_term):
    assert "今年已举行镇人代会会议0次，每年至少2次" in _fired(TODAY, "congress_sessions")[0].message
    for day in (date(2026, 1, 10), date(2026, 12, 6)):
        CongressSession.create(term=current_term.id, number=day.month, starts_on=day, ends_on=day, **_stamp())
    assert not _fired(TODAY, "congress_sessions")
    assert "已举行镇人代会会议1次" in _fired(date(2026, 12, 5), "congress_sessions")[0].message


def test_supervised_hazard_without_progress(current_term):
    hazard = Hazard.create(year=2026, seq=1, found_on=date(2026, 10, 1), place="幼儿园", description="燃气",
                           supervised=True, status="整改中", **_stamp())
    HazardEvent.create(hazard=hazard, at=NOW, happened_on=TODAY - timedelta(days=29), status_from="待整改",
                       status_to="整改中")
    assert not _fired(TODAY, "supervised_hazards")
    assert "2026-001" in _fired(TODAY + timedelta(days=1), "supervised_hazards")[0].message


def test_extension_near_its_limit(current_term):
    # six months from 2026-06-30 is 2026-12-30; extended to 12-01 leaves 29 days of room
    _followup(current_term.id, date(2026, 12, 1), original=date(2026, 6, 30), number=1)
    _followup(current_term.id, date(2026, 11, 29), original=date(2026, 6, 30), number=2)
    fired = _fired(TODAY, "extension_limit")[0]
    assert fired.message.startswith("1项督办事项的延期已接近6个月的上限")


def test_stick_backup_and_county_package(current_term, data_folder):
    assert "还从来没有备份到U盘" in _fired(TODAY, "stick_backup")[0].message
    record_handoff(STICK_BACKUP, data_folder.root / "U盘")
    assert not _fired(TODAY, "stick_backup")
    assert not _fired(TODAY + timedelta(days=29), "stick_backup")
    assert "30天前" in _fired(TODAY + timedelta(days=30), "stick_backup")[0].message
    package = _fired(TODAY, "county_package")[0]
    assert "第四季度的报送包还没有生成，应在12月31日前" in package.message
    check_settings.save_check_settings({"county_package": (True, 12)})
    assert "2026年的报送包" in _fired(TODAY, "county_package")[0].message


def test_term_end_check(current_term):
    # the term ends 2026-12-27: 90 days before is 09-28
    assert not _fired(date(2026, 9, 27), "term_end")
    fired = _fired(date(2026, 9, 28), "term_end")[0]
    assert "还有90天届满" in fired.message and fired.page == "换届"
    assert "已于2026年12月27日届满" in _fired(date(2026, 12, 28), "term_end")[0].message


def test_check_settings_are_checked_and_audited(current_term):
    with pytest.raises(TownOfficeError, match="季度末前几天起提醒应在1到92之间"):
        check_settings.save_check_settings({"presidium_meeting": (True, 93)})
    with pytest.raises(TownOfficeError, match="只能填3、6或12"):
        check_settings.save_check_settings({"county_package": (True, 4)})
    check_settings.save_check_settings({"term_end": (True, 30)})
    assert check_settings.check_settings()["term_end"] == (True, 30)
    assert not _fired(date(2026, 11, 26), "term_end")
    from town_office.models import AuditEntry
    assert AuditEntry.select().where(AuditEntry.field == "本届任期即将届满").count() == 1


def test_year_figures_and_charts_count_the_records(current_term):
    visit = _visit(date(2026, 3, 2), 3)
    _visit(date(2026, 3, 9), 2)
    Problem.create(visit=visit, content="甲", category="道路交通", status="交办", deadline=date(2026, 3, 1),
                   **_stamp())
    Problem.create(visit=visit, content="乙", category="道路交通", status="已反馈", satisfaction="满意",
                   feedback_on=date(2026, 3, 20), **_stamp())
    Hazard.create(year=2026, seq=1, found_on=date(2026, 3, 1), place="甲", description="乙", **_stamp())
    shown, charts = figures.glance(2026, TODAY)
    by_label = {(f.group, f.label): f for f in shown}
    assert by_label[("走访", "走访")].value == "2次，5户"
    assert by_label[("群众诉求", "逾期")].value == "1件"
    assert by_label[("群众诉求", "逾期")].filters == {"year": 2026, "status": "未办结", "overdue_only": True}
    assert by_label[("隐患", "待整改")].value == "1处"
    visits_chart = next(c for c in charts if "走访" in c.title)
    assert visits_chart.values[2] == 2 and sum(visits_chart.values) == 2
    category_chart = next(c for c in charts if "类别" in c.title)
    assert dict(zip(category_chart.labels, category_chart.values)) == {"道路交通": 2}


def test_calendar_holds_lunar_reception_days_and_deadlines(current_term):
    Station.create(name="龙潭片代表联络站", rule_kind="农历", rule_days="四、九", **_stamp())
    _followup(current_term.id, TODAY + timedelta(days=3))
    events = calendar_events.next_days(TODAY, 14)
    reception_days = [e.day for e in events if e.kind == "接待日"]
    # 2026-12-09 is the 初一 ... the lunar days ending in 四 or 九 between 12-06 and 12-20
    from town_office.services.stations.days import lunar_of
    assert reception_days and all(lunar_of(d)[1] % 10 in (4, 9) for d in reception_days)
    assert any(e.kind == "到期" and e.day == TODAY + timedelta(days=3) for e in events)
