"""Small dialogs around the self-test: how it is taken, and typing in a paper form.

Who conducts is the signed-in account; a name is typed only while the database has no
accounts (nobody can sign in yet)."""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.quizzes.selftest_schema import SelfTestInstrument
from cs_trainer.services import acting
from cs_trainer.ui.shared.translation import content_text


@dataclass(frozen=True)
class SelfTestSetup:
    """Who fills the test in, and who conducts it."""

    mode: str  # "self" or "manager"
    conducted_by: str


def _add_conductor_row(form: QFormLayout, label: str, read_label: str, edit: QLineEdit) -> None:
    """The conductor's name to type, or the signed-in account's name to read."""
    if acting.current().account_id is not None:
        form.addRow(read_label, QLabel(acting.current().name))
    else:
        form.addRow(label, edit)


def _conductor(edit: QLineEdit) -> str:
    return acting.signed_in_name(edit.text())


def _mode_combo(instrument: SelfTestInstrument) -> QComboBox:
    combo = QComboBox()
    for mode in ("self", "manager"):
        combo.addItem(content_text(instrument.modes[mode]), mode)
    return combo


class StartSelfTestDialog(QDialog):
    """Asked before the laptop is handed over: who answers, and who is conducting."""

    def __init__(
        self,
        instrument: SelfTestInstrument,
        candidate: str,
        interviewer: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start the self-test"))
        self.mode_combo = _mode_combo(instrument)
        self.conductor_edit = QLineEdit(interviewer)
        intro = QLabel(
            self.tr(
                "Start “%1” for %2. After you press Start, hand the laptop over: only the "
                "test is shown, full screen. Leaving it, and going on after the "
                "candidate's thank-you screen, needs an HR interviewer's or an "
                "administrator's password."
            )
            .replace("%1", content_text(instrument.title))
            .replace("%2", candidate)
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Filled in by"), self.mode_combo)
        _add_conductor_row(
            form, self.tr("&Conducted by"), self.tr("Conducted by"), self.conductor_edit
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def setup(self) -> SelfTestSetup:
        return SelfTestSetup(str(self.mode_combo.currentData()), _conductor(self.conductor_edit))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        instrument: SelfTestInstrument,
        candidate: str,
        interviewer: str,
    ) -> SelfTestSetup | None:
        dialog = cls(instrument, candidate, interviewer, parent)
        return dialog.setup() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class PaperAnswers:
    """Scores typed in from a paper form, by item id."""

    setup: SelfTestSetup
    answers: dict[str, int]


class PaperEntryDialog(QDialog):
    """Quick entry of a self-test the candidate filled in on paper: one box per pair."""

    def __init__(
        self,
        instrument: SelfTestInstrument,
        candidate: str,
        interviewer: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Enter paper answers"))
        self._instrument = instrument
        self.mode_combo = _mode_combo(instrument)
        self.conductor_edit = QLineEdit(interviewer)
        self.spin_boxes = [self._spin_box() for _ in instrument.items]
        self.total_label = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(candidate)
        self._update()

    def _spin_box(self) -> QSpinBox:
        box = QSpinBox()
        low, high = self._instrument.scale.min, self._instrument.scale.max
        box.setRange(low - 1, high)  # the value below the range means "not entered yet"
        box.setSpecialValueText("—")
        box.valueChanged.connect(self._update)
        return box

    def _lay_out(self, candidate: str) -> None:
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>1 point</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Score</b>")), 0, 2)
        grid.addWidget(QLabel(self.tr("<b>10 points</b>")), 0, 3)
        for row, (item, box) in enumerate(
            zip(self._instrument.items, self.spin_boxes, strict=True), 1
        ):
            low, high = QLabel(content_text(item.low)), QLabel(content_text(item.high))
            for label in (low, high):
                label.setWordWrap(True)
            grid.addWidget(QLabel(f"{row}."), row, 0)
            grid.addWidget(low, row, 1)
            grid.addWidget(box, row, 2)
            grid.addWidget(high, row, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        form = QFormLayout()
        form.addRow(self.tr("Filled in by"), self.mode_combo)
        conducted = self.tr("Conducted by")
        _add_conductor_row(form, conducted, conducted, self.conductor_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Scores from the paper form of %1:").replace("%1", candidate))
        )
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(self.total_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(760)

    def _update(self) -> None:
        values = [box.value() for box in self.spin_boxes]
        missing = sum(1 for value in values if value < self._instrument.scale.min)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(missing == 0)
        if missing:
            self.total_label.setText(
                self.tr("Scores still to enter: %1").replace("%1", str(missing))
            )
        else:
            self.total_label.setText(
                self.tr("Total: %1 / %2")
                .replace("%1", str(sum(values)))
                .replace("%2", str(self._instrument.max_total))
            )

    def paper_answers(self) -> PaperAnswers:
        answers = {
            item.id: box.value()
            for item, box in zip(self._instrument.items, self.spin_boxes, strict=True)
        }
        setup = SelfTestSetup(str(self.mode_combo.currentData()), _conductor(self.conductor_edit))
        return PaperAnswers(setup, answers)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        instrument: SelfTestInstrument,
        candidate: str,
        interviewer: str,
    ) -> PaperAnswers | None:
        dialog = cls(instrument, candidate, interviewer, parent)
        return dialog.paper_answers() if dialog.exec() == QDialog.DialogCode.Accepted else None
