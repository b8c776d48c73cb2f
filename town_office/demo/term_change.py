"""The demo town's change of term, under way on the day the demo is built: 第二十届 was elected on
29 November 2026 (most deputies 连任, five newly elected) and holds its first session on
28 December 2026, whose elections have their candidates; 第十九届 ends on 27 December, so its
deputies end 届满 and the assistant finishes after that day."""

from __future__ import annotations

from datetime import date

from town_office.services import roster, term_change
from town_office.services.roster.types import RepresentativeInput
from town_office.services.sessions import agenda, get_session
from town_office.services.sessions.types import ELECTION, SessionItemInput

ELECTION_DAY, FIRST_SESSION = date(2026, 11, 29), date(2026, 12, 28)
NOT_RE_ELECTED = (3, 12, 25, 31, 37)  # positions in the roster of 第十九届's serving town deputies
NEW_DEPUTIES = (("吴晓梅", "女", "1990-04", "石门村党支部副书记"), ("郑国栋", "男", "1985-09", "青石镇卫生院医生"),
                ("冯雪", "女", "1993-12", "桃源村返乡创业青年"), ("蒋立新", "男", "1979-06", "柳溪村村委会主任"),
                ("韩春燕", "女", "1982-02", "青石镇中心小学教师"))


def build() -> dict[str, int]:
    state = term_change.start_change()
    election_day = min(ELECTION_DAY, date.today())
    state = term_change.set_new_term(state.id, "第二十届", election_day, FIRST_SESSION)
    serving = [r for r in roster.list_representatives(state.old_term_id)
               if r.status == "在任" and "镇" in r.levels]
    carried = [r.id for i, r in enumerate(serving) if i not in NOT_RE_ELECTED]
    term_change.carry_over(state.id, carried)
    for i, (name, gender, birth, post) in enumerate(NEW_DEPUTIES):
        roster.create_representative(RepresentativeInput(
            name=name, gender=gender, birth_month=birth, party="中共党员" if i % 2 else "群众",
            work_unit_post=post, group_name=serving[i].group_name, constituency_name=serving[i].constituency_name,
            card_number=f"QS20{len(carried) + i + 1:03d}", elected_on=election_day, term_id=state.new_term_id,
            notes="第二十届新当选"))
    state = term_change.create_first_session(state.id, "青石镇人民政府大礼堂", "王建国")
    session = get_session(state.first_session_id)
    names = [d.name for d in term_change.get_state(state.id).new_deputies]
    chosen = {"主席": serving[0].name, "副主席": serving[1].name}
    members = [n for n in names if n not in chosen.values()][:3]
    for item in session.items:
        if item.kind != ELECTION:
            continue
        if item.title.endswith("主席团成员"):
            candidates = tuple((n, "主席团成员", None, None) for n in members)
        elif item.title.endswith("副主席"):
            candidates = ((chosen["副主席"], "副主席", None, None),)
        elif item.title.endswith("主席"):
            candidates = ((chosen["主席"], "主席", None, None),)
        else:
            candidates = (("周志华", "镇长", None, None), ("李华", "副镇长", None, None))
        agenda.update_item(item.id, SessionItemInput(ELECTION, item.title, seats=len(candidates),
                                                     candidates=candidates))
    return {"换届新当选代表": len(carried) + len(NEW_DEPUTIES)}
