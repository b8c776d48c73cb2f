"""预览: a PDF paper in a QtPdf view with 打印 (QPrinter) and 另存为, the one path every paper is
previewed and printed through. It opens showing a whole page; pages are turned with 上一页/下一页 or
a page number, and the paper zoomed in steps, to the page or to the width."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
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
    QSpinBox,
    QVBoxLayout,
)

from town_office.views import ui_state


ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0)
FIT_NAMES = {QPdfView.ZoomMode.FitInView: "整页", QPdfView.ZoomMode.FitToWidth: "页宽"}


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
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)  # a whole page first
        pages = self.document.pageCount()
        self.previous_button = QPushButton("上一页")
        self.next_button = QPushButton("下一页")
        self.page_box = QSpinBox()
        self.page_box.setRange(1, max(pages, 1))
        self.page_box.setPrefix("第 ")
        self.page_box.setSuffix(f" 页 / 共 {pages} 页")
        self.page_box.setToolTip("输入页码后回车")
        self.page_box.setKeyboardTracking(False)
        self.zoom_out_button = QPushButton("缩小")
        self.zoom_in_button = QPushButton("放大")
        self.zoom_label = QLabel()
        self.fit_page_button = QPushButton("整页")
        self.fit_width_button = QPushButton("页宽")
        for button, keys, tip in ((self.previous_button, "PgUp", "上一页"),
                                  (self.next_button, "PgDown", "下一页"),
                                  (self.zoom_out_button, "Ctrl+-", "缩小"),
                                  (self.zoom_in_button, "Ctrl+=", "放大"),
                                  (self.fit_page_button, "Ctrl+1", "显示整页"),
                                  (self.fit_width_button, "Ctrl+2", "与窗口同宽")):
            button.setToolTip(f"{tip}（{QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)}）")
            QShortcut(QKeySequence(keys), self, activated=button.click)
            button.setAutoDefault(False)
        QShortcut(QKeySequence("Ctrl++"), self, activated=self.zoom_in_button.click)
        tools = QHBoxLayout()
        for widget in (self.previous_button, self.page_box, self.next_button):
            tools.addWidget(widget)
        tools.addSpacing(24)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button,
                       self.fit_page_button, self.fit_width_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        self.print_button = QPushButton("打印…")
        self.save_button = QPushButton("另存为…")
        close_button = QPushButton("关闭")
        self.print_button.setShortcut("Ctrl+P")
        self.save_button.setShortcut("Ctrl+S")
        buttons = QHBoxLayout()
        if note:
            buttons.addWidget(QLabel(note))
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, close_button):
            buttons.addWidget(button)
        box = QVBoxLayout(self)
        box.addLayout(tools)
        box.addWidget(self.view, 1)
        box.addLayout(buttons)
        navigator = self.view.pageNavigator()
        navigator.currentPageChanged.connect(self._page_shown)
        self.previous_button.clicked.connect(lambda: self.go_to(navigator.currentPage() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(navigator.currentPage() + 1))
        self.page_box.valueChanged.connect(lambda number: self.go_to(number - 1))
        self.zoom_in_button.clicked.connect(lambda: self.zoom_step(1))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_step(-1))
        self.fit_page_button.clicked.connect(lambda: self.fit(QPdfView.ZoomMode.FitInView))
        self.fit_width_button.clicked.connect(lambda: self.fit(QPdfView.ZoomMode.FitToWidth))
        self._page_shown(navigator.currentPage())
        self._zoom_shown()
        self.view.viewport().installEventFilter(self)
        self.print_button.clicked.connect(self.print_paper)
        self.save_button.clicked.connect(self.save_as)
        close_button.clicked.connect(self.reject)
        ui_state.restore_geometry(self, "pdf_preview")

    # --- pages and zoom ---------------------------------------------------------------------------
    def go_to(self, page: int) -> None:
        """Show page ``page`` (from 0) from its top."""
        page = max(0, min(page, self.document.pageCount() - 1))
        navigator = self.view.pageNavigator()
        if page != navigator.currentPage():
            navigator.jump(page, QPointF(), navigator.currentZoom())

    def _page_shown(self, page: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(page + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < self.document.pageCount() - 1)

    def shown_zoom(self) -> float:
        """The zoom the page is drawn at, also when it is fitted to the window."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or not self.document.pageCount():
            return self.view.zoomFactor()
        points = self.document.pagePointSize(self.view.pageNavigator().currentPage())
        dots = self.logicalDpiX() / 72
        margins = self.view.documentMargins()
        width = (self.view.viewport().width() - margins.left() - margins.right()) / (points.width() * dots)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return width
        height = (self.view.viewport().height() - margins.top() - margins.bottom()) / (
            points.height() * dots)
        return min(width, height)

    def zoom_step(self, direction: int) -> None:
        """One step up or down the zoom ladder from what is shown now."""
        shown = self.shown_zoom()
        steps = [z for z in ZOOM_STEPS if (z > shown + 0.005 if direction > 0 else z < shown - 0.005)]
        if steps:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(steps[0] if direction > 0 else steps[-1])
        self._zoom_shown()

    def fit(self, mode: QPdfView.ZoomMode) -> None:
        self.view.setZoomMode(mode)
        self._zoom_shown()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._zoom_shown()  # a fitted page changes size with the window
        return False

    def _zoom_shown(self) -> None:
        mode = self.view.zoomMode()
        shown = self.shown_zoom()
        self.zoom_label.setText(f"{round(shown * 100)}%")
        self.zoom_label.setToolTip(f"按{FIT_NAMES[mode]}显示" if mode in FIT_NAMES else "")
        self.zoom_in_button.setEnabled(shown < ZOOM_STEPS[-1] - 0.005)
        self.zoom_out_button.setEnabled(shown > ZOOM_STEPS[0] + 0.005)
        self.fit_page_button.setEnabled(mode != QPdfView.ZoomMode.FitInView)
        self.fit_width_button.setEnabled(mode != QPdfView.ZoomMode.FitToWidth)

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
