"""Demo training: the 2022 初任培训 of the new term, and five sessions a year in 2025 and 2026 across
the kinds, with realistic leave and absences; the deputy elected in 2024 has never attended one."""

from __future__ import annotations

import random
from datetime import date

from town_office.services import roster
from town_office.services.roster import units as roster_units
from town_office.services import training
from town_office.services.meetings.types import ABSENT, EXCUSED, AttendanceChange
from town_office.services.training.types import (
    ALL_TOWN,
    BY_GROUP,
    COUNTY_DEPUTIES,
    NEW_DEPUTIES,
    SessionInput,
)

LEAVE_REASONS = ("外出务工", "生病住院", "家中有事", "参加县里会议", "外出学习")
COUNTY, TOWN, GROUP = "县人大常委会", "镇人大主席团", "代表小组"

# (date, title, kind, organiser, hours, place, lecturer, post, chooser, group name)
SESSIONS = [
    (date(2022, 3, 18), "新当选镇人大代表初任培训", "初任培训", COUNTY, 6, "云溪县人大常委会培训中心",
     "周文涛", "县人大常委会研究室主任", NEW_DEPUTIES, None),
    (date(2025, 3, 12), "2025年度镇人大代表集中培训", "集中培训", TOWN, 3, "镇人民政府三楼会议室",
     "王建国", "镇人大主席团主席", ALL_TOWN, None),
    (date(2025, 5, 20), "代表建议撰写专题培训", "专题培训", COUNTY, 2, "镇人民政府三楼会议室",
     "李晓东", "县人大常委会代表工委主任", ALL_TOWN, None),
    (date(2025, 7, 8), "学习《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》", "以会代训", TOWN,
     1.5, "镇人民政府三楼会议室", "李春梅", "镇人大主席团副主席", ALL_TOWN, None),
    (date(2025, 9, 16), "青石社区片代表分片培训", "分片培训", GROUP, 2, "青石社区代表联络站",
     "黄明辉", "青石社区代表小组组长", BY_GROUP, "青石社区代表小组"),
    (date(2025, 11, 20), "全省人大代表履职能力视频培训", "线上培训", COUNTY, 2.5, "镇人民政府视频会议室",
     "", "", ALL_TOWN, None),
    (date(2026, 3, 10), "2026年度镇人大代表集中培训", "集中培训", TOWN, 3, "镇人民政府三楼会议室",
     "王建国", "镇人大主席团主席", ALL_TOWN, None),
    (date(2026, 4, 22), "赴浙江安吉学习基层人大工作", "外出培训", COUNTY, 16, "浙江省安吉县",
     "", "", COUNTY_DEPUTIES, None),
    (date(2026, 6, 18), "《中华人民共和国安全生产法》专题辅导", "专题培训", TOWN, 2, "镇人民政府三楼会议室",
     "何建军", "镇应急管理办公室主任", ALL_TOWN, None),
    (date(2026, 9, 9), "白沙片代表分片培训", "分片培训", GROUP, 2, "白沙村代表联络站",
     "孙国庆", "白沙片代表小组组长", BY_GROUP, "白沙片代表小组"),
    (date(2026, 10, 28), "基层人大代表履职视频培训", "线上培训", COUNTY, 1.5, "镇人民政府视频会议室",
     "", "", ALL_TOWN, None),
]
NEVER_TRAINED_NOTE = "2024年补选"


def build() -> dict[str, int]:
    rng = random.Random(47)
    term_id = roster_units.current_term_id(required=True)
    never = {r.id for r in roster.list_representatives(term_id) if r.notes == NEVER_TRAINED_NOTE}
    groups = {u.name: u.id for u in roster_units.list_units("group")}
    for held_on, title, kind, organiser, hours, place, lecturer, post, chooser, group in SESSIONS:
        expected = training.choose_expected(chooser, held_on, term_id, groups.get(group))
        if chooser == NEW_DEPUTIES:  # the 补选 deputy was not yet elected in 2022
            expected = [i for i in expected if i not in never]
        session = training.create_session(
            SessionInput(title, kind, organiser, held_on, hours, place, lecturer, post,
                         topics="学习宪法和代表法有关规定；代表的权利和义务；如何开展走访选民和提出建议。"
                         if kind in ("初任培训", "集中培训") else ""), expected)
        changes = []
        for attendee in session.attendees:
            roll = rng.random()
            if attendee.representative_id in never:
                changes.append(AttendanceChange(attendee.id, EXCUSED if roll < 0.6 else ABSENT,
                                                "外出务工" if roll < 0.6 else ""))
            elif roll < 0.08:
                changes.append(AttendanceChange(attendee.id, EXCUSED, rng.choice(LEAVE_REASONS)))
            elif roll < 0.11:
                changes.append(AttendanceChange(attendee.id, ABSENT))
        training.set_attendance(session.id, changes)
    return {"代表培训": len(SESSIONS)}
