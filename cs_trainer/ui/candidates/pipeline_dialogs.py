"""Dialogs for moving a candidate through the pipeline, deciding, and starting an interview."""

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.services.pipeline import DECISIONS, REOPEN, STAGE_NAMES
from cs_trainer.services.plans import PlanSummary
from cs_trainer.ui.accounts import session
from cs_trainer.ui.shared.translation import content_text


@dataclass(frozen=True)
class StageRequest:
    to_stage: str
    reason: str
    by: str


@dataclass(frozen=True)
class DecisionRequest:
    decision: str
    reason: str
    by: str


@dataclass(frozen=True)
class InterviewRequest:
    plan_id: int
    rater: str


class _FormDialog(QDialog):
    """A small form with OK / Cancel; OK stays disabled until ``ready()``."""

    def __init__(self, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def _reason_edit(self) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setMaximumHeight(80)
        edit.setPlaceholderText(session.sensitive_data_hint())
        edit.textChanged.connect(self.update_ok)
        return edit

    def update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.ready())

    def ready(self) -> bool:
        return True


class StageDialog(_FormDialog):
    """Move to the next stage, reject, mark withdrawn, or reopen — always with who and why."""

    def __init__(
        self, name: str, stage: str, moves: list[str], by: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Change stage"),
            self.tr("%1 is at stage “%2”.")
            .replace("%1", name)
            .replace("%2", content_text(STAGE_NAMES[stage])),
            parent,
        )
        self.stage_combo = QComboBox()
        for move in moves:
            label = (
                self.tr("Reopen the case") if move == REOPEN else content_text(STAGE_NAMES[move])
            )
            self.stage_combo.addItem(label, move)
        self.reason_edit = self._reason_edit()
        self.by_edit = QLineEdit(by)
        session.attribute(self.by_edit)
        self.form.addRow(self.tr("&Move to"), self.stage_combo)
        self.form.addRow(self.tr("&Why"), self.reason_edit)
        self.form.addRow(self.tr("&By"), self.by_edit)
        self.stage_combo.currentIndexChanged.connect(self.update_ok)
        self.update_ok()

    def ready(self) -> bool:
        closing = self.stage_combo.currentData() in ("rejected", "withdrawn", REOPEN)
        return bool(self.reason_edit.toPlainText().strip()) or not closing

    def request(self) -> StageRequest:
        return StageRequest(
            str(self.stage_combo.currentData()),
            self.reason_edit.toPlainText().strip(),
            self.by_edit.text().strip(),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, name: str, stage: str, moves: list[str], by: str
    ) -> StageRequest | None:
        dialog = cls(name, stage, moves, by, parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


class DecisionDialog(_FormDialog):
    """Hire / hold / reject with a reason (rejecting also closes the case)."""

    def __init__(self, name: str, by: str, parent: QWidget | None = None) -> None:
        super().__init__(
            self.tr("Decision"), self.tr("The hiring decision for %1.").replace("%1", name), parent
        )
        self.decision_combo = QComboBox()
        for code, text in DECISIONS.items():
            self.decision_combo.addItem(content_text(text), code)
        self.reason_edit = self._reason_edit()
        self.by_edit = QLineEdit(by)
        session.attribute(self.by_edit)
        self.form.addRow(self.tr("&Decision"), self.decision_combo)
        self.form.addRow(self.tr("&Reason"), self.reason_edit)
        self.form.addRow(self.tr("&By"), self.by_edit)
        self.update_ok()

    def ready(self) -> bool:
        return bool(self.reason_edit.toPlainText().strip())

    def request(self) -> DecisionRequest:
        return DecisionRequest(
            str(self.decision_combo.currentData()),
            self.reason_edit.toPlainText().strip(),
            self.by_edit.text().strip(),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, by: str) -> DecisionRequest | None:
        dialog = cls(name, by, parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None


class StartInterviewDialog(_FormDialog):
    """Choose the plan (the position's own first) and who is interviewing."""

    def __init__(
        self, name: str, plans: list[PlanSummary], rater: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Start an interview"),
            self.tr(
                "Interview %1 with a saved plan. Every interviewer rates "
                "separately; each rating is kept with their name."
            ).replace("%1", name),
            parent,
        )
        self.plan_combo = QComboBox()
        for plan in plans:
            self.plan_combo.addItem(f"{plan.name} — {plan.position or '—'}", plan.id)
        self.rater_edit = QLineEdit(rater)
        session.attribute(self.rater_edit)
        self.rater_edit.textChanged.connect(self.update_ok)
        self.form.addRow(self.tr("&Plan"), self.plan_combo)
        self.form.addRow(self.tr("&Interviewer"), self.rater_edit)
        self.update_ok()

    def ready(self) -> bool:
        return self.plan_combo.count() > 0 and bool(self.rater_edit.text().strip())

    def request(self) -> InterviewRequest:
        return InterviewRequest(int(self.plan_combo.currentData()), self.rater_edit.text().strip())

    @classmethod
    def ask(
        cls, parent: QWidget | None, name: str, plans: list[PlanSummary], rater: str
    ) -> InterviewRequest | None:
        dialog = cls(name, plans, rater, parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
