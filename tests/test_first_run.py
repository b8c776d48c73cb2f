"""The first start on an empty folder: the window's frame is painted before the database is opened;
choosing the demo town loads it behind a progress bar (it takes seconds) over that frame
and then opens the window's pages on it. Run as the program runs, in a process of its own (it starts
and quits the application's event loop)."""

import json
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.gui

CHILD = textwrap.dedent("""
    import json, os, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog
    import town_office.app as app_module
    from town_office.views import first_run_dialog, main_window

    first_run_dialog.FirstRunDialog.exec = lambda self: first_run_dialog.FirstRunDialog.LOAD_DEMO
    shown_during, windows, frames = [], [], []
    real_build = app_module._load_demo_with_progress
    real_frame = main_window.MainWindow.show_frame

    def frame_then_look(self):
        real_frame(self)
        from town_office.models import database
        frames.append({"painted": self.first_painted is not None, "database": database.obj is not None,
                       "says": self.stack.currentWidget().text()})

    main_window.MainWindow.show_frame = frame_then_look

    def watching(build):
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, main_window.MainWindow))
        frames.append({"visible": window.isVisible(), "nav": window.nav.isEnabled(), "pages": len(window.built)})
        def build_and_look(progress):
            def progressed(done, total):
                shown_during.append(any(isinstance(w, QProgressDialog) and w.isVisible()
                                        for w in QApplication.topLevelWidgets()))
                progress(done, total)
            return build(progressed)
        return real_build(build_and_look)

    app_module._load_demo_with_progress = watching
    real_open = main_window.MainWindow.open_pages

    def open_then_quit(self):  # the frame is painted first; its pages open once the town is built
        real_open(self)
        windows.append(self.windowTitle())
        frames.append({"nav": self.nav.isEnabled(), "pages": list(self.built)})
        QTimer.singleShot(0, QApplication.instance().quit)

    main_window.MainWindow.open_pages = open_then_quit
    code = app_module.run_app(sys.argv[1])
    print(json.dumps({"code": code, "progress": shown_during, "windows": windows, "frames": frames}))
""")


def test_loading_the_demo_shows_progress_then_the_window(tmp_path):
    import os
    import sqlite3

    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "新数据")], capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-1500:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0 and result["windows"] == ["乡镇人大工作台 — 青石镇人大主席团"]
    assert result["frames"] == [{"painted": True, "database": False, "says": "正在打开数据……"},  # painted before the database is opened
                                {"visible": True, "nav": False, "pages": 0},  # the demo is built over the frame
                                {"nav": True, "pages": ["工作台"]}]
    assert len(result["progress"]) == 12 and all(result["progress"])  # one step per part of the demo
    conn = sqlite3.connect(tmp_path / "新数据" / "town_office.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM representative").fetchone()[0] == 87
    conn.close()
