"""Writing to a full or read-only disk: every writer of the command line says in Chinese what
happened (空间不足 / 只读) and leaves no file under its final name — at every fill level tried."""

import os
import subprocess
import uuid
from pathlib import Path

import pytest

from town_office.cli import main


def _mounted(tmp_path, size: str):
    mount = tmp_path / f"stick-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.decode(errors='replace').strip()})")
    return mount


@pytest.fixture
def small_disk(tmp_path):
    mount = _mounted(tmp_path, "1m")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


@pytest.fixture
def roomy_disk(tmp_path):
    mount = _mounted(tmp_path, "32m")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(mount: Path, leave: int) -> None:
    for old in mount.iterdir():
        old.unlink()
    stat = os.statvfs(mount)
    free = stat.f_bavail * stat.f_frsize
    if free > leave:
        (mount / "filler").write_bytes(b"\0" * (free - leave))


WRITERS = {
    "台账Excel": (["export", "ledger", "--year", "2026", "--out"], "台账.xlsx"),
    "名册Excel": (["roster", "export"], "名册.xlsx"),
    "纪要PDF": (["print", "minutes", "--meeting", "8", "--out"], "纪要.pdf"),
    "档案PDF": (["print", "archive", "--rep", "高翠萍", "--year", "2026", "--out"], "档案.pdf"),
    "备份": (["backup", "--to"], None),
}


def test_every_writer_on_a_full_stick_says_so_and_leaves_nothing(tmp_path, small_disk, capsys):
    data = str(tmp_path / "d")
    assert main(["--data-dir", data, "demo"]) == 0
    capsys.readouterr()
    tried = held = 0
    for leave in (0, 2_000, 20_000, 60_000, 200_000):
        for label, (args, name) in WRITERS.items():
            _fill(small_disk, leave)
            target = small_disk / name if name else small_disk
            before = {p.name for p in small_disk.iterdir()}
            code = main(["--data-dir", data, *args, str(target)])
            err = capsys.readouterr().err
            tried += 1
            after = {p.name for p in small_disk.iterdir()} - before
            if code == 0:  # it fitted: a complete file
                assert after, label
                held += 1
                continue
            assert code == 2 and "Traceback" not in err, (label, leave, err)
            assert "空间不足" in err, (label, leave, err)
            assert not after, (label, leave, after)  # nothing under any name
            held += 1
    assert tried == held
    print(f"full stick: {tried} writes tried, {held} held")


def test_a_read_only_folder_is_called_read_only(tmp_path, small_disk, capsys):
    data = str(tmp_path / "d")
    assert main(["--data-dir", data, "demo"]) == 0
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    capsys.readouterr()
    assert main(["--data-dir", data, "export", "ledger", "--year", "2026", "--out",
                 str(small_disk / "台账.xlsx")]) == 2
    assert "只读" in capsys.readouterr().err
    assert main(["--data-dir", data, "backup", "--to", str(small_disk)]) == 2
    assert "只读" in capsys.readouterr().err


def test_a_read_only_data_folder_is_called_read_only_not_damaged(tmp_path, roomy_disk, capsys):
    small_disk = roomy_disk
    import shutil

    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "demo"]) == 0
    from town_office.models import database

    database.close()
    shutil.copytree(data, small_disk / "d", ignore=shutil.ignore_patterns("backups", "*.lock"))
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    capsys.readouterr()
    for command in (["check"], ["meetings", "list"], ["demo"]):
        assert main(["--data-dir", str(small_disk / "d"), *command]) != 0
        err = capsys.readouterr().err
        assert "只读" in err and "损坏" not in err and "Traceback" not in err, (command, err)
