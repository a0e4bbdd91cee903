"""Accounts: the first admin, argon2id hashes and their rehash, throttling, PINs."""

from datetime import timedelta
from typing import Literal

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from cs_trainer.errors import PermissionDeniedError, SignInRefusedError, UserError
from cs_trainer.services import accounts, clock, permissions
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.store.database import Database
from cs_trainer.store.models import Account, Person

PASSWORD = "correct horse battery"


def _stored_hash(db: Database, name: str) -> str:
    with db.reading() as session:
        value = session.scalar(select(Account.password_hash).where(Account.name == name))
    assert value is not None
    return value


def test_the_first_account_must_be_an_admin_and_has_no_default_password(db: Database) -> None:
    assert not accounts.accounts_exist(db)
    with pytest.raises(UserError, match="first account must be an administrator"):
        accounts.add_account(db, accounts.NewAccount("hr1", "HR", "hr", PASSWORD))
    with pytest.raises(UserError, match="at least 8 characters"):
        accounts.add_account(db, accounts.NewAccount("root", "Root", "admin", ""))
    accounts.add_account(db, accounts.NewAccount("root", "Root", "admin", PASSWORD))
    assert accounts.accounts_exist(db)


def test_a_second_account_needs_an_admin_signed_in(db: Database) -> None:
    accounts.add_account(db, accounts.NewAccount("root", "Root", "admin", PASSWORD))
    with pytest.raises(UserError, match="sign in first"):
        accounts.add_account(db, accounts.NewAccount("hr1", "HR", "hr", PASSWORD))
    admin = accounts.sign_in(db, "root", PASSWORD)
    with acting_as(admin):
        accounts.add_account(db, accounts.NewAccount("hr1", "HR", "hr", PASSWORD))
    assert accounts.sign_in(db, "HR1", PASSWORD).role == "hr"  # names ignore case


def test_passwords_are_stored_as_argon2id_hashes_never_as_text(db: Database) -> None:
    accounts.add_account(db, accounts.NewAccount("root", "Root", "admin", PASSWORD))
    stored = _stored_hash(db, "root")
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    if db.engine.dialect.name == "sqlite":  # the file itself holds no trace either
        assert db.engine.url.database is not None
        with open(db.engine.url.database, "rb") as handle:
            assert PASSWORD.encode() not in handle.read()


def test_a_hash_made_with_weaker_parameters_is_replaced_at_the_next_sign_in(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add_account(db, accounts.NewAccount("root", "Root", "admin", PASSWORD))
    old = _stored_hash(db, "root")
    stronger = PasswordHasher(time_cost=2, memory_cost=128, parallelism=1)
    monkeypatch.setattr(accounts, "hasher", stronger)
    assert stronger.check_needs_rehash(old)
    accounts.sign_in(db, "root", PASSWORD)
    new = _stored_hash(db, "root")
    assert new != old and not stronger.check_needs_rehash(new)
    accounts.sign_in(db, "root", PASSWORD)  # and the new hash still verifies
    assert _stored_hash(db, "root") == new


def test_wrong_names_and_passwords_get_one_answer(db: Database) -> None:
    accounts.add_account(db, accounts.NewAccount("root", "Root", "admin", PASSWORD))
    with pytest.raises(SignInRefusedError) as wrong_password:
        accounts.sign_in(db, "root", "not it at all")
    with pytest.raises(SignInRefusedError) as unknown_name:
        accounts.sign_in(db, "nobody", PASSWORD)
    assert str(wrong_password.value) == str(unknown_name.value)


def test_failed_sign_ins_slow_down_after_the_third(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    accounts.add_account(db, accounts.NewAccount("root", "Root", "admin", PASSWORD))
    now = [clock.utc_now()]
    monkeypatch.setattr(clock, "utc_now", lambda: now[0])
    for _ in range(3):
        with pytest.raises(SignInRefusedError, match="wrong sign-in name"):
            accounts.sign_in(db, "root", "guess")
    # The fourth try comes at once: refused without looking at the password, even the right one.
    with pytest.raises(SignInRefusedError, match="try again in 1 s"):
        accounts.sign_in(db, "root", PASSWORD)
    now[0] += timedelta(seconds=1)
    with pytest.raises(SignInRefusedError, match="wrong sign-in name"):
        accounts.sign_in(db, "root", "guess")
    with pytest.raises(SignInRefusedError, match="try again in 2 s"):
        accounts.sign_in(db, "root", PASSWORD)
    now[0] += timedelta(seconds=2)
    assert accounts.sign_in(db, "root", PASSWORD).role == "admin"
    with pytest.raises(SignInRefusedError, match="wrong sign-in name"):
        accounts.sign_in(db, "root", "guess")  # a success forgot the earlier failures


def test_the_wait_doubles_and_stops_at_five_minutes() -> None:
    waits = [accounts.wait_before_next_try(n).total_seconds() for n in range(0, 14)]
    assert waits[:3] == [0, 0, 0]
    assert waits[3:8] == [1, 2, 4, 8, 16]
    assert max(waits) == 300


def test_a_trainee_signs_in_with_the_pin_a_trainer_set(
    db: Database, every_role: dict[str, Actor]
) -> None:
    trainee = every_role["trainee"]
    assert accounts.sign_in(db, "trainee", "2468") == trainee
    with db.reading() as session:
        person = session.get(Person, trainee.person_id)
        assert person is not None and (person.kind, person.name) == ("trainee", "学员丁")
    [summary] = [a for a in _as(every_role["trainer"], accounts.trainee_accounts, db)]
    with acting_as(every_role["trainer"]):
        accounts.set_pin(db, summary.id, "1357")
    assert accounts.sign_in(db, "trainee", "1357") == trainee
    with pytest.raises(SignInRefusedError):
        accounts.sign_in(db, "trainee", "2468")
    with acting_as(every_role["trainer"]), pytest.raises(UserError, match="4 to 8 digits"):
        accounts.set_pin(db, summary.id, "12")


def _as(actor: Actor, function, db: Database):  # type: ignore[no-untyped-def]
    with acting_as(actor):
        return function(db)


def test_a_disabled_account_cannot_sign_in_nor_go_on_acting(
    db: Database, every_role: dict[str, Actor]
) -> None:
    hr = every_role["hr"]
    assert hr.account_id is not None
    with acting_as(every_role["admin"]):
        accounts.set_disabled(db, hr.account_id, True)
    with pytest.raises(SignInRefusedError):
        accounts.sign_in(db, "hr", PASSWORD)
    with acting_as(hr), pytest.raises(UserError, match="disabled"):
        permissions.require(db, permissions.CANDIDATES_VIEW)


def test_the_last_admin_cannot_be_disabled(db: Database, every_role: dict[str, Actor]) -> None:
    admin = every_role["admin"]
    assert admin.account_id is not None
    with acting_as(admin), pytest.raises(UserError, match="last active administrator"):
        accounts.set_disabled(db, admin.account_id, True)


def test_only_an_admin_resets_passwords(db: Database, every_role: dict[str, Actor]) -> None:
    hr = every_role["hr"]
    assert hr.account_id is not None
    with acting_as(every_role["trainer"]), pytest.raises(PermissionDeniedError):
        accounts.reset_password(db, hr.account_id, "a new long password")
    with acting_as(every_role["admin"]):
        accounts.reset_password(db, hr.account_id, "a new long password")
    assert accounts.sign_in(db, "hr", "a new long password") == hr


def test_leaving_candidate_mode_needs_hr_or_admin(
    db: Database, every_role: dict[str, Actor]
) -> None:
    assert accounts.confirm_staff(db, "hr", PASSWORD) == every_role["hr"]
    with pytest.raises(SignInRefusedError, match="only an HR interviewer"):
        accounts.confirm_staff(db, "trainer", PASSWORD)


def test_become_changes_who_acts_until_the_next_change(every_role: dict[str, Actor]) -> None:
    import contextvars

    from cs_trainer.services import acting

    def sign_in_and_out() -> list[str]:
        roles = [acting.current().role]
        acting.become(every_role["hr"])
        roles.append(acting.current().role)
        acting.become(acting.ANONYMOUS)
        roles.append(acting.current().role)
        return roles

    assert contextvars.copy_context().run(sign_in_and_out) == ["anonymous", "hr", "anonymous"]


def test_passwords_and_display_names_are_bounded(db: Database) -> None:
    with pytest.raises(UserError, match="at most 1024 characters"):
        accounts.add_account(db, accounts.NewAccount("root", "Root", "admin", "x" * 1025))
    with pytest.raises(UserError, match="display name has at most 200"):
        accounts.add_account(db, accounts.NewAccount("root", "名" * 201, "admin", PASSWORD))
    accounts.add_account(db, accounts.NewAccount("root", "名" * 200, "admin", "x" * 1024))
    assert accounts.sign_in(db, "root", "x" * 1024).role == "admin"


def test_a_megabyte_secret_is_refused_without_being_hashed(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Typed or pasted, a huge "password" costs no argon2 time or memory: it is wrong."""
    accounts.add_account(db, accounts.NewAccount("root", "Root", "admin", PASSWORD))
    hashed: list[int] = []

    class CountingHasher(PasswordHasher):
        def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
            hashed.append(len(password))
            return super().verify(hash, password)

    monkeypatch.setattr(accounts, "hasher", CountingHasher(1, 64, 1))
    with pytest.raises(SignInRefusedError, match="wrong sign-in name"):
        accounts.sign_in(db, "root", "x" * 1_000_000)
    assert hashed == []
    accounts.sign_in(db, "root", PASSWORD)
    assert hashed == [len(PASSWORD)]
