"""Only one running program may write a data folder: the window and every command that writes take
the same lock; a dead program's lock is taken over; another PC's is shown and can be broken."""

import json
import subprocess
import sys
import textwrap

import pytest

from town_office import folder_lock
from town_office.app import acquire_lock
from town_office.cli import main
from town_office.errors import DataFolderLocked

HOLD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from town_office import folder_lock
    lock = folder_lock.acquire(Path(sys.argv[1]), "窗口")
    print("locked", flush=True)
    sys.stdin.readline()
""")


def _holder(data_folder):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(data_folder.lock_file)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_a_second_program_on_the_same_folder_is_told_who_holds_it(data_folder):
    holder = _holder(data_folder)
    try:
        with pytest.raises(DataFolderLocked) as caught:
            acquire_lock(data_folder)
        assert "窗口" in str(caught.value) and f"进程 {holder.pid}" in str(caught.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    lock = acquire_lock(data_folder)  # free again once the first program has exited
    lock.unlock()


@pytest.mark.parametrize("command", [
    ["demo"], ["restore", "x.tobak"], ["roster", "import", "x.xlsx"], ["backup", "--to", "u"],
    ["handoff", "--to", "u"],
])
def test_every_command_that_writes_is_refused_while_the_window_holds_the_folder(
        data_folder, tmp_path, capsys, command):
    holder = _holder(data_folder)
    try:
        assert main(["--data-dir", str(data_folder.root), *command]) == 2
        assert "正在被窗口" in capsys.readouterr().err
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    assert not data_folder.database.exists() or command != ["demo"]


def test_reading_commands_go_on_while_the_window_holds_the_folder(data_folder, capsys):
    assert main(["--data-dir", str(data_folder.root), "demo"]) == 0
    holder = _holder(data_folder)
    try:
        assert main(["--data-dir", str(data_folder.root), "meetings", "list"]) == 0
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_a_lock_left_by_a_crashed_program_is_taken_over(data_folder):
    crashed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(f"""
            import os
            from pathlib import Path
            from town_office import folder_lock
            lock = folder_lock.acquire(Path({str(data_folder.lock_file)!r}), "窗口")
            os._exit(0)  # dies without unlocking
        """)], timeout=30)
    assert crashed.returncode == 0 and folder_lock.read_holder(data_folder.lock_file)
    lock = acquire_lock(data_folder)
    assert lock.holder.pid != 0 and folder_lock.read_holder(data_folder.lock_file) == lock.holder
    lock.unlock()
    assert folder_lock.read_holder(data_folder.lock_file) is None


def test_another_computers_lock_is_shown_and_can_be_broken_deliberately(data_folder, capsys):
    data_folder.lock_file.parent.mkdir(parents=True, exist_ok=True)
    data_folder.lock_file.write_text(json.dumps(
        {"program": "窗口", "pid": 4242, "host": "县人大-办公室2", "since": "2026-12-01 09:30:00"},
        ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataFolderLocked) as caught:
        folder_lock.acquire(data_folder.lock_file, "命令行 demo")
    assert "县人大-办公室2" in str(caught.value) and "2026-12-01 09:30:00" in str(caught.value)
    assert main(["--data-dir", str(data_folder.root), "demo"]) == 2
    assert "强制解除" in capsys.readouterr().err
    assert main(["--data-dir", str(data_folder.root), "--break-lock", "demo"]) == 0
    assert folder_lock.read_holder(data_folder.lock_file) is None


SECOND_WINDOW = textwrap.dedent("""
    import json, sys
    from PySide6.QtWidgets import QMessageBox
    import town_office.app as app_module
    from town_office.views.main_window import MainWindow

    said = []
    def critical(parent, title, text, *args):
        said.append({"over_the_frame": isinstance(parent, MainWindow) and parent.isVisible(), "text": text})
    QMessageBox.critical = critical
    code = app_module.run_app(sys.argv[1])
    print(json.dumps({"code": code, "said": said}, ensure_ascii=False))
""")


@pytest.mark.gui
def test_a_second_window_on_a_held_folder_says_so_over_its_frame_and_touches_nothing(data_folder, tmp_path):
    """The window's frame is painted before the lock is taken (issue 22): a second start on a held
    folder shows its message over that frame, ends, and never opens the database."""
    import os

    holder = _holder(data_folder)
    try:
        env = dict(os.environ, HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"))
        done = subprocess.run([sys.executable, "-c", SECOND_WINDOW, str(data_folder.root)], capture_output=True,
                              text=True, timeout=120, env=env)
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    assert done.returncode == 0, done.stderr[-1500:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 1
    assert len(result["said"]) == 1 and result["said"][0]["over_the_frame"]
    assert result["said"][0]["text"].startswith("数据文件夹正在被窗口（进程")
    assert not data_folder.database.exists()
