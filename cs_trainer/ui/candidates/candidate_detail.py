"""One candidate's record beside the candidate list: details and stage on top, then
tabs for self-tests, interviews, typing tests and the pipeline history."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.quizzes.typing_metrics import whole_cpm
from cs_trainer.services.candidate_record import CandidateRecord
from cs_trainer.services.candidates import CandidateSummary
from cs_trainer.services.clock import local_time
from cs_trainer.services.pipeline import DECISIONS, STAGE_NAMES
from cs_trainer.services.selftests import AttemptOutcome, AttemptProgress
from cs_trainer.ui.interviews.interview_summary import InterviewSummaryView
from cs_trainer.ui.selftest.result_view import ResultView
from cs_trainer.ui.shared.translation import content_text

ATTEMPT_ROLE = Qt.ItemDataRole.UserRole + 1


def _when(stored: object) -> str:
    return local_time(stored).strftime("%Y-%m-%d %H:%M")  # type: ignore[arg-type]


class CandidateDetail(QWidget):
    """Shows a candidate's record; double-clicking something unfinished resumes it."""

    resume_requested = Signal(int)  # a self-test attempt
    resume_interview_requested = Signal(int)  # an interview attempt

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit_button = QPushButton(self.tr("Edit deta&ils…"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw consent…"))
        self.export_button = QPushButton(self.tr("E&xport data…"))
        self.erase_button = QPushButton(self.tr("Erase…"))
        self.record_buttons = QWidget()
        buttons = QHBoxLayout(self.record_buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (
            self.edit_button,
            self.withdraw_button,
            self.export_button,
            self.erase_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.info_label = QLabel()
        self.info_label.setWordWrap(True)
        self.info_label.setTextFormat(Qt.TextFormat.RichText)
        self.info_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._selftest_tab(), self.tr("Self-tests"))
        self.interview_summary = InterviewSummaryView()
        self.interview_list = QListWidget()
        self.interview_list.setMaximumHeight(56)
        self.interview_list.itemActivated.connect(self._interview_activated)
        interviews_tab = QWidget()
        interviews_layout = QVBoxLayout(interviews_tab)
        interviews_layout.addWidget(self.interview_list)
        interviews_layout.addWidget(self.interview_summary, 1)
        self.tabs.addTab(interviews_tab, self.tr("Interviews"))
        self.typing_list = QListWidget()
        self.typing_list.setWordWrap(True)
        self.tabs.addTab(self.typing_list, self.tr("Typing"))
        self.pipeline_list = QListWidget()
        self.pipeline_list.setWordWrap(True)
        self.tabs.addTab(self.pipeline_list, self.tr("Stages and decision"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.info_label)
        layout.addWidget(self.record_buttons)
        layout.addWidget(self.tabs, 1)
        self._outcomes: dict[int, AttemptOutcome] = {}
        self.clear()

    def _selftest_tab(self) -> QWidget:
        self.attempt_list = QListWidget()
        self.attempt_list.setMaximumHeight(90)
        self.attempt_list.currentItemChanged.connect(self._attempt_selected)
        self.attempt_list.itemActivated.connect(self._attempt_activated)
        self.result_view = ResultView()
        self.result_view.hide()
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.attempt_list)
        layout.addWidget(self.result_view, 1)
        layout.addStretch(0)  # takes the space only while no result is shown
        return tab

    def clear(self, have_candidates: bool = True) -> None:
        """Show the hint a first-time user needs when nobody is selected."""
        self.info_label.setText(
            self.tr("Select a candidate in the list.")
            if have_candidates
            else self.tr("No candidates yet. Click “Add candidate…” to register the first one.")
        )
        self.tabs.hide()
        self.record_buttons.hide()

    def show_record(self, record: CandidateRecord) -> None:
        self.tabs.show()
        self.record_buttons.show()
        candidate = record.candidate
        erased = candidate.erased_at is not None
        for button in (self.edit_button, self.export_button, self.erase_button):
            button.setEnabled(not erased)
        self.withdraw_button.setEnabled(not erased and candidate.consent_withdrawn_at is None)
        self._show_info(record)
        self._show_selftests(record.selftests, record.unfinished_selftests)
        self._show_interviews(record)
        self._show_typing(record)
        self._show_pipeline(record)

    def _show_info(self, record: CandidateRecord) -> None:
        candidate = record.candidate
        stage = content_text(STAGE_NAMES[candidate.stage])
        decision = (
            self.tr(" · Decision: %1").replace(
                "%1", content_text(DECISIONS[record.decision.decision])
            )
            if record.decision
            else ""
        )
        if candidate.erased_at is not None:
            heading = self.tr("Erased candidate #%1").replace("%1", str(candidate.id))
            details = self.tr("ID %1 · Position %2 · personal data erased %3").replace(
                "%1", str(candidate.id)
            )
            details = details.replace("%2", _escape(candidate.position) or "—").replace(
                "%3", _when(candidate.erased_at)
            )
        else:
            heading = _escape(candidate.name)
            details = (
                self.tr("ID %1 · Phone %2 · Position %3")
                .replace("%1", str(candidate.id))
                .replace("%2", _escape(candidate.phone))
                .replace("%3", _escape(candidate.position) or "—")
            )
        self.info_label.setText(
            f"<h2>{heading}</h2>"
            + details
            + "<br>"
            + self.tr("Stage: <b>%1</b>").replace("%1", stage)
            + decision
            + "<br>"
            + self._consent_line(candidate)
        )

    def _consent_line(self, candidate: CandidateSummary) -> str:
        if candidate.consent_at is None:
            return self.tr("Consent recorded %1").replace("%1", "—")
        line = (
            self.tr("Consent given %1 (notice %2)")
            .replace("%1", _when(candidate.consent_at))
            .replace("%2", _escape(candidate.consent_version or "—"))
        )
        if candidate.consent_withdrawn_at is not None:
            line += (
                " · <b>"
                + self.tr("withdrawn %1").replace("%1", _when(candidate.consent_withdrawn_at))
                + "</b>"
            )
        return line

    def _show_selftests(
        self, finished: list[AttemptOutcome], unfinished: list[AttemptProgress]
    ) -> None:
        self._outcomes = {outcome.attempt_id: outcome for outcome in finished}
        self.attempt_list.clear()
        for progress in unfinished:
            self._add_unfinished(progress)
        for outcome in reversed(finished):
            band = content_text(outcome.band.label)
            item = QListWidgetItem(
                f"{_when(outcome.finished_at)} · {outcome.total} / "
                f"{outcome.instrument.max_total} · {band}"
            )
            item.setData(ATTEMPT_ROLE, outcome.attempt_id)
            self.attempt_list.addItem(item)
        if not finished and not unfinished:
            self.attempt_list.addItem(self.tr("No self-test yet."))
        self.result_view.setVisible(False)
        if finished:
            self.attempt_list.setCurrentRow(len(unfinished))

    def _add_unfinished(self, progress: AttemptProgress) -> None:
        count = len(progress.instrument.items)
        item = QListWidgetItem(
            self.tr("%1 · unfinished (%2 / %3 answered) — double-click to resume")
            .replace("%1", _when(progress.started_at))
            .replace("%2", str(len(progress.answers)))
            .replace("%3", str(count))
        )
        item.setData(ATTEMPT_ROLE, -progress.attempt_id)  # negative: not finished
        self.attempt_list.addItem(item)

    def _show_interviews(self, record: CandidateRecord) -> None:
        self.interview_list.clear()
        for state in record.interviews:
            status = (
                self.tr("finished")
                if state.finished
                else self.tr("unfinished — double-click to continue")
            )
            item = QListWidgetItem(
                f"{_when(state.started_at)} · {state.plan.name} · {state.rater} · {status}"
            )
            item.setData(ATTEMPT_ROLE, None if state.finished else state.attempt_id)
            self.interview_list.addItem(item)
        self.interview_list.setVisible(bool(record.interviews))
        self.interview_summary.show_summaries(record.interview_summaries)

    def _show_typing(self, record: CandidateRecord) -> None:
        self.typing_list.clear()
        for result in reversed(record.typing):
            verdict = self.tr("passed") if result.passed else self.tr("not passed")
            self.typing_list.addItem(
                self.tr("%1 · %2 · %3 characters/min · accuracy %4% · pass mark %5 · %6")
                .replace("%1", _when(result.taken_at))
                .replace("%2", content_text(result.passage.title))
                .replace("%3", str(whole_cpm(result.metrics)))
                .replace("%4", f"{result.metrics.accuracy * 100:.1f}")
                .replace("%5", str(result.pass_mark))
                .replace("%6", verdict)
            )
        if not record.typing:
            self.typing_list.addItem(self.tr("No typing test yet."))

    def _show_pipeline(self, record: CandidateRecord) -> None:
        self.pipeline_list.clear()
        if record.decision is not None:
            decision = record.decision
            self.pipeline_list.addItem(
                self.tr("%1 · Decision: %2 — %3 (by %4)")
                .replace("%1", _when(decision.at))
                .replace("%2", content_text(DECISIONS[decision.decision]))
                .replace("%3", decision.reason)
                .replace("%4", decision.by or "—")
            )
        for change in reversed(record.stage_history):
            text = (
                self.tr("%1 · %2 → %3 (by %4)")
                .replace("%1", _when(change.at))
                .replace("%2", content_text(STAGE_NAMES[change.from_stage]))
                .replace("%3", content_text(STAGE_NAMES[change.to_stage]))
                .replace("%4", change.by or "—")
            )
            self.pipeline_list.addItem(f"{text}: {change.reason}" if change.reason else text)
        registered = _when(record.candidate.created_at)
        self.pipeline_list.addItem(self.tr("%1 · Registered").replace("%1", registered))

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

    def _interview_activated(self, item: QListWidgetItem) -> None:
        attempt = item.data(ATTEMPT_ROLE)
        if isinstance(attempt, int):
            self.resume_interview_requested.emit(attempt)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
