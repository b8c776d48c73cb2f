"""The Qt binding must survive a working day: PySide6 6.12.0 on Python 3.11 lost a reference of None
on every call of a void Qt method, and the interpreter aborted after a few thousand of them."""

import subprocess
import sys
import textwrap

CALLS = 200_000

CHILD = textwrap.dedent(f"""
    import sys
    from PySide6.QtWidgets import QApplication, QLineEdit
    app = QApplication([])
    edit = QLineEdit()
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        edit.setText("x")
    edit.clear()
    after = sys.getrefcount(None)
    print(before, after)
""")


def test_void_qt_calls_keep_none_alive(tmp_path):
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 0, f"Qt binding aborted after void calls: {done.stderr[-400:]}"
    before, after = map(int, done.stdout.split())
    assert after >= before, f"sys.getrefcount(None) fell from {before} to {after}"


def test_installed_binding_is_the_pinned_one():
    """The set-up installs exactly the pin of pyproject.toml (an older venv could keep 6.12.0)."""
    import tomllib
    from importlib.metadata import version
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text("utf-8"))
    pins = dict(d.split("==") for d in project["project"]["dependencies"] if d.startswith("PySide6"))
    assert pins, "PySide6 must be pinned with == in pyproject.toml"
    for name, pinned in pins.items():
        assert version(name) == pinned, name
