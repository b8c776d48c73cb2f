"""一人一档: the sections hold exactly what the modules recorded (and follow a change), archive
entries are checked and audited, and the PDF reads back with a cover, a contents whose page numbers
match the real pages, every section and the 履职登记表."""

import re
from datetime import date

import pytest

from tests.pdf_helpers import assert_fonts_embedded, assert_in_order, pdf_text
from town_office.errors import ValidationError
from town_office.services import archive
from town_office.services.archive import papers as archive_papers
from town_office.services import roster, training
from town_office.services.archive.types import ArchiveEntryInput
from town_office.services.meetings.types import AttendanceChange
from town_office.services.training.stats import attendance_records

START, END = date(2026, 1, 1), date(2026, 12, 31)


@pytest.fixture
def member(demo_town):
    return next(r for r in roster.list_representatives() if r.presidium_role == "成员")


def test_training_section_equals_the_attendance_records_and_follows_a_change(member):
    def section_four():
        found = archive.deputy_archive(member.id, 2026).sections[2]
        assert found.number == 4
        return [(a.on, a.record_id, a.status) for a in found.activities]

    records = [r for r in attendance_records(2026, [member.id])]
    assert [(on, sid) for on, sid, _ in section_four()] == [(r.held_on, r.session_id) for r in records]
    target = records[0]
    attendee = next(a for a in training.get_session(target.session_id).attendees
                    if a.representative_id == member.id)
    training.set_attendance(target.session_id, [AttendanceChange(attendee.id, "请假", "外出务工")])
    assert section_four()[0][2] == "请假（外出务工）"


def test_meetings_visits_problems_and_inspections_are_filed_in_their_sections(member):
    found = archive.deputy_archive(member.id, 2026)
    by_number = {s.number: s for s in found.sections}
    assert {a.origin for a in by_number[2].activities} >= {"主席团会议"}
    assert all(a.source.startswith(("meeting_", "congress")) for a in by_number[2].activities)
    visits = [a for a in by_number[7].activities if a.source == "visit"]
    problems = [a for a in by_number[6].activities if a.source == "problem_raised"]
    assert visits and all(a.units > 0 for a in visits)
    summary = dict(found.summary)
    assert f"走访选民{len(visits)}次" in summary["向选民述职、接受监督"]
    assert f"反映群众问题{len(problems)}件" in summary["提出建议和意见"]


def test_an_archive_entry_is_checked_then_filed_and_audited(member, tmp_path):
    with pytest.raises(ValidationError) as caught:
        archive.save_entry(None, member.id, ArchiveEntryInput(None, "表彰奖励", 8, " "))
    assert {p.field for p in caught.value.problems} == {"日期", "内容"}
    photo = tmp_path / "奖状.jpg"
    photo.write_bytes(b"jpeg")
    entry = archive.save_entry(None, member.id, ArchiveEntryInput(
        date(2026, 5, 4), "表彰奖励", 8, "获评县“五四青年奖章”", photo))
    found = archive.deputy_archive(member.id, 2026)
    awards = [a for a in found.sections[-1].activities if a.record_id == entry.id]
    assert awards and awards[0].content == "获评县“五四青年奖章”" and "奖状.jpg" in awards[0].status
    archive.delete_entry(entry.id)
    assert not [a for a in archive.deputy_archive(member.id, 2026).sections[-1].activities
                if a.record_id == entry.id]


def _listed(contents: str, heading: str) -> int:
    """The page number the contents give for ``heading``."""
    return int(re.search(re.escape(heading) + r"\s*(\d+)", contents).group(1))


def _page_of(pages: list[str], text: str) -> int:
    return next(i for i, page in enumerate(pages, start=1) if text in page.replace(" ", ""))


def test_the_pdf_has_cover_contents_with_real_page_numbers_sections_and_the_form(member, tmp_path):
    out = archive_papers.print_archive(member.id, tmp_path / "档案.pdf", 2026)
    pages = pdf_text(out)
    # re-elected on 29 November: the year of the 换届 belongs to both terms
    assert_in_order(pages[0], "青石镇第十九届、第二十届人民代表大会", "代表履职档案", member.name, "青石镇人大主席团",
                    "2026年度")
    contents = pages[1].replace(" ", "")
    headings = ["①基本情况", "②参加人大会议", "③视察、调研、执法检查", "④学习培训", "⑤代表小组活动",
                "⑥提出建议和意见", "⑦向选民述职、接受监督", "⑧表彰奖励", "代表履职登记表"]
    for heading in headings:
        listed = _listed(contents, heading)
        assert listed == _page_of(pages[2:], heading) + 2, heading
        assert f"— {listed} —" in pages[listed - 1]
    form = pages[-1]
    assert_in_order(form, "代表履职登记表", "（2026年度）", member.name, "学习培训", "代表签字", "填表人")
    assert_fonts_embedded(out)


def test_an_empty_section_says_so(demo_town, tmp_path):
    quiet = next(r for r in roster.list_representatives() if "镇" in r.levels and not r.presidium_role
                 and not [a for a in archive.activities(r.id, START, END) if a.section == 8])
    pages = pdf_text(archive_papers.print_archive(quiet.id, tmp_path / "档案.pdf", 2026))
    text = "".join(pages)
    assert "⑧ 表彰奖励" in text and "本期间无记录。" in text.split("⑧ 表彰奖励")[-1]


def test_a_batch_writes_one_file_per_deputy_or_one_combined_file(demo_town, tmp_path):
    ids = archive_papers.deputies_for(2026)[:3]
    seen = []
    files = archive_papers.print_batch(ids, 2026, tmp_path / "档案", combined=False,
                                       progress=lambda d, t: seen.append((d, t)))
    assert len(files) == 3 and all(f.exists() for f in files) and seen[-1] == (3, 3)
    combined = archive_papers.print_batch(ids, 2026, tmp_path / "全部.pdf", combined=True)[0]
    pages = pdf_text(combined)
    assert sum(p.count("代表履职档案") for p in pages if "目" not in p) >= 3
    second_cover = [i for i, p in enumerate(pages, start=1) if "代表履职档案" in p and "档案期间" in p][1]
    second_contents = pages[second_cover].replace(" ", "")
    listed = _listed(second_contents, "①基本情况")
    assert listed == second_cover + 2 and f"— {listed} —" in pages[listed - 1]


def test_the_term_file_spans_the_term(member, tmp_path):
    pages = pdf_text(archive_papers.print_archive(member.id, tmp_path / "整届.pdf"))
    assert "第十九届（" in pages[0] and len([p for p in pages if "2025-" in p]) >= 1


HEADINGS = ["①基本情况", "②参加人大会议", "③视察、调研、执法检查", "④学习培训", "⑤代表小组活动",
            "⑥提出建议和意见", "⑦向选民述职、接受监督", "⑧表彰奖励", "代表履职登记表"]


def _check_contents(pages: list[str], cover: int, end: int, where: str) -> int:
    """Every contents entry of the file starting on page ``cover`` (1-based) equals the page its
    heading prints on; returns how many entries were checked."""
    flat = [p.replace(" ", "").replace("\n", "") for p in pages]
    contents = flat[cover]  # the page after the cover
    checked = 0
    for heading in HEADINGS:
        listed = _listed(contents, heading)
        printed = next(n for n in range(cover + 2, end + 1) if heading in flat[n - 1])
        assert listed == printed, f"{where}: {heading} listed on {listed}, printed on {printed}"
        assert f"— {listed} —" in pages[listed - 1]
        checked += 1
    return checked


def test_every_contents_entry_of_the_whole_town_is_the_page_its_heading_prints_on(demo_town, tmp_path):
    ids = archive_papers.deputies_for(2026)
    assert len(ids) >= 40
    files = archive_papers.print_batch(ids, 2026, tmp_path / "单个", combined=False)
    checked = 0
    for path in files:
        pages = pdf_text(path)
        checked += _check_contents(pages, 1, len(pages), path.name)
    combined = archive_papers.print_batch(ids, 2026, tmp_path / "合订.pdf", combined=True)[0]
    pages = pdf_text(combined)
    covers = [i for i, p in enumerate(pages, start=1) if "代表履职档案" in p and "档案期间" in p]
    assert len(covers) == len(ids)
    for n, cover in enumerate(covers):
        end = covers[n + 1] - 1 if n + 1 < len(covers) else len(pages)
        checked += _check_contents(pages, cover, end, f"合订本第{n + 1}人")
    assert checked == 2 * len(ids) * len(HEADINGS)


def test_the_id_number_in_the_file_is_masked(demo_town, tmp_path):
    from town_office.models import Representative

    deputy = Representative.select().where(Representative.id_number.is_null(False)).first()
    number = deputy.id_number
    assert number and len(number) == 18
    text = "".join(pdf_text(archive_papers.print_archive(deputy.id, tmp_path / "档案.pdf", 2026)))
    text = text.replace(" ", "").replace("\n", "")
    assert number not in text and number[6:14] not in text
    assert f"{number[:4]}{'*' * 10}{number[-4:]}" in text
