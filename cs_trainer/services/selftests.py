"""Taking the service-potential self-test: start, answer, finish, resume.

Every answer is its own committed write, so a crash or power cut loses at most
the answer being clicked; an unfinished attempt is found again on the next start.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs_trainer import attempt_kinds, changes
from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.quizzes.schema_common import STORED_SNAPSHOT
from cs_trainer.quizzes.selftest import LoadedInstrument, check_answer, score, service_potential
from cs_trainer.quizzes.selftest_schema import Band, SelfTestInstrument
from cs_trainer.services import acting, audit, permissions
from cs_trainer.services.attempts import require_attempt, require_open_attempt
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import CANDIDATES_VIEW, INTERVIEWS
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, Person, Response
from cs_trainer.store.snapshots import keep_snapshot

SELFTEST = attempt_kinds.SELFTEST.name  # the attempts.kind this module owns
Mode = Literal["self", "manager"]
MODES: tuple[Mode, ...] = ("self", "manager")


@dataclass(frozen=True)
class AttemptProgress:
    """An attempt as far as it has got: what the test screen needs to carry on."""

    attempt_id: int
    person_id: int
    person_name: str
    mode: Mode
    conducted_by: str
    started_at: datetime
    instrument: SelfTestInstrument
    answers: dict[str, int]


@dataclass(frozen=True)
class AttemptOutcome:
    """A finished attempt with everything a result screen or sheet shows."""

    attempt_id: int
    mode: Mode
    conducted_by: str
    started_at: datetime
    finished_at: datetime
    instrument: SelfTestInstrument
    answers: dict[str, int]
    total: int
    band: Band
    group_scores: dict[str, int]


def check_mode(mode: str) -> Mode:
    if mode not in MODES:
        raise UserError(
            "mode must be 'self' or 'manager', not {mode}",
            "方式（mode）应为 'self'（自评）或 'manager'（主管评），而不是 {mode}",
            mode=repr(mode),
        )
    return mode


@permissions.requires(INTERVIEWS)
def start_selftest(db: Database, person_id: int, mode: str, conducted_by: str) -> int:
    """Open a new attempt of the built-in self-test for a person; return its ID."""
    checked_mode = check_mode(mode)
    loaded = service_potential()
    with db.writing(changes.ATTEMPTS) as session:
        _require_person(session, person_id)
        attempt = _new_attempt(session, loaded, person_id, checked_mode, conducted_by)
        return attempt.id


@permissions.requires(INTERVIEWS)
def record_answer(db: Database, attempt_id: int, item_id: str, value: int) -> None:
    """Commit one answer now; answering the same item again replaces it."""
    with db.writing(changes.ATTEMPTS) as session:
        attempt = require_open_attempt(session, attempt_id, attempt_kinds.SELFTEST)
        instrument = _instrument_of(attempt)
        checked = check_answer(instrument, item_id, value)
        existing = session.scalars(
            select(Response).where(Response.attempt_id == attempt_id, Response.item_id == item_id)
        ).first()
        before = None if existing is None else {"item": item_id, "value": existing.value}
        if existing is None:
            session.add(
                Response(
                    attempt_id=attempt_id, item_id=item_id, value=checked, answered_at=utc_now()
                )
            )
        else:
            existing.value, existing.answered_at = checked, utc_now()
        audit.record(
            session,
            "selftest.answer",
            f"attempt:{attempt_id}",
            before=before,
            after={"item": item_id, "value": checked},
            person_id=attempt.person_id,
        )


@permissions.requires(INTERVIEWS)
def finish_selftest(db: Database, attempt_id: int) -> AttemptOutcome:
    """Score a fully answered attempt and close it; refuses while items are unanswered."""
    with db.writing(changes.ATTEMPTS) as session:
        attempt = require_open_attempt(session, attempt_id, attempt_kinds.SELFTEST)
        _close(attempt, _answers_of(attempt))
        _audit_finished(session, attempt)
    return load_outcome(db, attempt_id)


@permissions.requires(INTERVIEWS)
def record_paper_selftest(
    db: Database, person_id: int, answers: Mapping[str, object], mode: str, conducted_by: str
) -> AttemptOutcome:
    """Store a self-test filled in on paper, in one transaction: all of it or nothing."""
    checked_mode = check_mode(mode)
    loaded = service_potential()
    score(loaded.instrument, answers)  # refuses bad input before anything is written
    with db.writing(changes.ATTEMPTS) as session:
        _require_person(session, person_id)
        attempt = _new_attempt(session, loaded, person_id, checked_mode, conducted_by)
        now = utc_now()
        for item in loaded.instrument.items:
            value = cast(int, answers[item.id])
            session.add(
                Response(attempt_id=attempt.id, item_id=item.id, value=value, answered_at=now)
            )
        session.flush()
        _close(attempt, {item_id: cast(int, value) for item_id, value in answers.items()})
        _audit_finished(session, attempt, paper=True)
        attempt_id = attempt.id
    return load_outcome(db, attempt_id)


@permissions.requires(CANDIDATES_VIEW)
def unfinished_selftests(db: Database, person_id: int | None = None) -> list[AttemptProgress]:
    """Attempts left open by a closed or killed app, oldest first (of one person if given)."""
    query = select(Attempt).where(Attempt.kind == SELFTEST, Attempt.status == "in_progress")
    if person_id is not None:
        query = query.where(Attempt.person_id == person_id)
    with db.reading() as session:
        attempts = session.scalars(query.order_by(Attempt.started_at, Attempt.id)).all()
        return [_progress(attempt) for attempt in attempts]


@permissions.requires(CANDIDATES_VIEW)
def load_progress(db: Database, attempt_id: int) -> AttemptProgress:
    with db.reading() as session:
        return _progress(require_attempt(session, attempt_id, attempt_kinds.SELFTEST))


@permissions.requires(CANDIDATES_VIEW)
def load_outcome(db: Database, attempt_id: int) -> AttemptOutcome:
    with db.reading() as session:
        attempt = require_attempt(session, attempt_id, attempt_kinds.SELFTEST)
        if attempt.status != "finished":
            raise UserError(
                "self-test {id} is not finished yet", "服务潜能自测 {id} 还没有完成", id=attempt_id
            )
        return _outcome(attempt)


@permissions.requires(CANDIDATES_VIEW)
def finished_selftests(db: Database, person_id: int) -> list[AttemptOutcome]:
    """A person's finished self-tests, oldest first."""
    with db.reading() as session:
        _require_person(session, person_id)
        attempts = session.scalars(
            select(Attempt)
            .where(
                Attempt.person_id == person_id,
                Attempt.kind == SELFTEST,
                Attempt.status == "finished",
            )
            .order_by(Attempt.finished_at, Attempt.id)
        ).all()
        return [_outcome(attempt) for attempt in attempts]


def _new_attempt(
    session: Session, loaded: LoadedInstrument, person_id: int, mode: Mode, conducted_by: str
) -> Attempt:
    instrument = loaded.instrument
    keep_snapshot(
        session,
        loaded.content_hash,
        instrument.id,
        instrument.version,
        instrument.model_dump(mode="json"),
    )
    attempt = Attempt(
        person_id=person_id,
        kind=SELFTEST,
        instrument_id=loaded.instrument.id,
        content_hash=loaded.content_hash,
        mode=mode,
        conducted_by=acting.signed_in_name(conducted_by),
        account_id=acting.current().account_id,
        started_at=utc_now(),
        status="in_progress",
    )
    session.add(attempt)
    session.flush()
    return attempt


def _close(attempt: Attempt, answers: dict[str, int]) -> None:
    result = score(_instrument_of(attempt), answers)
    attempt.status = "finished"
    attempt.finished_at = utc_now()
    attempt.total = result.total
    attempt.band = result.band.code
    attempt.group_scores = dict(result.group_scores)


def _audit_finished(session: Session, attempt: Attempt, *, paper: bool = False) -> None:
    audit.record(
        session,
        "selftest.paper" if paper else "selftest.finish",
        f"attempt:{attempt.id}",
        after={"total": attempt.total, "band": attempt.band},
        person_id=attempt.person_id,
    )


def _require_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(
            "there is no candidate with ID {id}", "没有 ID 为 {id} 的应聘者", id=person_id
        )
    return person


def _instrument_of(attempt: Attempt) -> SelfTestInstrument:
    """The instrument exactly as it was when the attempt started (from its snapshot)."""
    return SelfTestInstrument.model_validate(attempt.snapshot.body, context={STORED_SNAPSHOT: True})


def _answers_of(attempt: Attempt) -> dict[str, int]:
    return {r.item_id: r.value for r in attempt.responses if r.value is not None}


def _progress(attempt: Attempt) -> AttemptProgress:
    return AttemptProgress(
        attempt_id=attempt.id,
        person_id=attempt.person_id,
        person_name=attempt.person.name,
        mode=check_mode(attempt.mode),
        conducted_by=attempt.conducted_by,
        started_at=attempt.started_at,
        instrument=_instrument_of(attempt),
        answers=_answers_of(attempt),
    )


def _outcome(attempt: Attempt) -> AttemptOutcome:
    instrument = _instrument_of(attempt)
    answers = _answers_of(attempt)
    result = score(instrument, answers)
    assert attempt.finished_at is not None
    return AttemptOutcome(
        attempt_id=attempt.id,
        mode=check_mode(attempt.mode),
        conducted_by=attempt.conducted_by,
        started_at=attempt.started_at,
        finished_at=attempt.finished_at,
        instrument=instrument,
        answers=answers,
        total=result.total,
        band=result.band,
        group_scores=dict(result.group_scores),
    )
