"""The first start on an empty folder: choosing the demo town loads it behind a progress bar (it
takes seconds) and then opens the window on it."""

import logging

import pytest

pytestmark = pytest.mark.gui


def test_loading_the_demo_shows_progress_then_the_window(qtbot, qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QProgressDialog

    import town_office.app as app_module
    from town_office.models import Representative, database
    from town_office.views import first_run_dialog, main_window

    monkeypatch.setattr(first_run_dialog.FirstRunDialog, "exec",
                        lambda self: first_run_dialog.FirstRunDialog.LOAD_DEMO)
    shown_during = []
    real_build = app_module._load_demo_with_progress

    def watching(build):
        def build_and_look(progress):
            def progressed(done, total):
                shown_during.append(any(isinstance(w, QProgressDialog) and w.isVisible()
                                        for w in qapp.topLevelWidgets()))
                progress(done, total)
            return build(progressed)
        return real_build(build_and_look)

    monkeypatch.setattr(app_module, "_load_demo_with_progress", watching)
    real_show = main_window.MainWindow.show
    windows = []

    def show_then_quit(self):
        real_show(self)
        windows.append(self)
        QTimer.singleShot(0, qapp.quit)

    monkeypatch.setattr(main_window.MainWindow, "show", show_then_quit)
    handlers = list(logging.getLogger().handlers)
    try:
        assert app_module.run_app(str(tmp_path / "新数据")) == 0
    finally:
        for handler in logging.getLogger().handlers[len(handlers):]:
            logging.getLogger().removeHandler(handler)
    assert shown_during and all(shown_during) and len(shown_during) == 7
    assert windows
    from town_office.models import open_database

    open_database(tmp_path / "新数据" / "town_office.sqlite3", tmp_path / "新数据" / "backups")
    assert Representative.select().count() == 46
    database.close()
