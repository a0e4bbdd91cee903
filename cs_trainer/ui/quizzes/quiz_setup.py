"""Setting up a knowledge quiz: which categories, how many items, which paper.

Apart from the quiz page because it belongs to the trainer, not to the trainee
taking the quiz: the Quizzes page asks it before an attempt exists, and the quiz
page never sees it.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.quizzes.quiz import CategoryInfo
from cs_trainer.ui.shared.translation import content_text

DEFAULT_COUNT = 20
MAX_PAPER_NUMBER = 999_999


@dataclass(frozen=True)
class QuizSetup:
    """What the trainer chose: categories to draw from, how many items, which paper."""

    categories: tuple[str, ...]
    count: int
    seed: int | None  # None: a new paper (the service draws and stores a number)


class QuizSetupDialog(QDialog):
    """Tick categories, the number of items and, to give an earlier paper again, its number."""

    def __init__(
        self, trainee_name: str, categories: Sequence[CategoryInfo], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start a knowledge quiz"))
        self.category_boxes: dict[str, QCheckBox] = {}
        self._available = {info.id: info.available for info in categories}
        for info in categories:
            box = QCheckBox(
                self.tr("%1 (%2 items)")
                .replace("%1", content_text(info.name))
                .replace("%2", str(info.available))
            )
            box.setChecked(True)
            box.toggled.connect(self._limit_count)
            self.category_boxes[info.id] = box
        self.count_spin = QSpinBox()
        self.paper_spin = QSpinBox()
        self.paper_spin.setRange(0, MAX_PAPER_NUMBER)
        self.paper_spin.setSpecialValueText(self.tr("New paper"))
        self.paper_spin.setToolTip(
            self.tr(
                "To give an earlier paper again, enter its number with the same categories "
                "and number of items."
            )
        )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(trainee_name)
        self._limit_count()
        self.count_spin.setValue(DEFAULT_COUNT)

    def _lay_out(self, trainee_name: str) -> None:
        intro = QLabel(
            self.tr(
                "Knowledge quiz for %1. The items are drawn at random from the ticked "
                "categories, spread evenly between them."
            ).replace("%1", trainee_name)
        )
        intro.setWordWrap(True)
        boxes = QVBoxLayout()
        for box in self.category_boxes.values():
            boxes.addWidget(box)
        hint = QLabel(
            self.tr(
                "Leave the paper number at “New paper” for a fresh draw. The number is shown "
                "on the quiz; the same number, categories and number of items give the same "
                "paper again."
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #666;")
        form = QFormLayout()
        form.addRow(self.tr("Number of &items"), self.count_spin)
        form.addRow(self.tr("&Paper number"), self.paper_spin)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(boxes)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def _limit_count(self) -> None:
        ticked = self._ticked()
        available = sum(self._available[category] for category in ticked)
        self.count_spin.setRange(1, max(available, 1))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(ticked))

    def _ticked(self) -> tuple[str, ...]:
        return tuple(category for category, box in self.category_boxes.items() if box.isChecked())

    def setup(self) -> QuizSetup:
        seed = self.paper_spin.value() or None
        return QuizSetup(self._ticked(), self.count_spin.value(), seed)

    @classmethod
    def ask(
        cls, parent: QWidget | None, trainee_name: str, categories: Sequence[CategoryInfo]
    ) -> QuizSetup | None:
        """The trainer's choice, or None if cancelled; tests replace this.

        The bank's categories are loaded before the dialog opens (a broken content file
        is a problem the caller shows instead of opening an empty dialog).
        """
        dialog = cls(trainee_name, categories, parent)
        return dialog.setup() if dialog.exec() == QDialog.DialogCode.Accepted else None
