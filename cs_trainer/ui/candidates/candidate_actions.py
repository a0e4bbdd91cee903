"""What HR does with a selected candidate: each action asks through a dialog, calls a
service, reports problems in one sentence, and announces what changed."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from cs_trainer.errors import UserError
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
from cs_trainer.ui.shared.changes import ATTEMPTS, CANDIDATES, ChangeBus
from cs_trainer.ui.typing_test.typing_setup import TypingSetupDialog


class CandidateActions(QObject):
    """The candidate page's actions; the signals carry attempts for other pages to run."""

    Action = Callable[[CandidateSummary], None]

    selftest_started = Signal(int)
    interview_started = Signal(int)
    typing_started = Signal(int, str, str, str)

    def __init__(self, parent: QWidget, db: Database, bus: ChangeBus) -> None:
        super().__init__(parent)
        self._parent = parent
        self._db = db
        self._bus = bus

    def _attempt(self, work: Callable[[], object], *kinds: str) -> object | None:
        """Run a service call; a known problem becomes one message, nothing is announced."""
        try:
            result = work()
        except UserError as exc:
            problems.show_problem(self._parent, str(exc))
            return None
        self._bus.announce(*kinds)
        return result

    def add_candidate(self) -> int | None:
        new = AddCandidateDialog.ask(self._parent)
        if new is None:
            return None
        result = self._attempt(lambda: candidates.add_candidate(self._db, new), CANDIDATES)
        return result if isinstance(result, int) else None

    def start_selftest(self, candidate: CandidateSummary) -> None:
        interviewer = settings.read(settings.INTERVIEWER)
        setup = StartSelfTestDialog.ask(
            self._parent, service_potential().instrument, candidate.name, interviewer
        )
        if setup is None:
            return
        attempt = self._attempt(
            lambda: selftests.start_selftest(
                self._db, candidate.id, setup.mode, setup.conducted_by
            ),
            ATTEMPTS,
        )
        if isinstance(attempt, int):
            self.selftest_started.emit(attempt)

    def paper_answers(self, candidate: CandidateSummary) -> None:
        interviewer = settings.read(settings.INTERVIEWER)
        paper = PaperEntryDialog.ask(
            self._parent, service_potential().instrument, candidate.name, interviewer
        )
        if paper is not None:
            self._attempt(
                lambda: selftests.record_paper_selftest(
                    self._db,
                    candidate.id,
                    paper.answers,
                    paper.setup.mode,
                    paper.setup.conducted_by,
                ),
                ATTEMPTS,
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
        attempt = self._attempt(
            lambda: interviews.start_interview(
                self._db, candidate.id, request.plan_id, request.rater
            ),
            ATTEMPTS,
        )
        if isinstance(attempt, int):
            self.interview_started.emit(attempt)

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
            self._attempt(
                lambda: pipeline.move_stage(
                    self._db, candidate.id, request.to_stage, request.by, request.reason
                ),
                CANDIDATES,
            )

    def decide(self, candidate: CandidateSummary) -> None:
        request = DecisionDialog.ask(
            self._parent, candidate.name, settings.read(settings.INTERVIEWER)
        )
        if request is not None:
            self._attempt(
                lambda: pipeline.decide(
                    self._db, candidate.id, request.decision, request.reason, request.by
                ),
                CANDIDATES,
            )
