"""Registering candidates: consent, validation, listing and lookup."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from cs_trainer.errors import ConsentMissingError, NotFoundError, UserError
from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.services.candidates import (
    CONSENT_TEXT,
    CONSENT_VERSION,
    NewCandidate,
    add_candidate,
    get_candidate,
    list_candidates,
)
from cs_trainer.services.clock import utc_now
from cs_trainer.services.selftests import record_paper_selftest, start_selftest
from cs_trainer.store.database import Database
from cs_trainer.store.models import Person


def people_count(db: Database) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def candidate(name: str = "张三", phone: str = "13800138000", consent: bool = True) -> NewCandidate:
    return NewCandidate(name=name, phone=phone, position="客服专员", consent=consent)


def answers_totalling_84() -> dict[str, int]:
    ids = [item.id for item in service_potential().instrument.items]
    return dict(zip(ids, [9, 8, 10, 7, 6, 9, 8, 10, 9, 8], strict=True))


def test_consent_is_required_and_nothing_is_stored_without_it(db: Database) -> None:
    with pytest.raises(ConsentMissingError, match="consent"):
        add_candidate(db, candidate(consent=False))
    assert people_count(db) == 0


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_a_name_is_required(db: Database, name: str) -> None:
    with pytest.raises(UserError, match="name is required"):
        add_candidate(db, candidate(name=name))
    assert people_count(db) == 0


@pytest.mark.parametrize("phone", ["", "abc", "12", "138 0013 8000 ext. 5", "电话13800138000"])
def test_a_bad_phone_number_is_refused(db: Database, phone: str) -> None:
    with pytest.raises(UserError, match="is not a phone number"):
        add_candidate(db, candidate(phone=phone))
    assert people_count(db) == 0


@pytest.mark.parametrize("phone", ["13800138000", "+86 138 0013 8000", "(010) 6552-8888"])
def test_usual_phone_numbers_are_accepted(db: Database, phone: str) -> None:
    candidate_id = add_candidate(db, candidate(phone=phone))
    assert get_candidate(db, candidate_id).phone == phone


def test_a_candidate_is_stored_with_consent_recorded(db: Database) -> None:
    before = utc_now()
    candidate_id = add_candidate(
        db, NewCandidate(name="  张三 ", phone=" 13800138000 ", position=" 客服专员 ", consent=True)
    )
    after = utc_now()
    assert isinstance(candidate_id, int)
    other = Database(db.url)
    try:
        with other.reading() as session:
            person = session.get(Person, candidate_id)
            assert person is not None
            assert (person.kind, person.name, person.phone, person.position) == (
                "candidate",
                "张三",
                "13800138000",
                "客服专员",
            )
            assert person.consent_version == CONSENT_VERSION
            assert person.consent_at is not None
            assert before <= person.consent_at <= after
            assert before <= person.created_at <= after
    finally:
        other.dispose()


def test_consent_wording_exists_in_both_languages() -> None:
    assert "同意" in CONSENT_TEXT.zh
    assert "agree" in CONSENT_TEXT.en


def test_get_candidate_returns_the_details(db: Database) -> None:
    candidate_id = add_candidate(db, candidate())
    summary = get_candidate(db, candidate_id)
    assert summary.id == candidate_id
    assert (summary.name, summary.phone, summary.position) == ("张三", "13800138000", "客服专员")
    assert summary.consent_at is not None
    assert abs(summary.created_at - utc_now()) < timedelta(minutes=1)
    assert (summary.latest_total, summary.latest_band, summary.has_unfinished) == (
        None,
        None,
        False,
    )


@pytest.mark.parametrize("unknown", [0, -1, 999])
def test_an_unknown_id_is_not_found(db: Database, unknown: int) -> None:
    add_candidate(db, candidate())
    with pytest.raises(NotFoundError, match=rf"no candidate with ID {unknown}\b"):
        get_candidate(db, unknown)


def test_a_person_who_is_not_a_candidate_is_not_found_as_one(db: Database) -> None:
    with db.writing() as session:
        staff = Person(kind="staff", name="王经理", created_at=datetime(2026, 1, 1))
        session.add(staff)
        session.flush()
        staff_id = staff.id
    with pytest.raises(NotFoundError):
        get_candidate(db, staff_id)
    assert list_candidates(db) == []


def test_list_candidates_newest_first_with_their_latest_result(db: Database) -> None:
    assert list_candidates(db) == []
    first = add_candidate(db, candidate("张三"))
    second = add_candidate(db, candidate("李四", phone="13900139000"))
    third = add_candidate(db, candidate("王五", phone="13700137000"))
    record_paper_selftest(db, first, answers_totalling_84(), "self", "")
    low = dict.fromkeys(answers_totalling_84(), 4)  # total 40
    record_paper_selftest(db, first, low, "manager", "赵主管")
    start_selftest(db, second, "self", "")

    rows = list_candidates(db)
    assert [row.id for row in rows] == [third, second, first]
    by_id = {row.id: row for row in rows}
    assert (by_id[first].latest_total, by_id[first].latest_band) == (40, "not_suited")
    assert by_id[first].has_unfinished is False
    assert (by_id[second].latest_total, by_id[second].has_unfinished) == (None, True)
    assert (by_id[third].latest_total, by_id[third].has_unfinished) == (None, False)
    assert by_id[second].name == "李四"
    assert get_candidate(db, first) == by_id[first]
