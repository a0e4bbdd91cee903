"""Performance reviews of staff with the 工作绩效测评标准 of 《客户服务人员岗位职责任职要求》:
start, rate, finish, print.

A review is an ``Attempt(kind="performance")`` of a staff member
(``Person(kind="staff")``), taken with a snapshot of the form, ``mode="manager"``,
the reviewer in ``conducted_by`` and the review date and period in ``details``.
Each item's rating and comment is one ``Response`` committed the moment it is
given (value = score, notes = comment), so a crash loses nothing already
entered; the overall comment is the response ``"overall"`` with no value.
A finished review is what the manager signs, so it no longer changes.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs_trainer import attempt_kinds, changes
from cs_trainer.errors import InvalidAnswersError, NotFoundError, UserError, refuse_write
from cs_trainer.language import Language
from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.quizzes.schema_common import STORED_SNAPSHOT, Text
from cs_trainer.reports.performance_data import (
    FormItem,
    FormSection,
    ItemRating,
    PerformanceFormData,
    PerformanceSheetData,
    ScaleLabel,
)
from cs_trainer.reports.sheet_data import Bilingual
from cs_trainer.resources import package_path
from cs_trainer.services import acting, audit, permissions
from cs_trainer.services.app_settings import organisation_name
from cs_trainer.services.attempts import require_attempt, require_open_attempt
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import STAFF_EVALUATE
from cs_trainer.services.staff import STAFF
from cs_trainer.staff_forms.performance_schema import OVERALL_ITEM_ID, PerformanceForm
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, Person, Response
from cs_trainer.store.snapshots import keep_snapshot

PERFORMANCE = attempt_kinds.PERFORMANCE.name  # the attempts.kind this module owns
MODE = "manager"
FORM_FILE = "performance_form.yaml"


@dataclass(frozen=True)
class LoadedForm:
    """The form together with the hash of the exact file it came from."""

    form: PerformanceForm
    content_hash: str


@dataclass(frozen=True)
class Rating:
    """One item's score (None while only a comment is written) and comment."""

    score: int | None
    comment: str


@dataclass(frozen=True)
class Review:
    """A review as stored, with the form it was started with."""

    attempt_id: int
    person_id: int
    person_name: str
    position: str
    reviewer: str
    review_date: date
    period_from: date
    period_to: date
    status: str  # in_progress | finished
    started_at: datetime
    finished_at: datetime | None
    form: PerformanceForm
    ratings: dict[str, Rating]
    overall_comment: str

    @property
    def finished(self) -> bool:
        return self.status == "finished"

    @property
    def unrated(self) -> list[str]:
        """Ids of the items still without a score, in the form's order."""
        return [item.id for item in self.form.items if self.score(item.id) is None]

    def score(self, item_id: str) -> int | None:
        rating = self.ratings.get(item_id)
        return rating.score if rating is not None else None

    def comment(self, item_id: str) -> str:
        rating = self.ratings.get(item_id)
        return rating.comment if rating is not None else ""


@cache
def builtin_form() -> LoadedForm:
    """The built-in form (《客户服务人员岗位职责任职要求》篇2), loaded and validated once."""
    form, digest = load_model(package_path("staff_forms", "content", FORM_FILE), PerformanceForm)
    return LoadedForm(form, digest)


# --------------------------------------------------------------------------- staff


# --------------------------------------------------------------------------- reviews


@permissions.requires(STAFF_EVALUATE)
def start_review(
    db: Database,
    person_id: int,
    reviewer: str,
    review_date: date,
    period_from: date,
    period_to: date,
) -> int:
    """Open a review of a staff member with the built-in form; return its attempt ID.

    The reviewer is the signed-in account; ``reviewer`` (typed) counts only while the
    database has no accounts.
    """
    reviewer = acting.signed_in_name(reviewer)
    _check_setup(reviewer, review_date, period_from, period_to)
    loaded = builtin_form()
    with db.writing(changes.ATTEMPTS) as session:
        _require_staff(session, person_id)
        _store_snapshot(session, loaded)
        attempt = Attempt(
            kind=PERFORMANCE,
            person_id=person_id,
            instrument_id=loaded.form.id,
            content_hash=loaded.content_hash,
            mode=MODE,
            conducted_by=reviewer,
            account_id=acting.current().account_id,
            started_at=utc_now(),
            status="in_progress",
            details={
                "review_date": review_date.isoformat(),
                "period_from": period_from.isoformat(),
                "period_to": period_to.isoformat(),
            },
        )
        session.add(attempt)
        session.flush()
        return attempt.id


@permissions.requires(STAFF_EVALUATE)
def rate_item(
    db: Database, attempt_id: int, item_id: str, score: int | None, comment: str = ""
) -> None:
    """Commit one item's score and comment now; rating it again replaces both.

    ``item_id`` ``"overall"`` is the overall comment, which takes no score.
    """
    with db.writing(changes.ATTEMPTS) as session:
        attempt = require_open_attempt(session, attempt_id, attempt_kinds.PERFORMANCE)
        _check_rating(_form_of(attempt), item_id, score)
        existing = session.scalars(
            select(Response).where(Response.attempt_id == attempt_id, Response.item_id == item_id)
        ).first()
        before = None if existing is None else {"score": existing.value, "comment": existing.notes}
        if existing is None:
            session.add(
                Response(
                    attempt_id=attempt_id,
                    item_id=item_id,
                    value=score,
                    notes=comment,
                    answered_at=utc_now(),
                )
            )
        else:
            existing.value, existing.notes, existing.answered_at = score, comment, utc_now()
        audit.record(
            session,
            "performance.rate",
            f"attempt:{attempt_id}",
            before=before and {"item": item_id, **before},
            after={"item": item_id, "score": score, "comment": comment},
            person_id=attempt.person_id,
            personal=["comment"],
        )


@permissions.requires(STAFF_EVALUATE)
def set_overall_comment(db: Database, attempt_id: int, comment: str) -> None:
    """Commit the review's overall comment now."""
    rate_item(db, attempt_id, OVERALL_ITEM_ID, None, comment)


@permissions.requires(STAFF_EVALUATE)
def finish_review(db: Database, attempt_id: int) -> Review:
    """Close a review whose every item is rated; refuses while any is not."""
    with db.writing(changes.ATTEMPTS) as session:
        attempt = require_open_attempt(session, attempt_id, attempt_kinds.PERFORMANCE)
        review = _review(attempt)
        if review.unrated:
            raise UserError(
                "rate every item before finishing: {count} not rated yet ({items_en})",
                "结束前请为每一项评分：还有 {count} 项没有评分（{items_zh}）",
                count=len(review.unrated),
                items_en=_describe(review.form, review.unrated, "en"),
                items_zh=_describe(review.form, review.unrated, "zh"),
            )
        scores = [review.score(item.id) or 0 for item in review.form.items]
        attempt.status = "finished"
        attempt.finished_at = utc_now()
        attempt.total = sum(scores)
        attempt.group_scores = _section_means(review)
        audit.record(
            session,
            "performance.finish",
            f"attempt:{attempt_id}",
            after={"total": attempt.total},
            person_id=attempt.person_id,
        )
    return load_review(db, attempt_id)


@permissions.requires(STAFF_EVALUATE)
def load_review(db: Database, attempt_id: int) -> Review:
    with db.reading() as session:
        return _review(require_attempt(session, attempt_id, attempt_kinds.PERFORMANCE))


@permissions.requires(STAFF_EVALUATE)
def reviews_of(db: Database, person_id: int) -> list[Review]:
    """A staff member's reviews, newest review date first."""
    with db.reading() as session:
        _require_staff(session, person_id)
        attempts = session.scalars(
            select(Attempt).where(Attempt.person_id == person_id, Attempt.kind == PERFORMANCE)
        ).all()
        reviews = [_review(attempt) for attempt in attempts]
    return sorted(reviews, key=lambda r: (r.review_date, r.attempt_id), reverse=True)


# --------------------------------------------------------------------------- PDFs


def form_data(form: PerformanceForm, organisation: str) -> PerformanceFormData:
    """The form as the plain data the PDF writer reads."""
    numbers = _item_numbers(form)
    return PerformanceFormData(
        organisation=organisation,
        form_title=_bilingual(form.title),
        version=form.version,
        instructions=_bilingual(form.instructions),
        scale=[ScaleLabel(point.score, _bilingual(point.label)) for point in form.scale],
        sections=[
            FormSection(
                _bilingual(section.title),
                [FormItem(i.id, numbers[i.id], _bilingual(i.text)) for i in section.items],
            )
            for section in form.sections
        ],
    )


@permissions.requires(STAFF_EVALUATE)
def build_performance_sheet(
    db: Database, attempt_id: int, organisation: str | None = None
) -> PerformanceSheetData:
    """Everything a finished review's form prints; ``organisation`` overrides the setting."""
    review = load_review(db, attempt_id)
    if not review.finished:
        raise UserError("finish the review before printing it", "请先完成测评再打印")
    org = organisation if organisation is not None else organisation_name(db)
    return PerformanceSheetData(
        form=form_data(review.form, org),
        staff_name=review.person_name,
        position=review.position,
        reviewer=review.reviewer,
        review_date=review.review_date,
        period_from=review.period_from,
        period_to=review.period_to,
        ratings={key: ItemRating(r.score, r.comment) for key, r in review.ratings.items()},
        overall_comment=review.overall_comment,
    )


@permissions.requires(STAFF_EVALUATE)
def write_review_pdf(
    db: Database, attempt_id: int, out: Path, organisation: str | None = None
) -> PerformanceSheetData:
    """Write a finished review's form to ``out`` (atomically); return what was printed."""
    from cs_trainer.reports.performance_sheet import write_performance_sheet

    sheet = build_performance_sheet(db, attempt_id, organisation)
    _write(out, lambda: write_performance_sheet(sheet, out))
    return sheet


@permissions.requires(STAFF_EVALUATE)
def write_blank_form_pdf(db: Database, out: Path, organisation: str | None = None) -> None:
    """Write the built-in form, blank, to ``out`` for filling in by hand."""
    from cs_trainer.reports.performance_sheet import write_blank_performance_form

    org = organisation if organisation is not None else organisation_name(db)
    data = form_data(builtin_form().form, org)
    _write(out, lambda: write_blank_performance_form(data, out))


# --------------------------------------------------------------------------- helpers


def _write(out: Path, write: Callable[[], None]) -> None:
    """Run ``write``; a file that cannot be written is the user's problem, not a bug."""
    try:
        write()
    except OSError as exc:  # a missing folder, no permission, a full disk
        refuse_write(out, exc)


def _check_setup(reviewer: str, review_date: date, period_from: date, period_to: date) -> None:
    if not reviewer:
        raise UserError("the review needs the reviewer's name", "需要填写测评人的姓名")
    if period_to < period_from:
        raise UserError("the review period ends before it starts", "测评期间的结束日期早于开始日期")
    if review_date < period_from:
        raise UserError(
            "the review date is before the review period starts", "测评日期早于测评期间的开始日期"
        )


def _check_rating(form: PerformanceForm, item_id: str, score: int | None) -> None:
    if item_id == OVERALL_ITEM_ID:
        if score is not None:
            raise InvalidAnswersError("the overall comment takes no score", "总体评语不打分")
        return
    if item_id not in {item.id for item in form.items}:
        raise InvalidAnswersError(
            "unknown item {item} for {form_en}",
            "《{form_zh}》中没有题目 {item}",
            item=repr(item_id),
            form_en=form.title.en,
            form_zh=form.title.zh,
        )
    if score is not None and (isinstance(score, bool) or score not in form.scores):
        raise InvalidAnswersError(
            "the score for {item_en} must be one of {scores}, not {score}",
            "{item_zh} 的分数应为 {scores} 之一，而不是 {score}",
            item_en=_describe(form, [item_id], "en"),
            item_zh=_describe(form, [item_id], "zh"),
            scores=str(form.scores),
            score=repr(score),
        )


def _store_snapshot(session: Session, loaded: LoadedForm) -> None:
    form = loaded.form
    keep_snapshot(session, loaded.content_hash, form.id, form.version, form.model_dump(mode="json"))


def _require_staff(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.kind != STAFF:
        raise NotFoundError(
            "there is no staff member with ID {id}", "没有 ID 为 {id} 的员工", id=person_id
        )
    return person


def _form_of(attempt: Attempt) -> PerformanceForm:
    """The form exactly as it was when the review started (from its snapshot)."""
    return PerformanceForm.model_validate(attempt.snapshot.body, context={STORED_SNAPSHOT: True})


def _review(attempt: Attempt) -> Review:
    details = attempt.details or {}
    responses = {r.item_id: r for r in attempt.responses}
    overall = responses.pop(OVERALL_ITEM_ID, None)
    return Review(
        attempt_id=attempt.id,
        person_id=attempt.person_id,
        person_name=attempt.person.name,
        position=attempt.person.position,
        reviewer=attempt.conducted_by,
        review_date=date.fromisoformat(details["review_date"]),
        period_from=date.fromisoformat(details["period_from"]),
        period_to=date.fromisoformat(details["period_to"]),
        status=attempt.status,
        started_at=attempt.started_at,
        finished_at=attempt.finished_at,
        form=_form_of(attempt),
        ratings={key: Rating(r.value, r.notes) for key, r in responses.items()},
        overall_comment=overall.notes if overall is not None else "",
    )


def _section_means(review: Review) -> dict[str, float]:
    """Each section's mean score, stored with the finished review for summaries."""
    means = {}
    for section in review.form.sections:
        scores = [review.score(item.id) or 0 for item in section.items]
        means[section.id] = round(sum(scores) / len(scores), 2)
    return means


def _item_numbers(form: PerformanceForm) -> dict[str, int]:
    """Items are numbered within their section, as on the original form (1–10, 1–6, 1–6)."""
    return {
        item.id: number
        for section in form.sections
        for number, item in enumerate(section.items, start=1)
    }


def _describe(form: PerformanceForm, item_ids: list[str], lang: Language) -> str:
    """Items as a reader finds them on the form: "Results 3, Results 5" (in English)."""
    numbers = _item_numbers(form)
    titles = {
        item.id: getattr(section.title, lang) for section in form.sections for item in section.items
    }
    separator = "、" if lang == "zh" else ", "
    return separator.join(f"{titles[item_id]} {numbers[item_id]}" for item_id in item_ids)


def _bilingual(text: Text) -> Bilingual:
    return Bilingual(text.zh, text.en)
