from pathlib import Path

from town_office.paths import ENV_DATA_DIR, PORTABLE_MARKER, resolve_data_folder


def test_command_line_wins_over_environment(tmp_path):
    folder = resolve_data_folder(tmp_path / "cli", {ENV_DATA_DIR: str(tmp_path / "env")})
    assert folder.root == (tmp_path / "cli").resolve()


def test_environment_wins_over_portable(tmp_path):
    (tmp_path / PORTABLE_MARKER).write_text("")
    folder = resolve_data_folder(None, {ENV_DATA_DIR: str(tmp_path / "env")}, exe_dir=tmp_path)
    assert folder.root == (tmp_path / "env").resolve()


def test_portable_mode_keeps_data_beside_the_executable(tmp_path):
    (tmp_path / PORTABLE_MARKER).write_text("")
    assert resolve_data_folder(None, {}, exe_dir=tmp_path).root == tmp_path / "data"


def test_default_is_the_user_data_folder_with_the_app_name_once(tmp_path):
    root = resolve_data_folder(None, {}, exe_dir=tmp_path).root
    assert root.name == "TownOffice"
    assert root.parent.name != "TownOffice"


def test_windows_path_is_not_doubled(monkeypatch):
    import appdirs

    monkeypatch.setattr(appdirs, "system", "win32")
    monkeypatch.setattr(appdirs, "_get_win_folder", lambda _: "C:\\Users\\clerk\\AppData\\Local", raising=False)
    root = resolve_data_folder(None, {}, exe_dir=Path("/nonexistent")).root
    assert str(root).replace("\\", "/").endswith("AppData/Local/TownOffice")


def test_ensure_creates_the_tree(tmp_path):
    folder = resolve_data_folder(tmp_path / "d").ensure()
    for sub in (folder.attachments, folder.backups, folder.logs):
        assert Path(sub).is_dir()
