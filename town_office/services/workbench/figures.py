"""The year at a glance: figures across the areas (each naming the list that shows it, filtered)
and the charts' series. Counting is done by grouped queries, not by loading rows."""

from __future__ import annotations

from datetime import date

from peewee import fn

from town_office.models import Hazard, Meeting, Problem, Suggestion, Visit
from town_office.services import assessment, projects, rules
from town_office.services.hazards.types import HAZARD_STATUSES
from town_office.services.meetings.types import PREPARING
from town_office.services.training.stats import year_stats
from town_office.services.visits import problems, quota_progress
from town_office.services.visits.types import CLOSED, FED_BACK
from town_office.services.workbench.periods import QUARTER_NAMES
from town_office.services.workbench.types import Chart, Figure

MONTHS = tuple(f"{m}月" for m in range(1, 13))


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _month_counts(query) -> tuple[int, ...]:
    counts = dict(query.tuples())
    return tuple(int(counts.get(f"{m:02d}", 0)) for m in range(1, 13))


def _meetings(year: int, today: date) -> list[Figure]:
    held = [d for (d,) in Meeting.select(Meeting.held_on).where(
        Meeting.held_on.between(date(year, 1, 1), min(today, date(year, 12, 31)))
        & (Meeting.status != PREPARING)).tuples()]
    return [Figure("主席团会议", f"{name}季度", f"{sum(1 for d in held if (d.month - 1) // 3 == q)}次",
                   "主席团会议", {"year": year}) for q, name in enumerate(QUARTER_NAMES)]


def _training(year: int, stats) -> list[Figure]:
    return [Figure("代表培训", "培训", f"{len(stats.sessions)}次", "代表培训", {"year": year}),
            Figure("代表培训", "参训覆盖率", f"{_percent(stats.coverage)}（{stats.trained}/{stats.serving}人）",
                   "培训统计", {"year": year}),
            Figure("代表培训", "新任代表未参加初任培训", f"{len(stats.new_without_first)}人", "培训统计",
                   {"year": year})]


def _visits(year: int) -> list[Figure]:
    rows = quota_progress(year)
    visits, households = Visit.select(fn.COUNT(Visit.id), fn.SUM(Visit.households)).where(
        Visit.visited_on.between(date(year, 1, 1), date(year, 12, 31))).tuples().get()
    return [Figure("走访", "走访", f"{visits}次，{households or 0}户", "走访日志", {"year": year}),
            Figure("走访", "完成年度走访户数", f"{sum(1 for r in rows if r.met)}/{len(rows)}名代表", "走访日志",
                   {"year": year})]


def _problems(year: int, today: date) -> list[Figure]:
    stats = problems.statistics(date(year, 1, 1), date(year, 12, 31))
    in_year = Visit.visited_on.between(date(year, 1, 1), date(year, 12, 31))
    open_count = Problem.select().join(Visit).where(in_year & ~Problem.status.in_((CLOSED, FED_BACK))).count()
    late = Problem.select().join(Visit).where(in_year & ~Problem.status.in_((CLOSED, FED_BACK))
                                              & (Problem.deadline < today)).count()
    return [Figure("群众诉求", "收集", f"{stats.collected}件", "问题清单", {"year": year, "status": ""}),
            Figure("群众诉求", "未办结", f"{open_count}件", "问题清单", {"year": year, "status": "未办结"}),
            Figure("群众诉求", "逾期", f"{late}件", "问题清单", {"year": year, "status": "未办结",
                                                               "overdue_only": True}),
            Figure("群众诉求", "已办结", f"{stats.closed}件", "问题清单", {"year": year, "status": CLOSED}),
            Figure("群众诉求", "已反馈", f"{stats.fed_back}件", "问题清单", {"year": year, "status": FED_BACK}),
            Figure("群众诉求", "满意率", _percent(stats.satisfaction_rate) if stats.with_feedback else "—",
                   "问题清单", {"year": year, "status": FED_BACK})]


def hazard_counts(year: int) -> dict[str, int]:
    counts = dict(Hazard.select(Hazard.status, fn.COUNT(Hazard.id)).where(Hazard.year == year)
                  .group_by(Hazard.status).tuples())
    return {status: counts.get(status, 0) for status in HAZARD_STATUSES}


def suggestion_counts(year: int) -> dict[str, int]:
    return dict(Suggestion.select(Suggestion.category, fn.COUNT(Suggestion.id)).where(Suggestion.year == year)
                .group_by(Suggestion.category).order_by(fn.COUNT(Suggestion.id).desc()).tuples())


def glance(year: int, today: date | None = None) -> tuple[list[Figure], list[Chart]]:
    """The year's figures (grouped by area in the page's order) and its charts."""
    today = today or date.today()
    training = year_stats(year, today)
    return _figures(year, today, training), _charts(year, training)


def _figures(year: int, today: date, training) -> list[Figure]:
    figures = _meetings(year, today) + _training(year, training) + _visits(year) + _problems(year, today)
    figures += [Figure("隐患", status, f"{n}处", "隐患台账", {"year": year, "status": status})
                for status, n in hazard_counts(year).items()]
    figures += [Figure("代表建议", category or "未分类", f"{n}件", "代表建议", {"year": year, "category": category})
                for category, n in suggestion_counts(year).items()]
    chosen = [p for p in projects.list_projects(year) if p.chosen]
    average = sum(p.progress for p in chosen) / len(chosen) if chosen else 0
    figures.append(Figure("民生实事", "票决项目", f"{len(chosen)}个，平均进度{average:.0f}%，完成"
                          f"{sum(1 for p in chosen if p.progress >= 100)}个", "民生实事", {"year": year}))
    documents = rules.list_documents(today=today)
    builtin = [d for d in documents if d.builtin]
    figures.append(Figure("两规则四办法", "已通过", f"{sum(1 for d in builtin if d.has_adopted)}/{len(builtin)}份",
                          "两规则四办法", {}))
    figures.append(Figure("年度考核", f"{year}年度", assessment.round_state(year).status, "年度考核",
                          {"year": year}))
    return figures


def _charts(year: int, training) -> list[Chart]:
    """Visits and problems per month, problems by category, hazards by state, training coverage by
    deputy group."""
    in_year = Visit.visited_on.between(date(year, 1, 1), date(year, 12, 31))
    month = fn.strftime("%m", Visit.visited_on)
    visits = _month_counts(Visit.select(month, fn.COUNT(Visit.id)).where(in_year).group_by(month))
    raised = _month_counts(Problem.select(month, fn.COUNT(Problem.id)).join(Visit).where(in_year).group_by(month))
    by_category = (Problem.select(Problem.category, fn.COUNT(Problem.id)).join(Visit).where(in_year)
                   .group_by(Problem.category).order_by(fn.COUNT(Problem.id).desc()).tuples())
    hazards = hazard_counts(year)
    groups = training.groups
    return [Chart(f"{year}年每月走访次数", MONTHS, visits, "次"),
            Chart(f"{year}年每月收集群众诉求", MONTHS, raised, "件"),
            Chart(f"{year}年群众诉求类别", tuple(c or "未分类" for c, _ in by_category),
                  tuple(n for _, n in by_category), "件"),
            Chart(f"{year}年隐患整改状态", tuple(hazards), tuple(hazards.values()), "处"),
            Chart(f"{year}年各代表小组培训覆盖率", tuple(g.group_name.replace("代表小组", "") or "未分组" for g in groups),
                  tuple(round(g.coverage * 100) for g in groups), "%")]
