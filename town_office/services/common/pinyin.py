"""Pinyin search keys for names, so that typing ``wf`` or ``wangfang`` finds 王芳.

A surname with several readings (单 shan/dan, 曾 zeng/ceng) gets every reading, separated by ``|``.
"""

from __future__ import annotations


def pinyin_keys(name: str) -> tuple[str, str]:
    """``(full, initials)`` for ``name``, each possibly several alternatives joined by ``|``."""
    if not name:
        return "", ""
    from pypinyin import Style, lazy_pinyin, pinyin  # its dictionaries take 0.2 s: not at start

    rest_full = "".join(lazy_pinyin(name[1:], errors="ignore"))
    rest_initials = "".join(lazy_pinyin(name[1:], style=Style.FIRST_LETTER, errors="ignore"))
    first = pinyin(name[0], heteronym=True, style=Style.NORMAL, errors="ignore")
    readings = list(dict.fromkeys(first[0])) if first else [""]
    full = "|".join(r + rest_full for r in readings)
    initials = "|".join(dict.fromkeys((r[:1] + rest_initials) for r in readings))
    return full.lower(), initials.lower()
