"""备份与恢复 page: the backups in the data folder with time, size and reason; 立即备份, 备份到U盘 (the
removable drives are listed, any folder can be chosen), the county package (报送包), verify, restore (shows what is in the backup
next to what is here, then keeps a safety backup), and opening the backups folder."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import backups
from town_office.views.tasks import run_task
from town_office.views.widgets.messages import confirm, warn
from town_office.views.widgets.table_model import ColumnSpec, DataclassTableModel
from town_office.views.widgets.table_view import read_only_table, sortable
from town_office.views.widgets.selection import highlighted_row
from town_office.views import ui_state

OTHER_FOLDER = "其他文件夹…"
SHOWN_COUNTS = (("representative", "代表"), ("meeting", "会议"), ("training_session", "培训"),
                ("visit", "走访"), ("problem", "群众诉求"), ("hazard", "隐患"))
from town_office.views.lazy_modules import lazy_module

handoff = lazy_module("town_office.services.backups.handoff")  # reportlab/openpyxl: when first packing


class BackupFileTableModel(DataclassTableModel):
    COLUMNS = (
        ColumnSpec("时间", lambda b: f"{b.created_at:%Y-%m-%d %H:%M}", lambda b: b.created_at),
        ColumnSpec("原因", lambda b: b.reason, align_center=True),
        ColumnSpec("大小", lambda b: f"{b.size / 1024 / 1024:.1f} MB", lambda b: b.size, True),
        ColumnSpec("文件", lambda b: b.path.name),
    )


def removable_drives() -> list[tuple[str, str]]:
    """(label, root path) of mounted drives that look removable (not the system drive)."""
    drives = []
    for volume in QStorageInfo.mountedVolumes():
        root = volume.rootPath()
        if not volume.isValid() or not volume.isReady() or volume.isReadOnly():
            continue
        if sys.platform.startswith("win"):
            if root.upper().startswith("C:"):
                continue
        elif not root.startswith(("/media/", "/run/media/", "/mnt/", "/Volumes/")):
            continue
        free = volume.bytesAvailable() / 1024 / 1024 / 1024
        drives.append((f"{volume.displayName() or root}（{root}，可用 {free:.1f} GB）", root))
    return drives


UNENCRYPTED_COPIES = "只有其中的备份文件设了密码，纪要、台账、档案等可阅读的副本没有加密（含代表姓名、电话），请妥善保管U盘。"
UNENCRYPTED_PACKAGE = "报送包没有设密码：备份文件和纪要、台账、档案等可阅读的副本都没有加密（含代表姓名、电话），请妥善保管U盘。"


def _counts_text(counts: dict[str, int]) -> str:
    return "，".join(f"{label}{counts.get(table, 0)}" for table, label in SHOWN_COUNTS)


class BackupPage(QWidget):
    restored = Signal()

    def __init__(self, parent=None, close_connection=None):
        super().__init__(parent)
        self._close_connection = close_connection
        self.model = BackupFileTableModel(self)
        self.table = read_only_table(self.model)
        sortable(self.table, 0, Qt.SortOrder.DescendingOrder)  # newest first
        note = QLabel("程序在有修改时每隔一段时间（见“设置”）和关闭时自动备份到数据文件夹的 backups 中，"
                      "按天、周、月轮换保留。交给县里时请用“备份到U盘”。")
        note.setWordWrap(True)
        self.drive = QComboBox()
        self.refresh_drives = QPushButton("刷新")
        self.to_stick = QPushButton("备份到U盘…")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setSuffix("年")
        self.package_button = QPushButton("生成报送包…")
        self.package_button.setToolTip("备份文件，加上不用本程序也能阅读的会议纪要、隐患台账、问题清单、培训统计和移交清单")
        stick_row = QHBoxLayout()
        stick_row.addWidget(QLabel("U盘"))
        stick_row.addWidget(self.drive, 1)
        stick_row.addWidget(self.refresh_drives)
        stick_row.addWidget(self.to_stick)
        stick_row.addSpacing(16)
        stick_row.addWidget(QLabel("资料年度"))
        stick_row.addWidget(self.year)
        stick_row.addWidget(self.package_button)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.now_button, self.verify_button = QPushButton("立即备份"), QPushButton("校验所选")
        self.restore_button = QPushButton("从所选恢复…")
        self.restore_file_button = QPushButton("从其他备份文件恢复…")
        self.folder_button = QPushButton("打开备份文件夹")
        actions = QHBoxLayout()
        for button in (self.now_button, self.verify_button, self.restore_button,
                       self.restore_file_button, self.folder_button):
            actions.addWidget(button)
        actions.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(note)
        box.addLayout(stick_row)
        box.addWidget(self.result)
        box.addWidget(self.table, 1)
        box.addLayout(actions)
        self.refresh_drives.clicked.connect(self.fill_drives)
        self.to_stick.clicked.connect(self.backup_to_stick)
        self.package_button.clicked.connect(self.make_package)
        self.now_button.clicked.connect(self.backup_now)
        self.verify_button.clicked.connect(self.verify_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button.clicked.connect(self.restore_other)
        self.folder_button.clicked.connect(lambda: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(backups.data_folder().backups))))
        self.fill_drives()
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(backups.list_local_backups())

    def fill_drives(self) -> None:
        self.drive.clear()
        for label, root in removable_drives():
            self.drive.addItem(label, root)
        self.drive.addItem(OTHER_FOLDER, "")

    def selected(self):
        return highlighted_row(self.table)

    def _password(self, twice: bool) -> str | None | bool:
        """None for no password, the password, or False when cancelled. ``twice``: a new password
        being set (asked twice); otherwise the password of an existing backup."""
        prompt = ("设置密码可防止U盘丢失后泄露代表信息（不设请留空）。\n请牢记密码，程序不保存密码，忘记后无法恢复："
                  if twice else "这个备份设有密码，请输入备份密码：")
        text, ok = QInputDialog.getText(self, "备份密码", prompt, QLineEdit.EchoMode.Password)
        if not ok:
            return False
        if text and twice:
            again, ok = QInputDialog.getText(self, "备份密码", "请再输入一次密码：", QLineEdit.EchoMode.Password)
            if not ok:
                return False
            if again != text:
                QMessageBox.warning(self, "密码不一致", "两次输入的密码不一致，请重新备份。")
                return False
        return text or None

    def _run(self, label, work, done) -> None:
        run_task(self, label, work, on_done=done, on_error=self._failed,
                 close_connection=self._close_connection, cancellable=False)

    def _failed(self, exc: BaseException) -> None:
        warn(self, "操作未完成", exc if isinstance(exc, TownOfficeError) else TownOfficeError(str(exc)))
        self.reload()

    def backup_now(self) -> None:
        def done(path):
            self.result.setText(f"已备份：{path}")
            self.reload()
        self._run("正在备份…", lambda progress: backups.backup_now(progress=progress), done)

    def _target(self) -> str:
        target = self.drive.currentData()
        return target or QFileDialog.getExistingDirectory(self, "选择保存备份的文件夹（U盘）",
                                                          ui_state.last_folder("sticks"))

    def backup_to_stick(self) -> None:
        target = self._target()
        if not target:
            return
        password = self._password(twice=True)
        if password is False:
            return

        def done(result):
            path, checksum = result
            self.result.setText(f"备份成功：{path}\nSHA-256 校验值：{checksum}\n已从U盘读回核对无误，可以安全拔出U盘。")
            self.reload()
        self._run("正在备份到U盘并读回核对…",
                  lambda progress: backups.backup_to_stick(Path(target), password, progress), done)

    def make_package(self) -> None:
        target = self._target()
        if not target:
            return
        password = self._password(twice=True)
        if password is False:
            return
        year = self.year.value()

        def done(package):
            sheet = package.sheet
            lines = [f"报送包已生成：{package.folder}",
                     f"共 {len(sheet.files) + 1} 个文件，均已从U盘读回核对无误；备份 SHA-256：{sheet.backup_sha256}",
                     "请打印其中的“00_移交清单.pdf”，交接时双方签字。"]
            lines.append(UNENCRYPTED_COPIES if password else UNENCRYPTED_PACKAGE)
            if sheet.missing:
                lines.append("未附：" + "；".join(sheet.missing))
            self.result.setText("\n".join(lines))
            self.reload()
        self._run(f"正在生成{year}年报送包…",
                  lambda progress: handoff.build_package(Path(target), year, password, progress), done)

    def _verified(self, path: Path):
        """Verify ``path``, asking for the password when it has one. Returns (info, password), or
        None after telling the clerk why the backup cannot be used (or when they cancelled)."""
        password = None
        while True:
            try:
                return backups.verify(path, password), password
            except TownOfficeError as exc:
                if "密码" not in str(exc) or password is not None:
                    warn(self, "备份不可用", exc)
                    return None
                password = self._password(twice=False)
                if not password:
                    return None

    def _verify(self, path: Path) -> None:
        verified = self._verified(path)
        if verified:
            info = verified[0]
            self.result.setText(f"备份完好：{info.town}，{info.created_at:%Y-%m-%d %H:%M}，{_counts_text(info.counts)}")

    def verify_selected(self) -> None:
        row = self.selected()
        if row:
            self._verify(row.path)

    def restore_selected(self) -> None:
        row = self.selected()
        if row:
            self.restore_from(row.path)

    def restore_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择备份文件", ui_state.last_folder("backups"),
                                              "备份文件 (*.tobak)")
        if path:
            self.restore_from(Path(path))

    def restore_from(self, path: Path) -> None:
        verified = self._verified(path)
        if not verified:
            return
        info, password = verified
        text = (f"备份：{info.town} {info.term}，{info.created_at:%Y-%m-%d %H:%M}（{info.reason}）\n"
                f"　　{_counts_text(info.counts)}\n"
                f"现有：{_counts_text(backups.current_counts())}\n\n"
                "恢复后现有数据将被备份中的数据替换。恢复前会自动备份现有数据，必要时可再恢复回来。")
        if not confirm(self, "从备份恢复", text, "恢复"):
            return
        try:
            safety = backups.restore(path, password)
        except TownOfficeError as exc:
            warn(self, "恢复失败", exc)
            return
        QMessageBox.information(self, "恢复完成", f"已恢复。恢复前的数据已备份为：\n{safety}\n\n窗口将重新打开。")
        self.restored.emit()
