"""What the progress tabs read, and the loader that keeps only the newest read.

Apart from the tabs because these are the parts that run off the GUI thread: plain
functions of the database that gather one tab's record, and :class:`LatestLoad`,
which runs them through the operation route and drops a result the trainer has
already moved past.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from cs_trainer.services import cohorts, progress
from cs_trainer.services.progress import CohortTable, ProgressPoint, Situation, SkillScore
from cs_trainer.services.roleplays import Library, PractiseNext
from cs_trainer.store.database import Database
from cs_trainer.ui.shared.operations import Op


@dataclass(frozen=True)
class TraineeProgress:
    timeline: list[ProgressPoint]
    skills: list[SkillScore]
    situations: list[Situation]
    advice: PractiseNext


def load_trainee(db: Database, person_id: int, library: Library) -> TraineeProgress:
    skills = progress.skill_profile(db, person_id)
    return TraineeProgress(
        progress.trainee_timeline(db, person_id),
        skills,
        progress.weakest_situations(db, person_id),
        progress.practise_next(db, person_id, library),
    )


@dataclass(frozen=True)
class CohortProgress:
    table: CohortTable
    skills: list[SkillScore]


def load_cohort(
    db: Database, cohort_id: int, since: date | None, until: date | None
) -> CohortProgress:
    return CohortProgress(
        progress.cohort_table(db, cohort_id, since, until),
        progress.cohort_skill_profile(db, cohort_id),
    )


def cohort_of_each_trainee(db: Database) -> dict[int, cohorts.CohortSummary]:
    """Trainee ID → their cohort (trainees in none are absent)."""
    return {
        member.id: cohort
        for cohort in cohorts.list_cohorts(db)
        for member in cohorts.members(db, cohort.id)
    }


class LatestLoad(QObject):
    """Runs loads in the background and shows only the newest one's result: a quick
    click through trainees must not end on the record of one clicked earlier."""

    def __init__(self, parent: QWidget, db: Database, label_: str) -> None:
        super().__init__(parent)
        self._parent, self._db, self._label = parent, db, label_
        self._latest = 0
        self.pending = 0

    def start(self, work: Callable[[Database], Any], show: Callable[[Any], None]) -> None:
        self._latest += 1
        number = self._latest
        self.pending += 1

        def done(result: Any) -> None:
            if number == self._latest:
                show(result)

        op = Op(self._parent, self._db, work).success(done).with_progress(self._label)
        op.finished.connect(self._finished)
        op.run()

    def _finished(self) -> None:
        self.pending -= 1
