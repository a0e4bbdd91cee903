"""Texts longer than their column are refused alike on SQLite and PostgreSQL."""

import pytest
from sqlalchemy import func, select

from cs_trainer.errors import UserError
from cs_trainer.services import candidates, cohorts
from cs_trainer.services.candidates import NewCandidate
from cs_trainer.store.database import Database
from cs_trainer.store.field_limits import INTERNAL, TITLES, FieldTooLongError, bounded_columns
from cs_trainer.store.models import Cohort, Person


def test_every_bounded_column_is_either_titled_or_internal() -> None:
    """A new String(n) column must say whether people fill it (and by what title)."""
    columns = {(table, column) for table, column, _limit in bounded_columns()}
    assert columns == set(TITLES) | INTERNAL
    assert not set(TITLES) & INTERNAL


def test_a_name_one_over_the_limit_is_refused_with_its_title(db: Database) -> None:
    with pytest.raises(FieldTooLongError) as refused:
        candidates.add_candidate(db, NewCandidate("张" * 201, "13800138000", "客服专员", True))
    assert (
        refused.value.message("en") == "The name may be at most 200 characters (this one has 201)."
    )
    assert refused.value.message("zh") == "姓名最多 200 个字符（现在有 201 个）。"
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0


def test_a_name_at_the_limit_is_stored_whole(db: Database) -> None:
    name = "张" * 200
    person = candidates.add_candidate(db, NewCandidate(name, "13800138000", "客服专员", True))
    assert candidates.get_candidate(db, person).name == name


def test_an_edit_over_the_limit_leaves_the_record_unchanged(db: Database) -> None:
    person = candidates.add_candidate(db, NewCandidate("李四", "13800138000", "客服专员", True))
    with pytest.raises(UserError, match="position may be at most 200"):
        candidates.edit_candidate(db, person, candidates.CandidateEdit(position="岗" * 300))
    assert candidates.get_candidate(db, person).position == "客服专员"


def test_a_cohort_name_over_the_limit_is_refused(db: Database) -> None:
    with pytest.raises(FieldTooLongError, match="cohort's name"):
        cohorts.create_cohort(db, "班" * 201)
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Cohort)) == 0


def test_an_internal_column_over_its_length_is_a_bug(db: Database) -> None:
    with pytest.raises(ValueError, match=r"people\.kind"), db.writing() as session:
        session.add(Person(kind="k" * 17, name="王五", stage="registered"))
