"""Shared fixtures: offscreen Qt, every path in tmp_path, a file-backed database built through the
real migration path, and factories for roster records."""

import os

# a 1366×768 laptop screen, the clerk's most common one
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen:configfile="
                      + os.path.join(os.path.dirname(__file__), "fixtures", "screen_1366x768.json"))
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from datetime import date
from pathlib import Path

import pytest

from town_office.paths import ENV_DATA_DIR, DataFolder

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item):
    """Widgets closed at teardown never wait on a question nobody can answer: a failed test can
    leave a form with unsaved changes, whose 「放弃修改？」 would otherwise hang the whole run."""
    from PySide6.QtWidgets import QMessageBox

    original = QMessageBox.exec
    QMessageBox.exec = lambda box: int(QMessageBox.StandardButton.Cancel)
    try:
        return (yield)
    finally:
        QMessageBox.exec = original


@pytest.fixture(autouse=True)
def isolated_paths(tmp_path, monkeypatch):
    """No test touches the real data folder or the real QSettings."""
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover - Qt is a dependency
        return
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def data_folder(tmp_path) -> DataFolder:
    return DataFolder(tmp_path / "data").ensure()


@pytest.fixture
def db(data_folder):
    from town_office.database_file import open_database

    database, _ = open_database(data_folder.database, data_folder.backups)
    yield database
    database.close()


@pytest.fixture
def current_term(db):
    from town_office.services import settings
    from town_office.services.roster import units as roster_units

    settings.update_settings(town_name="测试镇", county_name="测试县")
    return roster_units.save_term(None, "第十九届", date(2021, 12, 28), date(2026, 12, 27), make_current=True)


@pytest.fixture
def make_representative(current_term):
    from town_office.services import roster
    from town_office.services.roster.types import RepresentativeInput

    def make(**overrides):
        values = dict(name="王芳", gender="女", birth_month="1975-03", group_name="第一代表小组",
                      constituency_name="第一选区")
        values.update(overrides)
        return roster.create_representative(RepresentativeInput(**values))

    return make


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    """The demo town built once per test run (it renders seven 纪要 PDFs): a database snapshot and
    its attachments, copied into each test's own data folder."""
    import shutil

    from town_office.demo import build_demo_town
    from town_office.database_file import open_database
    from town_office.models.db import snapshot_database

    folder = DataFolder(tmp_path_factory.mktemp("demo_template") / "data").ensure()
    database, _ = open_database(folder.database, folder.backups)
    build_demo_town()
    snapshot = folder.root.parent / "demo.sqlite3"
    snapshot_database(database, snapshot)
    database.close()
    yield snapshot, folder.attachments
    shutil.rmtree(folder.root, ignore_errors=True)


@pytest.fixture
def demo_town(data_folder, demo_template):
    """A data folder holding the demo town, opened through the real migration path."""
    import shutil

    from town_office.database_file import open_database

    snapshot, attachments = demo_template
    shutil.copyfile(snapshot, data_folder.database)
    shutil.copytree(attachments, data_folder.attachments, dirs_exist_ok=True)
    database, _ = open_database(data_folder.database, data_folder.backups)
    yield database
    database.close()


def valid_id(birth: str, seq: str = "123") -> str:
    """A checksum-valid ID number for ``birth`` (YYYYMMDD); odd last seq digit = male."""
    from town_office.services.roster.identity import id_check_char

    first17 = f"439901{birth}{seq}"
    return first17 + id_check_char(first17)


@pytest.fixture
def presidium(make_representative):
    """Five presidium members (one with a rare name character) and one ordinary deputy, 王䶮."""
    members = [make_representative(name=name, gender=gender, presidium_role=role,
                                   work_unit_post=post)
               for name, gender, role, post in (
                   ("王建国", "男", "主席", "镇人大主席团主席"),
                   ("李春梅", "女", "副主席", "镇人大主席团副主席"),
                   ("刘𬌗", "女", "成员", "石门村党支部书记"),
                   ("赵刚", "男", "成员", "柳溪村村委会主任"),
                   ("孙丽", "女", "成员", "青石镇中心小学教师"))]
    other = make_representative(name="王䶮", gender="男", work_unit_post="桃源片代表小组组长")
    return members, other


@pytest.fixture
def make_meeting(presidium):
    from town_office.services import meetings
    from town_office.services.meetings.types import MeetingInput

    def make(held_on=date(2026, 3, 25), **overrides):
        values = dict(held_on=held_on, place="镇人民政府三楼会议室", chair="王建国", recorder="陈晓燕")
        values.update(overrides)
        return meetings.create_meeting(MeetingInput(**values))

    return make


@pytest.fixture(scope="session")
def qapp(qapp_args, qapp_cls):
    """The application as the program makes it: its font, Qt's dialogs in Chinese, windows fitted
    to the (1366×768) screen."""
    from PySide6.QtWidgets import QApplication

    from town_office.app import configure_application

    app = QApplication.instance() or qapp_cls(qapp_args)
    configure_application(app)
    yield app
