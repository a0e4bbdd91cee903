"""Typing tests (《客服专员职位说明书》: at least 80 characters a minute): pass mark,
passages, results.

A typing test is one answer given at the end, so it is written in one
transaction: the attempt, a snapshot of the passage, and one response holding
the typed text with its measures. The pass mark in force is stored with the
result, so changing the setting later never rewrites a past verdict.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs_trainer import attempt_kinds, changes
from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.quizzes.interview_content import builtin_typing
from cs_trainer.quizzes.interview_schema import TypingPassage
from cs_trainer.quizzes.schema_common import STORED_SNAPSHOT
from cs_trainer.quizzes.typing_metrics import TypingMetrics, passes, typing_metrics, whole_cpm
from cs_trainer.services import acting, audit, permissions
from cs_trainer.services.app_settings import get_setting, store_setting
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import (
    CANDIDATES_VIEW,
    CONTENT_CHANGE,
    CONTENT_VIEW,
    INTERVIEWS,
)
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, Person, Response
from cs_trainer.store.snapshots import canonical_hash, keep_snapshot

TYPING_PASS_MARK = "typing_pass_mark"
DEFAULT_PASS_MARK = 80
PASS_MARK_MIN, PASS_MARK_MAX = 1, 400
KIND = attempt_kinds.TYPING.name  # the attempts.kind this module owns
LANGUAGES = ("zh", "en")


@dataclass(frozen=True)
class TypingOutcome:
    """One finished typing test as a result screen, history or sheet shows it."""

    attempt_id: int
    passage: TypingPassage
    taken_at: datetime
    metrics: TypingMetrics
    pass_mark: int
    passed: bool
    conducted_by: str


@permissions.requires(CONTENT_VIEW)
def typing_pass_mark(db: Database) -> int:
    """The department's pass mark in correct characters a minute (default 80, the minimum
    《客服专员职位说明书》 asks for).

    A value edited by hand into something unusable falls back to the default
    rather than blocking every typing test.
    """
    raw = get_setting(db, TYPING_PASS_MARK)
    try:
        value = int(raw)
    except ValueError:
        return DEFAULT_PASS_MARK
    return value if PASS_MARK_MIN <= value <= PASS_MARK_MAX else DEFAULT_PASS_MARK


@permissions.requires(CONTENT_CHANGE)
def set_typing_pass_mark(db: Database, value: int, seen_version: int | None = None) -> int:
    """Change the pass mark for tests taken from now on; past results keep theirs.

    ``seen_version`` and the version returned as for
    :func:`~cs_trainer.services.app_settings.set_setting`.
    """
    if not PASS_MARK_MIN <= value <= PASS_MARK_MAX:
        raise UserError(
            "the typing pass mark must be between {low} and {high} characters a minute, "
            "not {value}",
            "打字及格线应在每分钟 {low} 到 {high} 个字之间，而不是 {value}",
            low=PASS_MARK_MIN,
            high=PASS_MARK_MAX,
            value=value,
        )
    with db.writing(changes.SETTINGS) as session:
        return store_setting(
            session,
            TYPING_PASS_MARK,
            str(value),
            action="typing.pass_mark",
            seen_version=seen_version,
        )


def passages(language: str | None = None) -> list[TypingPassage]:
    """The shipped passages, of one language ("zh" or "en") if given."""
    if language is not None and language not in LANGUAGES:
        raise UserError(
            "typing passages are in 'zh' or 'en', not {language}",
            "打字文章的语言应为 'zh'（中文）或 'en'（英文），而不是 {language}",
            language=repr(language),
        )
    every = builtin_typing().content.passages
    return [passage for passage in every if language in (None, passage.language)]


def find_passage(passage_id: str) -> TypingPassage:
    """The shipped passage with this ID; a UserError names an unknown one."""
    for passage in passages():
        if passage.id == passage_id:
            return passage
    raise UserError(
        "there is no typing passage {id}", "没有 id 为 {id} 的打字文章", id=repr(passage_id)
    )


@permissions.requires(INTERVIEWS)
def record_typing_test(
    db: Database, person_id: int, passage_id: str, typed: str, seconds: float, conducted_by: str
) -> TypingOutcome:
    """Measure what a person typed against a passage and store it with the verdict."""
    passage = find_passage(passage_id)
    if not typed.strip():
        raise UserError(
            "nothing was typed, so there is no typing result to record",
            "没有输入任何内容，因此没有可记录的打字成绩",
        )
    try:
        metrics = typing_metrics(passage.text, typed, seconds)
    except ValueError as exc:
        raise UserError(
            "the typing time must be more than zero seconds, not {seconds}",
            "打字用时必须大于 0 秒，而不是 {seconds}",
            seconds=seconds,
        ) from exc
    pass_mark = typing_pass_mark(db)
    with db.writing(changes.ATTEMPTS) as session:
        _require_person(session, person_id)
        attempt = _new_attempt(session, person_id, passage, seconds, conducted_by)
        session.add(
            Response(
                attempt_id=attempt.id,
                item_id=passage.id,
                value=whole_cpm(metrics),
                data=_result_data(typed, metrics, pass_mark),
                answered_at=attempt.finished_at,
            )
        )
        session.flush()
        audit.record(
            session,
            "typing.result",
            f"attempt:{attempt.id}",
            after={"cpm": whole_cpm(metrics), "passed": passes(metrics, pass_mark)},
            person_id=person_id,
        )
        session.refresh(attempt)
        return _outcome(attempt)


@permissions.requires(CANDIDATES_VIEW)
def typing_results(db: Database, person_id: int) -> list[TypingOutcome]:
    """A person's typing tests, oldest first."""
    with db.reading() as session:
        _require_person(session, person_id)
        attempts = session.scalars(
            select(Attempt)
            .where(Attempt.person_id == person_id, Attempt.kind == KIND)
            .order_by(Attempt.finished_at, Attempt.id)
        ).all()
        return [_outcome(attempt) for attempt in attempts]


def passage_hash(passage: TypingPassage) -> str:
    """Identity of one exact version of a passage: the hash of its canonical JSON."""
    return canonical_hash(passage.model_dump(mode="json"))


def _new_attempt(
    session: Session, person_id: int, passage: TypingPassage, seconds: float, conducted_by: str
) -> Attempt:
    digest = keep_snapshot(
        session,
        passage_hash(passage),
        f"typing:{passage.id}",
        builtin_typing().content.version,
        passage.model_dump(mode="json"),
    )
    finished = utc_now()
    attempt = Attempt(
        person_id=person_id,
        kind=KIND,
        instrument_id=f"typing:{passage.id}",
        content_hash=digest,
        mode="interviewer",
        conducted_by=acting.signed_in_name(conducted_by),
        account_id=acting.current().account_id,
        started_at=finished - timedelta(seconds=seconds),  # when the first character came
        finished_at=finished,
        status="finished",
    )
    session.add(attempt)
    session.flush()
    return attempt


def _result_data(typed: str, metrics: TypingMetrics, pass_mark: int) -> dict[str, Any]:
    """Everything needed to show the result again without recomputing it."""
    return {
        "typed": typed,
        "seconds": metrics.seconds,
        "cpm": metrics.cpm,
        "gross_cpm": metrics.gross_cpm,
        "accuracy": metrics.accuracy,
        "correct_chars": metrics.correct_chars,
        "typed_chars": metrics.typed_chars,
        "errors": metrics.errors,
        "pass_mark": pass_mark,
        "passed": passes(metrics, pass_mark),
    }


def _require_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(
            "there is no candidate with ID {id}", "没有 ID 为 {id} 的应聘者", id=person_id
        )
    return person


def _outcome(attempt: Attempt) -> TypingOutcome:
    """Rebuild a result from what was stored, never by measuring again.

    A later change to how typing is measured must not change a past result.
    """
    [response] = attempt.responses
    data = response.data or {}
    assert attempt.finished_at is not None
    return TypingOutcome(
        attempt_id=attempt.id,
        passage=TypingPassage.model_validate(
            attempt.snapshot.body, context={STORED_SNAPSHOT: True}
        ),
        taken_at=attempt.finished_at,
        metrics=_stored_metrics(data),
        pass_mark=int(data["pass_mark"]),
        passed=bool(data["passed"]),
        conducted_by=attempt.conducted_by,
    )


def _stored_metrics(data: dict[str, Any]) -> TypingMetrics:
    typed_chars, correct_chars = int(data["typed_chars"]), int(data["correct_chars"])
    return TypingMetrics(
        typed_chars=typed_chars,
        correct_chars=correct_chars,
        errors=int(data.get("errors", typed_chars - correct_chars)),
        cpm=float(data["cpm"]),
        gross_cpm=float(data["gross_cpm"]),
        accuracy=float(data["accuracy"]),
        seconds=float(data["seconds"]),
    )
