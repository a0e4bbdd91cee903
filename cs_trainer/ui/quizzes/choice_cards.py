"""The role-play choice statistics as cards: one per node, each choice's share as a bar.

Apart from the statistics page because a card is a small widget of its own that
decides how a node reads (the best choice marked, the node where most go wrong
highlighted); the page only lays the cards out in a scrolling column.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from cs_trainer.scenarios.choice_statistics import ChoiceShare, NodeChoices
from cs_trainer.ui.quizzes.item_statistics_model import FLAGGED_TEXT
from cs_trainer.ui.roleplays.roleplay_end import WrapLabel, plain_label
from cs_trainer.ui.shared.translation import content_text

WRONG_BACKGROUND, WRONG_BORDER = "#fff1e0", "#e39b3a"
BEST_COLOUR, WRONG_COLOUR, OTHER_COLOUR = "#2e9d4f", "#d9822b", "#7f9cc0"


class ShareBar(QWidget):
    """A horizontal bar filled to a choice's share of a node's visits."""

    def __init__(self, share: float | None, colour: str) -> None:
        super().__init__()
        self.share = share or 0.0
        self._colour = QColor(colour)
        self.setFixedSize(180, 16)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e9edf2"))
        painter.drawRoundedRect(self.rect(), 4, 4)
        if self.share > 0:
            filled = self.rect().adjusted(0, 0, -round(self.width() * (1 - self.share)), 0)
            painter.setBrush(self._colour)
            painter.drawRoundedRect(filled, 4, 4)
        painter.end()


class NodeCard(QFrame):
    """One node: the customer's line, how often it was reached, each choice's share as a
    bar; the best choice is marked, and the card is highlighted where most go wrong."""

    def __init__(self, node: NodeChoices) -> None:
        super().__init__()
        self.node = node
        self.setObjectName("nodeCard")
        background, border = (
            (WRONG_BACKGROUND, WRONG_BORDER) if node.goes_wrong else ("white", "#c8d3e0")
        )
        self.setStyleSheet(
            f"#nodeCard {{ background: {background}; border: 1px solid {border};"
            " border-radius: 8px; } QLabel { background: transparent; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self._heading())
        layout.addWidget(plain_label(WrapLabel(content_text(node.customer), "font-size: 12pt;")))
        if node.goes_wrong:
            self.warning = QLabel(
                self.tr("Most trainees choose differently from the best answer here.")
            )
            self.warning.setStyleSheet(f"color: {FLAGGED_TEXT}; font-weight: bold;")
            layout.addWidget(self.warning)
        layout.addLayout(self._choices())

    def _heading(self) -> QLabel:
        parts = [self.tr("The customer says")]
        if self.node.reached:
            parts.append(self.tr("reached %1×").replace("%1", str(self.node.reached)))
        else:
            parts.append(self.tr("not reached yet"))
        if not self.node.on_best_path:
            parts.append(self.tr("off the best path"))
        heading = QLabel("  ·  ".join(parts))
        heading.setStyleSheet("color: #555;")
        return heading

    def _choices(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        most = max((choice.taken for choice in self.node.choices), default=0)
        for row, choice in enumerate(self.node.choices):
            marker = QLabel(self.tr("✔ best") if choice.best else "")
            marker.setStyleSheet(f"color: {BEST_COLOUR}; font-weight: bold;")
            text = plain_label(WrapLabel(content_text(choice.text)))
            if choice.best:
                text.setStyleSheet("font-weight: bold;")
            grid.addWidget(marker, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(ShareBar(choice.share, self._colour(choice, most)), row, 2)
            grid.addWidget(QLabel(_share_text(choice)), row, 3)
        return grid

    def _colour(self, choice: ChoiceShare, most: int) -> str:
        if choice.best:
            return BEST_COLOUR
        if self.node.goes_wrong and choice.taken == most:
            return WRONG_COLOUR
        return OTHER_COLOUR


def _share_text(choice: ChoiceShare) -> str:
    if choice.share is None:
        return "—"
    return f"{round(choice.share * 100)} % ({choice.taken})"
