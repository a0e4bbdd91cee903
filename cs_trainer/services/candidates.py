"""Registering candidates, correcting them, their consent, and reading them back.

Personal data is stored only with consent: the wording the candidate agreed to
is versioned, and the version and time are kept with the record.
"""

import contextlib
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs_trainer import attempt_kinds, changes
from cs_trainer.errors import ConsentMissingError, NotFoundError, UserError
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.services import audit, permissions
from cs_trainer.services.clock import local_date, utc_now
from cs_trainer.services.permissions import CANDIDATES_CHANGE, CANDIDATES_VIEW
from cs_trainer.services.printable_text import refuse_unprintable
from cs_trainer.store.database import Database
from cs_trainer.store.models import AppSetting, Attempt, Person

CONSENT_VERSION = "2026-11-v1"
RETENTION_MONTHS = 12
"""The period the consent text names unless the department sets another."""
RETENTION_SETTING = "retention_months"  # app_settings key
MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS = 1, 120


def consent_text_for(months: int) -> Text:
    """The consent notice, naming ``months`` as the retention period."""
    return Text(
        zh=(
            "我同意本单位保存我的姓名、电话、应聘岗位，以及我的测评与面试结果，"
            f"仅用于评估本次应聘。这些资料在招聘决定后保存{months}个月，然后删除；"
            "我可以随时要求查看、导出或删除我的资料。"
        ),
        en=(
            "I agree that this organisation stores my name, phone number, the position I "
            "applied for and my test and interview results, only to assess this application. "
            f"They are kept for {months} months after the hiring decision and then erased; "
            "I can ask at any time to see, export or erase them."
        ),
    )


def consent_version_for(months: int) -> str:
    """The notice's version: the wording's, and the period when it is not the default
    (a candidate who agreed to 24 months agreed to another notice than one of 12)."""
    return CONSENT_VERSION if months == RETENTION_MONTHS else f"{CONSENT_VERSION}-{months}m"


def months_of_version(version: str | None) -> int:
    """The retention period a recorded notice version named."""
    if version and version.startswith(CONSENT_VERSION + "-") and version.endswith("m"):
        with contextlib.suppress(ValueError):
            return int(version[len(CONSENT_VERSION) + 1 : -1])
    return RETENTION_MONTHS


CONSENT_TEXT = consent_text_for(RETENTION_MONTHS)
"""The notice with the default period; :func:`consent_text` reads the department's."""


_PHONE = re.compile(r"^\+?[0-9(][0-9 ()\-]{4,30}$")  # "(010) 6552-8888" too


@dataclass(frozen=True)
class NewCandidate:
    """What HR types in when registering a candidate."""

    name: str
    phone: str
    position: str
    consent: bool
    # HR saw the warning that this phone number is already registered, and goes on.
    allow_duplicate: bool = False


@dataclass(frozen=True)
class CandidateSummary:
    """One row of the candidate list."""

    id: int
    name: str
    phone: str
    position: str
    created_at: datetime
    consent_at: datetime | None
    latest_total: int | None
    latest_band: str | None
    has_unfinished: bool  # an unfinished self-test
    stage: str = "registered"
    consent_version: str | None = None
    consent_withdrawn_at: datetime | None = None
    erased_at: datetime | None = None
    version: int = 0  # what a stage move or decision from this row names (services.pipeline)


class DuplicatePhoneError(UserError):
    """The phone number is already registered: the existing record is offered instead.

    The record is named by its ID, registration date and position, never by the
    person's name or the number (messages reach the log).
    """

    def __init__(self, existing_id: int, registered_on: str, position: str) -> None:
        super().__init__(
            "This phone number is already registered: candidate ID {id}, registered on "
            "{date}, position {position}.",
            "这个电话号码已经登记过：应聘者 ID {id}，{date} 登记，应聘岗位 {position}。",
            id=existing_id,
            date=registered_on,
            position=position or "—",
        )
        self.existing_id = existing_id


class ErasedCandidateError(UserError):
    """The candidate's personal data was erased: nothing of it can be edited or exported."""


@dataclass(frozen=True)
class CandidateEdit:
    """What HR corrects; None leaves a field as it is."""

    name: str | None = None
    phone: str | None = None
    position: str | None = None


@permissions.requires(CANDIDATES_CHANGE)
def add_candidate(db: Database, new: NewCandidate) -> int:
    """Store a candidate who has consented; return their ID.

    A phone number already registered is refused with :class:`DuplicatePhoneError`
    (naming the existing record) unless ``new.allow_duplicate``.
    """
    name, phone, position = new.name.strip(), new.phone.strip(), new.position.strip()
    if not new.consent:
        raise ConsentMissingError(
            "the candidate's consent is required before storing their data",
            "保存应聘者的个人信息之前，必须先取得其同意",
        )
    _check_name(name)
    _check_phone(phone)
    refuse_unprintable("people", "name", name)
    refuse_unprintable("people", "position", position)
    now = utc_now()
    with db.writing(changes.CANDIDATES) as session:
        if not new.allow_duplicate:
            _refuse_duplicate(session, phone, None)
        person = Person(
            kind="candidate",
            name=name,
            phone=phone,
            position=position,
            created_at=now,
            consent_at=now,
            consent_version=consent_version_for(_retention_months(session)),
        )
        session.add(person)
        session.flush()
        audit.record(
            session,
            "candidate.add",
            _target(person.id),
            after={
                "name": name,
                "phone": phone,
                "position": position,
                "consent_version": person.consent_version,
            },
            person_id=person.id,
            personal=["name", "phone"],
        )
        return person.id


def _check_name(name: str) -> None:
    if not name:
        raise UserError("the candidate's name is required", "必须填写应聘者的姓名")


def _check_phone(phone: str) -> None:
    if not _PHONE.match(phone):
        # The number itself is not repeated: messages reach the log.
        raise UserError(
            "the phone given is not a phone number (digits, spaces, + - and brackets)",
            "填写的电话不是电话号码（只能有数字、空格、+、- 和括号）",
        )


def phone_digits(phone: str) -> str:
    """A number as compared for duplicates: its digits, without China's +86 / 0086."""
    digits = re.sub(r"\D", "", phone)
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11:
            return digits[len(prefix) :]
    return digits


def _refuse_duplicate(session: Session, phone: str, candidate_id: int | None) -> None:
    wanted = phone_digits(phone)
    rows = session.execute(
        select(Person.id, Person.phone, Person.created_at, Person.position)
        .where(Person.kind == "candidate", Person.erased_at.is_(None))
        .order_by(Person.id)
    ).all()
    for row in rows:
        if row.id != candidate_id and phone_digits(row.phone) == wanted:
            raise DuplicatePhoneError(row.id, local_date(row.created_at).isoformat(), row.position)


def _target(candidate_id: int) -> str:
    return f"candidate:{candidate_id}"


def _retention_months(session: Session) -> int:
    row = session.get(AppSetting, RETENTION_SETTING)
    try:
        months = int(row.value) if row is not None else RETENTION_MONTHS
    except ValueError:
        return RETENTION_MONTHS
    return months if MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS else RETENTION_MONTHS


@permissions.requires(permissions.CONTENT_VIEW)
def retention_months(db: Database) -> int:
    """The department's retention period in months (the setting, else the default 12)."""
    with db.reading() as session:
        return _retention_months(session)


@permissions.requires(permissions.CONTENT_VIEW)
def consent_text(db: Database) -> Text:
    """The consent notice as it stands: it names the department's retention period."""
    with db.reading() as session:
        return consent_text_for(_retention_months(session))


@permissions.requires(permissions.CANDIDATES_CHANGE)
def edit_candidate(
    db: Database, candidate_id: int, edit: CandidateEdit, allow_duplicate: bool = False
) -> list[str]:
    """Correct a candidate's name, phone or position; return the fields that changed.

    Validated as registering is; a phone already registered for someone else is
    refused with :class:`DuplicatePhoneError` unless ``allow_duplicate``. The change
    is audited (before and after) in the same transaction.
    """
    wanted = {
        key: value.strip()
        for key, value in (("name", edit.name), ("phone", edit.phone), ("position", edit.position))
        if value is not None
    }
    if "name" in wanted:
        _check_name(wanted["name"])
    if "phone" in wanted:
        _check_phone(wanted["phone"])
    for key in ("name", "position"):
        if key in wanted:
            refuse_unprintable("people", key, wanted[key])
    with db.writing(changes.CANDIDATES) as session:
        person = _candidate(session, candidate_id)
        _refuse_erased(person)
        before = {"name": person.name, "phone": person.phone, "position": person.position}
        changed = [key for key, value in wanted.items() if before[key] != value]
        if not changed:
            return []
        if "phone" in changed and not allow_duplicate:
            _refuse_duplicate(session, wanted["phone"], person.id)
        for key in changed:
            setattr(person, key, wanted[key])
        audit.record(
            session,
            "candidate.edit",
            _target(person.id),
            before={key: before[key] for key in changed},
            after={key: wanted[key] for key in changed},
            person_id=person.id,
            personal=["name", "phone"],
        )
        return changed


@permissions.requires(permissions.CANDIDATES_CHANGE)
def withdraw_consent(db: Database, candidate_id: int) -> datetime:
    """Record that the candidate withdrew their consent (when); audited.

    The withdrawal starts the retention period as a decision does; the data is
    erased by :mod:`cs_trainer.services.candidate_data` (at once, on request) or
    when the period has run out (:mod:`cs_trainer.services.retention`).
    """
    with db.writing(changes.CANDIDATES) as session:
        person = _candidate(session, candidate_id)
        _refuse_erased(person)
        if person.consent_withdrawn_at is not None:
            raise UserError(
                "candidate {id} has already withdrawn their consent",
                "应聘者 {id} 已经撤回过同意",
                id=candidate_id,
            )
        now = utc_now()
        person.consent_withdrawn_at = now
        audit.record(
            session,
            "candidate.withdraw_consent",
            _target(person.id),
            before={"consent_version": person.consent_version},
            after={"consent_withdrawn_at": now.isoformat(timespec="seconds")},
            person_id=person.id,
        )
        return now


def _candidate(session: Session, candidate_id: int) -> Person:
    person = session.get(Person, candidate_id)
    if person is None or person.kind != "candidate":
        raise NotFoundError(
            "there is no candidate with ID {id}", "没有 ID 为 {id} 的应聘者", id=candidate_id
        )
    return person


def _refuse_erased(person: Person) -> None:
    if person.erased_at is not None:
        raise ErasedCandidateError(
            "candidate {id}'s personal data was erased: there is nothing left to change or export",
            "应聘者 {id} 的个人资料已删除，无法再更改或导出",
            id=person.id,
        )


@permissions.requires(CANDIDATES_VIEW)
def list_candidates(db: Database) -> list[CandidateSummary]:
    """Every candidate, newest first, with their latest finished self-test."""
    with db.reading() as session:
        people = session.scalars(
            select(Person).where(Person.kind == "candidate").order_by(Person.id.desc())
        ).all()
        attempts = session.scalars(
            select(Attempt).where(Attempt.kind == attempt_kinds.SELFTEST.name).order_by(Attempt.id)
        ).all()
        by_person: dict[int, list[Attempt]] = {}
        for attempt in attempts:
            by_person.setdefault(attempt.person_id, []).append(attempt)
        return [_summary(person, by_person.get(person.id, [])) for person in people]


@permissions.requires(CANDIDATES_VIEW)
def get_candidate(db: Database, candidate_id: int) -> CandidateSummary:
    """One candidate, or NotFoundError naming the ID."""
    with db.reading() as session:
        person = session.get(Person, candidate_id)
        if person is None or person.kind != "candidate":
            raise NotFoundError(
                "there is no candidate with ID {id}", "没有 ID 为 {id} 的应聘者", id=candidate_id
            )
        return _summary(person, list(person.attempts))


def _summary(person: Person, attempts: list[Attempt]) -> CandidateSummary:
    attempts = [a for a in attempts if a.kind == attempt_kinds.SELFTEST.name]
    finished = [a for a in attempts if a.status == "finished"]
    latest = max(finished, key=lambda a: (a.finished_at or a.started_at, a.id), default=None)
    return CandidateSummary(
        id=person.id,
        name=person.name,
        phone=person.phone,
        position=person.position,
        created_at=person.created_at,
        consent_at=person.consent_at,
        latest_total=latest.total if latest else None,
        latest_band=latest.band if latest else None,
        has_unfinished=any(a.status == "in_progress" for a in attempts),
        stage=person.stage,
        version=person.version,
        consent_version=person.consent_version,
        consent_withdrawn_at=person.consent_withdrawn_at,
        erased_at=person.erased_at,
    )
