"""Answers to a suggestion and the deputy's opinion: the unit answers (class A–D, date, text, the
reply letter kept in the data folder; B and C promise a date); the deputy says 满意 / 基本满意 (办结)
or 不满意, which sends it back for a second answer within a month (a setting), every round kept.
Also the yearly 金点子 (优秀建议, two a year by default) and the statistics a township reports."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date, datetime
from pathlib import Path

from town_office.errors import FieldProblem, ValidationError
from town_office.models import Suggestion, SuggestionAnswer
from town_office.models.db import database
from town_office.services.common import attachments, audit
from town_office.services.common.reasons import require_reason
from town_office.services.meetings.rules import add_months
from town_office.services.settings import get_settings
from town_office.services.suggestions import TABLE, get_suggestion, list_suggestions, suggestion_or_404
from town_office.services.suggestions.types import (
    ANSWER_CLASSES,
    ANSWERED,
    CLOSED,
    OPEN_STATUSES,
    PROMISING,
    REDO,
    SATISFACTION,
    UNSATISFIED,
    AnswerInput,
    RateLine,
    SuggestionFilter,
    SuggestionRow,
    SuggestionStats,
)


def answer(suggestion_id: int, data: AnswerInput) -> SuggestionRow:
    """The unit's answer to the open round (after 交办, or after a 不满意)."""
    problems = []
    if data.answer_class not in ANSWER_CLASSES:
        problems.append(FieldProblem("答复类别", "请选择A、B、C、D类"))
    if data.answered_on is None:
        problems.append(FieldProblem("答复日期", "请填写答复日期"))
    elif data.answered_on > date.today():
        problems.append(FieldProblem("答复日期", "不能晚于今天"))
    if not data.text.strip():
        problems.append(FieldProblem("答复内容", "请填写答复内容（可附答复函）"))
    if data.answer_class in PROMISING and data.promised_on is None:
        problems.append(FieldProblem("承诺办结日期", f"{data.answer_class}类答复须写明承诺解决的日期，以便跟踪"))
    if data.reply_file and not Path(data.reply_file).is_file():
        problems.append(FieldProblem("答复函", f"找不到文件 {data.reply_file}"))
    row = suggestion_or_404(suggestion_id)
    if row.status not in OPEN_STATUSES:
        problems.insert(0, FieldProblem("状态", f"建议当前为“{row.status}”，不是等待答复的状态"))
    elif data.answered_on and row.assigned_on and data.answered_on < row.assigned_on:
        problems.append(FieldProblem("答复日期", "不能早于交办日期"))
    if problems:
        raise ValidationError(problems)
    letter = attachments.stored(Path(data.reply_file), "suggestions", str(suggestion_id)) if data.reply_file \
        else nullcontext()
    with letter as kept, database.atomic():
        number = (SuggestionAnswer.select().where(SuggestionAnswer.suggestion == suggestion_id).count()) + 1
        SuggestionAnswer.create(suggestion=suggestion_id, round=number, answer_class=data.answer_class,
                                answered_on=data.answered_on, text=data.text.strip(), deadline=row.deadline,
                                promised_on=data.promised_on if data.answer_class in PROMISING else None,
                                file_name=Path(data.reply_file).name if kept else "",
                                stored_path=kept.stored_path if kept else "")
        Suggestion.update(status=ANSWERED, updated_at=datetime.now()).where(Suggestion.id == suggestion_id).execute()
        audit.record(TABLE, suggestion_id, f"第{number}次答复",
                     {"答复类别": (None, f"{data.answer_class}类"), "答复日期": (None, data.answered_on)})
    return get_suggestion(suggestion_id)


def feedback(suggestion_id: int, satisfaction: str, on: date | None, opinion: str = "") -> SuggestionRow:
    """The deputy's opinion on the last answer: 满意 / 基本满意 close it; 不满意 (with the reason)
    sends it back, due within the re-answer months from that day."""
    problems = []
    if satisfaction not in SATISFACTION:
        problems.append(FieldProblem("代表意见", "请选择满意、基本满意或不满意"))
    if on is None:
        problems.append(FieldProblem("征询日期", "请填写征询代表意见的日期"))
    row = suggestion_or_404(suggestion_id)
    last = SuggestionAnswer.select().where(SuggestionAnswer.suggestion == suggestion_id).order_by(
        SuggestionAnswer.round.desc()).first()
    if row.status != ANSWERED or last is None:
        problems.insert(0, FieldProblem("状态", "建议还没有答复，不能征询代表意见"))
    elif on and on < last.answered_on:
        problems.append(FieldProblem("征询日期", "不能早于答复日期"))
    if satisfaction == UNSATISFIED and not problems:
        opinion = require_reason(opinion, "意见和建议", example="路面硬化只完成一半，要求明确完工时间")
    if problems:
        raise ValidationError(problems)
    with database.atomic():
        SuggestionAnswer.update(satisfaction=satisfaction, opinion=opinion.strip(), feedback_on=on).where(
            SuggestionAnswer.id == last.id).execute()
        if satisfaction == UNSATISFIED:
            again = add_months(on, get_settings().suggestion_reanswer_months)
            Suggestion.update(status=REDO, deadline=again, updated_at=datetime.now()).where(
                Suggestion.id == suggestion_id).execute()
        else:
            Suggestion.update(status=CLOSED, updated_at=datetime.now()).where(Suggestion.id == suggestion_id).execute()
        audit.record(TABLE, suggestion_id, "代表意见", {"满意度": (None, satisfaction)})
    return get_suggestion(suggestion_id)


def mark_excellent(suggestion_id: int, reason: str, excellent: bool = True) -> SuggestionRow:
    """金点子: at most the set number a year, each with its reason; it is a 表彰 in the lead deputy's file."""
    with database.atomic():
        row = suggestion_or_404(suggestion_id)
        if excellent:
            reason = require_reason(reason, "评选理由", example="推动解决了石门村群众出行难，成效明显")
            limit = get_settings().excellent_suggestions_per_year
            chosen = Suggestion.select().where((Suggestion.year == row.year) & Suggestion.excellent
                                               & (Suggestion.id != suggestion_id)).count()
            if chosen >= limit:
                raise ValidationError([FieldProblem("金点子", f"{row.year}年已评选{chosen}件优秀建议，"
                                                             f"每年{limit}件（设置中可改）")])
        Suggestion.update(excellent=excellent, excellent_reason=reason.strip() if excellent else "",
                          updated_at=datetime.now()).where(Suggestion.id == suggestion_id).execute()
        audit.record(TABLE, suggestion_id, "评为金点子" if excellent else "取消金点子",
                     {"优秀建议": (row.excellent, excellent)})
    return get_suggestion(suggestion_id)


def _line(label: str, rows: list[SuggestionRow]) -> RateLine:
    firsts = [r.answers[0] for r in rows if r.answers]
    opinions = [r for r in rows if r.satisfaction]
    return RateLine(label, len(rows), len(firsts), sum(1 for a in firsts if a.on_time),
                    sum(1 for r in rows if r.status == CLOSED), len(opinions),
                    sum(1 for r in opinions if r.satisfaction != UNSATISFIED))


def statistics(year: int) -> SuggestionStats:
    """件数, 按期答复率 (the first answer by its deadline), 办结率, 满意率 — in all, by answer class
    (of the last answer) and by main unit."""
    rows = list_suggestions(SuggestionFilter(year=year))
    by_class = [_line(f"{c}类（{name}）", [r for r in rows if r.last_answer and r.last_answer.answer_class == c])
                for c, name in ANSWER_CLASSES.items()]
    units = sorted({r.main_unit for r in rows if r.main_unit})
    return SuggestionStats(year, _line("合计", rows), tuple(by_class),
                           tuple(_line(u, [r for r in rows if r.main_unit == u]) for u in units))
