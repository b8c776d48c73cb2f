"""Reading back the PDFs the program writes: text, page size, fonts (all embedded?)."""

import shutil
import subprocess
from pathlib import Path

from pypdf import PdfReader

A4_POINTS = (595.28, 841.89)


def pdf_text(path: Path) -> list[str]:
    """Text of every page."""
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def page_sizes(path: Path) -> list[tuple[float, float]]:
    return [(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2))
            for p in PdfReader(str(path)).pages]


def fonts(path: Path) -> dict[str, bool]:
    """Every font a page refers to, and whether its program is embedded in the file."""
    found = {}
    for page in PdfReader(str(path)).pages:
        resources = page.get("/Resources") or {}
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            found[str(font.get("/BaseFont"))] = any(
                k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def pdffonts_lines(path: Path) -> list[str] | None:
    """poppler's own view (None where pdffonts is not installed)."""
    if not shutil.which("pdffonts"):
        return None
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return out.splitlines()[2:]


def assert_in_order(text: str, *parts: str) -> None:
    """Each part occurs in ``text`` after the previous one."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        assert found >= 0, f"{part!r} not found after position {position} in:\n{text}"
        position = found + len(part)


def assert_fonts_embedded(path: Path) -> None:
    used = fonts(path)
    assert used, "no fonts at all"
    assert all(used.values()), used
    assert not any("Helvetica" in name for name in used), used
    lines = pdffonts_lines(path)
    if lines is not None:
        assert lines and all(" yes yes " in line for line in lines), lines


MM = 72 / 25.4


def word_boxes(path: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, every word poppler finds as (x0, top, x1, bottom, text) in millimetres from the
    page's top left (a run of hanzi set without spaces is one word)."""
    import re

    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        words = []
        for x0, y0, x1, y1, text in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                page):
            words.append((float(x0) / MM, float(y0) / MM, float(x1) / MM, float(y1) / MM, text))
        pages.append(words)
    return pages


def text_lines(page_words) -> list[str]:
    """The words of a page joined into lines (same top within half a millimetre), top to bottom."""
    lines: dict[float, list] = {}
    for x0, top, _, _, text in page_words:
        key = next((k for k in lines if abs(k - top) < 0.5), top)
        lines.setdefault(key, []).append((x0, text))
    return ["".join(t for _, t in sorted(words)) for _, words in sorted(lines.items())]
