"""What HR does with a selected candidate: each action asks through a dialog, then hands
the request to the operation route, which writes off the GUI thread, shows a known
problem in one sentence and broadcasts what changed.

The outcome comes back later, through the signals, never as a return value. While one
action is being saved the others wait (``busy``), so a quick second click cannot
register a person twice or open a second attempt.
"""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.services import candidates, interviews, pipeline, plans, selftests
from cs_trainer.services.candidates import CandidateSummary
from cs_trainer.store.database import Database
from cs_trainer.ui.candidates.candidate_dialog import AddCandidateDialog
from cs_trainer.ui.candidates.pipeline_dialogs import (
    DecisionDialog,
    StageDialog,
    StartInterviewDialog,
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

    def _save(self, work: Callable[[Database], T], done: Callable[[T], None] | None = None) -> None:
        """Run ``work`` on the operation route; ``done`` gets its result once it succeeded."""
        self._set_busy(True)
        op = Op(self._parent, self._db, work, self._bus)
        if done is not None:
            op.success(done)
        op.finished.connect(lambda: self._set_busy(False))
        op.run()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def add_candidate(self) -> None:
        new = AddCandidateDialog.ask(self._parent)
        if new is not None:
            self._save(lambda db: candidates.add_candidate(db, new), self.candidate_added.emit)

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
                    db, candidate.id, request.to_stage, request.by, request.reason
                )
            )

    def decide(self, candidate: CandidateSummary) -> None:
        request = DecisionDialog.ask(
            self._parent, candidate.name, settings.read(settings.INTERVIEWER)
        )
        if request is not None:
            self._save(
                lambda db: pipeline.decide(
                    db, candidate.id, request.decision, request.reason, request.by
                )
            )
