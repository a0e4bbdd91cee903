"""Small views both progress tabs are built from: skill bars, titled boxes, lists, combos.

Apart from the tabs so that each tab's module holds only what that tab shows and
does; these pieces know nothing about trainees or cohorts.
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.scenarios.labels import SKILL_NAMES, label
from cs_trainer.services import progress
from cs_trainer.services.progress import SkillScore
from cs_trainer.ui.shared.translation import content_text
from cs_trainer.ui.trainer.cohort_widgets import percent


def skill_name(skill: str) -> str:
    return content_text(label(SKILL_NAMES, skill))


class SkillBars(QWidget):
    """One bar per skill, weakest first; the weakest are red. Skills nobody practised
    yet come last, marked as such, so a gap is not mistaken for a weakness."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.order: list[str] = []
        self.weakest: list[str] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)

    def show_skills(self, skills: list[SkillScore]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        ranked = sorted(skills, key=lambda s: (s.percent is None, s.percent or 0.0))
        self.order = [s.skill for s in ranked]
        self.weakest = progress.weakest_skills(skills)
        for row, score in enumerate(ranked):
            self._grid.addWidget(QLabel(skill_name(score.skill)), row, 0)
            self._grid.addWidget(self._bar(score), row, 1)

    def _bar(self, score: SkillScore) -> QWidget:
        if score.percent is None:
            return grey(QLabel(self.tr("not practised yet")))
        bar = QProgressBar()
        bar.setRange(0, 100)
        bar.setValue(round(score.percent))
        bar.setFormat(percent(score.percent))
        colour = "#e06055" if score.skill in self.weakest else "#6f9fd8"
        bar.setStyleSheet(
            f"QProgressBar {{ border: 1px solid #c5ced8; border-radius: 3px; text-align: center;"
            f" background: white; }} QProgressBar::chunk {{ background: {colour}; }}"
        )
        return bar


def grey(label_: QLabel) -> QLabel:
    label_.setStyleSheet("color: #777;")
    return label_


def titled(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(widget)
    return box


def list_box(title: str) -> tuple[QGroupBox, QListWidget]:
    """A titled list that only shows lines: nothing in it can be selected or focused."""
    box = QGroupBox(title)
    items = QListWidget()
    items.setWordWrap(True)
    items.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    items.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    QVBoxLayout(box).addWidget(items)
    return box, items


def fill_list(items: QListWidget, lines: list[str], empty: str) -> None:
    """Show ``lines``, or ``empty`` in grey when there are none."""
    items.clear()
    for line in lines:
        items.addItem(line)
    if not lines:
        placeholder = QListWidgetItem(empty)
        placeholder.setForeground(QBrush(QColor("#777777")))
        items.addItem(placeholder)


def fill_combo(combo: QComboBox, entries: Sequence[tuple[str, object]]) -> None:
    """Replace a combo's entries, keeping the chosen one when it is still there, without
    signalling the intermediate states (the caller reloads once)."""
    chosen = combo.currentData()
    # Filled after the first show (the page loads lazily): size to the entries each time.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.blockSignals(True)
    combo.clear()
    for text, data in entries:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)
