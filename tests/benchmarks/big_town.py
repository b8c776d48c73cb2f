"""A big town for benchmarks: ten years of visits (100,000 by default) by the demo deputies, a third
of them with a problem in some state, written with bulk inserts.

    from tests.benchmarks.big_town import generate
    generate(visits=100_000)        # into the open database, after build_demo_town()
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from town_office.models import Problem, Representative, Visit, VisitDeputy
from town_office.models.db import database
from town_office.services.visits.types import FORMS, PROBLEM_STATUSES

VILLAGES = ("青石社区", "柳溪村", "桃源村", "石门村", "龙潭村", "杨家坪村", "白沙村", "新塘村")
UNITS = ("镇水利站", "镇村镇建设服务中心", "镇综合执法队", "镇社会事务办", "镇司法所")


def generate(visits: int = 100_000, years: int = 10, seed: int = 1) -> dict[str, int]:
    rng = random.Random(seed)
    deputies = [r for (r,) in Representative.select(Representative.id).tuples()]
    start = date(date.today().year - years + 1, 1, 1)
    span = (date.today() - start).days
    now = datetime.now()
    problems = 0
    with database.atomic():
        first = (Visit.select(Visit.id).order_by(Visit.id.desc()).scalar() or 0) + 1
        batch_visits, batch_links, batch_problems = [], [], []
        for n in range(visits):
            visit_id = first + n
            on = start + timedelta(days=rng.randint(0, span))
            batch_visits.append(dict(id=visit_id, visited_on=on, form=rng.choice(FORMS),
                                     village=rng.choice(VILLAGES), hamlet=f"{rng.randint(1, 9)}组",
                                     people="", households=rng.randint(1, 4), summary="了解群众生产生活情况",
                                     created_at=now, updated_at=now))
            for rep in set(rng.sample(deputies, rng.choice((1, 1, 1, 2)))):
                batch_links.append(dict(visit=visit_id, representative=rep))
            if rng.random() < 0.33:
                problems += 1
                status = rng.choice(PROBLEM_STATUSES)
                batch_problems.append(dict(
                    visit=visit_id, content="村道破损严重，雨天无法通行", category="道路交通",
                    route="交镇政府办理" if status != "登记" else "", handling_unit=rng.choice(UNITS),
                    deadline=on + timedelta(days=7) if status != "登记" else None, status=status,
                    reply="已办理" if status in ("已办结", "已反馈") else "",
                    created_at=now, updated_at=now))
            if len(batch_visits) >= 5000:
                _flush(batch_visits, batch_links, batch_problems)
        _flush(batch_visits, batch_links, batch_problems)
    return {"visits": visits, "problems": problems}


def _flush(visits: list, links: list, problems: list) -> None:
    for model, rows in ((Visit, visits), (VisitDeputy, links), (Problem, problems)):
        for i in range(0, len(rows), 2000):
            model.insert_many(rows[i:i + 2000]).execute()
        rows.clear()
