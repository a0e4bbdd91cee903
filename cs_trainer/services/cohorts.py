"""Cohorts: the training classes a trainer follows and compares.

Two trainers may change one cohort from two laptops. A cohort's ``version`` is bumped
by a rename and by every trainee joining or leaving it; the page names the version it
showed, and a change based on an older one is refused with the cohort's name and size
now (:class:`~cs_trainer.services.versions.StaleRecordError`), never an overwrite.
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs_trainer import changes
from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.services import permissions
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import TRAINEES_CHANGE, TRAINEES_VIEW
from cs_trainer.services.versions import StaleRecordError, is_stale
from cs_trainer.store.database import Database
from cs_trainer.store.models import Cohort, Person


@dataclass(frozen=True)
class CohortSummary:
    id: int
    name: str
    members: int
    version: int = 0  # what a rename or membership change from this view names


@dataclass(frozen=True)
class Member:
    """A trainee of a cohort."""

    id: int
    name: str


@permissions.requires(TRAINEES_CHANGE)
def create_cohort(db: Database, name: str) -> int:
    name = _clean_name(name)
    with db.writing(changes.COHORTS) as session:
        _refuse_taken_name(session, name, None)
        cohort = Cohort(name=name, created_at=utc_now())
        session.add(cohort)
        session.flush()
        return cohort.id


@permissions.requires(TRAINEES_VIEW)
def list_cohorts(db: Database) -> list[CohortSummary]:
    with db.reading() as session:
        cohorts = session.scalars(select(Cohort).order_by(Cohort.name)).all()
        return [_summary(session, cohort) for cohort in cohorts]


@permissions.requires(TRAINEES_VIEW)
def cohort_by_name(db: Database, name: str) -> CohortSummary:
    """The cohort called ``name`` (NotFoundError naming it otherwise)."""
    with db.reading() as session:
        cohort = session.scalars(select(Cohort).where(Cohort.name == name.strip())).first()
        if cohort is None:
            raise NotFoundError(
                "there is no cohort called {name}", "没有名为 {name} 的班级", name=repr(name)
            )
        return _summary(session, cohort)


@permissions.requires(TRAINEES_VIEW)
def get_cohort(db: Database, cohort_id: int) -> CohortSummary:
    """One cohort as it is now: its name, size and version."""
    with db.reading() as session:
        return _summary(session, _cohort(session, cohort_id))


@permissions.requires(TRAINEES_CHANGE)
def rename_cohort(db: Database, cohort_id: int, name: str, seen_version: int | None = None) -> None:
    """Give a cohort another name; ``seen_version`` is the version the page showed
    (None: rename it as it is, e.g. from a script)."""
    name = _clean_name(name)
    with db.writing(changes.COHORTS) as session:
        cohort = _cohort(session, cohort_id)
        _check_version(session, cohort, seen_version)
        if name == cohort.name:
            return
        _refuse_taken_name(session, name, cohort_id)
        cohort.name = name
        cohort.version += 1


@permissions.requires(TRAINEES_CHANGE)
def assign(
    db: Database, person_id: int, cohort_id: int | None, seen_version: int | None = None
) -> None:
    """Put a trainee in a cohort (None takes them out of any).

    ``seen_version`` is the version the page showed of the cohort the trainee joins
    (with None, of the one they leave); None: act on the cohorts as they are (the CLI).
    """
    with db.writing(changes.COHORTS) as session:
        person = _trainee(session, person_id)
        if cohort_id is not None:
            _check_version(session, _cohort(session, cohort_id), seen_version)
        elif person.cohort_id is not None:
            _check_version(session, _cohort(session, person.cohort_id), seen_version)
        _move(session, person, cohort_id)


@permissions.requires(TRAINEES_CHANGE)
def add_members(
    db: Database, cohort_id: int, person_ids: list[int], seen_version: int | None = None
) -> None:
    """Move several trainees into a cohort at once: all of them, or (refused) none.

    ``seen_version`` is the cohort's version the page showed when they were chosen.
    """
    with db.writing(changes.COHORTS) as session:
        cohort = _cohort(session, cohort_id)
        _check_version(session, cohort, seen_version)
        for person_id in person_ids:
            _move(session, _trainee(session, person_id), cohort_id)


@permissions.requires(TRAINEES_VIEW)
def members(db: Database, cohort_id: int) -> list[Member]:
    with db.reading() as session:
        _cohort(session, cohort_id)
        return [Member(p.id, p.name) for p in _members(session, cohort_id)]


def _move(session: Session, person: Person, cohort_id: int | None) -> None:
    """Put ``person`` in ``cohort_id``; the cohorts left and joined both change."""
    if person.cohort_id == cohort_id:
        return
    for changed in (person.cohort_id, cohort_id):
        if changed is not None:
            _cohort(session, changed).version += 1
    person.cohort_id = cohort_id


def _check_version(session: Session, cohort: Cohort, seen_version: int | None) -> None:
    """Refuse a change based on an older view of the cohort, naming what it is now
    (its name and size: the trainees' names stay out of messages and logs)."""
    if not is_stale(cohort.version, seen_version):
        return
    raise StaleRecordError(
        "someone else changed the cohort {name} after you opened it: it now has {count}"
        " trainees. Nothing was saved; look at the cohort again before you change it",
        "在您打开之后，有人修改了班级{name}：现在有 {count} 名学员。本次没有保存，"
        "请重新查看班级后再修改",
        name=f"“{cohort.name}”",
        count=len(_members(session, cohort.id)),
    )


def _clean_name(name: str) -> str:
    name = name.strip()
    if not name:
        raise UserError("the cohort needs a name", "需要填写班级名称")
    return name


def _refuse_taken_name(session: Session, name: str, cohort_id: int | None) -> None:
    taken = session.scalars(select(Cohort).where(Cohort.name == name)).first()
    if taken is not None and taken.id != cohort_id:
        raise UserError(
            "there is already a cohort called {name}",
            "已经有名为 {name} 的班级",
            name=repr(name),
        )


def _summary(session: Session, cohort: Cohort) -> CohortSummary:
    return CohortSummary(cohort.id, cohort.name, len(_members(session, cohort.id)), cohort.version)


def _cohort(session: Session, cohort_id: int) -> Cohort:
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise NotFoundError(
            "there is no cohort with ID {id}", "没有 ID 为 {id} 的班级", id=cohort_id
        )
    return cohort


def _trainee(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.kind != "trainee":
        raise NotFoundError(
            "there is no trainee with ID {id}", "没有 ID 为 {id} 的学员", id=person_id
        )
    return person


def _members(session: Session, cohort_id: int) -> list[Person]:
    return list(
        session.scalars(
            select(Person)
            .where(Person.cohort_id == cohort_id, Person.kind == "trainee")
            .order_by(Person.name, Person.id)
        ).all()
    )
