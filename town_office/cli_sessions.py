"""The congress-session commands: ``sessions list [--term NAME]`` (one line each: id, term, 第N次会议,
dates, present/total) and the papers ``print session-signin`` / ``print session-ballot``; and the
liaison stations' ``stations days``."""

from __future__ import annotations

import sys

from town_office.cli_support import open_folder


def cmd_sessions(args) -> int:
    if args.sessions_command != "list":
        print("请指定操作：town-office sessions list [--term 第十九届]", file=sys.stderr)
        return 2
    from town_office.services.roster.units import list_terms
    from town_office.services.sessions import list_sessions

    open_folder(args)
    term_id = None
    if args.term:
        terms = {t.name: t.id for t in list_terms()}
        if args.term not in terms:
            print(f"没有名为“{args.term}”的届次（现有：{'、'.join(terms) or '无'}）", file=sys.stderr)
            return 2
        term_id = terms[args.term]
    for row in sorted(list_sessions(term_id), key=lambda r: r.id):
        print("\t".join((str(row.id), row.term_name, f"第{row.number}次会议", row.dates_text,
                         f"{row.present}/{row.total}")))
    return 0


def print_session_paper(args) -> int:
    """``session-signin`` and ``session-ballot`` (the latter needs ``--item``, the agenda number)."""
    from town_office.services.sessions import papers as session_papers

    if args.session is None:
        print("请用 --session 指定人代会会议编号（见 sessions list）", file=sys.stderr)
        return 2
    if args.paper == "session-signin":
        print(f"已生成签到表：{session_papers.print_signin(args.session, args.out)}")
        return 0
    if args.item is None:
        print("请用 --item 指定议程序号（第几项，从1起）", file=sys.stderr)
        return 2
    print(f"已生成表决票/选票：{session_papers.print_ballot(args.session, args.item, args.out)}")
    return 0


def cmd_stations(args) -> int:
    """``stations days --station NAME --from YYYY-MM-DD --months N``: one date a line (and the lunar
    date for lunar rules)."""
    if args.stations_command != "days":
        print("请指定操作：town-office stations days --station 名称 --from YYYY-MM-DD --months 月数", file=sys.stderr)
        return 2
    from town_office.services.stations import schedule, station_by_name

    open_folder(args)
    station = station_by_name(args.station)
    for day in schedule(station.id, args.start, args.months):
        print("\t".join(part for part in (day.on.isoformat(), day.lunar) if part))
    return 0
