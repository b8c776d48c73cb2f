"""Demo 一人一档 and 年度履职考核: archive entries for 2025 and 2026 (group activities, suggestions,
reports to voters, awards; the congress sessions come from their attendance), a scheme for both years,
2025 computed, published, corrected and frozen, 2026 computed."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

from town_office.services import archive, assessment
from town_office.services.roster import units as roster_units
from town_office.services.archive.types import ENTRY_KINDS, ArchiveEntryInput
from town_office.services.assessment.types import SchemeItem
from town_office.services.roster.mandates import town_people_serving

GROUP_ACTIVITIES = ("参加代表小组集中活动，视察村级便民服务中心", "参加代表小组“代表接待日”活动，接待选民",
                    "参加代表小组学习《代表法》交流会")
SUGGESTIONS = ("关于加快石门村至桃源村公路硬化的建议", "关于增设镇中心小学校车停靠点的建议",
               "关于加强农村饮用水源保护的建议", "关于完善村级养老服务站建设的建议")
AWARDS = ((date(2025, 12, 26), "被县人大常委会评为“2025年度优秀人大代表”"),
          (date(2026, 3, 8), "所在代表联络站获评县级“示范代表联络站”，本人为主要负责人"))


def _add(rep_id: int, on: date, kind: str, text: str) -> None:
    archive.save_entry(None, rep_id, ArchiveEntryInput(on, kind, ENTRY_KINDS[kind][0], text))


def build() -> dict[str, int]:
    rng = random.Random(8)
    term_id = roster_units.current_term_id(required=True)
    count = 0
    for year in (2025, 2026):
        deputies = [p.representative for p in town_people_serving(date(year, 1, 1), date(year, 12, 31))
                    if p.representative.term_id == term_id]
        for rep in deputies:
            for _ in range(rng.randint(0, 3)):
                _add(rep.id, date(year, rng.randint(2, 10), rng.randint(1, 28)), "代表小组活动",
                     rng.choice(GROUP_ACTIVITIES))
                count += 1
            if rng.random() < 0.3:
                _add(rep.id, date(year, rng.randint(1, 10), rng.randint(1, 28)), "提出建议", rng.choice(SUGGESTIONS))
                count += 1
            if rng.random() < 0.4:
                _add(rep.id, date(year, 11 if year == 2025 else 10, rng.randint(1, 20)), "向选民述职",
                     "在所在选区向选民代表述职，接受选民评议")
                count += 1
        for (on, text), rep in zip(AWARDS, deputies[3::17], strict=False):
            if on.year == year:
                _add(rep.id, on, "表彰奖励", text)
                count += 1
    scheme_2025 = assessment.save_scheme(assessment.default_scheme(2025))
    items = tuple(replace(i, cap=8.0) if i.source == "visit_household" else i for i in scheme_2025.items)
    assessment.save_scheme(replace(scheme_2025, year=2026, items=items + (
        SchemeItem("training_hour", "培训学时（每学时）", 0.5, 4.0),)))
    assessment.compute(2025)
    assessment.publish(2025)
    first = assessment.results(2025)[-1]
    assessment.add_adjustment(2025, first.representative_id, 2,
                              "公示期间本人反映：漏登记10月参加县人大组织的专题视察，经核实补加")
    assessment.compute(2025)  # 更正
    assessment.freeze(2025)
    assessment.compute(2026)
    return {"档案记录": count, "考核年度": 2}
