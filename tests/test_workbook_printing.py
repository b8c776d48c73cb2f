"""The workbooks as another spreadsheet program prints them: each export converted to PDF by
LibreOffice headless (what many offices use besides Excel and WPS) must print no text below 9 pt on
A4, no wrapped cell over the row below, no date as ###, and the rare name characters in a font that
has them. Runs in CI (``bash scripts/dev.sh test`` installs LibreOffice)."""

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.pdf_helpers import overlapping_lines, page_sizes, printed_sizes
from town_office.resources import resource_path
from town_office.services.assessment import papers as assessment_papers
from town_office.services.hazards import papers as hazard_papers
from town_office.services.training import papers as training_papers
from town_office.services.visits import papers as visit_papers
from town_office.services.roster.export import export_roster

pytestmark = pytest.mark.libreoffice

if not sys.platform.startswith("linux"):
    pytest.skip("LibreOffice conversion is checked on the Linux CI machine", allow_module_level=True)


def _fonts_conf(tmp_path: Path) -> Path:
    """fontconfig with the system's fonts plus the program's bundled ones (as the installer adds
    them on a clerk's PC), and a cache of its own in the test folder."""
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<dir>{resource_path("fonts")}</dir><cachedir>{tmp_path / "fc-cache"}</cachedir></fontconfig>""",
                    encoding="utf-8")
    return conf


def _convert(books: list[Path], tmp_path: Path) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed here: bash scripts/dev.sh test installs it"
    out = tmp_path / "pdf"
    env = dict(os.environ, FONTCONFIG_FILE=str(_fonts_conf(tmp_path)), HOME=str(tmp_path))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, books)],
                   check=True, capture_output=True, timeout=300, env=env)
    return [out / f"{book.stem}.pdf" for book in books]


def test_every_workbook_prints_legibly_through_libreoffice(demo_town, tmp_path):
    books = {
        "台账": hazard_papers.export_ledger(2026, tmp_path / "台账.xlsx", today=date(2026, 11, 22)),
        "名册": tmp_path / "名册.xlsx",
        "问题": visit_papers.export_problems(2026, tmp_path / "问题.xlsx", today=date(2026, 11, 22)),
        "考核": assessment_papers.export_assessment(2026, tmp_path / "考核.xlsx"),
        "培训": training_papers.export_training_year(2026, tmp_path / "培训.xlsx"),
    }
    export_roster(books["名册"])
    printed = dict(zip(books, _convert(list(books.values()), tmp_path)))
    for book, pdf in printed.items():
        sizes = printed_sizes(pdf)
        assert sizes, f"{book}: nothing printed"
        smallest = min(sizes)
        assert smallest[0] >= 9.0, f"{book}: {smallest[1]!r} prints at {smallest[0]:.1f} pt"
        assert overlapping_lines(pdf) == [], book
        assert not [t for _, t in sizes if "###" in t], f"{book}: a column too narrow for its dates"
        for width, height in page_sizes(pdf):  # A4, either way round
            assert sorted((round(width), round(height))) == [595, 842], book
    # the rare name characters print in a font that has them
    found = []
    for page in PdfReader(str(printed["名册"])).pages:
        def visit(text, cm, tm, font, size):
            if "𬌗" in text or "䶮" in text:
                found.append(str((font or {}).get("/BaseFont", "")))
        page.extract_text(visitor_text=visit)
    assert found and all("Zhuque" in name for name in found), found
