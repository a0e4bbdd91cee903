"""What HR does with a selected candidate: each action asks through a dialog, then hands
the request to the operation route, which writes off the GUI thread, shows a known
problem in one sentence and broadcasts what changed.

The outcome comes back later, through the signals, never as a return value. While one
action is being saved the others wait (``busy``), so a quick second click cannot
register a person twice or open a second attempt.
"""

import dataclasses
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from cs_trainer import changes
from cs_trainer.errors import UserError
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.services import (
    candidate_data,
    candidates,
    interviews,
    pipeline,
    plans,
    retention,
    selftests,
)
from cs_trainer.services.candidates import (
    CandidateEdit,
    CandidateSummary,
    DuplicatePhoneError,
    NewCandidate,
)
from cs_trainer.services.retention import DueCandidate
from cs_trainer.store.database import Database
from cs_trainer.ui.candidates.candidate_dialog import AddCandidateDialog
from cs_trainer.ui.candidates.pipeline_dialogs import (
    DecisionDialog,
    StageDialog,
    StartInterviewDialog,
)
from cs_trainer.ui.candidates.record_dialogs import (
    OPEN_EXISTING,
    REGISTER_ANYWAY,
    DuplicatePhoneDialog,
    EditCandidateDialog,
    EraseDialog,
    RetentionDialog,
    WithdrawConsentDialog,
)
from cs_trainer.ui.selftest.selftest_dialogs import PaperEntryDialog, StartSelfTestDialog
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.typing_test.typing_setup import TypingSetupDialog

T = TypeVar("T")


class CandidateActions(QObject):
    """The candidate page's actions; the signals carry what a finished action produced."""

    Action = Callable[[CandidateSummary], None]

    candidate_added = Signal(int)
    open_requested = Signal(int)  # a candidate's record to show (the one a phone belongs to)
    message = Signal(str)
    selftest_started = Signal(int)
    interview_started = Signal(int)
    typing_started = Signal(int, str, str, str)
    busy_changed = Signal(bool)

    def __init__(self, parent: QWidget, db: Database, bus: ChangeBus) -> None:
        super().__init__(parent)
        self._parent = parent
        self._db = db
        self._bus = bus
        self.busy = False
        self._running = 0  # operations of these actions not finished yet

    def _save(
        self,
        work: Callable[[Database], T],
        done: Callable[[T], None] | None = None,
        problem: Callable[[UserError], None] | None = None,
        progress: str | None = None,
    ) -> None:
        """Run ``work`` on the operation route; ``done`` gets its result once it succeeded,
        ``problem`` a known problem (else it is shown)."""
        self._set_busy(True)
        op = Op(self._parent, self._db, work, self._bus)
        if done is not None:
            op.success(done)
        if problem is not None:
            op.problem(problem)
        if progress is not None:
            op.with_progress(progress)
        op.finished.connect(lambda: self._set_busy(False))
        op.run()

    def _set_busy(self, busy: bool) -> None:
        """Busy while any of the actions' operations runs (one may start the next)."""
        self._running += 1 if busy else -1
        self.busy = self._running > 0
        self.busy_changed.emit(self.busy)

    def add_candidate(self) -> None:
        """Ask with the consent notice as it stands (it names the retention setting)."""
        self._save(candidates.consent_text, self._ask_new)

    def _ask_new(self, consent: Text) -> None:
        new = AddCandidateDialog.ask(self._parent, consent=consent)
        if new is not None:
            self._register(new)

    def _register(self, new: NewCandidate) -> None:
        def duplicate(problem: UserError) -> None:
            if self._offer_existing(problem, editing=False):
                self._register(dataclasses.replace(new, allow_duplicate=True))

        self._save(
            lambda db: candidates.add_candidate(db, new), self.candidate_added.emit, duplicate
        )

    def _offer_existing(self, problem: UserError, editing: bool) -> bool:
        """A phone already registered: True to go on anyway; else maybe open that record."""
        if not isinstance(problem, DuplicatePhoneError):
            problems.show_problem(self._parent, problem)
            return False
        choice = DuplicatePhoneDialog.ask(self._parent, problem.message(), editing)
        if choice == OPEN_EXISTING:
            self.open_requested.emit(problem.existing_id)
        return choice == REGISTER_ANYWAY

    # -- the candidate's record ---------------------------------------------------------------
    def edit_details(self, candidate: CandidateSummary) -> None:
        edit = EditCandidateDialog.ask(self._parent, candidate)
        if edit is not None and edit != CandidateEdit():
            self._save_edit(candidate.id, edit, allow_duplicate=False)

    def _refused_save(self, problem: UserError) -> None:
        """Say why; after a stale save, show the record as it is now (another laptop
        changed it), so the person decides on what is there."""
        problems.show_problem(self._parent, problem)
        if isinstance(problem, pipeline.StaleRecordError):
            self._bus.announce(changes.CANDIDATES)

    def _save_edit(self, candidate_id: int, edit: CandidateEdit, allow_duplicate: bool) -> None:
        def duplicate(problem: UserError) -> None:
            if self._offer_existing(problem, editing=True):
                self._save_edit(candidate_id, edit, allow_duplicate=True)

        self._save(
            lambda db: candidates.edit_candidate(db, candidate_id, edit, allow_duplicate),
            lambda _changed: self.message.emit(
                self.tr("Corrected candidate %1's details.").replace("%1", str(candidate_id))
            ),
            duplicate,
        )

    def withdraw_consent(self, candidate: CandidateSummary) -> None:
        if WithdrawConsentDialog.ask(self._parent, candidate):
            self._save(
                lambda db: candidates.withdraw_consent(db, candidate.id),
                lambda _when: self.message.emit(
                    self.tr("Recorded the withdrawal of candidate %1's consent.").replace(
                        "%1", str(candidate.id)
                    )
                ),
            )

    def export_data(self, candidate: CandidateSummary) -> None:
        folder = self.ask_export_folder(self._parent)
        if folder is None:
            return
        self._save(
            lambda db: candidate_data.export_candidate(db, candidate.id, folder),
            lambda files: self.message.emit(
                self.tr("Exported candidate %1's data to %2")
                .replace("%1", str(candidate.id))
                .replace("%2", str(files.data.parent))
            ),
            progress=self.tr("Exporting the candidate's data…"),
        )

    @classmethod
    def ask_export_folder(cls, parent: QWidget) -> Path | None:
        """Qt's folder dialog; tests replace this classmethod."""
        chosen = QFileDialog.getExistingDirectory(
            parent,
            QCoreApplication.translate("CandidateActions", "Export the candidate's data to"),
            str(Path.home()),
        )
        return Path(chosen) if chosen else None

    def erase(self, candidate: CandidateSummary) -> None:
        self._save(lambda db: candidate_data.erasure_plan(db, candidate.id), self._confirm_erase)

    def _confirm_erase(self, plan: candidate_data.ErasurePlan) -> None:
        if EraseDialog.ask(self._parent, plan):
            self._save(
                lambda db: candidate_data.erase_candidate(db, plan.candidate_id),
                lambda _none: self.message.emit(
                    self.tr("Erased candidate %1's personal data.").replace(
                        "%1", str(plan.candidate_id)
                    )
                ),
                progress=self.tr("Erasing…"),
            )

    def retention(self) -> None:
        """The candidates due under the retention period (admin only: the service says)."""
        today = date.today()
        self._save(
            lambda db: (retention.due(db, today), candidates.retention_months(db)),
            lambda found: self._show_due(*found, today),
        )

    def _show_due(self, due: list[DueCandidate], months: int, today: date) -> None:
        ids = RetentionDialog.ask(self._parent, due, months)
        if ids:
            self._save(
                lambda db: retention.erase_due(db, ids, today),
                lambda count: self.message.emit(
                    self.tr("Erased the personal data of %1 candidate(s).").replace(
                        "%1", str(count)
                    )
                ),
                progress=self.tr("Erasing…"),
            )

    def start_selftest(self, candidate: CandidateSummary) -> None:
        interviewer = settings.read(settings.INTERVIEWER)
        setup = StartSelfTestDialog.ask(
            self._parent, service_potential().instrument, candidate.name, interviewer
        )
        if setup is None:
            return
        self._save(
            lambda db: selftests.start_selftest(db, candidate.id, setup.mode, setup.conducted_by),
            self.selftest_started.emit,
        )

    def paper_answers(self, candidate: CandidateSummary) -> None:
        interviewer = settings.read(settings.INTERVIEWER)
        paper = PaperEntryDialog.ask(
            self._parent, service_potential().instrument, candidate.name, interviewer
        )
        if paper is not None:
            self._save(
                lambda db: selftests.record_paper_selftest(
                    db, candidate.id, paper.answers, paper.setup.mode, paper.setup.conducted_by
                )
            )

    def interview(self, candidate: CandidateSummary) -> None:
        available = plans.list_plans(self._db, candidate.position)
        if not available:
            problems.show_problem(
                self._parent,
                self.tr("There is no interview plan yet. Make one on the Interviews page first."),
            )
            return
        request = StartInterviewDialog.ask(
            self._parent, candidate.name, available, settings.read(settings.INTERVIEWER)
        )
        if request is None:
            return
        self._save(
            lambda db: interviews.start_interview(db, candidate.id, request.plan_id, request.rater),
            self.interview_started.emit,
        )

    def typing_test(self, candidate: CandidateSummary) -> None:
        setup = TypingSetupDialog.ask(
            self._parent, candidate.name, settings.read(settings.INTERVIEWER)
        )
        if setup is not None:
            self.typing_started.emit(
                candidate.id, candidate.name, setup.passage_id, setup.conducted_by
            )

    def change_stage(self, candidate: CandidateSummary) -> None:
        request = StageDialog.ask(
            self._parent,
            candidate.name,
            candidate.stage,
            pipeline.allowed_moves(candidate.stage),
            settings.read(settings.INTERVIEWER),
        )
        if request is not None:
            self._save(
                lambda db: pipeline.move_stage(
                    db,
                    candidate.id,
                    request.to_stage,
                    request.by,
                    request.reason,
                    seen_version=candidate.version,
                ),
                problem=self._refused_save,
            )

    def decide(self, candidate: CandidateSummary) -> None:
        request = DecisionDialog.ask(
            self._parent, candidate.name, settings.read(settings.INTERVIEWER)
        )
        if request is not None:
            self._save(
                lambda db: pipeline.decide(
                    db,
                    candidate.id,
                    request.decision,
                    request.reason,
                    request.by,
                    seen_version=candidate.version,
                ),
                problem=self._refused_save,
            )
