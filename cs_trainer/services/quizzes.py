"""Taking a knowledge quiz: draw a paper, answer item by item, finish, look back.

A quiz attempt (kind "quiz") snapshots the drawn paper, so its items, order and
explanations stay exactly as asked after the bank is edited, and stores the seed it
was drawn with, so a trainer can draw the same paper again. Every answer is its own
committed write: an interrupted quiz resumes with all answers given so far.

Storage (item statistics are computed from it elsewhere, keep it so): the snapshot
body is ``{"bank_id", "seed", "categories", "items"}``; ``details`` holds ``seed``,
``categories`` and ``count``; one Response per answered item with ``value`` 1 when
fully correct else 0 and ``data = {"chosen": [option ids]}``; a finished attempt has
``total`` = items correct and ``group_scores`` = {category: fraction correct}.
"""

import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, select

from cs_trainer import attempt_kinds, changes
from cs_trainer.errors import ContentError, NotFoundError, UserError
from cs_trainer.quizzes.quiz import (
    CategoryInfo,
    ItemReview,
    QuizPaper,
    QuizScore,
    bank_categories,
    builtin_quiz_bank,
    check_answer,
    draw,
    is_correct,
    review_paper,
    score_paper,
)
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.services import acting, audit, permissions
from cs_trainer.services.attempts import require_attempt, require_open_attempt
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import PRACTICE
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, Person, Response
from cs_trainer.store.snapshots import canonical_hash, keep_snapshot

QUIZ = attempt_kinds.QUIZ.name  # the attempts.kind this module owns
PAPER_NUMBERS = range(1, 1_000_000)  # seeds drawn for the trainer: short enough to write down

Answers = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class QuizProgress:
    """An attempt as far as it has got: what the quiz page needs to carry on."""

    attempt_id: int
    person_id: int
    person_name: str
    paper: QuizPaper
    answers: Answers
    category_names: dict[str, Text]
    started_at: datetime
    finished: bool

    def unanswered(self) -> list[str]:
        return [item.id for item in self.paper.items if item.id not in self.answers]


@dataclass(frozen=True)
class QuizResult:
    """A finished attempt with everything the result screen shows."""

    attempt_id: int
    person_id: int
    person_name: str
    paper: QuizPaper
    answers: Answers
    category_names: dict[str, Text]
    score: QuizScore
    review: list[ItemReview]
    started_at: datetime
    finished_at: datetime


def quiz_categories() -> list[CategoryInfo]:
    """The built-in bank's categories with their item counts, for the setup dialog."""
    return bank_categories(builtin_quiz_bank().content)


@permissions.requires(PRACTICE, owner=permissions.person_argument("person_id"))
def start_quiz(
    db: Database, person_id: int, categories: Sequence[str], count: int, seed: int | None = None
) -> int:
    """Draw a paper for a person and open an attempt of it; return the attempt's ID.

    Without a seed a fresh paper number is drawn, and stored like a given one, so any
    paper can be drawn again later.
    """
    loaded = builtin_quiz_bank()
    paper = draw(loaded.content, categories, count, _check_seed(seed))
    body = paper.to_body()
    digest = canonical_hash(body)
    with db.writing(changes.ATTEMPTS) as session:
        if session.get(Person, person_id) is None:
            raise NotFoundError(
                "there is no person with ID {id}", "没有 ID 为 {id} 的人员", id=person_id
            )
        keep_snapshot(session, digest, paper.bank_id, loaded.content.version, body)
        attempt = Attempt(
            person_id=person_id,
            kind=QUIZ,
            instrument_id=paper.bank_id,
            content_hash=digest,
            mode="practice",
            conducted_by=acting.signed_in_name(),
            account_id=acting.current().account_id,
            started_at=utc_now(),
            status="in_progress",
            details={"seed": paper.seed, "categories": list(paper.categories), "count": count},
        )
        session.add(attempt)
        session.flush()
        return attempt.id


@permissions.requires(PRACTICE, owner=permissions.attempt_argument("attempt_id"))
def answer(db: Database, attempt_id: int, item_id: str, chosen: Iterable[str]) -> tuple[str, ...]:
    """Commit the answer to one item now; answering again replaces it, and an empty
    choice (the last box unticked) withdraws it. Returns the choice as stored."""
    with db.writing(changes.ATTEMPTS) as session:
        attempt = require_open_attempt(session, attempt_id, attempt_kinds.QUIZ)
        item = _paper_of(attempt).item(item_id)
        picked = check_answer(item, chosen)
        existing = session.scalars(
            select(Response).where(Response.attempt_id == attempt_id, Response.item_id == item_id)
        ).first()
        if not picked:
            if existing is not None:
                session.delete(existing)
            return picked
        if existing is None:
            existing = Response(attempt_id=attempt_id, item_id=item_id)
            session.add(existing)
        existing.value = int(is_correct(item, picked))
        existing.data = {"chosen": list(picked)}
        existing.answered_at = utc_now()
        return picked


@permissions.requires(PRACTICE, owner=permissions.attempt_argument("attempt_id"))
def finish_quiz(db: Database, attempt_id: int) -> QuizResult:
    """Score a fully answered attempt and close it; refuses while items are unanswered."""
    with db.writing(changes.ATTEMPTS) as session:
        attempt = require_open_attempt(session, attempt_id, attempt_kinds.QUIZ)
        paper = _paper_of(attempt)
        answers = _answers_of(attempt)
        missing = [item.id for item in paper.items if item.id not in answers]
        if missing:
            raise UserError(
                "{missing} of {total} items are still unanswered",
                "{total} 道题中还有 {missing} 道没有作答",
                missing=len(missing),
                total=len(paper.items),
            )
        score = score_paper(paper, answers)
        attempt.status, attempt.finished_at = "finished", utc_now()
        attempt.total = score.correct
        attempt.group_scores = score.fractions()
        audit.record(
            session,
            "quiz.finish",
            f"attempt:{attempt_id}",
            after={
                "bank": attempt.instrument_id,
                "correct": score.correct,
                "items": len(paper.items),
            },
            person_id=attempt.person_id,
        )
    return quiz_result(db, attempt_id)


@permissions.requires(PRACTICE, owner=permissions.attempt_argument("attempt_id"))
def load_quiz(db: Database, attempt_id: int) -> QuizProgress:
    """The paper and the answers given so far (finished or not), e.g. to resume."""
    with db.reading() as session:
        return _progress(require_attempt(session, attempt_id, attempt_kinds.QUIZ))


@permissions.requires(PRACTICE, owner=permissions.attempt_argument("attempt_id"))
def quiz_result(db: Database, attempt_id: int) -> QuizResult:
    """A finished attempt's score and review; refuses an unfinished one."""
    with db.reading() as session:
        attempt = require_attempt(session, attempt_id, attempt_kinds.QUIZ)
        if attempt.status != "finished":
            raise UserError(
                "quiz {id} is not finished yet", "知识测验 {id} 还没有完成", id=attempt_id
            )
        return _result(attempt)


@permissions.requires(PRACTICE, owner=permissions.person_argument("person_id"))
def quiz_results(db: Database, person_id: int) -> list[QuizResult]:
    """A person's finished quizzes, oldest first."""
    with db.reading() as session:
        if session.get(Person, person_id) is None:
            raise NotFoundError(
                "there is no person with ID {id}", "没有 ID 为 {id} 的人员", id=person_id
            )
        attempts = session.scalars(
            _quiz_attempts(person_id, "finished").order_by(Attempt.finished_at, Attempt.id)
        ).all()
        return [_result(attempt) for attempt in attempts]


@permissions.requires(PRACTICE, owner=permissions.person_argument("person_id"))
def unfinished_quizzes(db: Database, person_id: int | None = None) -> list[QuizProgress]:
    """Quizzes left open by a closed or killed app, oldest first (of one person if given)."""
    with db.reading() as session:
        attempts = session.scalars(
            _quiz_attempts(person_id, "in_progress").order_by(Attempt.started_at, Attempt.id)
        ).all()
        return [_progress(attempt) for attempt in attempts]


def _check_seed(seed: int | None) -> int:
    if seed is None:
        return random.SystemRandom().choice(PAPER_NUMBERS)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise UserError(
            "a paper number is a whole number from 0 up, not {seed}",
            "试卷编号应为 0 或更大的整数，而不是 {seed}",
            seed=repr(seed),
        )
    return seed


def _quiz_attempts(person_id: int | None, status: str) -> Select[Attempt]:
    query = select(Attempt).where(Attempt.kind == QUIZ, Attempt.status == status)
    return query if person_id is None else query.where(Attempt.person_id == person_id)


def _paper_of(attempt: Attempt) -> QuizPaper:
    """The paper exactly as drawn when the attempt started (from its snapshot)."""
    return QuizPaper.from_body(attempt.snapshot.body)


def _answers_of(attempt: Attempt) -> Answers:
    return {r.item_id: tuple((r.data or {}).get("chosen", ())) for r in attempt.responses}


def _category_names() -> dict[str, Text]:
    """Names from the current bank; an old paper still shows when the bank file is broken."""
    try:
        return {str(c): name for c, name in builtin_quiz_bank().content.categories.items()}
    except ContentError:
        return {}


def _names_for(paper: QuizPaper) -> dict[str, Text]:
    names = _category_names()
    used = dict.fromkeys([*paper.categories, *(item.category for item in paper.items)])
    return {category: names.get(category, Text(zh=category, en=category)) for category in used}


def _progress(attempt: Attempt) -> QuizProgress:
    paper = _paper_of(attempt)
    return QuizProgress(
        attempt_id=attempt.id,
        person_id=attempt.person_id,
        person_name=attempt.person.name,
        paper=paper,
        answers=_answers_of(attempt),
        category_names=_names_for(paper),
        started_at=attempt.started_at,
        finished=attempt.status == "finished",
    )


def _result(attempt: Attempt) -> QuizResult:
    paper, answers = _paper_of(attempt), _answers_of(attempt)
    assert attempt.finished_at is not None
    return QuizResult(
        attempt_id=attempt.id,
        person_id=attempt.person_id,
        person_name=attempt.person.name,
        paper=paper,
        answers=answers,
        category_names=_names_for(paper),
        score=score_paper(paper, answers),
        review=review_paper(paper, answers),
        started_at=attempt.started_at,
        finished_at=attempt.finished_at,
    )
