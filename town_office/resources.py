"""Where bundled files live: the repository's ``resources/`` in development, PyInstaller's
``sys._MEIPASS`` when frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The folder that holds ``fonts/``, ``templates/`` and ``icons/``."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of one bundled file, e.g. ``resource_path("fonts", "LXGWWenKai-Regular.ttf")``."""
    return resource_root().joinpath(*parts)


BUNDLED_CJK_FONT = ("fonts", "LXGWWenKai-Regular.ttf")
