"""报送包: every file listed on the 移交清单 is in the package with that size and checksum, the readable
copies open, the backup verifies, and a stick that fills up leaves no package."""

from datetime import date

import pytest
from openpyxl import load_workbook

from tests.pdf_helpers import assert_fonts_embedded, assert_in_order, page_sizes, pdf_text
from town_office import backup, backup_files
from town_office.errors import StorageError
from town_office.file_safety import sha256_of
from town_office.services.backups import handoff

TODAY = date(2026, 11, 22)


@pytest.fixture
def package(demo_town, tmp_path):
    return handoff.build_package(tmp_path / "U盘", 2026, None, today=TODAY)


def test_every_listed_file_is_there_with_its_checksum(package, tmp_path):
    folder = package.folder
    assert folder.parent == tmp_path / "U盘" and folder.name.startswith("青石镇人大_报送包_2026年_")
    assert [p.name for p in (tmp_path / "U盘").iterdir()] == [folder.name]  # no .part left
    listed = {f.name for f in package.sheet.files}
    on_stick = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    assert on_stick == listed | {handoff.SHEET_NAME}
    for line in package.sheet.files:
        path = folder / line.name
        assert path.stat().st_size == line.size and sha256_of(path) == line.sha256
    minutes = sorted(n for n in listed if n.startswith("会议纪要/"))
    assert minutes == sorted(f"会议纪要/青石镇第十九届人大主席团第{n}次会议_会议纪要.pdf"
                             for n in ("十七", "十八", "十九"))
    assert any("第二十一次会议" in m and "筹备" in m for m in package.sheet.missing)
    assert {"青石镇2026年度代表履职档案.pdf", "青石镇2026年度人大代表履职考核.xlsx"} <= listed
    rules_in_force = sorted(n for n in listed if n.startswith("两规则四办法/"))
    assert len(rules_in_force) == 6 and "两规则四办法/青石镇人大主席团视察调研办法（第2版）.pdf" in rules_in_force


def test_the_backup_in_the_package_verifies(package):
    info = backup.verify_backup(package.backup)
    assert info.reason == "报送备份" and info.counts["representative"] == 87
    assert package.sheet.backup_sha256 == info.sha256 and package.sheet.counts == info.counts


def test_the_readable_copies_open(package):
    folder = package.folder
    ledger = load_workbook(folder / "青石镇人大主席团2026年隐患排查整改台账.xlsx").active
    assert "2026年隐患排查整改台账" in str(ledger["A1"].value)
    problems = load_workbook(folder / "青石镇2026年群众反映问题清单.xlsx").active
    assert problems.max_row > 10
    training = load_workbook(folder / "青石镇2026年代表培训情况.xlsx")
    assert training.sheetnames[:2] == ["按代表", "按培训"]
    for pdf in folder.rglob("*.pdf"):
        assert pdf_text(pdf), pdf


def test_the_handoff_sheet_lists_contents_counts_checksum_and_signatures(package):
    sheet = package.folder / handoff.SHEET_NAME
    text = "".join(pdf_text(sheet)).replace("\n", "")
    assert_in_order(text, "青石镇人大主席团资料移交清单", "移交单位：青石镇人大主席团",
                    "接收单位：云溪县人大常委会", "资料年度：2026年", "制表日期：2026年11月22日", "一、移交内容", "二、数据记录数",
                    "三、备份文件", "移交人（签字）", "接收人（签字）", "移交日期", "接收日期")
    for line in package.sheet.files:
        assert line.sha256[:16] in text
    assert package.sheet.backup_sha256 in text.replace(" ", "")
    assert "代表87人" in text.replace(" ", "") and "第二十一次会议" in text
    assert "规则文件版本7个" in text.replace(" ", "")
    assert all(size == pytest.approx((595.3, 841.9), abs=1) for size in page_sizes(sheet))
    assert len(page_sizes(sheet)) <= 4
    assert_fonts_embedded(sheet)


def test_a_stick_that_fills_up_leaves_no_package(demo_town, tmp_path, monkeypatch):
    real_copy, copied = backup_files.copy_verified, []

    def filling(local, dest_dir):
        if len(copied) == 3:
            raise StorageError("无法写入：No space left on device。请检查U盘是否已拔出、空间是否足够或是否只读。")
        copied.append(local)
        return real_copy(local, dest_dir)

    monkeypatch.setattr(backup_files, "copy_verified", filling)
    with pytest.raises(StorageError, match="空间是否足够"):
        handoff.build_package(tmp_path / "U盘", 2026, None, today=TODAY)
    assert list((tmp_path / "U盘").iterdir()) == []


def test_a_password_encrypts_the_backup_only(demo_town, tmp_path):
    made = handoff.build_package(tmp_path / "U盘", 2026, "县里2026", today=TODAY)
    with pytest.raises(backup.BackupError, match="密码"):
        backup.verify_backup(made.backup)
    assert backup.verify_backup(made.backup, "县里2026").encrypted
    text = "".join(pdf_text(made.folder / handoff.SHEET_NAME))
    assert "已设密码" in text


def test_no_page_of_the_handoff_sheet_is_left_nearly_empty_before_the_next(package):
    """A heading kept with a long table used to push both to page 2, leaving page 1 a title only."""
    from tests.pdf_helpers import word_boxes

    pages = word_boxes(package.folder / handoff.SHEET_NAME)
    assert len(pages) >= 2
    type_bottom = 37.0 + 225.0
    for number, page in enumerate(pages[:-1], start=1):
        lowest = max(w[3] for w in page if w[1] < type_bottom)  # the page number sits below
        assert lowest > 37.0 + 225.0 * 0.8, f"page {number} ends at {lowest:.0f} mm"
    first = "".join(w[4] for w in pages[0])
    assert "一、移交内容" in first and package.sheet.files[0].sha256[:16] in first
