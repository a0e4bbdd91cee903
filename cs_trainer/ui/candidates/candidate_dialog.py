"""Registering a candidate: name, phone, position and the consent they give."""

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.quizzes.schema_common import Text
from cs_trainer.services.candidates import CONSENT_TEXT, NewCandidate
from cs_trainer.ui.shared.bounded_edit import bounded_edit
from cs_trainer.ui.shared.translation import content_text


class AddCandidateDialog(QDialog):
    """Collects a :class:`NewCandidate`; OK stays disabled until name, phone and consent.

    ``consent`` is the notice as it stands (:func:`candidates.consent_text`: it names
    the department's retention period).
    """

    def __init__(self, parent: QWidget | None = None, consent: Text = CONSENT_TEXT) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add candidate"))
        self.name_edit = bounded_edit("people", "name")
        self.phone_edit = bounded_edit("people", "phone")
        self.position_edit = bounded_edit("people", "position")
        self.position_edit.setPlaceholderText(self.tr("e.g. customer service specialist"))
        consent_text = QLabel(content_text(consent))
        consent_text.setWordWrap(True)
        consent_text.setObjectName("consentText")
        self.consent_box = QCheckBox(self.tr("The candidate has read this and agrees"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Register"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(consent_text)
        for edit in (self.name_edit, self.phone_edit):
            edit.textChanged.connect(self._update_ok)
        self.consent_box.toggled.connect(self._update_ok)
        self._update_ok()

    def _lay_out(self, consent_text: QLabel) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Phone"), self.phone_edit)
        form.addRow(self.tr("P&osition applied for"), self.position_edit)
        heading = QLabel(self.tr("<b>Consent to store personal data</b>"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(consent_text)
        layout.addWidget(self.consent_box)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _update_ok(self) -> None:
        ready = bool(
            self.name_edit.text().strip()
            and self.phone_edit.text().strip()
            and self.consent_box.isChecked()
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def new_candidate(self) -> NewCandidate:
        return NewCandidate(
            name=self.name_edit.text(),
            phone=self.phone_edit.text(),
            position=self.position_edit.text(),
            consent=self.consent_box.isChecked(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, consent: Text = CONSENT_TEXT) -> NewCandidate | None:
        """Show the dialog; tests replace this classmethod to answer without a modal loop."""
        dialog = cls(parent, consent)
        return dialog.new_candidate() if dialog.exec() == QDialog.DialogCode.Accepted else None
