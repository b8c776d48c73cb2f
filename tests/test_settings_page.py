"""The 设置 page's 乡镇与规则 tab: what the clerk sets is what the services then read."""

import pytest
from PySide6.QtWidgets import QMessageBox

from town_office.services import settings
from town_office.services.sessions.rules import quorum_met
from town_office.views.settings.page import TownSettingsTab

pytestmark = pytest.mark.gui


def test_congress_rules_and_suggestion_settings_are_saved(qtbot, current_term, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    tab = TownSettingsTab()
    qtbot.addWidget(tab)
    assert tab.congress_quorum.currentText() == "超过全体代表的三分之二出席"
    tab.congress_quorum.setCurrentText("全体代表三分之二以上出席（含本数）")
    tab.congress_pass.setCurrentText("出席代表过半数通过")
    tab.suggestion_categories.setText("交通、教育，医疗  交通")
    tab.spins["excellent_suggestions_per_year"].setValue(3)
    tab.save()
    saved = settings.get_settings()
    assert saved.congress_quorum_rule == "全体代表三分之二以上出席（含本数）"
    assert quorum_met(saved.congress_quorum_rule, 30, 20)  # exactly two thirds now holds
    assert saved.congress_pass_rule == "出席代表过半数通过"
    assert saved.suggestion_categories == ("交通", "教育", "医疗")
    assert saved.excellent_suggestions_per_year == 3 and shown == ["设置已保存。"]
    tab.suggestion_categories.setText(" ")
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    tab.save()
    assert "代表建议类别至少要有一种" in shown[-1]
    assert settings.get_settings().suggestion_categories == ("交通", "教育", "医疗")
