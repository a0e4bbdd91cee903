"""Item and choice statistics read from the database, for trainers.

Reads attempts in one short session, turns them into plain data and hands that to
the pure functions of :mod:`cs_trainer.quizzes.item_statistics` and
:mod:`cs_trainer.scenarios.choice_statistics`. Texts come from the attempts'
snapshots, so an item keeps its wording as the trainees saw it.

Quiz attempts follow the quiz feature's storage contract: kind "quiz", instrument ID
= bank ID, snapshot body ``{"bank_id", "seed", "categories", "items": [{"id",
"question": {zh, en}, ...}]}``, one response per item with value 1 (right) or 0.
"""

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from cs_trainer import attempt_kinds
from cs_trainer.quizzes.item_statistics import MIN_ATTEMPTS, QuizReport, analyse
from cs_trainer.quizzes.schema_common import STORED_SNAPSHOT, Text
from cs_trainer.scenarios.choice_statistics import ChoiceReport, Path, choice_report
from cs_trainer.scenarios.schema import Scenario
from cs_trainer.services import permissions
from cs_trainer.services.permissions import TRAINEES_VIEW
from cs_trainer.services.roleplays import ROLEPLAY
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, InstrumentSnapshot, Person

QUIZ = attempt_kinds.QUIZ.name
"""attempts.kind of a knowledge quiz (owned by services/quizzes.py)."""


@permissions.requires(TRAINEES_VIEW)
def quiz_banks(db: Database) -> list[str]:
    """The IDs of the banks some quiz attempt was taken from, sorted."""
    with db.reading() as session:
        query = select(Attempt.instrument_id).where(Attempt.kind == QUIZ).distinct()
        return sorted(session.scalars(query).all())


@permissions.requires(TRAINEES_VIEW)
def quiz_report(
    db: Database, bank_id: str, cohort_id: int | None = None, min_attempts: int = MIN_ATTEMPTS
) -> QuizReport:
    """Item statistics of a bank over its finished attempts (of one cohort's trainees,
    when ``cohort_id`` is given). Unfinished attempts are left out: a trainee who
    stopped halfway has not been measured on the rest."""
    query = _of_cohort(
        select(Attempt)
        .where(Attempt.kind == QUIZ, Attempt.instrument_id == bank_id)
        .where(Attempt.status == "finished")
        .order_by(Attempt.started_at.desc(), Attempt.id.desc()),
        cohort_id,
    ).options(selectinload(Attempt.responses), selectinload(Attempt.snapshot))
    with db.reading() as session:
        attempts = session.scalars(query).all()
        matrix = [_answers(attempt) for attempt in attempts]
        order, questions = _items_of([attempt.snapshot.body for attempt in attempts])
    return analyse(matrix, item_order=order, questions=questions, min_attempts=min_attempts)


@permissions.requires(TRAINEES_VIEW)
def roleplay_choice_report(
    db: Database, scenario: Scenario, cohort_id: int | None = None
) -> ChoiceReport:
    """How often each choice of ``scenario`` was taken, over every play-through with at
    least one choice (unfinished ones too: each choice was a real decision).

    Only play-throughs of exactly this version of the scenario count: in another
    version a choice number may mean another answer. They are counted in
    ``other_versions`` so the page can say what was left out.
    """
    with db.reading() as session:
        same = _same_version_hashes(session.scalars(_snapshots_of(scenario.id)).all(), scenario)
        query = _of_cohort(
            select(Attempt)
            .where(Attempt.kind == ROLEPLAY, Attempt.instrument_id == scenario.id)
            .order_by(Attempt.started_at, Attempt.id),
            cohort_id,
        ).options(selectinload(Attempt.responses))
        attempts = [a for a in session.scalars(query).all() if a.responses]
        paths = [_path(a) for a in attempts if a.content_hash in same]
    report = choice_report(scenario, paths)
    return ChoiceReport(
        report.scenario_id,
        report.paths,
        report.nodes,
        other_versions=len(attempts) - len(paths),
        unknown_steps=report.unknown_steps,
    )


def _of_cohort(query: Select[Attempt], cohort_id: int | None) -> Select[Attempt]:
    if cohort_id is None:
        return query
    return query.join(Person, Attempt.person_id == Person.id).where(Person.cohort_id == cohort_id)


def _answers(attempt: Attempt) -> dict[str, int]:
    """item ID → 1/0. A value other than 1 or 0 (None: not answered) is not a score the
    contract defines, so it is left out rather than guessed."""
    return {
        r.item_id: r.value for r in attempt.responses if r.value is not None and r.value in (0, 1)
    }


def _items_of(bodies: Sequence[dict[str, Any]]) -> tuple[list[str], dict[str, Text]]:
    """Item order and question texts from snapshot bodies, newest first: the current
    wording and order win, older snapshots add the items the newest lacks."""
    order: dict[str, None] = {}
    questions: dict[str, Text] = {}
    for body in bodies:
        for item in body.get("items", []):
            item_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(item_id, str) or item_id in order:
                continue
            order[item_id] = None
            text = _text(item.get("question"))
            if text is not None:
                questions[item_id] = text
    return list(order), questions


def _text(value: object) -> Text | None:
    try:
        return Text.model_validate(value, context={STORED_SNAPSHOT: True})
    except ValidationError:  # a snapshot without a usable question still has statistics
        return None


def _snapshots_of(scenario_id: str) -> Select[InstrumentSnapshot]:
    return select(InstrumentSnapshot).where(InstrumentSnapshot.instrument_id == scenario_id)


def _same_version_hashes(snapshots: Sequence[InstrumentSnapshot], scenario: Scenario) -> set[str]:
    """Snapshots whose body is this scenario, compared as data (not by hash), so the
    check does not depend on how the role-play service computes its hashes."""
    body = scenario.model_dump(mode="json")
    return {snapshot.content_hash for snapshot in snapshots if snapshot.body == body}


def _path(attempt: Attempt) -> Path:
    """The (node, choice) steps in the order they were taken (item IDs "001", "002", …)."""
    ordered = sorted(attempt.responses, key=lambda response: response.item_id)
    return [
        (str(r.data["node"]), int(r.data["choice"]))
        for r in ordered
        if r.data and "node" in r.data and "choice" in r.data
    ]
