"""Everything recorded about one candidate, gathered for the candidate page and the sheet."""

from dataclasses import dataclass

from cs_trainer.services import interviews, permissions, pipeline, selftests, typing_tests
from cs_trainer.services.candidates import CandidateSummary, get_candidate
from cs_trainer.services.interviews import InterviewState, InterviewSummary
from cs_trainer.services.permissions import CANDIDATES_VIEW
from cs_trainer.services.pipeline import DecisionRecord, StageChange
from cs_trainer.services.selftests import AttemptOutcome, AttemptProgress
from cs_trainer.services.typing_tests import TypingOutcome
from cs_trainer.store.database import Database


@dataclass(frozen=True)
class CandidateRecord:
    """A candidate with every attempt, rating, stage change and decision."""

    candidate: CandidateSummary
    selftests: list[AttemptOutcome]
    unfinished_selftests: list[AttemptProgress]
    interviews: list[InterviewState]
    interview_summaries: list[InterviewSummary]
    typing: list[TypingOutcome]
    stage_history: list[StageChange]
    decision: DecisionRecord | None

    @property
    def unfinished_interviews(self) -> list[InterviewState]:
        return [state for state in self.interviews if not state.finished]


@permissions.requires(CANDIDATES_VIEW)
def load_candidate_record(db: Database, candidate_id: int) -> CandidateRecord:
    """Gather the record (NotFoundError for an unknown ID)."""
    candidate = get_candidate(db, candidate_id)
    states = interviews.interviews_of(db, candidate_id)
    return CandidateRecord(
        candidate=candidate,
        selftests=selftests.finished_selftests(db, candidate_id),
        unfinished_selftests=selftests.unfinished_selftests(db, candidate_id),
        interviews=states,
        interview_summaries=interviews.summaries_of(states),
        typing=typing_tests.typing_results(db, candidate_id),
        stage_history=pipeline.stage_history(db, candidate_id),
        decision=pipeline.latest_decision(db, candidate_id),
    )
