"""The smoke test of a BUILT program (the bundle, or the .deb once installed): it runs the executables,
never the sources, and checks what they leave behind.

Steps: --version; demo into a fresh data folder; check; one PDF of each kind, each with every font
embedded; a backup made and verified; the window opened offscreen and closed; portable mode (a
portable.txt beside the executable keeps the data beside it); an upgrade of the previous release's
database with its upgrade backup and every row intact."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREVIOUS_SCHEMA = ROOT / "tests" / "fixtures" / "schema_v10.sqlite3"  # the schema the last release wrote
PAPERS = (
    ("notice", "--meeting", "1"), ("signin", "--meeting", "1"), ("record", "--meeting", "1"),
    ("minutes", "--meeting", "1"), ("training-signin", "--session", "1"),
    ("visit-log", "--rep", "王建国", "--year", "2026"), ("ledger", "--year", "2026"),
    ("hazard-notice", "--hazard", "2026-002"), ("archive", "--rep", "王建国", "--year", "2026"),
    ("rule", "--kind", "乡镇人大主席团议事规则"), ("session-signin", "--session", "1"),
    ("session-ballot", "--session", "1", "--item", "1"), ("ballot", "--year", "2026"),
)


class SmokeFailed(Exception):
    pass


def _environment(extra: dict | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "TOWN_OFFICE_DATA_DIR"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra or {})
    return env


def run(label: str, command: list, expect: int = 0, env: dict | None = None, timeout: int = 300) -> str:
    start = time.perf_counter()
    done = subprocess.run([str(c) for c in command], capture_output=True, text=True, encoding="utf-8",
                          errors="replace", env=_environment(env), timeout=timeout)
    took = time.perf_counter() - start
    print(f"[smoke] {label:<40} exit {done.returncode}  {took:6.1f} s", flush=True)
    if done.returncode != expect:
        raise SmokeFailed(f"{label}：退出码 {done.returncode}（应为 {expect}）\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return done.stdout


def unembedded_fonts(pdf: Path) -> list[str]:
    """Fonts a PDF uses without carrying them (read from the file itself, no PDF tool needed)."""
    data = pdf.read_bytes()
    names = set(re.findall(rb"/BaseFont\s*/([^\s/>\]]+)", data))
    descriptors = re.findall(rb"<<[^<>]*?/Type\s*/FontDescriptor[^<>]*>>", data, re.S)
    embedded = {m.group(1) for d in descriptors if re.search(rb"/FontFile[23]?\s", d)
                for m in [re.search(rb"/FontName\s*/([^\s/>\]]+)", d)] if m}
    composite = set(re.findall(rb"/Subtype\s*/Type0.*?/BaseFont\s*/([^\s/>\]]+)", data, re.S))
    return sorted(n.decode("latin-1") for n in names - embedded - composite)


def table_counts(database: Path) -> dict[str, int]:
    conn = sqlite3.connect(database)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'")]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def smoke_test(gui: Path, cli: Path, tmp: Path, version: str, portable_dir: Path | None = None) -> None:
    for exe in (gui, cli):
        if not Path(exe).exists() and not shutil.which(str(exe)):
            raise SmokeFailed(f"找不到程序文件：{exe}")
    out = run("--version", [cli, "--version"])
    if version not in out:
        raise SmokeFailed(f"--version 没有给出 {version}：{out!r}")
    data = tmp / "data"
    run("demo", [cli, "--data-dir", data, "demo"])
    run("check", [cli, "--data-dir", data, "check"])
    papers = tmp / "papers"
    papers.mkdir()
    for paper, *options in PAPERS:
        target = papers / f"{paper}.pdf"
        run(f"print {paper}", [cli, "--data-dir", data, "print", paper, *options, "--out", target])
        if not target.exists() or target.read_bytes()[:5] != b"%PDF-":
            raise SmokeFailed(f"print {paper} 没有写出PDF")
        missing = unembedded_fonts(target)
        if missing:
            raise SmokeFailed(f"print {paper} 的PDF有未嵌入的字体：{missing}")
    stick = tmp / "stick"
    stick.mkdir()
    made = run("backup", [cli, "--data-dir", data, "backup", "--to", stick]).strip().splitlines()[-1]
    run("verify", [cli, "--data-dir", data, "verify", made])
    run("window opened and closed", [gui, "--data-dir", data], env={"TOWN_OFFICE_QUIT_AFTER_MS": "2500"})
    if portable_dir is not None and os.access(portable_dir, os.W_OK):
        _portable(cli, portable_dir, tmp)
    _upgrade(cli, tmp)


def _portable(cli: Path, bundle: Path, tmp: Path) -> None:
    marker, data = bundle / "portable.txt", bundle / "data"
    if data.exists():
        raise SmokeFailed(f"便携模式测试前 {data} 已存在，请先移走")
    marker.write_text("数据保存在本文件夹的 data 中\n", encoding="utf-8")
    try:
        home = {"HOME": str(tmp / "home"), "APPDATA": str(tmp / "appdata"), "XDG_DATA_HOME": str(tmp / "xdg")}
        run("portable: demo beside the program", [cli, "demo"], env=home)
        if not (data / "town_office.sqlite3").exists():
            raise SmokeFailed("便携模式：数据没有保存在程序旁边的 data 文件夹")
        run("portable: check", [cli, "check"], env=home)
    finally:
        marker.unlink(missing_ok=True)
        shutil.rmtree(data, ignore_errors=True)


def _upgrade(cli: Path, tmp: Path) -> None:
    folder = tmp / "previous"
    folder.mkdir()
    database = folder / "town_office.sqlite3"
    shutil.copyfile(PREVIOUS_SCHEMA, database)
    before = table_counts(database)
    run("upgrade the previous release's data", [cli, "--data-dir", folder, "check"])
    after = table_counts(database)
    changed = {t: (n, after.get(t)) for t, n in before.items() if after.get(t) != n}
    if changed:
        raise SmokeFailed(f"升级后行数变了：{changed}")
    if not any((folder / "backups").glob("*.tobak")):
        raise SmokeFailed("升级前没有留下自动备份")
    print(f"[smoke] upgrade kept {sum(before.values())} rows in {len(before)} tables, with its backup")
