"""Only one running program may write a data folder."""

import subprocess
import sys
import textwrap

import pytest

from town_office.app import acquire_lock
from town_office.errors import DataFolderLocked


def test_a_second_program_on_the_same_folder_is_told_so(data_folder):
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from town_office.app import acquire_lock
            from town_office.paths import DataFolder
            lock = acquire_lock(DataFolder(Path({str(data_folder.root)!r})))
            print("locked", flush=True)
            sys.stdin.readline()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(DataFolderLocked, match="已经在运行"):
            acquire_lock(data_folder)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)
    lock = acquire_lock(data_folder)  # free again once the first program has exited
    lock.unlock()


def test_a_stale_lock_from_a_crashed_program_is_taken_over(data_folder):
    crashed = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(f"""
            import os
            from pathlib import Path
            from town_office.app import acquire_lock
            from town_office.paths import DataFolder
            lock = acquire_lock(DataFolder(Path({str(data_folder.root)!r})))
            os._exit(0)  # dies without unlocking
        """)], timeout=30)
    assert crashed.returncode == 0 and data_folder.lock_file.exists()
    lock = acquire_lock(data_folder)
    lock.unlock()
