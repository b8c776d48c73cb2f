"""The official-paper layer: fonts with per-character fallback, Chinese line breaking, the GB/T 9704
page (A4, type area, page numbers odd right / even left) and embedded fonts only."""

import shutil
from datetime import date

import pytest
from reportlab.lib.units import mm

from tests.pdf_helpers import A4_POINTS, assert_fonts_embedded, page_sizes, pdf_text
from town_office.reports import gongwen
from town_office.reports.cjk_text import NO_LINE_END, NO_LINE_START, Glyph, break_lines
from town_office.reports.fonts import FANGSONG, HEI, KAI, TITLE, FontBook
from town_office.resources import resource_path


def test_without_system_fonts_the_bundled_fonts_serve_every_role():
    book = FontBook(search_dirs=[])
    files = {role: book.file_of(name) for role, name in book.primary.items()}
    assert all(f.bundled for f in files.values())
    # body 仿宋 and titles a bold Song serif on every machine: never 楷体 or 黑体 in their place
    assert files[FANGSONG].path.name == "ZhuqueFangsong-Regular.ttf"
    assert files[TITLE].path.name == "NotoSerifSC-Bold.ttf"
    assert files[KAI].path.name == "LXGWWenKai-Regular.ttf"
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


def test_a_paper_prints_body_in_fangsong_and_title_in_a_song_serif(tmp_path):
    from tests.pdf_helpers import fonts
    from town_office.reports.fonts import font_book

    out = tmp_path / "字体.pdf"
    with gongwen.Paper(out, "字体") as story:
        story += gongwen.title("关于召开主席团会议的通知")
        story.append(gongwen.body("请准时出席会议。"))
    used = " ".join(fonts(out))
    book = font_book()
    for role, bundled_name in ((FANGSONG, "ZhuqueFangsong"), (TITLE, "NotoSerifCJK")):
        if book.file_of(book.primary[role]).bundled:
            assert bundled_name in used, used
    assert "LXGWWenKai" not in used and "DroidSans" not in used, used


# The rules as the 公文 convention states them, written here and not taken from the module.
CLOSING_MARKS = "，。、；：？！）》」』】〕〉…%"
OPENING_MARKS = "（《「『【〔〈“‘"


def test_the_line_break_rules_hold_by_the_conventions_own_lists():
    text = ("据《青石镇人大代表履职考核办法》（试行），满意率86.8%，编号2026-001；会议“原则通过”。" * 6)
    for width in range(6, 40):
        lines = break_lines(_glyphs(text), float(width))
        for line in lines:
            chars = "".join(g.char for g in line.glyphs)
            assert chars[0] not in CLOSING_MARKS, (width, chars)
            assert chars[-1] not in OPENING_MARKS, (width, chars)
        joined = "|".join("".join(g.char for g in line.glyphs) for line in lines)
        assert joined.replace("|", "") == text
        if width >= 16:  # a code shorter than half a line is never split
            for whole in ("86.8%", "2026-001"):
                assert joined.count(whole) == 6, (width, joined)


def test_the_body_sits_on_a_28_by_22_grid_in_the_type_area(tmp_path):
    from tests.pdf_helpers import text_lines, word_boxes

    out = tmp_path / "版心.pdf"
    with gongwen.Paper(out, "版心") as story:
        story.append(gongwen.body("国" * (28 * 40)))
    first, second = word_boxes(out)[:2]
    body = [w for w in first if w[1] < 37.0 + 225.0]  # the page number sits below
    lines = text_lines(body)
    assert len(lines) == 22  # 22 lines on a full page
    assert len(lines[0]) == 26 and all(len(line) == 28 for line in lines[1:])  # 28 a line
    full = [w for w in body if len(w[4]) == 28]
    assert all(abs(w[0] - 28.0) < 0.15 for w in full)  # left edge of the type area: 28 mm
    assert all(abs(w[2] - (28.0 + 156.0)) < 0.15 for w in full)  # 156 mm wide
    indent = next(w for w in body if len(w[4]) == 26)
    assert abs(indent[0] - (28.0 + 2 * 156.0 / 28)) < 0.3  # first line two characters in
    top = min(w[1] for w in body)
    bottom = max(w[3] for w in body)
    assert 37.0 <= top < 37.0 + 225.0 / 22  # the first line sits in the first grid line
    assert 37.0 + 225.0 * 21 / 22 < bottom <= 37.0 + 225.0  # the 22nd in the last
    number = next(w for w in first if w[4] == "1")
    assert 37.0 + 225.0 + 5.0 < number[1] < 37.0 + 225.0 + 9.0  # page number 7 mm under the type area
    assert len(text_lines([w for w in second if w[1] < 37.0 + 225.0])[0]) == 28


def test_titles_break_between_words_never_inside_one():
    for text, word in (("青石镇第十九届人大主席团第二十次会议纪要的补充通知和说明", "主席团"),
                       ("关于开展青石镇中心小学及周边商店安全生产执法检查情况的报告", "安全生产"),
                       ("青石镇人大主席团二〇二六年度隐患排查整改台账（第一季度）", "台账")):
        title = gongwen.title(text)[0]
        title.wrap(gongwen.TYPE_WIDTH, 1000)
        lines = ["".join(g.char for g in line.glyphs) for line in title.lines]
        assert len(lines) == 2 and "".join(lines) == text
        assert any(word in line for line in lines), lines


@pytest.mark.parametrize("value", ["2026-001", "86.8%", "王䶮", "刘志远", "13907450003"])
def test_table_cells_never_split_a_number_code_percentage_or_short_name(value):
    from town_office.reports.cjk_text import Text

    cell = Text([(value, FANGSONG)], 12, 16, keep_short=True)
    for width in (42, 60, 80):
        cell.wrap(width, 1000)
        lines = ["".join(g.char for g in line.glyphs) for line in cell.lines]
        assert lines == [value], (width, lines)
        assert cell.lines[0].width <= width + 0.01 or cell.size <= 12 * 0.6 + 1e-6


def test_a_signature_that_fills_the_page_exactly_stays_on_it(tmp_path):
    """19 lines of body, an empty line and the two signature lines are exactly the 22 of a page:
    a tie in the arithmetic must not push the signature (and two lines) over."""
    from tests.pdf_helpers import page_lines
    from town_office.reports.gongwen_endings import close_with_signature

    out = tmp_path / "满页.pdf"
    text = "国" * (26 + 28 * 18)  # 19 full lines: the first indented two characters
    with gongwen.Paper(out, "满页") as story:
        story.append(gongwen.body(text))
        close_with_signature(story, "测试镇人大主席团", date(2026, 12, 2))
    pages = page_lines(out)
    assert len(pages) == 1, [len(p) for p in pages]
    assert pages[0][-2:] == ["测试镇人大主席团", "2026年12月2日"]
    assert len(pages[0]) == 19 + 2
    # one more line and the signature goes over with the last two lines of the body
    with gongwen.Paper(out, "满页") as story:
        story.append(gongwen.body(text + "国" * 28))
        close_with_signature(story, "测试镇人大主席团", date(2026, 12, 2))
    pages = page_lines(out)
    assert [len(p) for p in pages] == [18, 2 + 2]
