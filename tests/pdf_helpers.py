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


def printed_sizes(path: Path) -> list[tuple[float, str]]:
    """Every run of text with the size it prints at (its font size through the text and current
    transformation matrices), in points."""
    found = []
    for page in PdfReader(str(path)).pages:
        def visit(text, cm, tm, font, size, found=found):
            if text.strip():
                scale_tm = (abs(tm[0] * tm[3] - tm[1] * tm[2])) ** 0.5
                scale_cm = (abs(cm[0] * cm[3] - cm[1] * cm[2])) ** 0.5
                found.append((size * scale_tm * scale_cm, text.strip()))
        page.extract_text(visitor_text=visit)
    return found


def _runs_with_positions(path: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, every text run as (x0, x1, baseline, printed size, text) in points."""
    pages = []
    for page in PdfReader(str(path)).pages:
        runs = []

        def visit(text, cm, tm, font, size, runs=runs):
            text = text.strip()
            if not text:
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            printed = size * (abs(tm[0] * tm[3] - tm[1] * tm[2])) ** 0.5 * (
                abs(cm[0] * cm[3] - cm[1] * cm[2])) ** 0.5
            width = sum(printed if ord(c) >= 0x2E80 else printed * 0.5 for c in text)
            runs.append((x, x + width, y, printed, text))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def overlapping_lines(path: Path) -> list[tuple[str, str]]:
    """Pairs of text runs printed over each other: side by side by more than a character's width
    and with baselines closer than 0.8 of the type size — what a row too short for its wrapped text
    looks like (lines of one cell sit a full line apart)."""
    clashes = []
    for runs in _runs_with_positions(path):
        runs.sort(key=lambda r: r[2])
        for i, a in enumerate(runs):
            for b in runs[i + 1:]:
                if b[2] - a[2] >= 0.8 * max(a[3], b[3]):
                    break
                if b[2] - a[2] < 0.05 * a[3]:
                    continue  # the next run of the same line (another font, or a gap)
                across = min(a[1], b[1]) - max(a[0], b[0])
                if across > 0.5 * min(a[3], b[3]):
                    clashes.append((a[4], b[4]))
    return clashes


def page_lines(path: Path) -> list[list[str]]:
    """Per page, its text lines as poppler reads them (page numbers left out)."""
    import re

    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = []
    for page in out.split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        pages.append([line for line in lines if not re.fullmatch(r"—\s*\d+\s*—", line)])
    return [p for p in pages if p]
