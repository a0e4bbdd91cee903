"""Staff members: the people the two staff evaluation forms are about."""

from dataclasses import dataclass

from sqlalchemy import select

from cs_trainer import changes
from cs_trainer.errors import UserError
from cs_trainer.services import permissions
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import STAFF_EVALUATE
from cs_trainer.services.printable_text import refuse_unprintable
from cs_trainer.store.database import Database
from cs_trainer.store.models import Person

STAFF = "staff"


@dataclass(frozen=True)
class StaffMember:
    id: int
    name: str
    position: str


@permissions.requires(STAFF_EVALUATE)
def add_staff(db: Database, name: str, position: str = "") -> int:
    """Register a staff member; two may share a name (the ID tells them apart)."""
    name = name.strip()
    if not name:
        raise UserError("the staff member needs a name", "需要填写员工的姓名")
    refuse_unprintable("people", "name", name)
    refuse_unprintable("people", "position", position)
    with db.writing(changes.STAFF) as session:
        person = Person(kind=STAFF, name=name, position=position.strip(), created_at=utc_now())
        session.add(person)
        session.flush()
        return person.id


@permissions.requires(STAFF_EVALUATE)
def list_staff(db: Database) -> list[StaffMember]:
    """Every staff member, by name."""
    with db.reading() as session:
        people = session.scalars(
            select(Person).where(Person.kind == STAFF).order_by(Person.name, Person.id)
        ).all()
        return [StaffMember(p.id, p.name, p.position) for p in people]
