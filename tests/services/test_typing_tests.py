"""Typing tests through the services: pass mark setting, recording, history, refusals."""

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.quizzes import interview_content
from cs_trainer.quizzes.interview_content import Loaded
from cs_trainer.quizzes.interview_schema import TypingPassage, TypingSet
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.services import typing_tests
from cs_trainer.services.app_settings import set_setting
from cs_trainer.services.candidates import NewCandidate, add_candidate
from cs_trainer.services.selftests import finished_selftests
from cs_trainer.services.typing_tests import (
    TYPING_PASS_MARK,
    passages,
    record_typing_test,
    set_typing_pass_mark,
    typing_pass_mark,
    typing_results,
)
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, InstrumentSnapshot, Response

ZH_TEXT = ("您好，这里是客户服务中心，请问有什么可以帮您？" * 5)[:100]
EN_TEXT = "Thank you for calling the service centre. How may I help you today? " * 2


def small_typing_set() -> TypingSet:
    """Two passages made for these tests, independent of the shipped content."""
    return TypingSet(
        id="test_typing",
        version=1,
        kind="typing",
        passages=[
            TypingPassage(
                id="zh_test",
                language="zh",
                title=Text(zh="客服开场白", en="Service greeting"),
                source="test",
                text=ZH_TEXT,
            ),
            TypingPassage(
                id="en_test",
                language="en",
                title=Text(zh="英文开场白", en="English greeting"),
                source="test",
                text=EN_TEXT,
            ),
        ],
    )


@pytest.fixture(autouse=True)
def test_passages(monkeypatch: pytest.MonkeyPatch) -> TypingSet:
    content = small_typing_set()
    monkeypatch.setattr(typing_tests, "builtin_typing", lambda: Loaded(content, "0" * 64))
    return content


@pytest.fixture
def candidate_id(db: Database) -> int:
    return add_candidate(db, NewCandidate("张三", "13800138000", "客服专员", consent=True))


@pytest.fixture
def reopened(db: Database) -> Iterator[Database]:
    """A new Database object on the same file, like the next start of the app."""
    view = Database(db.url)
    yield view
    view.dispose()


def test_pass_mark_defaults_to_80(db: Database) -> None:
    assert typing_pass_mark(db) == 80


def test_pass_mark_can_be_changed_and_is_shared(db: Database, reopened: Database) -> None:
    set_typing_pass_mark(db, 60)
    assert typing_pass_mark(reopened) == 60


@pytest.mark.parametrize("value", [0, -1, 401])
def test_pass_mark_out_of_range_is_refused(db: Database, value: int) -> None:
    with pytest.raises(UserError, match="between 1 and 400"):
        set_typing_pass_mark(db, value)
    assert typing_pass_mark(db) == 80


@pytest.mark.parametrize("value", [1, 400])
def test_pass_mark_limits_are_allowed(db: Database, value: int) -> None:
    set_typing_pass_mark(db, value)
    assert typing_pass_mark(db) == value


@pytest.mark.parametrize("raw", ["", "fast", "0", "9999"])
def test_an_unusable_stored_pass_mark_falls_back_to_80(db: Database, raw: str) -> None:
    set_setting(db, TYPING_PASS_MARK, raw)
    assert typing_pass_mark(db) == 80


def test_passages_by_language() -> None:
    assert [p.id for p in passages()] == ["zh_test", "en_test"]
    assert [p.id for p in passages("zh")] == ["zh_test"]
    assert [p.id for p in passages("en")] == ["en_test"]
    with pytest.raises(UserError, match="'fr'"):
        passages("fr")


def test_a_result_round_trips_through_a_fresh_database(
    db: Database, reopened: Database, candidate_id: int
) -> None:
    typed = ZH_TEXT[:50] + "\n" + ZH_TEXT[50:90]  # 90 characters, the line break ignored
    outcome = record_typing_test(db, candidate_id, "zh_test", typed, 60, " 王经理 ")
    assert (outcome.metrics.typed_chars, outcome.metrics.correct_chars) == (90, 90)
    assert (outcome.pass_mark, outcome.passed, outcome.conducted_by) == (80, True, "王经理")

    [stored] = typing_results(reopened, candidate_id)
    assert stored == outcome
    assert stored.passage.id == "zh_test" and stored.passage.text == ZH_TEXT
    assert stored.metrics.cpm == pytest.approx(90)
    assert stored.metrics.accuracy == 1.0


def test_the_rows_hold_the_attempt_snapshot_and_typed_text(db: Database, candidate_id: int) -> None:
    outcome = record_typing_test(db, candidate_id, "zh_test", ZH_TEXT[:70], 60, "王经理")
    with db.reading() as session:
        attempt = session.get(Attempt, outcome.attempt_id)
        assert attempt is not None
        assert (attempt.kind, attempt.mode, attempt.status) == ("typing", "interviewer", "finished")
        assert attempt.instrument_id == "typing:zh_test"
        assert attempt.finished_at is not None
        assert (attempt.finished_at - attempt.started_at).total_seconds() == pytest.approx(60)
        snapshot = session.get(InstrumentSnapshot, attempt.content_hash)
        assert snapshot is not None and snapshot.body["text"] == ZH_TEXT
        [response] = session.scalars(select(Response).where(Response.attempt_id == attempt.id))
        assert (response.item_id, response.value) == ("zh_test", 70)
        assert response.data is not None
        assert response.data["typed"] == ZH_TEXT[:70]
        assert (response.data["pass_mark"], response.data["passed"]) == (80, False)
        assert set(response.data) >= {
            "typed",
            "seconds",
            "cpm",
            "gross_cpm",
            "accuracy",
            "correct_chars",
            "typed_chars",
            "pass_mark",
            "passed",
        }


def test_the_snapshot_is_shared_by_tests_of_the_same_passage(
    db: Database, candidate_id: int
) -> None:
    record_typing_test(db, candidate_id, "zh_test", ZH_TEXT, 60, "")
    record_typing_test(db, candidate_id, "zh_test", ZH_TEXT, 70, "")
    with db.reading() as session:
        hashes = set(session.scalars(select(Attempt.content_hash)))
        snapshots = session.scalars(select(InstrumentSnapshot.content_hash)).all()
        assert len(hashes) == 1
        assert list(hashes) == list(snapshots)


def test_history_keeps_the_pass_mark_it_was_taken_with(db: Database, candidate_id: int) -> None:
    record_typing_test(db, candidate_id, "zh_test", ZH_TEXT[:85], 60, "王经理")  # 85 ≥ 80
    set_typing_pass_mark(db, 90)
    record_typing_test(db, candidate_id, "en_test", EN_TEXT, 60, "王经理")
    first, second = typing_results(db, candidate_id)
    assert (first.passage.id, first.pass_mark, first.passed) == ("zh_test", 80, True)
    assert (second.passage.id, second.pass_mark) == ("en_test", 90)
    assert first.taken_at <= second.taken_at


def test_a_passage_edited_later_still_shows_as_typed(
    db: Database, candidate_id: int, test_passages: TypingSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    record_typing_test(db, candidate_id, "zh_test", ZH_TEXT, 60, "")
    edited = test_passages.model_copy(
        update={"passages": [test_passages.passages[0].model_copy(update={"text": "改" * 60})]}
    )
    monkeypatch.setattr(typing_tests, "builtin_typing", lambda: Loaded(edited, "1" * 64))
    [outcome] = typing_results(db, candidate_id)
    assert outcome.passage.text == ZH_TEXT
    assert outcome.metrics.correct_chars == 100


def test_unknown_person_is_refused(db: Database) -> None:
    with pytest.raises(NotFoundError):
        record_typing_test(db, 999, "zh_test", ZH_TEXT, 60, "")
    with pytest.raises(NotFoundError):
        typing_results(db, 999)


def test_unknown_passage_is_refused(db: Database, candidate_id: int) -> None:
    with pytest.raises(UserError, match="no typing passage 'missing'"):
        record_typing_test(db, candidate_id, "missing", ZH_TEXT, 60, "")
    assert typing_results(db, candidate_id) == []


@pytest.mark.parametrize("typed", ["", "   \n"])
def test_nothing_typed_is_refused(db: Database, candidate_id: int, typed: str) -> None:
    with pytest.raises(UserError, match="nothing was typed"):
        record_typing_test(db, candidate_id, "zh_test", typed, 60, "")


def test_no_time_is_refused(db: Database, candidate_id: int) -> None:
    with pytest.raises(UserError, match="more than zero seconds"):
        record_typing_test(db, candidate_id, "zh_test", ZH_TEXT, 0, "")
    assert typing_results(db, candidate_id) == []


def test_typing_attempts_stay_out_of_the_selftest_history(db: Database, candidate_id: int) -> None:
    record_typing_test(db, candidate_id, "zh_test", ZH_TEXT, 60, "")
    assert finished_selftests(db, candidate_id) == []


def test_the_shipped_passages_work_in_both_languages(
    db: Database, candidate_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(typing_tests, "builtin_typing", interview_content.builtin_typing)
    chinese, english = passages("zh"), passages("en")
    assert chinese and english
    passage = chinese[0]
    outcome = record_typing_test(db, candidate_id, passage.id, passage.text, 120, "王经理")
    assert outcome.metrics.accuracy == 1.0
    assert outcome.metrics.typed_chars == len(passage.text.replace(" ", ""))
    assert typing_results(db, candidate_id) == [outcome]
