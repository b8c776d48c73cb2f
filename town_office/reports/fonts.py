"""Which TrueType CJK fonts print the papers, registered once with reportlab.

Each *role* of the GB/T 9704 layout (仿宋 body, 黑体 headings, 楷体 sub-headings, 宋体 page numbers, 小标宋
titles) is served by the first font found: the Windows system fonts first, then common Linux CJK
TrueType fonts, then the fonts bundled in ``resources/fonts``: 朱雀仿宋 (Zhuque Fangsong, OFL) for the
body, Noto Serif SC Bold (思源宋体, OFL, TrueType outlines) for titles, LXGW WenKai (OFL) for 楷体 and
Droid Sans Fallback (Apache 2.0) for 黑体. Body text is therefore 仿宋 and titles a bold 宋体-style
serif on every machine, never 楷体 or 黑体 in their place. reportlab reads TrueType outlines only, so
CFF fonts (Noto CJK .otf/.ttc) are skipped.

reportlab never falls back to a second font by itself, so :meth:`FontBook.runs` splits a text into
runs by which font of the role's chain has each character: a rare name character such as 𬌗, missing
from 仿宋, prints from the bundled font instead of as an empty box.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from town_office.resources import resource_path

log = logging.getLogger(__name__)

FANGSONG, SONG, HEI, KAI, TITLE = "仿宋", "宋体", "黑体", "楷体", "标题"
ROLES = (FANGSONG, SONG, HEI, KAI, TITLE)

# File names (lower case) per role, best first. A .ttc entry names its sub-font index.
_SYSTEM_CANDIDATES: dict[str, list[tuple[str, int]]] = {
    FANGSONG: [("simfang.ttf", 0), ("fangsong.ttf", 0), ("stfangso.ttf", 0)],
    SONG: [("simsun.ttc", 0), ("simsun.ttf", 0), ("stsong.ttf", 0), ("uming.ttc", 0)],
    HEI: [("simhei.ttf", 0), ("msyh.ttc", 0), ("msyh.ttf", 0), ("wqy-microhei.ttc", 0),
          ("wqy-zenhei.ttc", 0)],
    KAI: [("simkai.ttf", 0), ("stkaiti.ttf", 0), ("ukai.ttc", 0)],
    TITLE: [("fzxbsjw.ttf", 0), ("方正小标宋简体.ttf", 0), ("fzxbsjw--gb1-0.ttf", 0)],
}
# When a role has no font of its own, borrow from these roles (in order) before the bundled fonts.
# 仿宋 and titles never borrow: the bundled 仿宋 and serif are truer to the paper than a system 宋体
# or 黑体 standing in for them.
_BORROW = {FANGSONG: [], SONG: [], HEI: [], KAI: [], TITLE: []}

BUNDLED_FANGSONG = ("fonts", "ZhuqueFangsong-Regular.ttf")  # 朱雀仿宋: GB2312, 䶮, 𬌗
BUNDLED_TITLE = ("fonts", "NotoSerifSC-Bold.ttf")  # a bold Song/Ming serif: BMP and Ext B–F
BUNDLED_KAI = ("fonts", "LXGWWenKai-Regular.ttf")  # 楷体; widest coverage of rare name characters
BUNDLED_SANS = ("fonts", "DroidSansFallbackFull.ttf")  # 黑体 stand-in, most of Ext-A
_BUNDLED_FOR_ROLE = {FANGSONG: BUNDLED_FANGSONG, SONG: BUNDLED_FANGSONG, KAI: BUNDLED_KAI,
                     HEI: BUNDLED_SANS, TITLE: BUNDLED_TITLE}
# Per-character fallback after a role's own font: the widest coverage first.
_FALLBACKS = (BUNDLED_KAI, BUNDLED_FANGSONG, BUNDLED_TITLE, BUNDLED_SANS)


def _unicode_hex(codepoint: int) -> str:
    """UTF-16BE hex as a ToUnicode CMap wants it: a surrogate pair above U+FFFF."""
    return chr(codepoint).encode("utf-16-be").hex().upper()


_reportlab_to_unicode_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname, subset):
    """reportlab writes U+2C317 as <2C317>, an odd-length code, so 𬌗 could not be searched or
    copied from a PDF; write the surrogate pair instead."""
    text = _reportlab_to_unicode_cmap(fontname, [c if c <= 0xFFFF else 0 for c in subset])
    for index, codepoint in enumerate(subset):
        if codepoint > 0xFFFF:
            text = text.replace(f"<{index:02X}> <0000>", f"<{index:02X}> <{_unicode_hex(codepoint)}>", 1)
    return text


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


def default_search_dirs() -> list[Path]:
    """Where this operating system keeps fonts."""
    if sys.platform.startswith("win"):
        dirs = [Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"]
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    home = Path.home()
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts",
            home / ".fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts")]


@dataclass(frozen=True)
class FontFile:
    """One registered font: the reportlab name and where it came from."""

    name: str
    path: Path
    bundled: bool


def _index_font_files(search_dirs: list[Path]) -> dict[str, Path]:
    """Lower-case file name -> first path found, searching the folders recursively."""
    found: dict[str, Path] = {}
    for folder in search_dirs:
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for file in files:
                if file.lower().endswith((".ttf", ".ttc")):
                    found.setdefault(file.lower(), Path(root) / file)
    return found


class FontBook:
    """The fonts chosen for each role and the per-character fallback chain."""

    def __init__(self, search_dirs: list[Path] | None = None):
        self._loaded: dict[tuple[Path, int], TTFont | None] = {}
        self._files: dict[str, FontFile] = {}
        files = _index_font_files(default_search_dirs() if search_dirs is None else search_dirs)
        own = {role: self._first_loadable(files, _SYSTEM_CANDIDATES[role]) for role in ROLES}
        self.primary: dict[str, str] = {}
        self.chains: dict[str, list[str]] = {}
        bundled = [self._load(resource_path(*font), 0, True) for font in _FALLBACKS]
        for role in ROLES:
            primary = own[role] or next((own[r] for r in _BORROW[role] if own[r]), None)
            if primary is None:
                primary = self._load(resource_path(*_BUNDLED_FOR_ROLE[role]), 0, True)
            chain = [primary] + [n for n in bundled if n and n != primary]
            self.primary[role] = primary
            self.chains[role] = chain
        self._choice_cache: dict[tuple[str, str], str] = {}

    def _first_loadable(self, files: dict[str, Path], candidates) -> str | None:
        for file_name, index in candidates:
            path = files.get(file_name.lower())
            if path is not None:
                name = self._load(path, index, False)
                if name:
                    return name
        return None

    def _load(self, path: Path, index: int, bundled: bool) -> str | None:
        key = (path, index)
        if key not in self._loaded:
            name = f"{path.stem}-{index}"
            try:
                font = TTFont(name, str(path), subfontIndex=index)
            except (TTFError, OSError, ValueError) as exc:  # CFF outlines, damaged or unreadable
                log.info("font %s skipped: %s", path, exc)
                font = None
            if font is not None:
                if name not in pdfmetrics.getRegisteredFontNames():
                    pdfmetrics.registerFont(font)
                self._files[name] = FontFile(name, path, bundled)
            self._loaded[key] = font
        font = self._loaded[key]
        return font.fontName if font is not None else None

    def file_of(self, name: str) -> FontFile:
        return self._files[name]

    def has_glyph(self, name: str, char: str) -> bool:
        return ord(char) in pdfmetrics.getFont(name).face.charToGlyph

    def font_for(self, char: str, role: str) -> str:
        """The first font of the role's chain that draws ``char`` (the primary if none does)."""
        key = (char, role)
        choice = self._choice_cache.get(key)
        if choice is None:
            chain = self.chains[role]
            choice = next((n for n in chain if self.has_glyph(n, char)), chain[0])
            if char.isprintable() and not char.isspace() and not self.has_glyph(choice, char):
                log.warning("no font draws %r (U+%04X)", char, ord(char))
            self._choice_cache[key] = choice
        return choice

    def runs(self, text: str, role: str) -> list[tuple[str, str]]:
        """Split ``text`` into ``(text, font name)`` runs for drawing."""
        result: list[tuple[str, str]] = []
        for char in text:
            name = self.font_for(char, role)
            if result and result[-1][1] == name:
                result[-1] = (result[-1][0] + char, name)
            else:
                result.append((char, name))
        return result

    def describe(self) -> dict[str, str]:
        """Role -> file used, for the log and the about box."""
        return {role: str(self.file_of(self.primary[role]).path) for role in ROLES}


@functools.cache
def font_book() -> FontBook:
    """The fonts of this machine, found and registered once per process."""
    book = FontBook()
    log.info("PDF fonts: %s", book.describe())
    return book
