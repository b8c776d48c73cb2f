"""换届 page: the change-of-term assistant. Before a change it says what the change does and starts
it; during one it shows the five steps with what is done (✓) and opens at the first step not done;
each step saves as it goes, so the clerk can close the program and come back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from town_office.errors import TownOfficeError
from town_office.services import term_change
from town_office.services.term_change.types import STEPS
from town_office.views.term_change.steps import STEP_PANELS
from town_office.views.widgets.messages import warn
from town_office.views.widgets.screen_fit import scrolling


class TermChangePage(QWidget):
    term_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.state = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size:17px;font-weight:bold;")
        self.heading.setWordWrap(True)
        self.start_button = QPushButton("开始换届")
        self.start_button.clicked.connect(self.start)
        self.steps = QListWidget()
        self.steps.setFixedWidth(170)
        self.steps.setStyleSheet("QListWidget{font-size:15px;} QListWidget::item{padding:6px 8px;}")
        self.stack = QStackedWidget()
        self.panels = [panel(self) for panel in STEP_PANELS]
        for panel in self.panels:
            self.stack.addWidget(scrolling(panel))
        self.steps.currentRowChanged.connect(self._show_step)
        body = QHBoxLayout()
        body.addWidget(self.steps)
        body.addWidget(self.stack, 1)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.start_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addLayout(body, 1)
        self.built = False

    def showEvent(self, event) -> None:
        if not self.built:
            self.built = True
            self.refresh(open_next=True)
        super().showEvent(event)

    def refresh_on_show(self) -> None:
        if self.built:
            self.refresh()

    def start(self) -> None:
        try:
            self.state = term_change.start_change()
        except TownOfficeError as exc:
            warn(self, "无法开始换届", exc)
            return
        self.refresh(open_next=True)

    def refresh(self, open_next: bool = False) -> None:
        """Read the change again and show it; with ``open_next`` go to the first step not done."""
        was_finished = self.state is not None and self.state.finished
        self.state = term_change.current_change()
        started = self.state is not None
        self.start_button.setVisible(not started)
        self.steps.setEnabled(started)
        self.stack.setEnabled(started)
        if not started:
            self.heading.setText("换届：本届届满、新一届选出后，按五个步骤把工作转入新一届，上一届的记录全部保留。")
            self.steps.clear()
            return
        s = self.state
        row = self.steps.currentRow()
        self.steps.blockSignals(True)
        self.steps.clear()
        for number, name in enumerate(STEPS, 1):
            self.steps.addItem(f"{'✓' if number in s.steps_done else '　'} {number}. {name}")
        self.steps.blockSignals(False)
        done = len(s.steps_done)
        self.heading.setText(f"换届：{s.old_term_name} → {s.new_term_name or '新一届'}"
                             f"　已完成{done}/5步" + ("，换届已完成" if s.finished else ""))
        target = min(s.next_step, 5) - 1 if open_next or row < 0 else row
        self.steps.setCurrentRow(target)
        self._show_step(target)
        if s.finished and not was_finished:
            self.term_changed.emit()

    def _show_step(self, index: int) -> None:
        if self.state is None or index < 0:
            return
        self.stack.setCurrentIndex(index)
        self.panels[index].show_state()
