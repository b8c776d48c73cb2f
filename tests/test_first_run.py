"""The first start on an empty folder: choosing the demo town loads it behind a progress bar (it
takes seconds) and then opens the window on it. Run as the program runs, in a process of its own
(it starts and quits the application's event loop)."""

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
    shown_during, windows = [], []
    real_build = app_module._load_demo_with_progress

    def watching(build):
        def build_and_look(progress):
            def progressed(done, total):
                shown_during.append(any(isinstance(w, QProgressDialog) and w.isVisible()
                                        for w in QApplication.topLevelWidgets()))
                progress(done, total)
            return build(progressed)
        return real_build(build_and_look)

    app_module._load_demo_with_progress = watching
    real_show = main_window.MainWindow.show

    def show_then_quit(self):
        real_show(self)
        windows.append(self.windowTitle())
        QTimer.singleShot(0, QApplication.instance().quit)

    main_window.MainWindow.show = show_then_quit
    code = app_module.run_app(sys.argv[1])
    print(json.dumps({"code": code, "progress": shown_during, "windows": windows}))
""")


def test_loading_the_demo_shows_progress_then_the_window(tmp_path):
    import os
    import sqlite3

    env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "新数据")], capture_output=True,
                          text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-1500:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0 and result["windows"]
    assert len(result["progress"]) == 12 and all(result["progress"])  # one step per part of the demo
    conn = sqlite3.connect(tmp_path / "新数据" / "town_office.sqlite3")
    assert conn.execute("SELECT COUNT(*) FROM representative").fetchone()[0] == 87
    conn.close()
