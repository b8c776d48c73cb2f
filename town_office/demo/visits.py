"""Demo visits: 2026 up to today for every serving town deputy (most meet the 12-household quota,
some are behind), with problems in every state — answered on the spot, registered, handed over,
overdue, closed, fed back, and one reopened after 不满意 feedback."""

from __future__ import annotations

import random
from datetime import date, timedelta

from town_office.demo.roster import VILLAGES
from town_office.services.visits import problems
from town_office.services import roster
from town_office.services.roster import units as roster_units
from town_office.services import visits
from town_office.services.visits.types import FORMS, ProblemInput, VisitInput

ISSUES = (("村道破损严重，雨天无法通行", "道路交通", "镇村镇建设服务中心"),
          ("灌溉水渠淤塞，影响春耕", "农田水利", "镇水利站"),
          ("垃圾清运不及时", "环境卫生", "镇综合执法队"),
          ("村卫生室缺少常用药", "教育医疗", "镇卫生院"),
          ("低保申请进度咨询", "社会保障", "镇社会事务办"),
          ("希望引进农产品加工企业", "产业发展", "镇经济发展办"),
          ("山塘大坝有渗漏隐患", "安全生产", "镇应急管理办"),
          ("邻里宅基地边界纠纷", "矛盾纠纷", "镇司法所"))
SUMMARIES = ("了解群众生产生活情况，宣传惠民政策", "听取群众对村级事务的意见建议", "走访困难户，了解帮扶需求",
             "宣传防汛和安全生产知识")


def build() -> dict[str, int]:
    rng = random.Random(5)
    today = date.today()
    year = 2026
    end = min(today, date(year, 12, 31))
    term_id = roster_units.current_term_id(required=True)
    deputies = [r for r in roster.list_representatives(term_id) if "镇" in r.levels]
    behind = {r.id for r in deputies[::9]}  # a few deputies fall short of the quota
    count = raised = 0
    for rep in deputies:
        first = max(date(year, 1, 5), rep.elected_on or date(year, 1, 5))
        last = min(end, rep.ended_on or end)
        if first > last:
            continue
        target = rng.randint(4, 8) if rep.id in behind else rng.randint(13, 18)
        done = 0
        while done < target:
            on = first + timedelta(days=rng.randint(0, (last - first).days))
            households = min(rng.randint(1, 4), target - done)
            village = rng.choice(VILLAGES)
            partners = [rep.id] + ([rng.choice(deputies).id] if rng.random() < 0.15 else [])
            visit = visits.save_visit(None, VisitInput(
                on, tuple(dict.fromkeys(partners)), rng.choice(FORMS[:5]), village, households,
                f"{rng.randint(1, 9)}组", "", rng.choice(SUMMARIES)))
            done += households
            count += 1
            if rng.random() < 0.3:
                raised += 1
                _problem(rng, visit.id, on, today)
    return {"走访": count, "群众诉求": raised}


def _problem(rng: random.Random, visit_id: int, on: date, today: date) -> None:
    content, category, unit = rng.choice(ISSUES)
    voter = rng.choice(("张", "李", "王", "刘", "陈")) + rng.choice(("大爷", "大娘", "师傅", "女士"))
    roll = rng.random()
    if roll < 0.2:
        problems.add_problem(visit_id, ProblemInput(content, category, "当场答复", voter,
                                                    reply="代表当场解释了有关政策"))
        return
    row = problems.add_problem(visit_id, ProblemInput(content, category, "", voter,
                                                      f"13{rng.randint(100000000, 999999999)}"))
    if roll < 0.3:
        return  # still 登记
    problems.assign([row.id], unit, on)
    due = problems.get_problem(row.id).deadline
    late = (today - due).days
    if due >= today or (roll < 0.45 and late < 30) or roll < 0.32:
        return  # 交办: not yet due, recently overdue, or (rarely) long overdue
    problems.start(row.id, on + timedelta(days=1))
    if roll < 0.55 and late < 45:
        return  # 办理中, overdue
    replied = min(due, today)
    problems.close(row.id, f"{unit}已办理：{content.split('，')[0]}问题已解决", replied)
    if roll < 0.65 or replied + timedelta(days=3) > today:
        return  # 已办结, waiting for feedback
    satisfaction = "不满意" if roll > 0.95 else rng.choice(("满意", "满意", "基本满意"))
    problems.feedback(row.id, replied + timedelta(days=3), rng.choice(("电话", "当面")), satisfaction)
    if satisfaction == "不满意" and replied + timedelta(days=10) <= today:
        problems.close(row.id, "重新办理后已解决", replied + timedelta(days=10))
