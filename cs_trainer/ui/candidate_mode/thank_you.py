"""What the candidate sees when they finish: thanks, and as much of their result as the
department allows (the setting "Results shown to candidates").

Only the result of the test just taken, built from its outcome: never the
interviewers' notes, another test or another person. The one button is for staff,
and asks for their password.
"""

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from cs_trainer.services.selftests import AttemptOutcome
from cs_trainer.services.typing_tests import TypingOutcome
from cs_trainer.ui.selftest.result_view import ResultView
from cs_trainer.ui.typing_test.typing_page import TypingResultView


class Shown(Enum):
    """How much of their result a candidate sees: the setting's values."""

    NOTHING = "none"
    SCORES = "scores"
    SCORES_AND_VERDICT = "scores_and_verdict"

    @classmethod
    def of(cls, value: str) -> "Shown":
        return next((shown for shown in cls if shown.value == value), cls.NOTHING)


class ThankYouScreen(QWidget):
    """Thanks, the result as far as allowed, and the staff button (``staff_requested``)."""

    staff_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel(self.tr("Thank you!"))
        self.title_label.setObjectName("thankYouTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setStyleSheet("font-size: 30pt; font-weight: bold; color: #1f5fa8;")
        self.message_label = QLabel()
        self.message_label.setObjectName("thankYouMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setStyleSheet("font-size: 15pt;")
        self.results = QWidget()
        self.results_layout = QVBoxLayout(self.results)
        self.results_layout.setContentsMargins(0, 0, 0, 0)
        self.result_view: ResultView | TypingResultView | None = None
        self.staff_button = QPushButton(self.tr("For staff: continue…"))
        self.staff_button.setObjectName("staffButton")
        self.staff_button.setMinimumHeight(36)
        self.staff_button.clicked.connect(self.staff_requested)
        self.line = QFrame()
        self.line.setFrameShape(QFrame.Shape.HLine)
        self.line.setStyleSheet("color: #c8d3e0;")
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.addStretch(1)  # 0: above the thanks, which are centred when alone
        layout.addWidget(self.title_label)
        layout.addSpacing(12)
        layout.addWidget(self.message_label)
        layout.addSpacing(16)
        layout.addWidget(self.line)
        layout.addWidget(self.results)  # 6
        layout.addStretch(1)  # 7
        layout.addWidget(self.staff_button, 0, Qt.AlignmentFlag.AlignRight)

    def clear(self) -> None:
        """Nothing of the last candidate stays for the next."""
        self.message_label.clear()
        self._show_view(None)

    def show_selftest(self, outcome: AttemptOutcome, shown: Shown) -> None:
        self.message_label.setText(
            self.tr(
                "You have finished the self-test. Please hand the laptop back to the interviewer."
            )
        )
        if shown is Shown.NOTHING:
            self._show_view(None)
            return
        view = ResultView()
        view.show_outcome(outcome, verdict=shown is Shown.SCORES_AND_VERDICT)
        self._show_view(view)

    def show_typing(self, outcome: TypingOutcome, person_name: str, shown: Shown) -> None:
        self.message_label.setText(
            self.tr(
                "You have finished the typing test. Please hand the laptop back to the interviewer."
            )
        )
        if shown is Shown.NOTHING:
            self._show_view(None)
            return
        view = TypingResultView()
        view.show_outcome(outcome, person_name, verdict=shown is Shown.SCORES_AND_VERDICT)
        self._show_view(view)

    def _show_view(self, view: ResultView | TypingResultView | None) -> None:
        """The result view of this test, or none: an earlier one is gone, not only hidden,
        so no score of it is left in a widget."""
        if self.result_view is not None:
            self.result_view.hide()
            self.result_view.setParent(None)
            self.result_view.deleteLater()
        self.result_view = view
        if view is not None:
            self.results_layout.addWidget(view)
        # Thanks alone sit in the middle; with a result, the result takes the room.
        alone = view is None
        self.line.setVisible(not alone)
        self.results.setVisible(not alone)
        for index, stretch in ((0, int(alone)), (6, int(not alone)), (7, int(alone))):
            self._layout.setStretch(index, stretch)
