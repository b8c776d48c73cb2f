"""The layer rules of ARCHITECTURE.md, checked on the imports of every module."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "town_office"


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def modules(*parts: str) -> list[Path]:
    found = []
    for part in parts:
        target = PACKAGE / part
        found += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    return found


def test_the_house_exists():
    for part in ("models", "services", "reports", "views", "paths.py", "cli.py", "app.py", "errors.py"):
        assert (PACKAGE / part).exists(), part


@pytest.mark.parametrize("path", modules("models", "services", "reports", "demo", "cli.py",
                                         "cli_support.py", "cli_listings.py", "paths.py",
                                         "backup.py", "backup_files.py", "backup_seal.py",
                                         "file_safety.py", "folder_lock.py", "restore_swap.py",
                                         "housekeeping.py", "errors.py", "resources.py",
                                         "__init__.py"),
                         ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_qt_below_views(path):
    assert not {n for n in imports_of(path) if n.split(".")[0] == "PySide6"}


@pytest.mark.parametrize("path", modules("views"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_views_do_not_touch_the_database(path):
    bad = {n for n in imports_of(path)
           if n.split(".")[0] in ("peewee", "playhouse") or n.startswith("town_office.models")}
    assert not bad


@pytest.mark.parametrize("path", modules("reports"), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_reports_never_query(path):
    bad = {n for n in imports_of(path) if n.split(".")[0] in ("peewee", "playhouse")
           or n.startswith(("town_office.models", "town_office.services"))}
    assert not bad


def test_only_paths_imports_appdirs():
    users = [p for p in modules(".") if "appdirs" in imports_of(p)]
    assert users == [PACKAGE / "paths.py"]


def test_views_never_use_qtablewidget():
    assert not [p for p in modules("views") if "QTableWidget" in p.read_text(encoding="utf-8")]


def test_every_module_has_a_docstring():
    missing = [str(p.relative_to(PACKAGE)) for p in modules(".")
               if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert not missing
