"""The result of a finished self-test: total, band, and a bar for every pair."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.quizzes.schema_common import QUALITY_GROUP_NAMES
from cs_trainer.services.selftests import AttemptOutcome
from cs_trainer.ui.shared.translation import content_text


def group_name(group: str) -> str:
    """The name of one of the four groups of qualities, in the current language."""
    name = QUALITY_GROUP_NAMES.get(group)
    return content_text(name) if name else group


class ResultView(QScrollArea):
    """Read-only view of one :class:`AttemptOutcome`; scrolls rather than squeezing rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        content = QWidget()
        self.title_label = QLabel()
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.band_label = QLabel()
        self.band_label.setObjectName("bandLabel")
        self.advice_label = QLabel()
        self.advice_label.setWordWrap(True)
        self.groups_label = QLabel()
        self.groups_label.setWordWrap(True)
        self.bars = QGridLayout()
        self.bars.setColumnStretch(1, 1)
        self.bars.setHorizontalSpacing(12)
        bars = QWidget()
        bars.setLayout(self.bars)
        layout = QVBoxLayout(content)
        layout.addWidget(self.title_label)
        layout.addWidget(self.total_label)
        layout.addWidget(self.band_label)
        layout.addWidget(self.advice_label)
        layout.addWidget(bars)
        layout.addWidget(self.groups_label)
        layout.addStretch(1)
        self.setWidget(content)
        self._style()

    def _style(self) -> None:
        self.total_label.setStyleSheet("font-size: 28pt; font-weight: bold;")
        self.band_label.setStyleSheet("font-size: 15pt; font-weight: bold; color: #1f5fa8;")
        self.title_label.setStyleSheet("color: #555;")

    def show_outcome(self, outcome: AttemptOutcome, verdict: bool = True) -> None:
        """Show the outcome; without ``verdict`` the band and its advice are left out
        (what a candidate may see depends on a department setting)."""
        instrument = outcome.instrument
        mode = content_text(instrument.modes[outcome.mode])
        self.title_label.setText(f"{content_text(instrument.title)} · {mode}")
        self.total_label.setText(
            self.tr("%1 / %2 points")
            .replace("%1", str(outcome.total))
            .replace("%2", str(instrument.max_total))
        )
        self.band_label.setText(content_text(outcome.band.label) if verdict else "")
        self.advice_label.setText(content_text(outcome.band.advice) if verdict else "")
        self.band_label.setVisible(verdict)
        self.advice_label.setVisible(verdict)
        self._fill_bars(outcome)
        groups = " · ".join(
            f"{group_name(group)} {value}" for group, value in outcome.group_scores.items()
        )
        self.groups_label.setText(self.tr("By group of qualities: %1").replace("%1", groups))

    def _fill_bars(self, outcome: AttemptOutcome) -> None:
        while self.bars.count():
            old = self.bars.takeAt(0)
            if old is not None and (widget := old.widget()) is not None:
                widget.hide()  # deleteLater alone leaves it painted until the event loop runs
                widget.deleteLater()
        scale = outcome.instrument.scale
        for row, item in enumerate(outcome.instrument.items):
            label = QLabel(f"{row + 1}. {content_text(item.high)}")
            label.setWordWrap(True)
            label.setMinimumWidth(200)
            bar = QProgressBar()
            bar.setRange(0, scale.max)
            bar.setValue(outcome.answers[item.id])
            bar.setFormat(f"{outcome.answers[item.id]} / {scale.max}")
            bar.setAlignment(Qt.AlignmentFlag.AlignCenter)
            bar.setObjectName(f"bar_{item.id}")
            self.bars.addWidget(label, row, 0)
            self.bars.addWidget(bar, row, 1)
