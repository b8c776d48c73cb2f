"""The ledger workbook and PDFs read back: cells, status colours and print setup; the 挂牌督办通知书;
the inspection report with photos; and the CLI."""

from datetime import date

from openpyxl import load_workbook

from tests.pdf_helpers import assert_fonts_embedded, assert_in_order, page_sizes, pdf_text
from town_office.cli import main
from town_office.reports.chinese_numbers import chinese_date
from town_office.services.hazards import papers as hazard_papers
from town_office.services.hazards import inspections


def _text(path) -> str:
    pages = pdf_text(path)
    return "".join(p.replace(f"— {n} —", "") for n, p in enumerate(pages, 1)).replace("\n", "").replace(" ", "")


def test_ledger_workbook_cells_styles_and_print_setup(demo_town, tmp_path):
    book = hazard_papers.export_ledger(2026, tmp_path / "台账.xlsx", today=date(2026, 11, 22))
    ws = load_workbook(book).active
    assert ws["A1"].value == "青石镇人大主席团2026年隐患排查整改台账"
    header = [c.value for c in ws[2]]
    assert header[:6] == ["编号", "检查日期", "单位/地点", "隐患描述", "类别", "等级"]
    assert {"整改资金（万元）", "复查人", "挂牌督办", "复查结论", "销号日期", "检查组/检查人", "完成日期",
            "复查日期"} <= set(header)
    rows = {r[0]: r for r in ws.iter_rows(min_row=3, values_only=True) if r[0]}
    major = rows["2026-002"]
    assert major[header.index("等级")] == "重大" and major[header.index("挂牌督办")] == "是"
    assert rows["2026-004"][header.index("逾期天数")] == 57
    assert rows["2026-001"][header.index("状态")] == "已销号"
    fills = {ws.cell(r, 1).value: ws.cell(r, 1).fill.fgColor.rgb[-6:] for r in range(3, 9)}
    assert fills["2026-001"] == "E2EFDA" and fills["2026-004"] == "F8CBAD"  # closed green, overdue red
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$2:$2" and ws.freeze_panes == "A3"
    assert ws["A3"].number_format == "@"


def test_ledger_notice_and_report_pdfs(demo_town, tmp_path):
    ledger = hazard_papers.print_ledger(2026, tmp_path / "台账.pdf", today=date(2026, 11, 22))
    assert set(page_sizes(ledger)) == {(841.89, 595.28)}
    assert_in_order(_text(ledger), "青石镇人大主席团2026年隐患排查整改台账", "截至2026年11月22日，逾期2项",
                    "2026-001",
                    "2026-002挂牌督办", "重大", "2026-004", "逾期57天", "已作废")
    notice = hazard_papers.print_notice("2026-002", tmp_path / "通知书.pdf")
    assert_in_order(_text(notice), "青石人大督〔2026〕1号", "隐患挂牌督办通知书", "青石镇中心幼儿园：",
                    "重大安全隐患（台账编号2026-002）", "整改措施：", "整改资金：3.5万元", "整改时限：2026年12月31日前",
                    "应急预案：", "回复要求", "青石镇人大主席团", "2026年5月13日")
    report = hazard_papers.print_inspection_report(1, tmp_path / "报告.pdf")
    inspection = inspections.get_inspection(1)
    assert_in_order(_text(report), "青石镇中心小学安全生产执法检查", "云溪县人大常委会：",
                    "特此报告。", "附件：隐患清单及现场照片", "青石镇人大主席团",
                    chinese_date(inspection.ends_on or inspection.starts_on), "附件", "隐患清单",
                    "2026-001", "现场照片", "整改前", "整改后")
    from pypdf import PdfReader

    images = sum(len(page.images) for page in PdfReader(str(report)).pages)
    assert images == 2
    for path in (ledger, notice, report):
        assert_fonts_embedded(path)


def test_hazard_cli(tmp_path, capsys):
    data = str(tmp_path / "d")
    main(["--data-dir", data, "demo"])
    capsys.readouterr()
    assert main(["--data-dir", data, "hazards", "list", "--year", "2026", "--open"]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [f[0] for f in lines] == ["2026-002", "2026-003", "2026-004", "2026-006"]
    assert main(["--data-dir", data, "export", "ledger", "--year", "2026", "--out",
                 str(tmp_path / "l.xlsx")]) == 0
    assert main(["--data-dir", data, "print", "ledger", "--year", "2026", "--out",
                 str(tmp_path / "l.pdf")]) == 0
    assert main(["--data-dir", data, "print", "hazard-notice", "--hazard", "2026-002", "--out",
                 str(tmp_path / "n.pdf")]) == 0
    assert_in_order(_text(tmp_path / "n.pdf"), "青石人大督〔2026〕1号", "隐患挂牌督办通知书",
                    "陈园长", "青石镇人大主席团", "2026年5月13日")
    for number, why in (("2026-001", "没有挂牌督办"), ("2026-005", "已作废")):
        assert main(["--data-dir", data, "print", "hazard-notice", "--hazard", number, "--out",
                     str(tmp_path / f"{number}.pdf")]) == 2
        assert why in capsys.readouterr().err
        assert not (tmp_path / f"{number}.pdf").exists()
    main(["--data-dir", data, "print", "ledger", "--year", "2026", "--out", str(tmp_path / "l.pdf")])
    assert_in_order(_text(tmp_path / "l.pdf"), "2026-001", "2026-002挂牌督办", "已作废")
    assert main(["--data-dir", data, "print", "hazard-notice", "--hazard", "2026-099", "--out",
                 str(tmp_path / "x.pdf")]) == 2
    assert "没有编号为2026-099" in capsys.readouterr().err


def test_no_heading_ends_a_page_and_no_signature_stands_alone(demo_town, tmp_path):
    """Over the demo's papers with headings and signatures: a page never ends on 一、 or （一） with
    its text on the next page, and the 署名 and 成文日期 always share a page with body text."""
    import re

    from tests.pdf_helpers import page_lines
    from town_office.services.meetings import papers as meeting_papers
    from town_office.services import meetings

    papers = [hazard_papers.print_notice("2026-002", tmp_path / "通知书.pdf"),
              hazard_papers.print_inspection_report(1, tmp_path / "报告.pdf")]
    for row in meetings.list_meetings()[:3]:
        for kind in ("notice", "record"):
            papers.append(meeting_papers.print_paper(kind, row.id, tmp_path / f"{kind}{row.id}.pdf"))
    heading = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)\S{1,20}$")
    for paper in papers:
        pages = page_lines(paper)
        for number, lines in enumerate(pages[:-1], start=1):
            assert not heading.match(lines[-1]), f"{paper.name}: page {number} ends on {lines[-1]}"
        for lines in pages:
            if lines[-1].endswith("日") and any(l.endswith("人大主席团") for l in lines[-2:]):
                assert len(lines) > 2, f"{paper.name}: the signature stands alone: {lines}"
