"""Demo liaison stations: 石门片 (每逢农历“四”“九”) and 青石社区 (逢6), their 六有, the deputies of
their groups, and receptions in 2025 and 2026 with the voters' problems (some first answered after
more than 24 hours), plus a few appointments."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from town_office.services import roster, stations
from town_office.services.roster import units as roster_units
from town_office.services.stations import receptions
from town_office.services.stations.types import SIX_STANDARDS, ReceptionInput, StationInput
from town_office.services.visits.types import ProblemInput

STATIONS = (("石门片代表联络站", "石门村党群服务中心二楼", "石门片代表小组", "农历", "4,9"),
            ("青石社区代表联络站", "青石社区服务中心", "青石社区代表小组", "逢", "6"))
WISHES = (("村道路灯不亮，晚上出行不便", "道路交通"), ("灌溉水渠淤塞", "农田水利"), ("垃圾清运不及时", "环境卫生"),
          ("希望增加村卫生室坐诊时间", "教育医疗"), ("低保申请进度咨询", "社会保障"), ("邻里宅基地边界纠纷", "矛盾纠纷"))


def build() -> dict[str, int]:
    rng = random.Random(6)
    term_id = roster_units.current_term_id(required=True)
    reps = [r for r in roster.list_representatives(term_id) if r.status == "在任" and "镇" in r.levels]
    held = 0
    for name, place, group, kind, days in STATIONS:
        row = stations.save_station(None, StationInput(name, place, "陈晓燕", "0736-5821006", kind, days))
        members = [r.id for r in reps if r.group_name == group] or [r.id for r in reps[:4]]
        stations.set_deputies(row.id, members)
        for i, item in enumerate(SIX_STANDARDS[:5 if kind == "逢" else 6]):
            stations.set_standard(row.id, item, date(2024, 3 + i, 10))
        for year in (2025, 2026):
            last = date(year, 11, 30) if year == 2026 else date(2025, 12, 31)
            for day in stations.schedule(row.id, date(year, 1, 1), 12):
                if day.on > last or rng.random() < 0.55:
                    continue
                on_duty = [r for r in reps if r.name in day.on_duty]
                wishes = rng.sample(WISHES, rng.randint(0, 2))
                received = datetime(day.on.year, day.on.month, day.on.day, 9, 0)
                responded = received + timedelta(hours=rng.choice((3, 6, 20, 30))) if wishes else None
                receptions.record_reception(ReceptionInput(
                    row.id, day.on, "接待日", tuple(r.id for r in on_duty), rng.randint(2, 9), received, responded,
                    summary="接待日听取选民意见", problems=tuple(ProblemInput(w, c) for w, c in wishes)))
                held += 1
        appointment = date(2026, 4, 21)
        receptions.record_reception(ReceptionInput(row.id, appointment, "预约接待", (members[0],), 1,
                                                   datetime(2026, 4, 21, 15), datetime(2026, 4, 22, 10),
                                                   summary="选民预约反映土地流转问题"))
        held += 1
    return {"联络站": len(STATIONS), "接待": held}
