"""The command line. With no sub-command it opens the window; every sub-command is Qt-free and
works on the data folder (``--data-dir``, ``TOWN_OFFICE_DATA_DIR`` or the user data folder).

Exit codes: 0 done, 1 a check found problems, 2 bad input (nothing written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from town_office import APP_NAME, __version__
from town_office.errors import TownOfficeError, ValidationError
from town_office.cli_listings import (
    _cmd_export,
    _cmd_hazards,
    _cmd_meetings,
    _cmd_print,
    _cmd_rules,
    _cmd_training,
    _cmd_visits,
)
from town_office.cli_sessions import cmd_sessions, cmd_stations
from town_office.cli_support import backup_password, held_locks, open_folder
from town_office.paths import resolve_data_folder


def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”应写成 YYYY-MM-DD，如 2026-03-01") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="town-office", description=f"{APP_NAME}（乡镇人大主席团办公软件）")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data-dir", help="数据文件夹（默认：系统的用户数据文件夹）")
    parser.add_argument("--break-lock", action="store_true",
                        help="强制解除另一台计算机留下的数据文件夹锁定（确认那台计算机已不再使用时）")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    sub.add_parser("demo", help="向空数据库载入示例乡镇（青石镇）")
    sub.add_parser("check", help="检查数据库完整性、外键和结构版本")
    roster = sub.add_parser("roster", help="代表名册").add_subparsers(dest="roster_command", metavar="操作")
    imp = roster.add_parser("import", help="从Excel导入代表名册（全部成功才写入）")
    imp.add_argument("file", type=Path)
    imp.add_argument("--sheet", help="工作表名称（文件中有几个工作表都像代表名册时）")
    exp = roster.add_parser("export", help="导出代表名册到Excel")
    exp.add_argument("file", type=Path)
    exp.add_argument("--with-id-numbers", action="store_true", help="导出完整身份证号（默认隐去中间位）")
    meetings = sub.add_parser("meetings", help="主席团会议").add_subparsers(dest="meetings_command",
                                                                      metavar="操作")
    meetings.add_parser("list", help="列出会议：编号、届次会次、日期、状态（制表符分隔）")
    backup = sub.add_parser("backup", help="备份到指定文件夹（如U盘），打印新备份文件的路径")
    backup.add_argument("--to", type=Path, required=True, help="目标文件夹")
    backup.add_argument("--password-file", type=Path, help="从文件读取备份密码（不要在命令行上写密码）")
    verify = sub.add_parser("verify", help="检查备份文件是否完整可用：可用退出码0，否则1")
    verify.add_argument("file", type=Path)
    verify.add_argument("--password-file", type=Path)
    restore = sub.add_parser("restore", help="从备份恢复（先自动备份当前数据）")
    restore.add_argument("file", type=Path)
    restore.add_argument("--password-file", type=Path)
    view = sub.add_parser("view", help="只读打开备份文件查看（不影响本机数据）")
    view.add_argument("file", type=Path)
    view.add_argument("--password-file", type=Path)
    handoff = sub.add_parser("handoff", help="生成报送县人大的报送包（备份、可阅读的台账纪要和移交清单），打印其文件夹路径")
    handoff.add_argument("--to", type=Path, required=True, help="目标文件夹（如U盘）")
    handoff.add_argument("--year", type=int, help="资料年度（默认今年）")
    handoff.add_argument("--password-file", type=Path, help="从文件读取备份密码（只加密其中的备份文件）")
    printer = sub.add_parser("print", help="打印材料为PDF")
    printer.add_argument("paper", choices=["notice", "signin", "record", "minutes", "training-signin",
                                           "visit-log", "ledger", "hazard-notice", "archive", "rule",
                                           "session-signin", "session-ballot", "ballot"],
                         help="notice 会议通知 / signin 签到表 / record 会议记录 / minutes 会议纪要 / "
                              "training-signin 培训签到表 / visit-log 代表走访日志 / ledger 隐患台账 / "
                              "hazard-notice 挂牌督办通知书 / archive 代表履职档案 / rule 规则文件 / "
                              "session-signin 人代会签到表 / session-ballot 人代会表决票或选票 / "
                              "ballot 民生实事项目票决选票（--year）")
    printer.add_argument("--meeting", type=int, help="会议编号（见 meetings list）")
    printer.add_argument("--session", type=int, help="培训编号（见 training list）；人代会材料为会议编号（见 sessions list）")
    printer.add_argument("--item", type=int, help="人代会议程序号（表决票、选票）")
    printer.add_argument("--rep", help="代表姓名（走访日志、履职档案）")
    printer.add_argument("--all", action="store_true", help="全部代表的履职档案，--out 为文件夹（每人一个PDF）")
    printer.add_argument("--term", action="store_true", help="履职档案按整届（不用 --year）")
    printer.add_argument("--year", type=int, help="年度（走访日志、隐患台账）")
    printer.add_argument("--hazard", help="隐患编号，如 2026-003（挂牌督办通知书）")
    printer.add_argument("--kind", help="规则文件类别，如 乡镇人大主席团议事规则（见 rules list）")
    printer.add_argument("--on", type=_iso_date, help="打印这一天有效的版本（YYYY-MM-DD，默认今天有效的版本）")
    printer.add_argument("--out", type=Path, required=True, help="输出的PDF文件（--all 时为文件夹）")
    training = sub.add_parser("training", help="代表培训").add_subparsers(dest="training_command",
                                                                       metavar="操作")
    training_list = training.add_parser("list", help="列出培训：编号、日期、名称、类型、学时、出席/应到")
    training_list.add_argument("--year", type=int, help="年度（默认全部）")
    export = sub.add_parser("export", help="导出Excel").add_subparsers(dest="export_command",
                                                                    metavar="内容")
    export_training = export.add_parser("training", help="某年度代表培训情况（按代表、按培训两张表）")
    export_training.add_argument("--year", type=int, required=True)
    export_training.add_argument("--out", type=Path, required=True)
    export_problems = export.add_parser("problems", help="某年度群众反映问题清单（每条问题一行，含是否逾期）")
    export_problems.add_argument("--year", type=int, required=True)
    export_problems.add_argument("--out", type=Path, required=True)
    export_assessment = export.add_parser("assessment", help="某年度代表履职考核（汇总、明细、规则三张表）")
    export_assessment.add_argument("--year", type=int, required=True)
    export_assessment.add_argument("--out", type=Path, required=True)
    export_suggestions = export.add_parser("suggestions", help="某年度代表建议（逐件、办理情况统计两张表）")
    export_suggestions.add_argument("--year", type=int, required=True)
    export_suggestions.add_argument("--out", type=Path, required=True)
    export_ledger = export.add_parser("ledger", help="某年度隐患排查整改台账")
    export_ledger.add_argument("--year", type=int, required=True)
    export_ledger.add_argument("--out", type=Path, required=True)
    hazards_cmd = sub.add_parser("hazards", help="隐患台账").add_subparsers(dest="hazards_command",
                                                                        metavar="操作")
    hazards_list = hazards_cmd.add_parser("list", help="列出隐患：编号、日期、地点、等级、状态、整改时限、逾期")
    hazards_list.add_argument("--year", type=int)
    hazards_list.add_argument("--open", action="store_true", help="只列出未销号的")
    sessions = sub.add_parser("sessions", help="人代会会议").add_subparsers(dest="sessions_command",
                                                                       metavar="操作")
    sessions_list = sessions.add_parser("list", help="列出人代会会议：编号、届次、会次、会期、实到/应到")
    sessions_list.add_argument("--term", help="只列这一届，如 第十九届")
    stations = sub.add_parser("stations", help="代表联络站").add_subparsers(dest="stations_command",
                                                                       metavar="操作")
    days = stations.add_parser("days", help="列出联络站的接待日：每行一个日期（农历规则另列农历日期）")
    days.add_argument("--station", required=True, help="联络站名称")
    days.add_argument("--from", dest="start", type=_iso_date, required=True, help="起始日期 YYYY-MM-DD")
    days.add_argument("--months", type=int, default=12, help="月数（默认12）")
    rules = sub.add_parser("rules", help="两规则四办法").add_subparsers(dest="rules_command", metavar="操作")
    rules.add_parser("list", help="列出规则文件：类别、标题、现行版本、生效日期（制表符分隔）")
    visits = sub.add_parser("visits", help="走访日志").add_subparsers(dest="visits_command", metavar="操作")
    visits_list = visits.add_parser("list", help="列出走访：编号、日期、代表、形式、地点、户数、问题数")
    visits_list.add_argument("--year", type=int)
    visits_list.add_argument("--rep", help="代表姓名")
    return parser


def _cmd_demo(args) -> int:
    from town_office.demo import build_demo_town

    open_folder(args, writes=True)
    counts = build_demo_town()
    print("已载入示例乡镇：" + "，".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def _cmd_check(args) -> int:
    from town_office.errors import DatabaseDamaged, NotOurDatabase
    from town_office.models.db import health_findings
    from town_office.models.migrations import SCHEMA_VERSION, schema_version

    folder = resolve_data_folder(args.data_dir).ensure()
    if not folder.database.exists():
        print(f"数据文件夹中没有数据库文件：{folder.database}", file=sys.stderr)
        return 1
    try:
        folder, db = open_folder(args)
    except (DatabaseDamaged, NotOurDatabase) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    findings = health_findings(db)
    version = schema_version(db)
    if version != SCHEMA_VERSION:
        findings.append(f"结构版本为第{version}版，程序需要第{SCHEMA_VERSION}版")
    if findings:
        print("\n".join(findings))
        return 1
    print(f"数据库正常：{folder.database}（结构第{version}版）")
    return 0


def _cmd_roster(args) -> int:
    if args.roster_command == "import":
        from town_office.services.roster.importing import apply_import, preview_import

        open_folder(args, writes=True)
        preview = preview_import(args.file, sheet=args.sheet)
        if not preview.ok:
            raise ValidationError(preview.problems)
        summary = apply_import(preview)
        print(f"导入完成（{summary.term_name}）：新增 {summary.added} 人，更新 {summary.updated} 人；"
              f"导入前的数据已备份为 {summary.safety_backup}")
        return 0
    if args.roster_command == "export":
        from town_office.services.roster.export import export_roster

        open_folder(args)
        count = export_roster(args.file, with_id_numbers=args.with_id_numbers)
        print(f"已导出 {count} 名代表到 {args.file}")
        return 0
    print("请指定操作：town-office roster import 文件.xlsx 或 roster export 文件.xlsx", file=sys.stderr)
    return 2


def _cmd_backup(args) -> int:
    from town_office.services import backups

    open_folder(args, writes=True)
    print(backups.backup_now(args.to, backup_password(args)))
    return 0


def _cmd_handoff(args) -> int:
    from town_office.services.backups.handoff import build_package

    open_folder(args, writes=True)
    print(build_package(args.to, args.year, backup_password(args)).folder)
    return 0


def _cmd_verify(args) -> int:
    from town_office.backup import BackupError, verify_backup

    try:
        scratch = resolve_data_folder(args.data_dir).ensure().root
        info = verify_backup(args.file, backup_password(args), scratch)
    except BackupError as exc:
        print(f"备份不可用：{exc}", file=sys.stderr)
        return 1
    counts = info.counts
    print(f"备份完好：{info.town} {info.term}，{info.created_at:%Y-%m-%d %H:%M}，"
          f"代表{counts.get('representative', 0)}人，会议{counts.get('meeting', 0)}次，"
          f"走访{counts.get('visit', 0)}次，隐患{counts.get('hazard', 0)}项；SHA-256 {info.sha256}")
    return 0


def _cmd_restore(args) -> int:
    from town_office.errors import DatabaseDamaged, NotOurDatabase
    from town_office.services import backups

    try:
        open_folder(args, writes=True)
    except (DatabaseDamaged, NotOurDatabase) as exc:  # restore without opening the damaged file
        print(str(exc), file=sys.stderr)
        folder = resolve_data_folder(args.data_dir)
        kept = backups.restore_over_damaged(args.file, backup_password(args), folder)
        print(f"已恢复 {args.file.name}；原来的数据库文件保存为 {kept}")
        return 0
    safety = backups.restore(args.file, backup_password(args))
    print(f"已恢复 {args.file.name}；恢复前的数据已备份为 {safety}")
    return 0


COMMANDS = {"demo": _cmd_demo, "check": _cmd_check, "roster": _cmd_roster,
            "meetings": _cmd_meetings, "print": _cmd_print, "training": _cmd_training,
            "export": _cmd_export, "visits": _cmd_visits, "hazards": _cmd_hazards,
            "backup": _cmd_backup, "verify": _cmd_verify, "restore": _cmd_restore,
            "handoff": _cmd_handoff, "rules": _cmd_rules, "sessions": cmd_sessions,
            "stations": cmd_stations}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from town_office.app import run_app

        return run_app(args.data_dir)
    if args.command == "view":
        from town_office.app import run_viewer

        try:
            return run_viewer(str(args.file), backup_password(args), args.data_dir)
        except TownOfficeError as exc:
            print(str(exc), file=sys.stderr)
            return 2
    try:
        return COMMANDS[args.command](args)
    except ValidationError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        return 2
    except TownOfficeError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    finally:
        while held_locks:
            held_locks.pop().release()
