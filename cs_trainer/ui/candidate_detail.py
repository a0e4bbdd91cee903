"""One candidate's details and self-test results, beside the candidate list."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.services.candidates import CandidateSummary
from cs_trainer.services.clock import local_time
from cs_trainer.services.selftests import AttemptOutcome, AttemptProgress
from cs_trainer.ui.result_view import ResultView
from cs_trainer.ui.translation import content_text

ATTEMPT_ROLE = Qt.ItemDataRole.UserRole + 1


class CandidateDetail(QWidget):
    """Shows a candidate; selecting a finished self-test shows its result below."""

    resume_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.info_label.setTextFormat(Qt.TextFormat.RichText)
        self.attempt_list = QListWidget()
        self.attempt_list.setMaximumHeight(110)
        self.attempt_list.currentItemChanged.connect(self._attempt_selected)
        self.attempt_list.itemActivated.connect(self._attempt_activated)
        self.result_view = ResultView()
        self.result_view.hide()
        self.clear()
        layout = QVBoxLayout(self)
        layout.addWidget(self.info_label)
        layout.addWidget(QLabel(self.tr("<b>Self-tests</b>")))
        layout.addWidget(self.attempt_list)
        layout.addWidget(self.result_view, 1)
        layout.addStretch(0)  # takes the space only while no result is shown
        self._outcomes: dict[int, AttemptOutcome] = {}

    def show_candidate(
        self,
        candidate: CandidateSummary,
        finished: list[AttemptOutcome],
        unfinished: list[AttemptProgress],
    ) -> None:
        consent = (
            local_time(candidate.consent_at).strftime("%Y-%m-%d %H:%M")
            if candidate.consent_at
            else "—"
        )
        self.info_label.setText(
            f"<h2>{_escape(candidate.name)}</h2>"
            + self.tr("ID %1 · Phone %2 · Position %3")
            .replace("%1", str(candidate.id))
            .replace("%2", _escape(candidate.phone))
            .replace("%3", _escape(candidate.position) or "—")
            + "<br>"
            + self.tr("Consent recorded %1").replace("%1", consent)
        )
        self._outcomes = {outcome.attempt_id: outcome for outcome in finished}
        self.attempt_list.clear()
        for progress in unfinished:
            self._add_unfinished(progress)
        for outcome in reversed(finished):
            self._add_finished(outcome)
        if not finished and not unfinished:
            self.attempt_list.addItem(self.tr("No self-test yet."))
        self.result_view.setVisible(False)
        if finished:
            self.attempt_list.setCurrentRow(len(unfinished))

    def clear(self, have_candidates: bool = True) -> None:
        """Show the hint a first-time user needs when nobody is selected."""
        self.info_label.setText(
            self.tr("Select a candidate in the list.")
            if have_candidates
            else self.tr("No candidates yet. Click “Add candidate…” to register the first one.")
        )
        self.attempt_list.clear()
        self.result_view.hide()

    def _add_finished(self, outcome: AttemptOutcome) -> None:
        when = local_time(outcome.finished_at).strftime("%Y-%m-%d %H:%M")
        band = content_text(outcome.band.label)
        text = f"{when} · {outcome.total} / {outcome.instrument.max_total} · {band}"
        item = QListWidgetItem(text)
        item.setData(ATTEMPT_ROLE, outcome.attempt_id)
        self.attempt_list.addItem(item)

    def _add_unfinished(self, progress: AttemptProgress) -> None:
        when = local_time(progress.started_at).strftime("%Y-%m-%d %H:%M")
        count = len(progress.instrument.items)
        item = QListWidgetItem(
            self.tr("%1 · unfinished (%2 / %3 answered) — double-click to resume")
            .replace("%1", when)
            .replace("%2", str(len(progress.answers)))
            .replace("%3", str(count))
        )
        item.setData(ATTEMPT_ROLE, -progress.attempt_id)  # negative: not finished
        self.attempt_list.addItem(item)

    def _attempt_selected(self, item: QListWidgetItem | None) -> None:
        attempt = item.data(ATTEMPT_ROLE) if item is not None else None
        outcome = self._outcomes.get(attempt) if isinstance(attempt, int) else None
        self.result_view.setVisible(outcome is not None)
        if outcome is not None:
            self.result_view.show_outcome(outcome)

    def _attempt_activated(self, item: QListWidgetItem) -> None:
        attempt = item.data(ATTEMPT_ROLE)
        if isinstance(attempt, int) and attempt < 0:
            self.resume_requested.emit(-attempt)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
