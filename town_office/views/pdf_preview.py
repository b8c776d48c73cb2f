"""预览: a PDF paper in a QtPdf view with 打印 (QPrinter) and 另存为, the one path every paper is
previewed and printed through."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from town_office.views import ui_state


class PdfPreviewDialog(QDialog):
    def __init__(self, parent, pdf: Path, title: str, note: str = ""):
        super().__init__(parent)
        self.pdf = Path(pdf)
        self.setWindowTitle(f"预览 — {title}")
        self.resize(900, 1000)
        self.document = QPdfDocument(self)
        self.document.load(str(self.pdf))
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.print_button = QPushButton("打印…")
        self.save_button = QPushButton("另存为…")
        close_button = QPushButton("关闭")
        self.print_button.setShortcut("Ctrl+P")
        self.save_button.setShortcut("Ctrl+S")
        self.page_label = QLabel(f"共 {self.document.pageCount()} 页")
        buttons = QHBoxLayout()
        if note:
            buttons.addWidget(QLabel(note))
        buttons.addWidget(self.page_label)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close_button):
            buttons.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(self.view, 1)
        box.addLayout(buttons)
        self.print_button.clicked.connect(self.print_paper)
        self.save_button.clicked.connect(self.save_as)
        close_button.clicked.connect(self.reject)
        ui_state.restore_geometry(self, "pdf_preview")

    def save_as(self) -> Path | None:
        start = str(Path(ui_state.last_folder("papers")) / self.pdf.name)
        target, _ = QFileDialog.getSaveFileName(self, "另存为", start, "PDF 文件 (*.pdf)")
        if not target:
            return None
        target = Path(target).with_suffix(".pdf")
        try:
            shutil.copyfile(self.pdf, target)
        except OSError as exc:
            QMessageBox.warning(self, "无法保存", f"无法保存到 {target}：{exc.strerror or exc}")
            return None
        ui_state.remember_folder("papers", str(target.parent))
        return target

    def print_paper(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf.stem)
        if self.document.pageCount():  # A4 (or A4 landscape) whatever the printer's default is
            size = self.document.pagePointSize(0)
            printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            printer.setPageOrientation(QPageLayout.Orientation.Landscape if size.width() > size.height()
                                       else QPageLayout.Orientation.Portrait)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("打印")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        print_pdf(self.document, printer)

    def done(self, result) -> None:
        ui_state.save_geometry(self, "pdf_preview")
        super().done(result)


def print_pdf(document: QPdfDocument, printer: QPrinter) -> None:
    """Draw each page at the printer's resolution, scaled to the printable area (A4 on A4)."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        dpi = printer.resolution()
        first = max(printer.fromPage(), 1) - 1
        last = (printer.toPage() or document.pageCount()) - 1
        for index in range(first, last + 1):
            if index > first:
                printer.newPage()
            points = document.pagePointSize(index)
            size = QSize(int(points.width() / 72 * dpi), int(points.height() / 72 * dpi))
            image = document.render(index, size)
            area = painter.viewport()
            scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QPointF(0, 0).toPoint(), image.scaled(scaled))
    finally:
        painter.end()
