"""Running a structured interview: each interviewer rates each question and task.

An interview by one interviewer is an attempt (kind "interview") that snapshots
the resolved plan; each rating, note and task observation is a response
committed when given. Several interviewers rating the same candidate each have
their own attempt, so every rating stays attributed.

One interviewer may have the interview open on two laptops. Each rating (its score,
note and observations: one response row) carries a version; the page names the
version it showed, and a save over a newer one is refused with what is saved now
(:class:`~cs_trainer.services.versions.StaleRecordError`). One version per item, not
per interview: saves of different items never overwrite each other, so they need not
refuse each other either.
"""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs_trainer import attempt_kinds, changes
from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.quizzes.interview_schema import RATING_MAX, RATING_MIN, ResolvedPlan
from cs_trainer.quizzes.ratings import GroupMean, Rating, group_means, item_means, raters
from cs_trainer.quizzes.schema_common import QUALITY_GROUPS, STORED_SNAPSHOT, Text
from cs_trainer.schema_messages import short_title
from cs_trainer.services import acting, audit, permissions
from cs_trainer.services.attempts import require_attempt, require_open_attempt
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import CANDIDATES_VIEW, INTERVIEWS
from cs_trainer.services.plans import resolve_plan
from cs_trainer.services.versions import StaleRecordError, is_stale
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, Person, Response
from cs_trainer.store.snapshots import canonical_hash, keep_snapshot

INTERVIEW = attempt_kinds.INTERVIEW.name  # the attempts.kind this module owns
GROUPS = QUALITY_GROUPS
TASK_PREFIX = "task:"


@dataclass(frozen=True)
class ItemRating:
    """What one interviewer recorded for one question or task."""

    score: int | None
    notes: str
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InterviewState:
    """One interviewer's interview as far as it has got."""

    attempt_id: int
    person_id: int
    person_name: str
    rater: str
    started_at: datetime
    finished: bool
    plan: ResolvedPlan
    ratings: dict[str, ItemRating]  # by question id, or "task:<id>"
    # each rated item's version, what a save of it names (an item not yet rated: 0)
    versions: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class InterviewSummary:
    """All interviewers' ratings of one candidate on one plan."""

    plan: ResolvedPlan
    raters: list[str]
    ratings: list[Rating]  # questions and tasks, attributed
    item_means: dict[str, float | None]
    group_means: list[GroupMean]
    interviewed_at: datetime
    task_data: dict[tuple[str, str], ItemRating]  # (rater, "task:<id>") → observation


def task_key(task_id: str) -> str:
    """The response item id of a task, kept apart from question ids."""
    return f"{TASK_PREFIX}{task_id}"


@permissions.requires(INTERVIEWS)
def start_interview(db: Database, person_id: int, plan_id: int, rater: str) -> int:
    """Open (or reopen, for the same interviewer) an interview attempt; return its ID.

    The interviewer is the signed-in account; ``rater`` (typed) counts only while
    the database has no accounts.
    """
    rater = acting.signed_in_name(rater)
    account_id = acting.current().account_id
    if not rater:
        raise UserError(
            "the interviewer's name is needed: every rating is attributed",
            "需要填写面试官的姓名：每一项评分都要记在某位面试官名下",
        )
    plan = resolve_plan(db, plan_id)
    body = plan.model_dump(mode="json")
    digest = canonical_hash(body)
    with db.writing(changes.ATTEMPTS) as session:
        _person(session, person_id)
        existing = session.scalars(
            select(Attempt).where(
                Attempt.person_id == person_id,
                Attempt.plan_id == plan_id,
                Attempt.conducted_by == rater,
                Attempt.account_id.is_(None)
                if account_id is None
                else Attempt.account_id == account_id,
                Attempt.kind == INTERVIEW,
                Attempt.status == "in_progress",
            )
        ).first()
        if existing is not None:
            return existing.id
        keep_snapshot(session, digest, f"plan:{plan_id}", 1, body)
        attempt = Attempt(
            person_id=person_id,
            kind=INTERVIEW,
            plan_id=plan_id,
            instrument_id=f"plan:{plan_id}",
            content_hash=digest,
            mode="interviewer",
            conducted_by=rater,
            account_id=account_id,
            started_at=utc_now(),
            status="in_progress",
        )
        session.add(attempt)
        session.flush()
        return attempt.id


@permissions.requires(INTERVIEWS)
def rate(
    db: Database,
    attempt_id: int,
    item_id: str,
    score: int | None,
    notes: str,
    data: dict[str, Any] | None = None,
    seen_version: int | None = None,
) -> int:
    """Commit one question's or task's rating and note now (giving it again replaces it);
    return the rating's new version.

    ``seen_version`` is the item's version the interviewer's screen showed (0: not rated
    yet; None: act on what is saved, e.g. the CLI); a save over a newer one is refused.
    """
    if score is not None and not RATING_MIN <= score <= RATING_MAX:
        raise UserError(
            "a rating is from {low} to {high}, not {score}",
            "评分应在 {low} 到 {high} 之间，而不是 {score}",
            low=RATING_MIN,
            high=RATING_MAX,
            score=score,
        )
    with db.writing(changes.ATTEMPTS) as session:
        attempt = require_open_attempt(session, attempt_id, attempt_kinds.INTERVIEW)
        if item_id not in _item_ids(_plan_of(attempt)):
            raise UserError(
                "{item} is not part of this interview plan",
                "{item} 不在这份面试方案中",
                item=repr(item_id),
            )
        response = session.scalars(
            select(Response).where(Response.attempt_id == attempt_id, Response.item_id == item_id)
        ).first()
        _check_version(attempt, item_id, response, seen_version)
        if response is None:
            response = Response(attempt_id=attempt_id, item_id=item_id, version=1)
            session.add(response)
            before = None
        else:
            before = {"score": response.value, "notes": response.notes, "data": response.data}
            response.version += 1
        response.value, response.notes, response.data = score, notes, data
        response.answered_at = utc_now()
        audit.record(
            session,
            "interview.rate",
            f"attempt:{attempt_id}",
            before=before and {"item": item_id, **before},
            after={"item": item_id, "score": score, "notes": notes, "data": data},
            person_id=attempt.person_id,
            personal=["notes", "data"],
        )
        return response.version


@permissions.requires(INTERVIEWS)
def finish_interview(db: Database, attempt_id: int) -> None:
    """Close one interviewer's interview; every question must have a score."""
    with db.writing(changes.ATTEMPTS) as session:
        attempt = require_attempt(session, attempt_id, attempt_kinds.INTERVIEW)
        plan = _plan_of(attempt)
        scored = {r.item_id for r in attempt.responses if r.value is not None}
        missing = [q for q in plan.questions if q.id not in scored]
        if missing:
            raise UserError(
                "questions not rated yet: {titles_en}",
                "还有题目没有评分：{titles_zh}",
                titles_en="; ".join(short_title(q.text.en) for q in missing),
                titles_zh="；".join(short_title(q.text.zh) for q in missing),
            )
        attempt.status, attempt.finished_at = "finished", utc_now()
        attempt.group_scores = {
            g.group: round(g.mean, 2)
            for g in group_means(_ratings(attempt, plan), GROUPS)
            if g.mean is not None
        }
        audit.record(
            session,
            "interview.finish",
            f"attempt:{attempt_id}",
            after={"group_scores": attempt.group_scores},
            person_id=attempt.person_id,
        )


@permissions.requires(CANDIDATES_VIEW)
def load_interview(db: Database, attempt_id: int) -> InterviewState:
    with db.reading() as session:
        attempt = require_attempt(session, attempt_id, attempt_kinds.INTERVIEW)
        return InterviewState(
            attempt_id=attempt.id,
            person_id=attempt.person_id,
            person_name=attempt.person.name,
            rater=attempt.conducted_by,
            started_at=attempt.started_at,
            finished=attempt.status == "finished",
            plan=_plan_of(attempt),
            ratings={
                r.item_id: ItemRating(r.value, r.notes, dict(r.data or {}))
                for r in attempt.responses
            },
            versions={r.item_id: r.version for r in attempt.responses},
        )


@permissions.requires(CANDIDATES_VIEW)
def interviews_of(db: Database, person_id: int) -> list[InterviewState]:
    """Every interviewer's interview of a person, oldest first."""
    with db.reading() as session:
        _person(session, person_id)
        ids = session.scalars(
            select(Attempt.id)
            .where(Attempt.person_id == person_id, Attempt.kind == INTERVIEW)
            .order_by(Attempt.started_at, Attempt.id)
        ).all()
    return [load_interview(db, attempt_id) for attempt_id in ids]


@permissions.requires(CANDIDATES_VIEW)
def summarise(db: Database, person_id: int) -> list[InterviewSummary]:
    """One summary per plan the person was interviewed with, all raters together."""
    return summaries_of(interviews_of(db, person_id))


def summaries_of(states: list[InterviewState]) -> list[InterviewSummary]:
    """Group already loaded interviews by plan and summarise each plan."""
    by_plan: dict[int, list[InterviewState]] = {}
    for state in states:
        by_plan.setdefault(state.plan.plan_id, []).append(state)
    return [_summary(group) for group in by_plan.values()]


def _summary(states: list[InterviewState]) -> InterviewSummary:
    plan = states[-1].plan
    groups = _group_of(plan)
    ratings = [
        Rating(state.rater, item_id, groups[item_id], rating.score, rating.notes)
        for state in states
        for item_id, rating in state.ratings.items()
        if item_id in groups
    ]
    return InterviewSummary(
        plan=plan,
        raters=raters(ratings),
        ratings=ratings,
        item_means=item_means(ratings),
        group_means=group_means(ratings, GROUPS),
        interviewed_at=min(state.started_at for state in states),
        task_data={
            (state.rater, item_id): rating
            for state in states
            for item_id, rating in state.ratings.items()
            if item_id.startswith(TASK_PREFIX)
        },
    )


def _group_of(plan: ResolvedPlan) -> dict[str, str]:
    groups: dict[str, str] = {question.id: question.group for question in plan.questions}
    groups.update({task_key(task.id): task.group for task in plan.tasks})
    return groups


def _item_ids(plan: ResolvedPlan) -> set[str]:
    return set(_group_of(plan))


def _ratings(attempt: Attempt, plan: ResolvedPlan) -> list[Rating]:
    groups = _group_of(plan)
    return [
        Rating(attempt.conducted_by, r.item_id, groups[r.item_id], r.value, r.notes)
        for r in attempt.responses
        if r.item_id in groups
    ]


def _check_version(
    attempt: Attempt, item_id: str, response: Response | None, seen_version: int | None
) -> None:
    """Refuse a rating saved over a newer one, saying what is saved now: the score, and
    whether there are notes (notes are personal and stay out of messages and logs)."""
    if not is_stale(response.version if response is not None else 0, seen_version):
        return
    title = _item_title(_plan_of(attempt), item_id)
    score = response.value if response is not None else None
    notes = response is not None and bool(response.notes.strip())
    raise StaleRecordError(
        "someone else saved the rating of {item_en} after this interview was opened: it is"
        " now {score_en}, {notes_en}. Nothing was saved; the interview shows what is saved"
        " now",
        "在打开这场面试之后，有人保存了“{item_zh}”的评分：现在是{score_zh}，{notes_zh}。"
        "本次没有保存，面试页面显示的是现在保存的内容",
        item_en=f"“{short_title(title.en)}”",
        item_zh=short_title(title.zh),
        score_en=f"rated {score}" if score is not None else "not rated",
        score_zh=f"{score} 分" if score is not None else "未评分",
        notes_en="with notes" if notes else "with no notes",
        notes_zh="有备注" if notes else "没有备注",
    )


def _item_title(plan: ResolvedPlan, item_id: str) -> Text:
    """A question's text or a task's title, as a message names the item."""
    for question in plan.questions:
        if question.id == item_id:
            return question.text
    return next(task.title for task in plan.tasks if task_key(task.id) == item_id)


def _plan_of(attempt: Attempt) -> ResolvedPlan:
    return ResolvedPlan.model_validate(attempt.snapshot.body, context={STORED_SNAPSHOT: True})


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError(
            "there is no candidate with ID {id}", "没有 ID 为 {id} 的应聘者", id=person_id
        )
    return person
