"""The .deb for Debian-based desktops (统信UOS, 银河麒麟): the bundle under /opt/town-office, the
commands town-office and town-office-cli in /usr/bin, a desktop entry named 乡镇人大工作台 with the
icon, and the Debian packages Qt needs as Depends. Each user's data stays in that user's data
folder (~/.local/share/TownOffice); removing the package never touches it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from smoke import SmokeFailed, smoke_test

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "town-office"
DEPENDS = ("libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libxkbcommon0", "libxkbcommon-x11-0",
           "libdbus-1-3", "libglib2.0-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1",
           "libxcb-randr0", "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1",
           "libxrender1", "libxi6", "libsm6", "libice6")
DESKTOP = """[Desktop Entry]
Type=Application
Name=乡镇人大工作台
Name[zh_CN]=乡镇人大工作台
GenericName=乡镇人大主席团办公软件
Comment=代表名册、会议、走访、隐患台账、履职档案和备份
Exec=town-office
Icon=town-office
Terminal=false
Categories=Office;
StartupWMClass=town-office
"""


def _control(version: str, size_kb: int) -> str:
    return (f"Package: {PACKAGE}\nVersion: {version}\nSection: misc\nPriority: optional\n"
            f"Architecture: amd64\nInstalled-Size: {size_kb}\nDepends: {', '.join(DEPENDS)}\n"
            "Maintainer: 乡镇人大工作台项目组 <town-office@localhost>\n"
            "Description: 乡镇人大工作台 (Town Office)\n"
            " Desktop office program for a township people's congress presidium: roster of deputies,\n"
            " meetings, visits, hazard ledger, performance files and verified backups.\n")


def build_deb(bundle: Path, dist: Path, version: str) -> Path:
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="town-office-deb-") as tmp:
        root = Path(tmp) / "pkg"
        shutil.copytree(bundle, root / "opt" / PACKAGE, symlinks=True)
        bin_dir = root / "usr" / "bin"
        bin_dir.mkdir(parents=True)
        for name in ("town-office", "town-office-cli"):
            os.symlink(f"/opt/{PACKAGE}/{name}", bin_dir / name)
        apps = root / "usr" / "share" / "applications"
        apps.mkdir(parents=True)
        (apps / f"{PACKAGE}.desktop").write_text(DESKTOP, encoding="utf-8")
        for size in (16, 32, 48, 64, 128, 256):
            icon_dir = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
            icon_dir.mkdir(parents=True)
            shutil.copyfile(ROOT / "resources" / "icons" / f"town_office_{size}.png", icon_dir / f"{PACKAGE}.png")
        size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
        control = root / "DEBIAN"
        control.mkdir()
        (control / "control").write_text(_control(version, size_kb), encoding="utf-8")
        deb = dist / f"{PACKAGE}_{version}_amd64.deb"
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(deb)], check=True,
                       stdout=subprocess.DEVNULL)
    print(f"[deb] {deb.name} — {deb.stat().st_size / 2**20:.0f} MB, {time.perf_counter() - start:.0f} s", flush=True)
    return deb


def _as_root(command: list[str]) -> list[str]:
    return command if os.geteuid() == 0 else ["sudo", *command]


def install_and_test(deb: Path, version: str) -> None:
    """Install the .deb with apt (which brings the Depends), smoke-test the installed commands, then
    remove the package and check that it left no program files behind."""
    if os.geteuid() != 0 and shutil.which("sudo") is None:
        print("[deb] 没有 root 权限也没有 sudo：跳过安装测试（.deb 已生成）", flush=True)
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(_as_root(["apt-get", "install", "-y", "-qq", str(deb.resolve())]), check=True, env=env,
                   stdout=subprocess.DEVNULL)
    try:
        for path in ("/usr/bin/town-office", "/usr/share/applications/town-office.desktop",
                     "/usr/share/icons/hicolor/256x256/apps/town-office.png"):
            if not Path(path).exists():
                raise SmokeFailed(f"安装后缺少 {path}")
        with tempfile.TemporaryDirectory(prefix="town-office-installed-") as tmp:
            smoke_test(Path("/usr/bin/town-office"), Path("/usr/bin/town-office-cli"), Path(tmp), version)
    finally:
        subprocess.run(_as_root(["apt-get", "remove", "-y", "-qq", PACKAGE]), check=True, env=env,
                       stdout=subprocess.DEVNULL)
    if Path(f"/opt/{PACKAGE}").exists() or Path("/usr/bin/town-office").exists():
        raise SmokeFailed("卸载后程序文件仍在")
    print("[deb] installed, smoke-tested and removed", flush=True)
