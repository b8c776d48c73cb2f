"""Qt's own words are Chinese: a message box's standard buttons and a file dialog's labels."""

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

pytestmark = pytest.mark.gui


def test_message_box_buttons_read_chinese(qtbot):
    box = QMessageBox(QMessageBox.Icon.Question, "删除", "删除这条记录？",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                      | QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {box.button(b).text().replace("&", "").split("(")[0] for b in (
        QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Cancel)}
    assert texts == {"是", "否", "确定", "取消"}, texts


def test_dialog_button_box_reads_chinese(qtbot):
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text().replace("&", "").startswith("保存")
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text().replace("&", "").startswith("关闭")
