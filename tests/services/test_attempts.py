"""The one way services find an attempt of their kind, with each kind's own refusals."""

import pytest

from cs_trainer import attempt_kinds
from cs_trainer.attempt_kinds import AttemptKind
from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.services import selftests
from cs_trainer.services.attempts import require_attempt, require_open_attempt
from cs_trainer.services.candidates import NewCandidate, add_candidate
from cs_trainer.store.database import Database


@pytest.fixture
def open_selftest(db: Database) -> int:
    person = add_candidate(db, NewCandidate("王小明", "13800000000", "", consent=True))
    return selftests.start_selftest(db, person, "self", "")


def test_an_attempt_of_the_kind_is_found(db: Database, open_selftest: int) -> None:
    with db.reading() as session:
        attempt = require_open_attempt(session, open_selftest, attempt_kinds.SELFTEST)
        assert require_attempt(session, open_selftest, attempt_kinds.SELFTEST) is attempt
        assert attempt.kind == attempt_kinds.SELFTEST.name


@pytest.mark.parametrize("kind", attempt_kinds.ALL, ids=lambda kind: kind.name)
def test_an_unknown_id_is_not_found_in_the_kinds_words(db: Database, kind: AttemptKind) -> None:
    with db.reading() as session, pytest.raises(NotFoundError) as raised:
        require_attempt(session, 404, kind)
    assert str(raised.value) == kind.not_found.en.format(id=404)
    assert raised.value.message("zh") == kind.not_found.zh.format(id=404)


def test_an_attempt_of_another_kind_is_not_found(db: Database, open_selftest: int) -> None:
    with db.reading() as session, pytest.raises(NotFoundError, match="no quiz attempt"):
        require_open_attempt(session, open_selftest, attempt_kinds.QUIZ)


def test_a_finished_attempt_is_refused_in_the_kinds_words(db: Database, open_selftest: int) -> None:
    with db.writing() as session:
        require_attempt(session, open_selftest, attempt_kinds.SELFTEST).status = "finished"
    with db.reading() as session, pytest.raises(UserError) as raised:
        require_open_attempt(session, open_selftest, attempt_kinds.SELFTEST)
    assert not isinstance(raised.value, NotFoundError)
    assert str(raised.value) == f"self-test {open_selftest} is already finished"
