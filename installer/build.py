"""Build the installable program on the machine this runs on, then smoke-test what was BUILT.

    .venv/bin/python installer/build.py                  bundle (PyInstaller) + smoke test
    .venv/bin/python installer/build.py --deb            … and the .deb (Linux)
    .venv/bin/python installer/build.py --deb --install  … and install the .deb, smoke-test the installed
                                                          program, remove it again (needs root)
    .venv/bin/python installer/build.py --smoke-only     smoke-test dist/town-office as it is

On Windows the bundle is followed by Setup.exe (Inno Setup's ``iscc``, from PATH or its usual folder).
Each step prints its exit code and time; any failure stops the build with exit code 1.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "installer"))

from smoke import SmokeFailed, smoke_test  # noqa: E402
from debian_package import build_deb, install_and_test  # noqa: E402

DIST = ROOT / "dist"
BUNDLE = DIST / "town-office"
WINDOWS = sys.platform == "win32"


def version() -> str:
    return re.search(r'__version__\s*=\s*"([^"]+)"', (ROOT / "town_office" / "__init__.py").read_text("utf-8")).group(1)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def build_bundle() -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"),
                    str(ROOT / "installer" / "town_office.spec")], check=True, cwd=ROOT)
    took = time.perf_counter() - start
    print(f"[build] bundle {BUNDLE} — {folder_size(BUNDLE) / 2**20:.0f} MB, {took:.0f} s", flush=True)
    return took


def iscc() -> str | None:
    found = shutil.which("iscc")
    for candidate in (found, r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe", r"C:\Program Files\Inno Setup 6\ISCC.exe"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def build_setup() -> Path:
    compiler = iscc()
    if compiler is None:
        raise SystemExit("找不到 Inno Setup 6 的 iscc（请安装 Inno Setup 6 或把 ISCC.exe 加入 PATH）")
    start = time.perf_counter()
    subprocess.run([compiler, f"/DAppVersion={version()}", f"/DBundleDir={BUNDLE}", f"/O{DIST}",
                    str(ROOT / "installer" / "town_office.iss")], check=True)
    setup = DIST / f"TownOffice-Setup-{version()}.exe"
    print(f"[build] {setup.name} — {setup.stat().st_size / 2**20:.0f} MB, {time.perf_counter() - start:.0f} s")
    return setup


def executables(bundle: Path) -> tuple[Path, Path]:
    suffix = ".exe" if WINDOWS else ""
    gui = bundle / (("TownOffice" if WINDOWS else "town-office") + suffix)
    return gui, bundle / f"town-office-cli{suffix}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deb", action="store_true", help="also build the .deb (Linux)")
    parser.add_argument("--install", action="store_true", help="install the .deb, smoke-test it, remove it")
    parser.add_argument("--smoke-only", action="store_true", help="do not build; test dist/town-office")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        if not args.smoke_only:
            build_bundle()
        gui, cli = executables(BUNDLE)
        with tempfile.TemporaryDirectory(prefix="town-office-smoke-") as tmp:
            smoke_test(gui, cli, Path(tmp), version(), portable_dir=BUNDLE)
        if WINDOWS and not args.smoke_only:
            build_setup()
        if args.deb and not WINDOWS:
            deb = build_deb(BUNDLE, DIST, version())
            if args.install:
                install_and_test(deb, version())
    except (SmokeFailed, subprocess.CalledProcessError) as exc:
        print(f"[build] 失败：{exc}", file=sys.stderr)
        return 1
    print(f"[build] 全部完成，用时 {time.perf_counter() - started:.0f} 秒")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
