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


def test_messages_about_the_whole_record_carry_no_field_key():
    from town_office.errors import FieldProblem, ValidationError

    assert str(FieldProblem("状态", "只有“已召开”的会议才能定稿纪要。")) == "只有“已召开”的会议才能定稿纪要。"
    assert str(FieldProblem("文件", "名册.xlsx：无法读取", row=None)) == "名册.xlsx：无法读取"
    assert str(FieldProblem("姓名", "不能为空", row=7)) == "第7行 姓名：不能为空"
    assert "BadZipFile" not in str(ValidationError(FieldProblem("文件", "无法读取")))


def test_chinese_reads_in_the_systems_font_first_and_the_bundled_font_last(qapp, monkeypatch):
    """The system's Chinese UI font leads (the start sets it before the first paint); the bundled font,
    added after the paint, is only the last fallback — also on a PC without a Chinese font."""
    from town_office.views import fonts

    bundled = fonts.install_bundled_font(qapp)
    try:
        families = qapp.font().families()
        assert families[-1] == bundled and families[0] in fonts.PREFERRED_SYSTEM_CJK  # this machine has one
        monkeypatch.setattr(fonts, "PREFERRED_SYSTEM_CJK", ())  # a PC without
        assert fonts.system_cjk_font(qapp) is None
        fonts.install_bundled_font(qapp)
        families = qapp.font().families()
        assert families[-1] == bundled and families[0] != bundled and len(families) >= 2
    finally:
        monkeypatch.undo()
        fonts.install_bundled_font(qapp)
