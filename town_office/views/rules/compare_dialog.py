"""修订对照: two versions of one document side by side, article by article, removed words struck
through in red on the left and added words underlined in green on the right; the 对照表 prints."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from town_office.errors import TownOfficeError
from town_office.services import rules
from town_office.services.rules.types import ADDED, CHANGED, REMOVED, DocumentRow
from town_office.views.pdf_preview import PdfPreviewDialog
from town_office.views.widgets.messages import warn
from town_office.views.lazy_modules import lazy_module

rule_papers = lazy_module("town_office.services.rules.papers")  # reportlab/openpyxl: when first printing

ROW_COLOURS = {CHANGED: "#fff8e1", ADDED: "#e8f5e9", REMOVED: "#fdecea"}
LEFT_MARK = "color:#b71c1c;background:#fbd3d0;text-decoration:line-through;"
RIGHT_MARK = "color:#1b5e20;background:#c8e6c9;text-decoration:underline;"


def _html_cell(label: str, segments, mark: str, empty: str) -> str:
    if not segments:
        return f'<span style="color:#888;">{empty}</span>'
    head = f"<b>{escape(label)}</b>　" if label else ""
    body = "".join(f'<span style="{mark}">{escape(t)}</span>' if marked else escape(t)
                   for t, marked in segments)
    return head + body.replace("\n", "<br>")


def comparison_html(comparison, only_changes: bool) -> str:
    rows = [r for r in comparison.rows if r.is_change or not only_changes]
    lines = [f"<p>{escape(comparison.summary)}。</p>",
             '<table width="100%" cellspacing="0" cellpadding="6" border="1" style="border-collapse:collapse;">',
             (f'<tr style="background:#eeeeee;"><th width="46%">{escape(comparison.left_label)}</th>'
              f'<th width="46%">{escape(comparison.right_label)}</th><th>变化</th></tr>')]
    for r in rows:
        colour = ROW_COLOURS.get(r.change, "#ffffff")
        lines.append(f'<tr style="background:{colour};">'
                     f'<td valign="top">{_html_cell(r.left_label, r.left, LEFT_MARK, "（新增）")}</td>'
                     f'<td valign="top">{_html_cell(r.right_label, r.right, RIGHT_MARK, "（删除）")}</td>'
                     f'<td align="center" valign="top">{escape(r.change)}</td></tr>')
    if not rows:
        lines.append('<tr><td colspan="3" align="center">两个版本的条文相同。</td></tr>')
    lines.append("</table>")
    return "".join(lines)


class CompareDialog(QDialog):
    def __init__(self, parent, document: DocumentRow):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(f"修订对照 — {document.title}")
        self.resize(1100, 760)
        self.old, self.new = QComboBox(), QComboBox()
        for combo in (self.old, self.new):
            for v in document.versions:
                combo.addItem(f"{v.label}（{v.status}）", v.id)
        self.old.setCurrentIndex(max(0, len(document.versions) - 2))
        self.new.setCurrentIndex(len(document.versions) - 1)
        self.only_changes = QCheckBox("只显示有变化的条文")
        self.only_changes.setChecked(True)
        self.browser = QTextBrowser()
        self.print_button = QPushButton("预览/打印对照表…")
        close = QPushButton("关闭")
        top = QHBoxLayout()
        top.addWidget(QLabel("原版本"))
        top.addWidget(self.old)
        top.addWidget(QLabel("对照版本"))
        top.addWidget(self.new)
        top.addWidget(self.only_changes)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel("左侧红色删除线为删去的文字，右侧绿色下划线为新增或改写的文字。"))
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(close)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.browser, 1)
        box.addLayout(bottom)
        for combo in (self.old, self.new):
            combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.only_changes.toggled.connect(lambda _: self.refresh())
        self.print_button.clicked.connect(self.preview)
        close.clicked.connect(self.reject)
        self.refresh()

    def refresh(self) -> None:
        self.comparison = rules.compare(self.old.currentData(), self.new.currentData())
        self.browser.setHtml(comparison_html(self.comparison, self.only_changes.isChecked()))

    def preview(self) -> None:
        try:
            pdf = rule_papers.preview_comparison(self.old.currentData(), self.new.currentData())
        except TownOfficeError as exc:
            warn(self, "无法生成对照表", exc)
            return
        PdfPreviewDialog(self, pdf, f"{self.document.title}修订对照表").exec()
