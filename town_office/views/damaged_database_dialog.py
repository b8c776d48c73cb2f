"""Shown at start when the database cannot be used: what is wrong, in Chinese, and the backups of
this data folder newest first (time, reason, what each holds), to restore one. The damaged file is
kept in backups/ before anything replaces it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from town_office import backup_files
from town_office.errors import TownOfficeError
from town_office.paths import DataFolder
from town_office.services import backups
from town_office.views import ui_state

PATH_ROLE = 0x0100


def _line(path: Path) -> str:
    manifest = backup_files.read_manifest(path) or {}
    counts = manifest.get("counts", {})
    when = backup_files.stamp_of(path)
    held = (f"代表{counts.get('representative', 0)}人，会议{counts.get('meeting', 0)}次，"
            f"走访{counts.get('visit', 0)}次" if counts else "已加密，恢复时输入密码")
    return f"{when:%Y-%m-%d %H:%M}　{backup_files.reason_of(path)}　{held}" if when else \
        f"{path.name}　{held}"


class DamagedDatabaseDialog(QDialog):
    """Accepted once a backup has been restored over the damaged database."""

    def __init__(self, folder: DataFolder, problem: str, parent=None):
        super().__init__(parent)
        self.folder = folder
        self.kept: Path | None = None
        self.setWindowTitle("数据库无法使用")
        message = QLabel(f"{problem}\n\n可以从下面的备份中恢复（最新的在最前）。恢复前，现有的数据库文件会原样"
                         "保存到备份文件夹中，不会被覆盖。")
        message.setWordWrap(True)
        self.list = QListWidget()
        for path in backup_files.list_backups(folder.backups):
            item = QListWidgetItem(_line(path))
            item.setData(PATH_ROLE, str(path))
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.list.addItem("（备份文件夹中没有备份。如有U盘上的备份，请用“从其他文件恢复”。）")
        self.restore_button = QPushButton("从所选备份恢复")
        self.restore_button.setEnabled(self.list.count() > 0 and self._chosen() is not None)
        other = QPushButton("从其他文件恢复…")
        close = QPushButton("退出")
        self.restore_button.clicked.connect(lambda: self.restore(self._chosen()))
        other.clicked.connect(self.restore_other)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.restore_button, other, close):
            buttons.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(message)
        box.addWidget(self.list, 1)
        box.addLayout(buttons)
        self.resize(640, 420)

    def _chosen(self) -> Path | None:
        item = self.list.currentItem()
        value = item.data(PATH_ROLE) if item else None
        return Path(value) if value else None

    def restore_other(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, "选择备份文件", ui_state.last_folder("backups"),
                                              "备份文件 (*.tobak)")
        if path:
            self.restore(Path(path))

    def restore(self, path: Path | None) -> None:
        if path is None:
            return
        password = None
        while True:
            try:
                self.kept = backups.restore_over_damaged(path, password, self.folder)
                break
            except TownOfficeError as exc:
                if "密码" not in str(exc) or password is not None:
                    QMessageBox.warning(self, "无法恢复", str(exc))
                    return
                password, ok = QInputDialog.getText(self, "备份密码", "这个备份设有密码，请输入：",
                                                    QLineEdit.EchoMode.Password)
                if not ok or not password:
                    return
        QMessageBox.information(self, "已恢复", f"已从 {path.name} 恢复。\n原来的数据库文件保存为：\n{self.kept}")
        self.accept()
