"""The commands that list and print: meetings, training, visits, hazards and rules as lines of
tab-separated text, and the papers and workbooks as files (PDF and Excel)."""

from __future__ import annotations

import sys

from town_office.cli_support import open_folder


def _cmd_meetings(args) -> int:
    if args.meetings_command != "list":
        print("请指定操作：town-office meetings list", file=sys.stderr)
        return 2
    from town_office.services.meetings import list_meetings

    open_folder(args)
    for row in sorted(list_meetings(), key=lambda r: r.id):
        print("\t".join((str(row.id), f"{row.term_name}第{row.number}次", row.held_on.isoformat(),
                         row.status)))
    return 0


def _print_archive(args) -> int:
    from town_office.services.archive import papers as archive_papers

    if not args.term and not args.year:
        print("请用 --year 指定年度，或用 --term 打印整届", file=sys.stderr)
        return 2
    year = None if args.term else args.year
    if args.all:
        ids = archive_papers.deputies_for(year)
        written = archive_papers.print_batch(ids, year, args.out, combined=False)
        print(f"已生成 {len(written)} 名代表的履职档案：{args.out}")
        return 0
    if not args.rep:
        print("请用 --rep 姓名 指定代表，或用 --all 打印全部代表", file=sys.stderr)
        return 2
    from town_office.services.visits.papers import find_deputy

    print(f"已生成履职档案：{archive_papers.print_archive(find_deputy(args.rep).id, args.out, year)}")
    return 0


def _cmd_rules(args) -> int:
    if args.rules_command != "list":
        print("请指定操作：town-office rules list", file=sys.stderr)
        return 2
    from town_office.services.rules import list_documents

    open_folder(args)
    for row in list_documents():
        version = row.in_force.label if row.in_force else row.state_text
        effective = row.in_force.effective_on.isoformat() if row.in_force else ""
        print("\t".join((row.kind, row.title, version, effective)))
    return 0


def _print_rule(args) -> int:
    if not args.kind:
        print("请用 --kind 指定规则文件类别（见 rules list），如 --kind 乡镇人大主席团议事规则", file=sys.stderr)
        return 2
    from town_office.services.rules.papers import print_rule

    print(f"已生成规则文件：{print_rule(args.kind, args.out, args.on)}")
    return 0


def _cmd_print(args) -> int:
    open_folder(args)
    if args.paper == "rule":
        return _print_rule(args)
    if args.paper == "ballot":
        if not args.year:
            print("请用 --year 指定年度", file=sys.stderr)
            return 2
        from town_office.services.projects.papers import print_ballot

        print(f"已生成{args.year}年民生实事项目票决选票：{print_ballot(args.year, args.out)}")
        return 0
    if args.paper.startswith("session-"):
        from town_office.cli_sessions import print_session_paper

        return print_session_paper(args)
    if args.paper == "archive":
        return _print_archive(args)
    if args.paper in ("ledger", "hazard-notice"):
        from town_office.services.hazards import papers as hazard_papers

        if args.paper == "ledger":
            if not args.year:
                print("请用 --year 指定年度", file=sys.stderr)
                return 2
            print(f"已生成隐患台账：{hazard_papers.print_ledger(args.year, args.out)}")
            return 0
        if not args.hazard:
            print("请用 --hazard 指定隐患编号（如 2026-003，见 hazards list）", file=sys.stderr)
            return 2
        print(f"已生成挂牌督办通知书：{hazard_papers.print_notice(args.hazard, args.out)}")
        return 0
    if args.paper == "visit-log":
        if not args.rep or not args.year:
            print("请用 --rep 姓名 --year 年度 指定代表和年度", file=sys.stderr)
            return 2
        from town_office.services.visits.papers import find_deputy, print_visit_log

        out = print_visit_log(find_deputy(args.rep).id, args.year, args.out)
        print(f"已生成走访日志：{out}")
        return 0
    if args.paper == "training-signin":
        if args.session is None:
            print("请用 --session 指定培训编号（见 training list）", file=sys.stderr)
            return 2
        from town_office.services.training.papers import print_session_paper

        print(f"已生成培训签到表：{print_session_paper('signin', args.session, args.out)}")
        return 0
    if args.meeting is None:
        print("请用 --meeting 指定会议编号（见 meetings list）", file=sys.stderr)
        return 2
    from town_office.services.meetings.papers import PAPERS, print_paper

    out = print_paper(args.paper, args.meeting, args.out)
    print(f"已生成{PAPERS[args.paper]}：{out}")
    return 0


def _cmd_training(args) -> int:
    if args.training_command != "list":
        print("请指定操作：town-office training list [--year 年度]", file=sys.stderr)
        return 2
    from town_office.services.training import list_sessions

    open_folder(args)
    for s in sorted(list_sessions(args.year), key=lambda s: (s.held_on, s.id)):
        print("\t".join((str(s.id), s.held_on.isoformat(), s.title, s.kind, s.hours_text,
                         f"{s.present}/{s.expected}")))
    return 0


def _cmd_visits(args) -> int:
    if args.visits_command != "list":
        print("请指定操作：town-office visits list [--year 年度] [--rep 姓名]", file=sys.stderr)
        return 2
    from town_office.services.visits.papers import find_deputy
    from town_office.services.visits import list_visits

    open_folder(args)
    rep_id = find_deputy(args.rep).id if args.rep else None
    for v in sorted(list_visits(args.year, rep_id), key=lambda v: (v.visited_on, v.id)):
        print("\t".join((str(v.id), v.visited_on.isoformat(), v.deputies, v.form, v.place,
                         str(v.households), str(v.problem_count))))
    return 0


def _cmd_hazards(args) -> int:
    if args.hazards_command != "list":
        print("请指定操作：town-office hazards list [--year 年度] [--open]", file=sys.stderr)
        return 2
    from datetime import date

    from town_office.services.hazards.types import OPEN_HAZARD_STATUSES, HazardFilter
    from town_office.services.hazards import list_hazards

    open_folder(args)
    today = date.today()
    flt = HazardFilter(year=args.year, statuses=OPEN_HAZARD_STATUSES if args.open else ())
    for h in list_hazards(flt, today):
        overdue = h.days_overdue(today)
        print("\t".join((h.number, h.found_on.isoformat(), h.place, h.level, h.status,
                         h.deadline.isoformat() if h.deadline else "",
                         f"逾期{overdue}天" if overdue else "")))
    return 0


def _cmd_export(args) -> int:
    if args.export_command == "assessment":
        from town_office.services import assessment
        from town_office.services.assessment.papers import export_assessment
        from town_office.services.assessment.types import NOT_COMPUTED

        open_folder(args)
        if assessment.round_state(args.year).status == NOT_COMPUTED:
            assessment.compute(args.year)
            print(f"{args.year}年度考核尚未计算，已按考核办法计算（可在窗口中公示、更正、定稿）", file=sys.stderr)
        print(f"已导出{args.year}年度履职考核：{export_assessment(args.year, args.out)}")
        return 0
    if args.export_command == "ledger":
        from town_office.services.hazards.papers import export_ledger

        open_folder(args)
        print(f"已导出{args.year}年隐患台账：{export_ledger(args.year, args.out)}")
        return 0
    if args.export_command == "suggestions":
        from town_office.services.suggestions.papers import export_year

        open_folder(args)
        print(f"已导出{args.year}年代表建议：{export_year(args.year, args.out)}")
        return 0
    if args.export_command == "problems":
        from town_office.services.visits.papers import export_problems

        open_folder(args)
        print(f"已导出{args.year}年群众反映问题清单：{export_problems(args.year, args.out)}")
        return 0
    if args.export_command != "training":
        print("请指定内容：town-office export training|problems|suggestions|assessment|ledger "
              "--year 年度 --out 文件.xlsx",
              file=sys.stderr)
        return 2
    from town_office.services.training.papers import export_training_year

    open_folder(args)
    print(f"已导出{args.year}年代表培训情况：{export_training_year(args.year, args.out)}")
    return 0
