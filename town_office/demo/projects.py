"""Demo livelihood projects for 2025 and 2026: eight candidates a year (from deputies, the government
and a voter's wish), six on the ballot, five chosen at the January session (2026 with a tie settled
by a second round), progress through the year, and 2025's year-end ratings by every deputy."""

from __future__ import annotations

import random
from datetime import date

from town_office.services import projects, roster, sessions
from town_office.services.projects import evaluation, vote
from town_office.services.projects.types import ProjectInput
from town_office.services.roster import units as roster_units
from town_office.services.sessions.types import PROJECTS

CANDIDATES = (("石门村至桃源村公路硬化", "交通", 180, "县交通专项资金+镇配套"),
              ("镇中心小学校车停靠点建设", "教育", 25, "镇财政"),
              ("桃源片安全饮水巩固提升", "水利", 120, "县水利专项资金"),
              ("村级养老服务站提质", "养老", 60, "民政专项资金"),
              ("集镇主街路灯改造", "市政", 45, "镇财政"),
              ("柳溪村茶叶加工厂房", "产业", 90, "衔接资金"),
              ("青石社区农贸市场改造", "市政", 150, "镇财政+社会资本"),
              ("龙潭片垃圾中转站", "环境", 70, "县环保专项资金"))


def build() -> dict[str, int]:
    rng = random.Random(5)
    term_id = roster_units.current_term_id(required=True)
    reps = [r for r in roster.list_representatives(term_id) if r.status == "在任" and "镇" in r.levels]
    january = {s.starts_on.year: s for s in sessions.list_sessions(term_id) if s.starts_on.month == 1}
    count = 0
    for year, shift in ((2025, 0), (2026, 3)):
        rows = []
        for i in range(8):
            name, area, money, funding = CANDIDATES[(i + shift) % len(CANDIDATES)]
            kind = ("代表", "镇人民政府", "选民")[i % 3]
            rows.append(projects.save_project(year, None, ProjectInput(
                name, area, money, funding, f"{name}，惠及群众。", date(year, 11, 30), kind,
                reps[(i * 7) % len(reps)].id if kind == "代表" else None)))
        count += len(rows)
        vote.set_quota(year, 5)
        ballot = rows[:6]
        projects.shortlist(year, [r.id for r in ballot])
        detail = sessions.get_session(january[year].id)
        item = next(i for i in detail.items if i.kind == PROJECTS)
        present = detail.tally.present
        counts = [present - 1, present - 3, present - 4, present - 6, 20, 20] if year == 2026 else \
            [present - 1, present - 2, present - 5, present - 7, present - 9, 12]
        vote.record_votes(year, item.id, {r.id: c for r, c in zip(ballot, counts)})
        tied = vote.get_round(year).tied
        if tied:
            names = {r.name: r.id for r in ballot}
            vote.record_second_round(year, {names[tied[0]]: 24, names[tied[1]]: 14})
        chosen = [r for r in projects.list_projects(year) if r.chosen]
        for r in chosen:
            steps = (30, 60, 100) if year == 2025 else (20, rng.choice((40, 60, 100)))
            for month, percent in zip((4, 7, 10), steps):
                evaluation.add_progress(r.id, date(year, month, 15), percent, f"完成{percent}%")
            if year == 2025:
                evaluation.rate(r.id, {rep.id: rng.choices(("满意", "基本满意", "不满意"), (7, 2, 1))[0]
                                       for rep in reps}, date(2025, 12, 20))
    return {"民生实事候选项目": count}
