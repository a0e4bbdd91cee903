"""Practising role-plays: the scenario library, trainees, and attempts that resume.

A role-play attempt (kind "roleplay") snapshots its scenario; each choice is one
committed response, so an interrupted play-through resumes by replaying its
choices through the pure runner.
"""

from dataclasses import dataclass
from datetime import datetime
from itertools import zip_longest
from pathlib import Path

import platformdirs
from sqlalchemy import select

from cs_trainer import attempt_kinds, changes
from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.quizzes.schema_common import STORED_SNAPSHOT
from cs_trainer.resources import package_path
from cs_trainer.scenarios import runner
from cs_trainer.scenarios.runner import RunState, Step
from cs_trainer.scenarios.schema import SKILLS, Choice, Scenario
from cs_trainer.scenarios.validator import LoadedScenario, load_library
from cs_trainer.services import acting, audit, permissions
from cs_trainer.services.attempts import require_attempt, require_open_attempt
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import PRACTICE, TRAINEES_CHANGE, TRAINEES_VIEW
from cs_trainer.services.printable_text import refuse_unprintable
from cs_trainer.store.database import APP_NAME, Database
from cs_trainer.store.models import Attempt, Person, Response
from cs_trainer.store.snapshots import canonical_hash, keep_snapshot

ROLEPLAY = attempt_kinds.ROLEPLAY.name  # the attempts.kind this module owns


@dataclass(frozen=True)
class Library:
    """The scenarios that loaded, and the problems of the files that did not."""

    scenarios: list[LoadedScenario]
    problems: list[str]

    def get(self, scenario_id: str) -> Scenario:
        for loaded in self.scenarios:
            if loaded.scenario.id == scenario_id:
                return loaded.scenario
        raise NotFoundError(
            "there is no role-play {id}", "没有 id 为 {id} 的角色扮演", id=repr(scenario_id)
        )


@dataclass(frozen=True)
class Trainee:
    id: int
    name: str


@dataclass(frozen=True)
class RoleplayProgress:
    """An attempt as far as it has got: the scenario as it was, and the runner state."""

    attempt_id: int
    person_id: int
    person_name: str
    scenario: Scenario
    state: RunState
    finished: bool
    started_at: datetime


def builtin_folder() -> Path:
    return package_path("scenarios", "content")


def user_folder() -> Path:
    """Where an organisation puts its own scenarios."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "scenarios"


def load_scenarios(extra: list[Path] | None = None) -> Library:
    """The built-in scenarios, the user folder's, and ``extra`` files or folders."""
    folders = [builtin_folder(), user_folder(), *(extra or [])]
    scenarios, problems = load_library(path for path in folders if path.exists())
    return Library(scenarios, problems)


@permissions.requires(TRAINEES_CHANGE)
def add_trainee(db: Database, name: str, cohort_id: int | None = None) -> int:
    if not name.strip():
        raise UserError("the trainee's name is required", "必须填写学员的姓名")
    refuse_unprintable("people", "name", name)
    with db.writing(changes.ROLEPLAYS) as session:
        person = Person(
            kind="trainee", name=name.strip(), created_at=utc_now(), cohort_id=cohort_id
        )
        session.add(person)
        session.flush()
        return person.id


@permissions.requires(TRAINEES_VIEW)
def list_trainees(db: Database) -> list[Trainee]:
    with db.reading() as session:
        people = session.scalars(
            select(Person).where(Person.kind == "trainee").order_by(Person.name)
        ).all()
        return [Trainee(p.id, p.name) for p in people]


@permissions.requires(PRACTICE, owner=permissions.person_argument("person_id"))
def start_roleplay(db: Database, person_id: int, scenario: Scenario) -> int:
    """Open an attempt of ``scenario`` for a trainee; return its ID."""
    body = scenario.model_dump(mode="json")
    digest = canonical_hash(body)
    with db.writing(changes.ROLEPLAYS) as session:
        if session.get(Person, person_id) is None:
            raise NotFoundError(
                "there is no trainee with ID {id}", "没有 ID 为 {id} 的学员", id=person_id
            )
        keep_snapshot(session, digest, scenario.id, scenario.version, body)
        attempt = Attempt(
            person_id=person_id,
            kind=ROLEPLAY,
            instrument_id=scenario.id,
            content_hash=digest,
            mode="practice",
            conducted_by=acting.signed_in_name(),
            account_id=acting.current().account_id,
            started_at=utc_now(),
            status="in_progress",
        )
        session.add(attempt)
        session.flush()
        return attempt.id


@permissions.requires(PRACTICE, owner=permissions.attempt_argument("attempt_id"))
def record_choice(db: Database, attempt_id: int, choice: int) -> RoleplayProgress:
    """Take a choice at the current node and commit it; an ending closes the attempt."""
    with db.writing(changes.ROLEPLAYS) as session:
        attempt = require_open_attempt(session, attempt_id, attempt_kinds.ROLEPLAY)
        scenario = _scenario_of(attempt)
        state = runner.replay(scenario, _choices(attempt))
        node = state.node
        state = runner.choose(scenario, state, choice)
        session.add(
            Response(
                attempt_id=attempt_id,
                item_id=f"{len(state.path):03d}",
                value=choice,
                data={"node": node, "choice": choice},
                answered_at=utc_now(),
            )
        )
        if runner.is_finished(scenario, state):
            ending = scenario.node(state.node).ending
            assert ending is not None
            attempt.status, attempt.finished_at = "finished", utc_now()
            attempt.total, attempt.band = state.total, ending.kind
            attempt.group_scores = {skill: float(v) for skill, v in state.scores.items()}
            audit.record(
                session,
                "roleplay.finish",
                f"attempt:{attempt_id}",
                after={
                    "scenario": attempt.instrument_id,
                    "total": state.total,
                    "band": ending.kind,
                },
                person_id=attempt.person_id,
            )
        session.flush()
        return _progress(attempt, scenario, state)


@permissions.requires(PRACTICE, owner=permissions.attempt_argument("attempt_id"))
def load_roleplay(db: Database, attempt_id: int) -> RoleplayProgress:
    with db.reading() as session:
        attempt = require_attempt(session, attempt_id, attempt_kinds.ROLEPLAY)
        scenario = _scenario_of(attempt)
        return _progress(attempt, scenario, runner.replay(scenario, _choices(attempt)))


@permissions.requires(PRACTICE, owner=permissions.person_argument("person_id"))
def roleplays_of(db: Database, person_id: int) -> list[RoleplayProgress]:
    """Every role-play attempt of a trainee, oldest first."""
    with db.reading() as session:
        ids = session.scalars(
            select(Attempt.id)
            .where(Attempt.person_id == person_id, Attempt.kind == ROLEPLAY)
            .order_by(Attempt.started_at, Attempt.id)
        ).all()
    return [load_roleplay(db, attempt_id) for attempt_id in ids]


@permissions.requires(PRACTICE, owner=permissions.person_argument("person_id"))
def unfinished_roleplays(db: Database, person_id: int) -> list[RoleplayProgress]:
    return [p for p in roleplays_of(db, person_id) if not p.finished]


@permissions.requires(PRACTICE, owner=permissions.person_argument("person_id"))
def best_scores(db: Database, person_id: int) -> dict[str, int]:
    """Each scenario's best finished total for the trainee."""
    with db.reading() as session:
        rows = session.execute(
            select(Attempt.instrument_id, Attempt.total).where(
                Attempt.person_id == person_id,
                Attempt.kind == ROLEPLAY,
                Attempt.status == "finished",
            )
        ).all()
    best: dict[str, int] = {}
    for scenario_id, total in rows:
        if total is not None:
            best[scenario_id] = max(best.get(scenario_id, total), total)
    return best


def _progress(attempt: Attempt, scenario: Scenario, state: RunState) -> RoleplayProgress:
    return RoleplayProgress(
        attempt_id=attempt.id,
        person_id=attempt.person_id,
        person_name=attempt.person.name,
        scenario=scenario,
        state=state,
        finished=attempt.status == "finished",
        started_at=attempt.started_at,
    )


def _choices(attempt: Attempt) -> list[int]:
    ordered = sorted(attempt.responses, key=lambda response: response.item_id)
    return [int(response.value or 0) for response in ordered]


def _scenario_of(attempt: Attempt) -> Scenario:
    return Scenario.model_validate(attempt.snapshot.body, context={STORED_SNAPSHOT: True})


# -- review of a finished play-through (end screen, catalogue filters) ------------------


@dataclass(frozen=True)
class PathRow:
    """One step of the path taken beside the same step of the best path.

    ``taken`` or ``best`` is None where one path is longer than the other; ``differs``
    marks the steps where the trainee did not say what the best path says.
    """

    number: int
    taken: Choice | None
    best: Choice | None
    differs: bool


@dataclass(frozen=True)
class PractiseNext:
    """What a trainee should practise after a play-through: the skills where they fell
    furthest short of the best path, and scenario IDs that train them."""

    skills: list[str]
    scenario_ids: list[str]


def skills_scored(scenario: Scenario) -> list[str]:
    """The skills some choice of the scenario scores (for better or worse), in SKILLS order."""
    scored = {skill for node in scenario.nodes for c in node.choices for skill in c.scores}
    return [skill for skill in SKILLS if skill in scored]


def compare_paths(scenario: Scenario, taken: RunState, best: RunState) -> list[PathRow]:
    """The path taken and the best path side by side, step by step."""
    rows = []
    for number, (mine, ideal) in enumerate(zip_longest(taken.path, best.path), start=1):
        rows.append(
            PathRow(
                number=number,
                taken=_choice_at(scenario, mine),
                best=_choice_at(scenario, ideal),
                differs=mine != ideal,
            )
        )
    return rows


def weakest_skills(scenario: Scenario, state: RunState) -> list[str]:
    """The skills where the path taken fell furthest short of the best path (empty when
    it fell short nowhere)."""
    best = runner.best_path(scenario)
    shortfall = {
        skill: best.scores.get(skill, 0) - state.scores.get(skill, 0)
        for skill in skills_scored(scenario)
    }
    worst = max(shortfall.values(), default=0)
    return [skill for skill, gap in shortfall.items() if gap == worst] if worst > 0 else []


def practise_next(
    library: Library, scenario: Scenario, state: RunState, limit: int = 3
) -> PractiseNext:
    """Up to ``limit`` other scenarios for the weakest skills, those training most of them
    and nearest in difficulty first; after a flawless run, the next harder ones."""
    skills = weakest_skills(scenario, state)
    others = [s.scenario for s in library.scenarios if s.scenario.id != scenario.id]
    if skills:
        wanted = set(skills)
        ranked = sorted(
            (s for s in others if wanted & set(skills_scored(s))),
            key=lambda s: (
                -len(wanted & set(skills_scored(s))),
                abs(s.difficulty - scenario.difficulty),
                s.id,
            ),
        )
    else:
        ranked = sorted(
            (s for s in others if s.difficulty >= scenario.difficulty),
            key=lambda s: (s.difficulty, s.id),
        )
    return PractiseNext(skills, [s.id for s in ranked[:limit]])


def _choice_at(scenario: Scenario, step: Step | None) -> Choice | None:
    return None if step is None else scenario.node(step.node).choices[step.choice]
