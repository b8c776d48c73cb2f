"""What can be checked of the installer on Linux without Windows: the Inno Setup script carries the
keys a per-user, upgrade-safe install needs; the PyInstaller spec, the Windows workflow and the icon
are consistent with the program; the smoke test's font check can fail; an unexpected error in the
windowed program is shown in Chinese with the log's path."""

import configparser
import re
import sys
from pathlib import Path

from PIL import Image

from town_office import __version__
from town_office.app import SINGLE_INSTANCE_MUTEX, install_error_dialog

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
sys.path.insert(0, str(INSTALLER))


def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in (INSTALLER / "town_office.iss").read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(";") or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    return sections


def iss_setup() -> dict[str, str]:
    return dict(line.split("=", 1) for line in iss_sections()["Setup"])


def test_inno_setup_installs_per_user_and_replaces_older_versions():
    setup = iss_setup()
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["DefaultDirName"].startswith("{userpf}")
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["AppMutex"] == SINGLE_INSTANCE_MUTEX
    assert setup["AppName"] == "乡镇人大工作台" and setup["VersionInfoProductName"] == "乡镇人大工作台"
    assert setup["AppVersion"] == "{#AppVersion}" and setup["VersionInfoCompany"]


def test_inno_setup_speaks_chinese_and_names_the_shortcuts():
    sections = iss_sections()
    assert any("ChineseSimplified.isl" in line for line in sections["Languages"])
    icons = sections["Icons"]
    assert any(line.startswith('Name: "{autoprograms}\\乡镇人大工作台"') for line in icons)
    assert any(line.startswith('Name: "{autodesktop}\\乡镇人大工作台"') and "Tasks: desktopicon" in line
               for line in icons)
    assert any('Name: "desktopicon"' in line for line in sections["Tasks"])


def test_uninstall_keeps_the_data_and_says_where_it_is():
    sections = iss_sections()
    assert not any("TownOffice" in line or "{localappdata}" in line.lower() for line in sections["UninstallDelete"])
    message = next(line for line in sections["Messages"] if line.startswith("chinesesimplified.UninstalledAll"))
    assert "数据没有删除" in message and "%LOCALAPPDATA%\\TownOffice" in message


def test_spec_and_workflow_build_from_the_same_sources():
    spec = (INSTALLER / "town_office.spec").read_text("utf-8")
    assert '"town_office" / "__init__.py"' in spec and "__version__" in spec
    for unused in ("PySide6.QtWebEngineCore", "PySide6.QtQuick", "PySide6.QtQml"):
        assert unused in spec
    assert "zh_CN" in spec and '"resources"' in spec
    workflow = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text("utf-8")
    assert "windows-latest" in workflow and 'python-version: "3.11"' in workflow
    assert "installer/build.py" in workflow and "TownOffice-Setup-" in workflow
    assert "pyinstaller==" in (ROOT / "pyproject.toml").read_text("utf-8")


def test_the_icon_comes_in_every_size():
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert Image.open(ROOT / "resources" / "icons" / f"town_office_{size}.png").size == (size, size)
    ico = Image.open(ROOT / "resources" / "icons" / "town_office.ico")
    assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]


def test_the_font_check_finds_an_unembedded_font(tmp_path):
    from reportlab.pdfgen import canvas
    from smoke import unembedded_fonts

    plain = tmp_path / "helvetica.pdf"
    page = canvas.Canvas(str(plain))
    page.drawString(10, 10, "x")
    page.save()
    assert unembedded_fonts(plain) == ["Helvetica"]


def test_the_desktop_entry_and_the_package_version():
    from debian_package import DESKTOP, _control

    entry = configparser.ConfigParser(interpolation=None)
    entry.read_string(DESKTOP)
    assert entry["Desktop Entry"]["Name"] == "乡镇人大工作台" and entry["Desktop Entry"]["Exec"] == "town-office"
    control = _control(__version__, 1000)
    assert f"Version: {__version__}" in control and "libxcb-cursor0" in control


def test_an_unexpected_error_is_logged_and_shown_in_chinese(data_folder, monkeypatch, qapp):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    from town_office.app import setup_logging

    setup_logging(data_folder)
    original = sys.excepthook
    try:
        install_error_dialog(data_folder)
        try:
            raise ValueError("测试用的意外")
        except ValueError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = original
    assert shown and "程序遇到了意外错误：测试用的意外" in shown[0]
    assert str(data_folder.logs / "town_office.log") in shown[0]
    assert "ValueError: 测试用的意外" in (data_folder.logs / "town_office.log").read_text("utf-8")
