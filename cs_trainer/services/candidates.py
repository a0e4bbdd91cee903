"""Registering candidates and reading them back.

Personal data is stored only with consent: the wording the candidate agreed to
is versioned, and the version and time are kept with the record.
"""

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from cs_trainer import attempt_kinds, changes
from cs_trainer.errors import ConsentMissingError, NotFoundError, UserError
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.services import permissions
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import CANDIDATES_CHANGE, CANDIDATES_VIEW
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, Person

CONSENT_VERSION = "2026-11-v1"
RETENTION_MONTHS = 12
CONSENT_TEXT = Text(
    zh=(
        "我同意本单位保存我的姓名、电话、应聘岗位，以及我的测评与面试结果，"
        f"仅用于评估本次应聘。这些资料在招聘决定后保存{RETENTION_MONTHS}个月，然后删除；"
        "我可以随时要求查看、导出或删除我的资料。"
    ),
    en=(
        "I agree that this organisation stores my name, phone number, the position I applied "
        "for and my test and interview results, only to assess this application. They are kept "
        f"for {RETENTION_MONTHS} months after the hiring decision and then erased; I can ask at "
        "any time to see, export or erase them."
    ),
)

_PHONE = re.compile(r"^\+?[0-9(][0-9 ()\-]{4,30}$")  # "(010) 6552-8888" too


@dataclass(frozen=True)
class NewCandidate:
    """What HR types in when registering a candidate."""

    name: str
    phone: str
    position: str
    consent: bool


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


@permissions.requires(CANDIDATES_CHANGE)
def add_candidate(db: Database, new: NewCandidate) -> int:
    """Store a candidate who has consented; return their ID."""
    name, phone, position = new.name.strip(), new.phone.strip(), new.position.strip()
    if not new.consent:
        raise ConsentMissingError(
            "the candidate's consent is required before storing their data",
            "保存应聘者的个人信息之前，必须先取得其同意",
        )
    if not name:
        raise UserError("the candidate's name is required", "必须填写应聘者的姓名")
    if not _PHONE.match(phone):
        # The number itself is not repeated: messages reach the log.
        raise UserError(
            "the phone given is not a phone number (digits, spaces, + - and brackets)",
            "填写的电话不是电话号码（只能有数字、空格、+、- 和括号）",
        )
    now = utc_now()
    person = Person(
        kind="candidate",
        name=name,
        phone=phone,
        position=position,
        created_at=now,
        consent_at=now,
        consent_version=CONSENT_VERSION,
    )
    with db.writing(changes.CANDIDATES) as session:
        session.add(person)
        session.flush()
        return person.id


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
    )
