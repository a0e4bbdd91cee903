"""Cohorts: the training classes a trainer follows and compares."""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs_trainer import changes
from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.services import permissions
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import TRAINEES_CHANGE, TRAINEES_VIEW
from cs_trainer.store.database import Database
from cs_trainer.store.models import Cohort, Person


@dataclass(frozen=True)
class CohortSummary:
    id: int
    name: str
    members: int


@dataclass(frozen=True)
class Member:
    """A trainee of a cohort."""

    id: int
    name: str


@permissions.requires(TRAINEES_CHANGE)
def create_cohort(db: Database, name: str) -> int:
    name = name.strip()
    if not name:
        raise UserError("the cohort needs a name", "需要填写班级名称")
    with db.writing(changes.COHORTS) as session:
        if session.scalars(select(Cohort).where(Cohort.name == name)).first() is not None:
            raise UserError(
                "there is already a cohort called {name}",
                "已经有名为 {name} 的班级",
                name=repr(name),
            )
        cohort = Cohort(name=name, created_at=utc_now())
        session.add(cohort)
        session.flush()
        return cohort.id


@permissions.requires(TRAINEES_VIEW)
def list_cohorts(db: Database) -> list[CohortSummary]:
    with db.reading() as session:
        cohorts = session.scalars(select(Cohort).order_by(Cohort.name)).all()
        return [CohortSummary(c.id, c.name, len(_members(session, c.id))) for c in cohorts]


@permissions.requires(TRAINEES_VIEW)
def cohort_by_name(db: Database, name: str) -> CohortSummary:
    """The cohort called ``name`` (NotFoundError naming it otherwise)."""
    with db.reading() as session:
        cohort = session.scalars(select(Cohort).where(Cohort.name == name.strip())).first()
        if cohort is None:
            raise NotFoundError(
                "there is no cohort called {name}", "没有名为 {name} 的班级", name=repr(name)
            )
        return CohortSummary(cohort.id, cohort.name, len(_members(session, cohort.id)))


@permissions.requires(TRAINEES_CHANGE)
def assign(db: Database, person_id: int, cohort_id: int | None) -> None:
    """Put a trainee in a cohort (None takes them out of any)."""
    with db.writing(changes.COHORTS) as session:
        person = session.get(Person, person_id)
        if person is None or person.kind != "trainee":
            raise NotFoundError(
                "there is no trainee with ID {id}", "没有 ID 为 {id} 的学员", id=person_id
            )
        if cohort_id is not None and session.get(Cohort, cohort_id) is None:
            raise NotFoundError(
                "there is no cohort with ID {id}", "没有 ID 为 {id} 的班级", id=cohort_id
            )
        person.cohort_id = cohort_id


@permissions.requires(TRAINEES_VIEW)
def members(db: Database, cohort_id: int) -> list[Member]:
    with db.reading() as session:
        if session.get(Cohort, cohort_id) is None:
            raise NotFoundError(
                "there is no cohort with ID {id}", "没有 ID 为 {id} 的班级", id=cohort_id
            )
        return [Member(p.id, p.name) for p in _members(session, cohort_id)]


def _members(session: Session, cohort_id: int) -> list[Person]:
    return list(
        session.scalars(
            select(Person)
            .where(Person.cohort_id == cohort_id, Person.kind == "trainee")
            .order_by(Person.name, Person.id)
        ).all()
    )
