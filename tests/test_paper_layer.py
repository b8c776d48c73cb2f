"""The official-paper layer: fonts with per-character fallback, Chinese line breaking, the GB/T 9704
page (A4, type area, page numbers odd right / even left) and embedded fonts only."""

import shutil

import pytest
from reportlab.lib.units import mm

from tests.pdf_helpers import A4_POINTS, assert_fonts_embedded, page_sizes, pdf_text
from town_office.reports import gongwen
from town_office.reports.cjk_text import NO_LINE_END, NO_LINE_START, Glyph, break_lines
from town_office.reports.fonts import FANGSONG, HEI, FontBook
from town_office.resources import resource_path


def test_without_system_fonts_the_bundled_fonts_serve_every_role():
    book = FontBook(search_dirs=[])
    files = {role: book.file_of(name) for role, name in book.primary.items()}
    assert all(f.bundled for f in files.values())
    assert files[FANGSONG].path.name == "LXGWWenKai-Regular.ttf"
    assert files[HEI].path.name == "DroidSansFallbackFull.ttf"
    for char in "䶮堃喆𬌗":
        assert book.has_glyph(book.font_for(char, FANGSONG), char)


def test_a_character_missing_from_the_role_font_comes_from_the_fallback(tmp_path):
    # pose the bundled Droid font as 黑体: it lacks 𬌗 (Ext-E), which only LXGW WenKai has
    shutil.copy(resource_path("fonts", "DroidSansFallbackFull.ttf"), tmp_path / "simhei.ttf")
    book = FontBook(search_dirs=[tmp_path])
    runs = book.runs("刘𬌗同志", HEI)
    assert [text for text, _ in runs] == ["刘", "𬌗", "同志"]
    assert runs[0][1] == runs[2][1] == book.primary[HEI] != runs[1][1]
    assert book.file_of(runs[1][1]).path.name == "LXGWWenKai-Regular.ttf"


def _glyphs(text, width=1.0):
    return [Glyph(c, "f", width) for c in text]


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one():
    text = "根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》，会议听取了（镇政府）报告，。" * 4
    for width in range(5, 30):
        lines = break_lines(_glyphs(text), float(width))
        assert "".join(g.char for line in lines for g in line.glyphs) == text
        for line in lines:
            chars = "".join(g.char for g in line.glyphs)
            assert chars[0] not in NO_LINE_START, (width, chars)
            assert chars[-1] not in NO_LINE_END, (width, chars)
            assert line.width <= width + 0.01 or len(chars) <= 3


def test_numbers_stay_whole_and_forced_breaks_are_kept():
    lines = break_lines(_glyphs("会议定于2026年3月28日召开\n请准时出席"), 8.0)
    texts = ["".join(g.char for g in line.glyphs) for line in lines]
    assert texts == ["会议定于2026", "年3月28日召开", "请准时出席"]
    assert [line.last for line in lines] == [False, True, True]


def test_the_gongwen_page(tmp_path):
    out = tmp_path / "样张.pdf"
    with gongwen.Paper(out, "样张") as story:
        story += gongwen.title("关于刘𬌗同志列席会议的通知")
        story += [gongwen.body("王䶮、李堃、张喆、刘𬌗同志：经研究，请列席会议。" * 12) for _ in range(4)]
    sizes = page_sizes(out)
    assert len(sizes) >= 2 and all(size == A4_POINTS for size in sizes)
    pages = pdf_text(out)
    assert "关于刘𬌗同志列席会议的通知" in pages[0].replace("\n", "")
    assert "— 1 —" in pages[0] and "— 2 —" in pages[1]
    assert_fonts_embedded(out)


def test_page_numbers_sit_under_the_type_area_odd_right_even_left(tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "页码.pdf"
    with gongwen.Paper(out, "页码") as story:
        story += [gongwen.body("正文内容。" * 40) for _ in range(8)]
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 2
    positions = []
    for page in reader.pages[:2]:
        found = []

        def visit(text, cm, tm, font, size, found=found):
            if "—" in text:
                found.append((text, tm[4], tm[5]))

        page.extract_text(visitor_text=visit)
        positions.append(found[0])
    type_left = 28 * mm
    type_bottom = 841.89 - 37 * mm - 225 * mm
    (_, odd_x, odd_y), (_, even_x, _) = positions
    assert odd_x > type_left + 100 * mm and even_x < type_left + 30 * mm
    assert type_bottom - 12 * mm < odd_y < type_bottom - 5 * mm


@pytest.mark.parametrize("landscape", [False, True])
def test_a_table_fits_the_type_area_and_repeats_its_header(tmp_path, landscape):
    out = tmp_path / "表.pdf"
    rows = [[str(i), "王䶮", "青石镇第一代表小组组长、石门村党支部书记" * 2, ""] for i in range(60)]
    with gongwen.Paper(out, "表", landscape_page=landscape) as story:
        story.append(gongwen.table(["序号", "姓名", "职务或单位", "签名"], rows, [1, 2, 6, 3]))
    pages = pdf_text(out)
    assert len(pages) > 1 and all("职务或单位" in page for page in pages)
    expected = A4_POINTS[::-1] if landscape else A4_POINTS
    assert set(page_sizes(out)) == {expected}
    assert_fonts_embedded(out)
