"""批量打印履职档案: all deputies or one group, a year or the whole term, one PDF per deputy in a
folder or one combined PDF; runs off the GUI thread with a progress bar and 取消."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
)

from town_office.errors import TownOfficeError
from town_office.services.roster import units as roster_units
from town_office.views.tasks import TaskCancelled, run_task
from town_office.views.widgets.messages import warn
from town_office.views import ui_state
from town_office.views.lazy_modules import lazy_module

archive_papers = lazy_module("town_office.services.archive.papers")  # reportlab/openpyxl: when first printing


class BatchDialog(QDialog):
    def __init__(self, parent, year: int | None, close_connection=None, term_id: int | None = None):
        super().__init__(parent)
        self.term_id = term_id  # the 整届 files of this term (the current one by default)
        self.setWindowTitle("批量打印履职档案")
        self._close_connection = close_connection
        self.scope = QComboBox()
        self.scope.addItem("全体镇人大代表", None)
        for group in roster_units.list_units("group"):
            self.scope.addItem(group.name, group.id)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year or date.today().year)
        self.year.setSuffix("年度")
        self.whole_term = QCheckBox("整届")
        self.whole_term.setChecked(year is None)
        self.separate = QRadioButton("每名代表一个PDF（选择文件夹）")
        self.combined = QRadioButton("合成一个PDF")
        self.separate.setChecked(True)
        form = QFormLayout()
        form.addRow("范围", self.scope)
        form.addRow("期间", self.year)
        form.addRow("", self.whole_term)
        form.addRow("输出", self.separate)
        form.addRow("", self.combined)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("开始打印")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(buttons)
        self.whole_term.toggled.connect(lambda on: self.year.setEnabled(not on))
        self.year.setEnabled(year is not None)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        self.written: list[Path] = []

    def target(self) -> Path | None:
        if self.combined.isChecked():
            path, _ = QFileDialog.getSaveFileName(
                self, "保存合成的履职档案", str(Path(ui_state.last_folder("exports")) / "代表履职档案.pdf"),
                "PDF 文件 (*.pdf)")
            return Path(path if path.endswith(".pdf") else path + ".pdf") if path else None
        folder = QFileDialog.getExistingDirectory(self, "选择保存履职档案的文件夹")
        return Path(folder) if folder else None

    def start(self, target: Path | None = None) -> None:
        target = target or self.target()
        if not target:
            return
        year = None if self.whole_term.isChecked() else self.year.value()
        ids = archive_papers.deputies_for(year, self.scope.currentData(), self.term_id)
        combined = self.combined.isChecked()
        run_task(self, f"正在生成{len(ids)}名代表的履职档案…",
                 lambda progress: archive_papers.print_batch(ids, year, target, combined, progress),
                 self._done, self._failed, cancellable=True, close_connection=self._close_connection)

    def _done(self, written: list[Path]) -> None:
        self.written = written
        QMessageBox.information(self, "完成", f"已生成{len(written)}个PDF文件：\n{written[0].parent if written else ''}")
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, TaskCancelled):
            QMessageBox.information(self, "已取消", "已取消。已经生成的档案文件都是完整的，可以保留。")
            return
        warn(self, "打印未完成", exc if isinstance(exc, TownOfficeError) else TownOfficeError(str(exc)))
