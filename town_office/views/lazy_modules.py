"""Modules a page needs only when the clerk prints or exports: loaded on first use, not with the
page. The papers and workbooks pull in reportlab, openpyxl and jieba, a few tenths of a second that
would otherwise stall the window the first time each page is opened (issue 22).

    visit_papers = lazy_module("town_office.services.visits.papers")
    visit_papers.print_visit_log(...)   # imported here, once (importlib's own locks make it thread-safe)
"""

from __future__ import annotations

import importlib
from types import ModuleType


class LazyModule:
    """Stands for a module; each attribute is read from the module, importing it the first time."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return getattr(self.module(), attribute)

    def module(self) -> ModuleType:
        return importlib.import_module(self._name)

    def __repr__(self) -> str:
        return f"<lazy module {self._name}>"


def lazy_module(name: str) -> LazyModule:
    return LazyModule(name)
