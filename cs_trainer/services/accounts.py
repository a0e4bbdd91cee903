"""Accounts: creating them, signing in, and what an admin or trainer changes about them.

Passwords and PINs are hashed with argon2id (argon2-cffi) and rehashed at sign-in
when the parameters change. Failed sign-ins are counted in the database, so the
GUI and the CLI slow down the same guesser: from the third failure on, each
further try must wait twice as long as the one before (at most five minutes).
There is no default password; the first account is an admin and may be created
only while there is none.
"""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cs_trainer import changes
from cs_trainer.errors import NotFoundError, SignInRefusedError, UserError
from cs_trainer.services import audit, clock, permissions
from cs_trainer.services.acting import Actor
from cs_trainer.services.permissions import ACCOUNTS, ADMIN, ROLES, TRAINEE, TRAINEES_CHANGE
from cs_trainer.store.database import Database
from cs_trainer.store.models import Account, Person

hasher = PasswordHasher()
"""The hasher in use (argon2id, the library's current parameters); tests lower its cost."""

FREE_FAILURES = 3
MAX_WAIT = timedelta(minutes=5)
MIN_PASSWORD = 8
MAX_PASSWORD = 1024  # typed or pasted: hashing is bounded in time and memory
MAX_DISPLAY_NAME = 200  # the column's length, on every database
_PIN = re.compile(r"^[0-9]{4,8}$")
_NAME = re.compile(r"^[^\s]{1,100}$")


@dataclass(frozen=True)
class NewAccount:
    """What an admin types to create an account (a trainer, for trainees)."""

    name: str
    display_name: str
    role: str
    password: str = ""
    pin: str = ""  # trainees may sign in with a PIN instead of a password
    person_id: int | None = None  # a trainee account's trainee record


@dataclass(frozen=True)
class AccountSummary:
    """One row of the account list."""

    id: int
    name: str
    display_name: str
    role: str
    disabled: bool
    has_password: bool
    has_pin: bool
    person_id: int | None
    created_at: datetime


def accounts_exist(db: Database) -> bool:
    return permissions.accounts_exist(db)


def add_account(db: Database, new: NewAccount) -> int:
    """Create an account; the first one must be an admin, and needs nobody signed in."""
    name, display = new.name.strip(), new.display_name.strip() or new.name.strip()
    _check_new(new, name)
    if len(display) > MAX_DISPLAY_NAME:
        raise UserError(
            "a display name has at most {count} characters",
            "显示名最多 {count} 个字符",
            count=MAX_DISPLAY_NAME,
        )
    first = not permissions.accounts_exist(db)
    if first and new.role != ADMIN:
        raise UserError("the first account must be an administrator", "第一个账户必须是管理员")
    if not first:
        permissions.require(db, TRAINEES_CHANGE if new.role == TRAINEE else ACCOUNTS)
    with db.writing(changes.ACCOUNTS) as session:
        if first and session.scalar(select(func.count(Account.id))):
            raise UserError(  # another window or laptop created the first admin meanwhile
                "an administrator already exists: sign in", "已经有管理员账户，请登录"
            )
        _refuse_taken(session, name)
        account = Account(
            name=name,
            display_name=display,
            role=new.role,
            password_hash=hasher.hash(new.password) if new.password else None,
            pin_hash=hasher.hash(new.pin) if new.pin else None,
            person_id=_trainee_record(session, new, display),
            created_at=clock.utc_now(),
        )
        session.add(account)
        session.flush()
        audit.record(
            session,
            "account.add",
            f"account:{account.id}",
            after={"name": name, "display_name": display, "role": new.role},
        )
        return account.id


def _check_new(new: NewAccount, name: str) -> None:
    if new.role not in ROLES:
        raise UserError(
            "unknown role {role}: one of {roles}",
            "没有 {role} 这个角色，可选：{roles}",
            role=new.role,
            roles=", ".join(ROLES),
        )
    if not _NAME.match(name):
        raise UserError(
            "a sign-in name is 1 to 100 characters without spaces",
            "登录名为 1 到 100 个字符，不能有空格",
        )
    if new.pin and new.role != TRAINEE:
        raise UserError("only trainees sign in with a PIN", "只有学员可以用 PIN 登录")
    if new.pin:
        check_pin(new.pin)
    if new.password or new.role != TRAINEE or not new.pin:
        check_password(new.password)


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise UserError(
            "a password has at least {count} characters",
            "密码至少 {count} 个字符",
            count=MIN_PASSWORD,
        )
    if len(password) > MAX_PASSWORD:
        raise UserError(
            "a password has at most {count} characters",
            "密码最多 {count} 个字符",
            count=MAX_PASSWORD,
        )


def check_pin(pin: str) -> None:
    if not _PIN.match(pin):
        raise UserError("a PIN is 4 to 8 digits", "PIN 为 4 到 8 位数字")


def _refuse_taken(session: Session, name: str) -> None:
    if session.scalar(select(Account.id).where(func.lower(Account.name) == name.lower())):
        raise UserError("the sign-in name {name} is taken", "登录名 {name} 已被使用", name=name)


def _trainee_record(session: Session, new: NewAccount, display: str) -> int | None:
    """A trainee account practises as a trainee record: the one given, or a new one."""
    if new.role != TRAINEE:
        return None
    if new.person_id is not None:
        person = session.get(Person, new.person_id)
        if person is None or person.kind != "trainee":
            raise NotFoundError(
                "there is no trainee with ID {id}", "没有 ID 为 {id} 的学员", id=new.person_id
            )
        return person.id
    person = Person(kind="trainee", name=display, created_at=clock.utc_now())
    session.add(person)
    session.flush()
    return person.id


def sign_in(db: Database, name: str, secret: str) -> Actor:
    """The actor for ``name`` if ``secret`` is its password (or a trainee's PIN).

    A wrong name, a wrong secret and a disabled account get the same answer, so the
    message does not tell a guesser which names exist.
    """
    now = clock.utc_now()
    with db.writing(changes.ACCOUNTS) as session:  # the count of failed tries
        account = session.scalar(
            select(Account).where(func.lower(Account.name) == name.strip().lower())
        )
        if account is None or account.disabled:
            _spend_a_hash(secret)
            raise _refused()
        _refuse_while_waiting(account, now)
        if not _matches(account, secret):
            account.failed_sign_ins += 1
            account.last_failed_at = now
            failed: UserError = _refused()
        else:
            account.failed_sign_ins = 0
            account.last_failed_at = None
            return Actor(account.id, account.role, account.display_name, account.person_id)
    raise failed


def _matches(account: Account, secret: str) -> bool:
    """Whether ``secret`` is the password or PIN; a match under old parameters is rehashed."""
    if len(secret) > MAX_PASSWORD:
        return False  # no password is that long: not worth hashing
    for field in ("password_hash", "pin_hash"):
        stored = getattr(account, field)
        if stored is None or not secret:
            continue
        try:
            hasher.verify(stored, secret)
        except (VerificationError, InvalidHashError):
            continue
        if hasher.check_needs_rehash(stored):
            setattr(account, field, hasher.hash(secret))
        return True
    return False


def _spend_a_hash(secret: str) -> None:
    """Take as long as a real check, so timing does not reveal unknown names."""
    hasher.hash(secret[:MAX_PASSWORD] or "-")


def wait_before_next_try(failures: int) -> timedelta:
    """How long after the last failure the next try is refused without checking."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(timedelta(seconds=2 ** (failures - FREE_FAILURES)), MAX_WAIT)


def _refuse_while_waiting(account: Account, now: datetime) -> None:
    if account.last_failed_at is None:
        return
    until = account.last_failed_at + wait_before_next_try(account.failed_sign_ins)
    if now < until:
        seconds = max(1, int((until - now).total_seconds() + 0.999))
        raise SignInRefusedError(
            "too many failed sign-ins: try again in {seconds} s",
            "登录失败次数过多，请 {seconds} 秒后再试",
            seconds=seconds,
        )


def _refused() -> SignInRefusedError:
    return SignInRefusedError(
        "wrong sign-in name or password, or the account is disabled",
        "登录名或密码错误，或账户已停用",
    )


def confirm_staff(db: Database, name: str, secret: str) -> Actor:
    """An HR interviewer or admin confirming with their password (to leave candidate mode)."""
    actor = sign_in(db, name, secret)
    if actor.role not in (ADMIN, permissions.HR):
        raise SignInRefusedError(
            "only an HR interviewer or an administrator can do this",
            "只有人事面试官或管理员可以进行此操作",
        )
    return actor


def list_accounts(db: Database) -> list[AccountSummary]:
    permissions.require(db, ACCOUNTS)
    with db.reading() as session:
        rows = session.scalars(select(Account).order_by(Account.role, Account.name)).all()
        return [_summary(row) for row in rows]


def trainee_accounts(db: Database) -> list[AccountSummary]:
    """The trainees' accounts, for the trainer who sets their PINs."""
    permissions.require(db, TRAINEES_CHANGE)
    with db.reading() as session:
        rows = session.scalars(
            select(Account).where(Account.role == TRAINEE).order_by(Account.name)
        ).all()
        return [_summary(row) for row in rows]


def _summary(row: Account) -> AccountSummary:
    return AccountSummary(
        id=row.id,
        name=row.name,
        display_name=row.display_name,
        role=row.role,
        disabled=row.disabled,
        has_password=row.password_hash is not None,
        has_pin=row.pin_hash is not None,
        person_id=row.person_id,
        created_at=row.created_at,
    )


def find_account(db: Database, name: str) -> AccountSummary:
    """An account by sign-in name (NotFoundError naming it)."""
    permissions.require(db, ACCOUNTS)
    with db.reading() as session:
        row = session.scalar(select(Account).where(func.lower(Account.name) == name.lower()))
        if row is None:
            raise NotFoundError(
                "there is no account named {name}", "没有名为 {name} 的账户", name=name
            )
        return _summary(row)


def set_disabled(db: Database, account_id: int, disabled: bool) -> None:
    """Disable or enable an account; the last active admin cannot be disabled."""
    permissions.require(db, ACCOUNTS)
    with db.writing(changes.ACCOUNTS) as session:
        account = _account(session, account_id)
        if disabled and account.role == ADMIN and _active_admins(session) <= 1:
            raise UserError(
                "the last active administrator cannot be disabled",
                "不能停用最后一个启用的管理员",
            )
        before = account.disabled
        account.disabled = disabled
        audit.record(
            session,
            "account.disable" if disabled else "account.enable",
            f"account:{account.id}",
            before={"disabled": before},
            after={"disabled": disabled},
        )


def reset_password(db: Database, account_id: int, password: str) -> None:
    """Give an account a new password (an admin's reset); failed tries are forgotten."""
    check_password(password)
    permissions.require(db, ACCOUNTS)
    with db.writing(changes.ACCOUNTS) as session:
        account = _account(session, account_id)
        account.password_hash = hasher.hash(password)
        account.failed_sign_ins, account.last_failed_at = 0, None
        audit.record(session, "account.reset_password", f"account:{account.id}")


def set_pin(db: Database, account_id: int, pin: str) -> None:
    """A trainer sets a trainee's PIN."""
    check_pin(pin)
    permissions.require(db, TRAINEES_CHANGE)
    with db.writing(changes.ACCOUNTS) as session:
        account = _account(session, account_id)
        if account.role != TRAINEE:
            raise UserError("only trainees sign in with a PIN", "只有学员可以用 PIN 登录")
        account.pin_hash = hasher.hash(pin)
        account.failed_sign_ins, account.last_failed_at = 0, None
        audit.record(session, "account.set_pin", f"account:{account.id}")


def _account(session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None:
        raise NotFoundError(
            "there is no account with ID {id}", "没有 ID 为 {id} 的账户", id=account_id
        )
    return account


def _active_admins(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count(Account.id)).where(Account.role == ADMIN, ~Account.disabled)
        )
        or 0
    )
