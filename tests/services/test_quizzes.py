"""Quiz attempts: a drawn paper snapshotted, every answer committed, finished and scored,
resumed, and drawn again from its stored seed."""

from typing import Any

import pytest
from sqlalchemy import select

from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.quizzes.quiz import QuizPaper, builtin_quiz_bank, draw
from cs_trainer.quizzes.quiz_schema import QuizItem
from cs_trainer.services import quizzes, roleplays
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, Response

CATEGORIES = ["complaints", "standards", "channels"]


@pytest.fixture
def trainee(db: Database) -> int:
    return roleplays.add_trainee(db, "小王")


def _wrong(item: QuizItem) -> list[str]:
    return [next(option.id for option in item.options if option.id not in item.correct)]


def _attempt_row(db: Database, attempt_id: int) -> tuple[Attempt, list[Response], dict[str, Any]]:
    with db.reading() as session:
        attempt = session.get(Attempt, attempt_id)
        assert attempt is not None
        responses = list(
            session.scalars(select(Response).where(Response.attempt_id == attempt_id)).all()
        )
        return attempt, responses, dict(attempt.snapshot.body)


def test_a_quiz_round_trip_stores_exactly_the_agreed_contract(db: Database, trainee: int) -> None:
    attempt_id = quizzes.start_quiz(db, trainee, CATEGORIES, 6, seed=42)
    paper = quizzes.load_quiz(db, attempt_id).paper
    first, second, *rest = paper.items
    quizzes.answer(db, attempt_id, first.id, first.correct)
    quizzes.answer(db, attempt_id, second.id, _wrong(second))
    for item in rest:
        quizzes.answer(db, attempt_id, item.id, list(reversed(item.correct)))
    result = quizzes.finish_quiz(db, attempt_id)

    attempt, responses, body = _attempt_row(db, attempt_id)
    bank = builtin_quiz_bank().content
    assert (attempt.kind, attempt.instrument_id, attempt.mode, attempt.conducted_by) == (
        "quiz",
        bank.id,
        "practice",
        "",
    )
    assert attempt.details == {"seed": 42, "categories": CATEGORIES, "count": 6}
    assert set(body) == {"bank_id", "seed", "categories", "items"}
    assert (body["bank_id"], body["seed"], body["categories"]) == (bank.id, 42, CATEGORIES)
    assert body["items"] == [item.model_dump(mode="json") for item in paper.items]
    assert len(responses) == 6
    by_item = {response.item_id: response for response in responses}
    assert by_item[first.id].value == 1 and by_item[second.id].value == 0
    assert by_item[second.id].data == {"chosen": _wrong(second)}
    for item in rest:
        assert by_item[item.id].value == 1
        option_order = [o.id for o in item.options]
        assert by_item[item.id].data == {"chosen": sorted(item.correct, key=option_order.index)}
    assert attempt.status == "finished" and attempt.finished_at is not None
    assert attempt.total == 5
    expected = {c: (1.0 if c != second.category else 0.5) for c in CATEGORIES}
    assert attempt.group_scores == pytest.approx(expected)
    assert (result.score.correct, result.score.total) == (5, 6)
    assert [review.correct for review in result.review] == [True, False, True, True, True, True]
    assert set(result.category_names) == set(CATEGORIES)


def test_answering_again_replaces_and_an_empty_choice_withdraws(db: Database, trainee: int) -> None:
    attempt_id = quizzes.start_quiz(db, trainee, ["qualities"], 6, seed=1)
    multiple = next(
        i for i in quizzes.load_quiz(db, attempt_id).paper.items if i.kind == "multiple"
    )
    quizzes.answer(db, attempt_id, multiple.id, multiple.correct[:1])
    quizzes.answer(db, attempt_id, multiple.id, multiple.correct)
    [response] = _attempt_row(db, attempt_id)[1]
    assert response.value == 1
    assert quizzes.answer(db, attempt_id, multiple.id, []) == ()
    assert _attempt_row(db, attempt_id)[1] == []
    assert quizzes.load_quiz(db, attempt_id).answers == {}


def test_each_answer_is_seen_at_once_by_another_process(db: Database, trainee: int) -> None:
    attempt_id = quizzes.start_quiz(db, trainee, ["channels"], 3, seed=8)
    item = quizzes.load_quiz(db, attempt_id).paper.items[0]
    quizzes.answer(db, attempt_id, item.id, item.correct)
    other = Database(db.url)
    try:
        [progress] = quizzes.unfinished_quizzes(other, trainee)
    finally:
        other.dispose()
    assert progress.answers == {item.id: tuple(item.correct)}
    assert progress.unanswered() == [i.id for i in progress.paper.items[1:]]


def test_an_interrupted_quiz_resumes_with_its_paper_and_answers(
    db: Database, trainee: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempt_id = quizzes.start_quiz(db, trainee, ["service_value", "qualities"], 8, seed=77)
    before = quizzes.load_quiz(db, attempt_id)
    for item in before.paper.items[:3]:
        quizzes.answer(db, attempt_id, item.id, item.correct)
    # The bank is edited afterwards: the attempt keeps the paper it was drawn with.
    monkeypatch.setattr(quizzes, "builtin_quiz_bank", lambda: pytest.fail("not needed"))
    monkeypatch.setattr(quizzes, "_category_names", lambda: {})
    resumed = quizzes.load_quiz(db, attempt_id)
    assert resumed.paper == before.paper and not resumed.finished
    assert list(resumed.answers) == [item.id for item in before.paper.items[:3]]
    assert resumed.category_names["qualities"].en == "qualities", "an id stands in for a name"


def test_the_stored_seed_draws_the_same_paper_again(db: Database, trainee: int) -> None:
    attempt_id = quizzes.start_quiz(db, trainee, ["customer_types", "complaints"], 9)
    attempt, _, body = _attempt_row(db, attempt_id)
    details = attempt.details or {}
    assert details["seed"] in quizzes.PAPER_NUMBERS, "a seed was drawn and stored"
    redrawn = draw(
        builtin_quiz_bank().content, details["categories"], details["count"], details["seed"]
    )
    assert redrawn == QuizPaper.from_body(body)
    again = quizzes.start_quiz(db, trainee, details["categories"], 9, seed=details["seed"])
    assert quizzes.load_quiz(db, again).paper == redrawn
    assert _attempt_row(db, again)[0].content_hash == attempt.content_hash, "one snapshot"


def test_finishing_refuses_unanswered_items_and_closed_quizzes_refuse_answers(
    db: Database, trainee: int
) -> None:
    attempt_id = quizzes.start_quiz(db, trainee, ["standards"], 3, seed=2)
    items = quizzes.load_quiz(db, attempt_id).paper.items
    quizzes.answer(db, attempt_id, items[0].id, items[0].correct)
    with pytest.raises(UserError, match="2 of 3 items are still unanswered"):
        quizzes.finish_quiz(db, attempt_id)
    with pytest.raises(UserError, match="not finished yet"):
        quizzes.quiz_result(db, attempt_id)
    for item in items[1:]:
        quizzes.answer(db, attempt_id, item.id, _wrong(item))
    quizzes.finish_quiz(db, attempt_id)
    with pytest.raises(UserError, match="already finished"):
        quizzes.answer(db, attempt_id, items[0].id, _wrong(items[0]))
    with pytest.raises(UserError, match="already finished"):
        quizzes.finish_quiz(db, attempt_id)
    [result] = quizzes.quiz_results(db, trainee)
    assert result.score.correct == 1 and quizzes.unfinished_quizzes(db, trainee) == []


@pytest.mark.parametrize(
    ("categories", "count", "seed", "message"),
    [
        (["channels"], 0, 1, "at least one item"),
        (["channels"], 500, 1, "hold only"),
        (["nonsense"], 3, 1, "no category nonsense"),
        (["channels"], 3, -5, "paper number"),
    ],
)
def test_impossible_quizzes_are_refused_before_anything_is_written(
    db: Database, trainee: int, categories: list[str], count: int, seed: int, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        quizzes.start_quiz(db, trainee, categories, count, seed)
    with db.reading() as session:
        assert session.scalars(select(Attempt)).all() == []


def test_unknown_people_attempts_items_and_options_are_refused(db: Database, trainee: int) -> None:
    with pytest.raises(NotFoundError):
        quizzes.start_quiz(db, 999, ["channels"], 3, seed=1)
    attempt_id = quizzes.start_quiz(db, trainee, ["channels"], 3, seed=1)
    item = quizzes.load_quiz(db, attempt_id).paper.items[0]
    with pytest.raises(UserError, match="no item"):
        quizzes.answer(db, attempt_id, "no_such_item", ["a"])
    with pytest.raises(UserError, match="no option"):
        quizzes.answer(db, attempt_id, item.id, ["zz"])
    with pytest.raises(NotFoundError):
        quizzes.load_quiz(db, attempt_id + 1)
    with pytest.raises(NotFoundError):
        quizzes.quiz_results(db, 999)


def test_categories_for_the_setup_dialog(db: Database) -> None:
    infos = quizzes.quiz_categories()
    assert [info.id for info in infos][:2] == ["service_value", "complaints"]
    assert sum(info.available for info in infos) == len(builtin_quiz_bank().content.items)
