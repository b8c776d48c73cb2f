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
                                         "backup_inspect.py", "database_file.py",
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


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports (at the top or inside a
    function: a late import still ties the two together)."""
    known = {module_name(p): p for p in modules(".")}
    graph = {}
    for name, path in known.items():
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                targets.add(node.module)
                targets.update(f"{node.module}.{alias.name}" for alias in node.names)
        graph[name] = {t for t in targets if t in known and t != name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each a circle of imports."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_circle_finder_finds_a_circle():
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circles():
    assert circles(import_graph()) == []


# Which top-level layer may import which: models at the bottom, reports beside them (drawing only),
# services over both (a papers module builds the data and hands it to its renderer); views, the CLI and the
# window at the top. (Rule 1–3 above say the same for Qt, peewee and queries; this is the direction.)
LAYER_MAY_IMPORT = {
    "models": {"models", "errors", "paths"},
    "services": {"models", "services", "errors", "paths", "backup", "database_file", "folder_lock",
                 "file_safety", "backup_inspect", "backup_files", "backup_seal", "restore_swap",
                 "housekeeping", "resources", "reports"},
    "reports": {"reports", "errors", "resources", "paths", "file_safety"},
}


@pytest.mark.parametrize("layer", sorted(LAYER_MAY_IMPORT))
def test_layers_import_only_downwards(layer):
    wrong = []
    for path in modules(layer):
        for name in imports_of(path):
            parts = name.split(".")
            if parts[0] == "town_office" and len(parts) > 1 and parts[1] not in LAYER_MAY_IMPORT[layer]:
                wrong.append(f"{module_name(path)} -> {name}")
    assert not wrong


def test_services_are_one_package_per_area():
    loose = sorted(p.name for p in (PACKAGE / "services").glob("*.py")
                   if p.name not in ("__init__.py", "settings.py"))
    assert not loose, "services/ holds area packages (services/meetings/, ...), not loose modules"


def test_no_module_over_400_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in modules(".")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long
