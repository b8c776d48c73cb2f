"""Demo 两规则四办法: all six adopted at the start of the term (the two 规则 by the town congress, the
four 办法 by the presidium), and the 视察调研办法 revised once, at the presidium meeting of 24 September
2025, effective 1 October 2025 (one article changed, one added, one reworded; the rest renumbered)."""

from __future__ import annotations

from datetime import date

from town_office.services import meetings
from town_office.services.rules import adoption as rule_adoption
from town_office.services.rules import drafts as rule_drafts
from town_office.services import rules
from town_office.services.rules.types import RULE_KINDS, AdoptionInput, RuleUnit

CONGRESS = "青石镇第十九届人民代表大会第一次会议"
FIRST_PRESIDIUM = "青石镇第十九届人大主席团第二次会议"
ADOPTIONS = {kind: (date(2022, 1, 16), CONGRESS) if kind in RULE_KINDS[:2] else (date(2022, 3, 18), FIRST_PRESIDIUM)
             for kind in RULE_KINDS}
REVISED = "视察调研办法"
REVISION_MEETING = date(2025, 9, 24)
RECEPTION_DAY = "镇人大代表联络站每月十五日为代表接待日，由代表轮流进站接待选民，听取和收集群众的意见和建议。"


def _revise(units: tuple[RuleUnit, ...]) -> list[RuleUnit]:
    revised = []
    for unit in units:
        text = unit.text
        if text.startswith("代表持代表证"):
            text = text.replace("应当提前与主席团联系", "应当提前三日与主席团联系")
        if text.startswith("代表参加视察调研"):
            text = text.replace("不得干预具体案件的处理。", "不得干预具体案件的处理，不得泄露国家秘密和群众的个人信息。")
        revised.append(RuleUnit(unit.is_chapter, text))
        if text.startswith("代表应当联系原选区选民"):
            revised.append(RuleUnit(False, RECEPTION_DAY))
    return revised


def build() -> dict[str, int]:
    for kind in RULE_KINDS:
        adopted_on, meeting = ADOPTIONS[kind]
        draft = rule_drafts.create_starting_draft(kind, today=date(adopted_on.year, adopted_on.month, 2))
        rule_adoption.adopt(draft.id, AdoptionInput(adopted_on, adopted_on, adopted_by=meeting))
    meeting = next(m for m in meetings.list_meetings() if m.held_on == REVISION_MEETING)
    revision = rules.new_revision(REVISED)
    rules.save_draft(revision.id, _revise(rules.version_units(revision.id)),
                     "根据代表联络站建设的要求，增加代表接待日的规定，完善就地视察和纪律要求。", date(2025, 8, 28))
    rule_adoption.adopt(revision.id, AdoptionInput(REVISION_MEETING, date(2025, 10, 1), meeting_id=meeting.id))
    return {"规则文件": len(RULE_KINDS), "规则版本": len(RULE_KINDS) + 1}
