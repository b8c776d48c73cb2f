"""查找: type any word; hits of every kind appear as you type (a short pause after the last key),
grouped by kind; Enter or a double-click opens the hit on its page."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from town_office.services.search import find

TYPING_PAUSE_MS = 120


class SearchDialog(QDialog):
    open_record = Signal(str, int)  # page title, record id

    def __init__(self, parent=None, text: str = ""):
        super().__init__(parent)
        self.setWindowTitle("查找")
        self.resize(640, 480)
        self.box = QLineEdit()
        self.box.setPlaceholderText("代表姓名（或拼音、首字母）、会议、问题、隐患编号、建议、项目、规则……")
        self.box.setClearButtonEnabled(True)
        self.hits = QListWidget()
        self.hits.setWordWrap(True)
        self.status = QLabel("输入要找的字词，按 ↓ 到结果，Enter 打开。")
        box = QVBoxLayout(self)
        box.addWidget(self.box)
        box.addWidget(self.hits, 1)
        box.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.search)
        self.box.textChanged.connect(lambda _: self.timer.start())
        self.box.returnPressed.connect(self._enter)
        self.hits.itemActivated.connect(self._open)
        self.box.installEventFilter(self)
        self.box.setText(text)
        if text:
            self.search()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.box and event.type() == event.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            if self.hits.count():
                self.hits.setFocus()
                self.hits.setCurrentRow(next((i for i in range(self.hits.count())
                                              if self.hits.item(i).data(Qt.ItemDataRole.UserRole)), 0))
                return True
        return super().eventFilter(watched, event)

    def search(self) -> None:
        self.timer.stop()
        self.hits.clear()
        text = self.box.text().strip()
        if not text:
            self.status.setText("输入要找的字词，按 ↓ 到结果，Enter 打开。")
            return
        found = find(text)
        kind = None
        for hit in found:
            if hit.kind != kind:
                kind = hit.kind
                header = QListWidgetItem(f"{kind}（{hit.page}）")
                header.setFlags(Qt.ItemFlag.NoItemFlags)
                font = QFont(header.font())
                font.setBold(True)
                header.setFont(font)
                header.setForeground(QColor("#1d4f91"))
                self.hits.addItem(header)
            item = QListWidgetItem(f"　{hit.title}" + (f"\n　　{hit.snippet}" if hit.snippet and hit.snippet != hit.title
                                                           else ""))
            item.setData(Qt.ItemDataRole.UserRole, (hit.page, hit.record_id))
            self.hits.addItem(item)
        self.status.setText(f"找到 {len(found)} 条（每类最多显示8条，可多输入几个字缩小范围）" if found
                            else f"没有找到“{text}”。")

    def _enter(self) -> None:
        if self.timer.isActive():
            self.search()
        first = next((self.hits.item(i) for i in range(self.hits.count())
                      if self.hits.item(i).data(Qt.ItemDataRole.UserRole)), None)
        if first is not None:
            self._open(first)

    def _open(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.accept()
            self.open_record.emit(*data)
