"""Before the laptop is handed over for the typing test: which passage, and who conducts.

Who conducts is the signed-in account; a name is typed only while the database has no
accounts (nobody can sign in yet)."""

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.quizzes.interview_schema import TypingPassage
from cs_trainer.quizzes.typing_metrics import countable
from cs_trainer.services import acting, typing_tests
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.translation import content_text


@dataclass(frozen=True)
class TypingSetup:
    """Which passage the candidate types, and who conducts the test."""

    passage_id: str
    conducted_by: str


class TypingSetupDialog(QDialog):
    """Asked before the laptop is handed over: Chinese or English passage, and who conducts."""

    def __init__(
        self,
        candidate: str,
        interviewer: str,
        passages: Sequence[TypingPassage],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Start the typing test"))
        self._passages = list(passages)
        self.language_combo = self._language_combo()
        self.passage_combo = QComboBox()
        self.length_label = QLabel()
        self.conductor_edit = QLineEdit(interviewer)
        self.signed_in = acting.current().account_id is not None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.language_combo.currentIndexChanged.connect(self._fill_passages)
        self.passage_combo.currentIndexChanged.connect(self._show_length)
        self._lay_out(candidate)
        self._fill_passages()

    def _language_combo(self) -> QComboBox:
        names = {"zh": self.tr("Chinese"), "en": self.tr("English")}
        combo = QComboBox()
        for language, name in names.items():
            if any(passage.language == language for passage in self._passages):
                combo.addItem(name, language)
        return combo

    def _lay_out(self, candidate: str) -> None:
        intro = QLabel(
            self.tr(
                "Start the typing test for %1. Choose English for English-speaking roles. "
                "After you press Start, hand the laptop over."
            ).replace("%1", candidate)
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Language"), self.language_combo)
        form.addRow(self.tr("&Passage"), self.passage_combo)
        form.addRow("", self.length_label)
        if self.signed_in:  # the account signed in conducts: nothing to type
            form.addRow(self.tr("Conducted by"), QLabel(acting.current().name))
        else:
            form.addRow(self.tr("&Conducted by"), self.conductor_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def _fill_passages(self) -> None:
        language = self.language_combo.currentData()
        self.passage_combo.clear()
        for passage in self._passages:
            if passage.language == language:
                self.passage_combo.addItem(content_text(passage.title), passage.id)
        self._show_length()

    def _show_length(self) -> None:
        passage = self._chosen()
        count = len(countable(passage.text)) if passage else 0
        self.length_label.setText(self.tr("%1 characters to type").replace("%1", str(count)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(passage is not None)

    def _chosen(self) -> TypingPassage | None:
        chosen = self.passage_combo.currentData()
        return next((passage for passage in self._passages if passage.id == chosen), None)

    def setup(self) -> TypingSetup | None:
        passage = self._chosen()
        if passage is None:
            return None
        return TypingSetup(passage.id, acting.signed_in_name(self.conductor_edit.text()))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        candidate: str,
        interviewer: str,
        passages: Sequence[TypingPassage] | None = None,
    ) -> TypingSetup | None:
        """The chosen passage and conductor, or None if cancelled; tests replace this.

        The shipped passages are loaded before the dialog opens; a broken content
        file is reported as a problem instead of opening an empty dialog.
        """
        if passages is None:
            try:
                passages = typing_tests.passages()
            except UserError as exc:
                problems.show_problem(parent, exc)
                return None
        dialog = cls(candidate, interviewer, passages, parent)
        return dialog.setup() if dialog.exec() == QDialog.DialogCode.Accepted else None
