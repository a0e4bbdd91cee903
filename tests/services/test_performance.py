"""Performance reviews through the services: the storage contract, autosave, refusals, PDFs."""

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from cs_trainer.errors import InvalidAnswersError, NotFoundError, UserError
from cs_trainer.services import performance
from cs_trainer.services.app_settings import ORGANISATION, set_setting
from cs_trainer.services.candidates import NewCandidate, add_candidate
from cs_trainer.services.performance import (
    builtin_form,
    finish_review,
    load_review,
    rate_item,
    reviews_of,
    set_overall_comment,
    start_review,
)
from cs_trainer.services.staff import add_staff, list_staff
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, InstrumentSnapshot, Person, Response

FORM = builtin_form().form
ITEM_IDS = [item.id for item in FORM.items]
SCORES = [(index % 5) + 1 for index in range(len(ITEM_IDS))]
REVIEW_DATE, PERIOD_FROM, PERIOD_TO = date(2024, 7, 5), date(2024, 1, 1), date(2024, 6, 30)


@pytest.fixture
def staff_id(db: Database) -> int:
    return add_staff(db, "李小梅", "客服专员")


@pytest.fixture
def review_id(db: Database, staff_id: int) -> int:
    return start_review(db, staff_id, "王经理", REVIEW_DATE, PERIOD_FROM, PERIOD_TO)


@pytest.fixture
def fresh_view(db: Database) -> Iterator[Callable[[], Database]]:
    """A new Database object on the same file, as another process would open it."""
    opened: list[Database] = []

    def open_view() -> Database:
        view = Database(db.url)
        opened.append(view)
        return view

    yield open_view
    for view in opened:
        view.dispose()


def rate_all(db: Database, attempt_id: int) -> None:
    for item_id, score in zip(ITEM_IDS, SCORES, strict=True):
        rate_item(db, attempt_id, item_id, score, f"评语 {item_id}")


# --------------------------------------------------------------------------- staff


def test_staff_are_people_of_kind_staff_listed_by_name(db: Database) -> None:
    second = add_staff(db, "  Zhao Lei ", "Senior specialist")
    first = add_staff(db, "Chen Jing")
    add_candidate(db, NewCandidate("张三", "13800138000", "客服专员", consent=True))
    staff = list_staff(db)
    assert [(s.id, s.name, s.position) for s in staff] == [
        (first, "Chen Jing", ""),
        (second, "Zhao Lei", "Senior specialist"),
    ]
    with db.reading() as session:
        assert session.get(Person, second).kind == "staff"  # type: ignore[union-attr]


def test_a_staff_member_needs_a_name(db: Database) -> None:
    with pytest.raises(UserError, match="needs a name"):
        add_staff(db, "   ")


# --------------------------------------------------------------------------- storage contract


def test_a_review_is_stored_as_the_contract_says(
    db: Database, staff_id: int, review_id: int
) -> None:
    rate_all(db, review_id)
    set_overall_comment(db, review_id, "工作认真负责。")
    finish_review(db, review_id)
    with db.reading() as session:
        attempt = session.get(Attempt, review_id)
        assert attempt is not None
        assert (attempt.kind, attempt.person_id, attempt.instrument_id, attempt.mode) == (
            "performance",
            staff_id,
            FORM.id,
            "manager",
        )
        assert attempt.conducted_by == "王经理"
        assert attempt.details == {
            "review_date": "2024-07-05",
            "period_from": "2024-01-01",
            "period_to": "2024-06-30",
        }
        assert attempt.status == "finished" and attempt.finished_at is not None
        assert attempt.total == sum(SCORES)
        snapshot = session.get(InstrumentSnapshot, attempt.content_hash)
        assert snapshot is not None and snapshot.body == FORM.model_dump(mode="json")
        responses = {r.item_id: (r.value, r.notes) for r in attempt.responses}
    expected = {i: (s, f"评语 {i}") for i, s in zip(ITEM_IDS, SCORES, strict=True)}
    assert responses == {**expected, "overall": (None, "工作认真负责。")}


def test_round_trip_through_load_review(db: Database, staff_id: int, review_id: int) -> None:
    rate_all(db, review_id)
    set_overall_comment(db, review_id, "Reliable.")
    review = finish_review(db, review_id)
    assert review == load_review(db, review_id)
    assert (review.person_id, review.person_name, review.position) == (
        staff_id,
        "李小梅",
        "客服专员",
    )
    assert (review.review_date, review.period_from, review.period_to) == (
        REVIEW_DATE,
        PERIOD_FROM,
        PERIOD_TO,
    )
    assert [review.score(i) for i in ITEM_IDS] == SCORES
    assert review.comment("act_05") == "评语 act_05"
    assert review.overall_comment == "Reliable."
    assert review.finished and review.unrated == []
    assert "overall" not in review.ratings


def test_rating_again_replaces_score_and_comment(db: Database, review_id: int) -> None:
    rate_item(db, review_id, "prep_01", 2, "first thought")
    rate_item(db, review_id, "prep_01", 4, "on reflection")
    rate_item(db, review_id, "prep_02", None, "a comment before the score")
    review = load_review(db, review_id)
    assert (review.score("prep_01"), review.comment("prep_01")) == (4, "on reflection")
    assert (review.score("prep_02"), review.comment("prep_02")) == (
        None,
        "a comment before the score",
    )
    with db.reading() as session:
        rows = session.scalars(select(Response).where(Response.attempt_id == review_id)).all()
        assert sorted(row.item_id for row in rows) == ["prep_01", "prep_02"]


def test_every_rating_is_visible_at_once_from_another_database(
    db: Database, review_id: int, fresh_view: Callable[[], Database]
) -> None:
    view = fresh_view()
    rate_item(db, review_id, "res_01", 5, "及时率 98%")
    assert load_review(view, review_id).ratings["res_01"] == performance.Rating(5, "及时率 98%")
    set_overall_comment(db, review_id, "半年表现良好")
    assert load_review(fresh_view(), review_id).overall_comment == "半年表现良好"


def test_reviews_of_a_person_newest_first(db: Database, staff_id: int, review_id: int) -> None:
    later = start_review(
        db, staff_id, "赵主管", date(2025, 1, 8), date(2024, 7, 1), date(2024, 12, 31)
    )
    other = add_staff(db, "Chen Jing")
    start_review(db, other, "王经理", REVIEW_DATE, PERIOD_FROM, PERIOD_TO)
    assert [r.attempt_id for r in reviews_of(db, staff_id)] == [later, review_id]
    assert [r.finished for r in reviews_of(db, staff_id)] == [False, False]


# --------------------------------------------------------------------------- refusals


def test_finish_refuses_while_items_are_unrated(db: Database, review_id: int) -> None:
    rate_all(db, review_id)
    rate_item(db, review_id, "res_03", None, "score later")
    rate_item(db, review_id, "prep_02", None, "")
    with pytest.raises(
        UserError, match=r"2 not rated yet \(Preparation for assignments 2, Results 3\)"
    ):
        finish_review(db, review_id)
    assert not load_review(db, review_id).finished


def test_a_finished_review_no_longer_changes(db: Database, review_id: int) -> None:
    rate_all(db, review_id)
    finish_review(db, review_id)
    for change in (
        lambda: rate_item(db, review_id, "prep_01", 1, ""),
        lambda: set_overall_comment(db, review_id, "later"),
        lambda: finish_review(db, review_id),
    ):
        with pytest.raises(UserError, match="finished and can no longer change"):
            change()
    assert load_review(db, review_id).score("prep_01") == SCORES[0]


@pytest.mark.parametrize(
    ("item_id", "score", "message"),
    [
        ("prep_01", 0, "must be one of"),
        ("prep_01", 6, "must be one of"),
        ("prep_01", True, "must be one of"),
        ("nonsense", 3, "unknown item"),
        ("overall", 3, "takes no score"),
    ],
)
def test_bad_ratings_are_refused(
    db: Database, review_id: int, item_id: str, score: int, message: str
) -> None:
    with pytest.raises(InvalidAnswersError, match=message):
        rate_item(db, review_id, item_id, score, "")
    assert load_review(db, review_id).ratings == {}


def test_start_refuses_bad_setup_and_people_who_are_not_staff(db: Database, staff_id: int) -> None:
    candidate = add_candidate(db, NewCandidate("张三", "13800138000", "客服专员", consent=True))
    with pytest.raises(NotFoundError, match="no staff member"):
        start_review(db, candidate, "王经理", REVIEW_DATE, PERIOD_FROM, PERIOD_TO)
    with pytest.raises(NotFoundError, match="no staff member"):
        start_review(db, 9999, "王经理", REVIEW_DATE, PERIOD_FROM, PERIOD_TO)
    with pytest.raises(UserError, match="reviewer"):
        start_review(db, staff_id, "  ", REVIEW_DATE, PERIOD_FROM, PERIOD_TO)
    with pytest.raises(UserError, match="ends before it starts"):
        start_review(db, staff_id, "王经理", REVIEW_DATE, PERIOD_TO, PERIOD_FROM)
    with pytest.raises(UserError, match="before the review period starts"):
        start_review(db, staff_id, "王经理", date(2023, 12, 31), PERIOD_FROM, PERIOD_TO)
    assert reviews_of(db, staff_id) == []


def test_other_attempts_are_not_reviews(db: Database, staff_id: int) -> None:
    with pytest.raises(NotFoundError, match="no performance review"):
        load_review(db, 12345)
    with pytest.raises(NotFoundError):
        reviews_of(db, 12345)


# --------------------------------------------------------------------------- PDFs


def _text(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_a_finished_review_prints_with_the_organisation(
    db: Database, review_id: int, tmp_path: Path
) -> None:
    set_setting(db, ORGANISATION, "星辰客服中心")
    rate_all(db, review_id)
    with pytest.raises(UserError, match="finish the review before printing"):
        performance.write_review_pdf(db, review_id, tmp_path / "early.pdf")
    finish_review(db, review_id)
    out = tmp_path / "review.pdf"
    sheet = performance.write_review_pdf(db, review_id, out)
    assert sheet.form.organisation == "星辰客服中心"
    assert [s.title.zh for s in sheet.form.sections] == ["受命准备", "业务活动", "成果"]
    assert [i.number for i in sheet.form.sections[1].items] == [1, 2, 3, 4, 5, 6]
    text = _text(out)
    assert "星辰客服中心" in text and "李小梅" in text and "王经理" in text


def test_the_blank_form_and_an_unwritable_folder(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "blank.pdf"
    performance.write_blank_form_pdf(db, out, organisation="Star Service")
    assert "Star Service" in _text(out)
    with pytest.raises(UserError, match="cannot write"):
        performance.write_blank_form_pdf(db, tmp_path / "missing" / "blank.pdf")
