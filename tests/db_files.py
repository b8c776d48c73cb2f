"""Damaging a database file on purpose: first folded into one file (WAL checkpointed, rollback
journal), so that what is cut or overwritten is really the database."""

import sqlite3


def checkpoint(path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=delete")
    conn.close()


def cut_short(path, by: int = 1) -> None:
    checkpoint(path)
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size - by)
