"""Demo deputies' suggestions for 2025 and 2026: handed in at the January sessions and in recess,
handed over (some 重点 under a presidium member), answered A–D, the deputies' opinions (one 不满意
answered again), one still open past its deadline, one made from a voter's problem, and 2025's two
金点子."""

from __future__ import annotations

import random
from datetime import date

from town_office.services import roster, sessions, suggestions
from town_office.services.roster import units as roster_units
from town_office.services.suggestions import answers
from town_office.services.suggestions.types import AnswerInput, AssignInput, SuggestionInput
from town_office.services.visits import problems
from town_office.services.visits.types import ProblemFilter

TOPICS = (("关于加快石门村至桃源村公路硬化的建议", "交通运输", "镇人民政府", "镇交通管理站"),
          ("关于增设镇中心小学校车停靠点的建议", "教育卫生", "镇人民政府", "镇中心小学"),
          ("关于加强农村饮用水源保护的建议", "生态环境", "镇水利站", ""),
          ("关于完善村级养老服务站建设的建议", "社会保障", "镇民政办", ""),
          ("关于扶持柳溪村茶叶合作社发展的建议", "农业农村", "镇农业服务中心", "镇财政所"),
          ("关于整治集镇占道经营的建议", "社会治理", "镇综合执法队", "青石派出所"),
          ("关于在桃源片区建设垃圾中转站的建议", "生态环境", "镇人民政府", "镇环卫所"),
          ("关于为独居老人安装应急呼叫设备的建议", "社会保障", "镇民政办", "镇卫生院"))
ANSWERS = {"A": "经研究，已于今年完成相关工程，群众反映的问题已解决。",
           "B": "已列入今年重点工作，正在组织实施，预计年底前完成。",
           "C": "已列入明年计划，待资金落实后逐步解决。",
           "D": "受资金和政策限制，目前暂不具备实施条件，留作今后工作参考。"}


def build() -> dict[str, int]:
    rng = random.Random(19)
    term_id = roster_units.current_term_id(required=True)
    reps = [r for r in roster.list_representatives(term_id) if r.status == "在任" and "镇" in r.levels]
    members = [r for r in reps if r.presidium_role]
    january = {s.starts_on.year: s for s in sessions.list_sessions(term_id) if s.starts_on.month == 1}
    count = 0
    for year in (2025, 2026):
        for i, (title, category, unit, co_unit) in enumerate(TOPICS):
            at_session = i < 5
            day = january[year].starts_on if at_session else date(year, 3 + i, 10)
            lead = reps[(i * 5 + year) % len(reps)]
            cos = tuple(r.id for r in rng.sample(reps, 2) if r.id != lead.id)
            row = suggestions.create_suggestion(SuggestionInput(
                lead.id, title, f"{title.removeprefix('关于').removesuffix('的建议')}，群众反映强烈，建议镇人民政府"
                                f"统筹安排、加快推进。", category, day, january[year].id if at_session else None, cos))
            count += 1
            assigned = date(year, day.month, min(day.day + 5, 28))
            key = i in (0, 6)
            row = suggestions.assign(row.id, AssignInput(assigned, unit, co_unit, "重点" if key else "一般",
                                                         members[i % len(members)].id if key else None, i == 4))
            if year == 2026 and i == 7:
                continue  # handed over in October: still within its time
            if year == 2026 and i == 5:
                continue  # past its deadline: shows red
            code = "ABCDAABC"[i]
            on = date(year, min(row.deadline.month, 12), 1) if row.deadline.year == year else date(year, 12, 1)
            row = answers.answer(row.id, AnswerInput(code, min(on, row.deadline), ANSWERS[code],
                                                     date(year, 12, 20) if code in ("B", "C") else None))
            if year == 2026 and i == 6:
                continue  # answered, the deputy not asked yet
            opinion = "不满意" if (year, i) == (2025, 3) else ("满意" if code in "AB" else "基本满意")
            feedback_on = min(date(year, 12, 15), row.last_answer.answered_on.replace(day=min(row.last_answer.answered_on.day + 3, 28)))
            row = answers.feedback(row.id, opinion, feedback_on, "只答复了规划，没有明确建设时间和资金" if opinion == "不满意" else "")
            if opinion == "不满意":
                row = answers.answer(row.id, AnswerInput("B", min(row.deadline, date(year, 12, 28)),
                                                         "已落实建设资金20万元，明年6月前建成投用。", date(year + 1, 6, 30)))
                answers.feedback(row.id, "基本满意", min(row.last_answer.answered_on, date(year, 12, 30)))
        if year == 2025:
            led = suggestions.list_suggestions(suggestions.SuggestionFilter(year=2025))
            answers.mark_excellent(led[0].id, "推动石门村至桃源村公路硬化列入县级项目，惠及两村三千余群众")
            answers.mark_excellent(led[4].id, "扶持茶叶合作社，带动农户增收，成效明显")
    open_problem = next((p for p in problems.list_problems(ProblemFilter(year=2026, open_only=True))
                         if p.category == "道路交通"), None)
    if open_problem is not None:
        lead = next((r for r in reps if r.name == (open_problem.deputies.split("、")[0])), reps[0])
        suggestions.from_problem(open_problem.id, lead.id, "关于修复村道破损路段的建议",
                                 max(open_problem.visited_on, date(2026, 5, 1)))
        count += 1
    return {"代表建议": count}
