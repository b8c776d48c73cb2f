"""User-facing errors: what the clerk did or what the data folder holds, said in Chinese.

Anything that is not one of these is a bug and is logged with its traceback. Views show
``str(error)`` of these as they are; ``ValidationError`` also says which field (and row) is wrong so a
dialog can put the message next to the field.
"""

from __future__ import annotations

from dataclasses import dataclass


class TownOfficeError(Exception):
    """Base of every error whose message is meant for the clerk."""


# Problems about the record or file as a whole, not a field the clerk typed into.
GENERAL_FIELDS = frozenset({"状态", "文件", "数据", "工作表", "表头"})


@dataclass(frozen=True)
class FieldProblem:
    """One problem with one field; ``row`` is the spreadsheet row for imports."""

    field: str
    message: str
    row: int | None = None

    def __str__(self) -> str:
        where = f"第{self.row}行 " if self.row is not None else ""
        if self.field in GENERAL_FIELDS:  # the message says it all; "状态：" would read like code
            return f"{where}{self.message}"
        return f"{where}{self.field}：{self.message}"


class ValidationError(TownOfficeError):
    """Input that cannot be saved; carries every problem found, not only the first."""

    def __init__(self, problems: list[FieldProblem] | FieldProblem):
        if isinstance(problems, FieldProblem):
            problems = [problems]
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def for_field(self, field: str) -> str | None:
        """The first message about ``field``, or None."""
        return next((p.message for p in self.problems if p.field == field), None)


class NotFound(TownOfficeError):
    """A record the clerk asked for does not exist (any more)."""


class StorageError(TownOfficeError):
    """The data folder or database cannot be used as it is."""


class DatabaseDamaged(StorageError):
    """The database file is damaged: the window offers to restore a backup; nothing overwrites it."""


class NotOurDatabase(StorageError):
    """The file is another program's database (or none at all): never upgraded, never touched."""


class SchemaTooNew(StorageError):
    """The database was written by a newer version of the program."""


class DataFolderLocked(StorageError):
    """Another running copy of the program already writes this data folder."""


class ReadOnlyError(StorageError):
    """A write was attempted while a backup is being viewed read-only."""
