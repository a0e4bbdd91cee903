"""The audit trail: who changed what, when, from what to what, and why.

Rows are written in the same transaction as the change they describe, so neither
exists without the other. They are append-only (the database's triggers refuse
UPDATE and DELETE) and hash-chained: each row's hash covers its own fields and
the previous row's hash, and ids are consecutive, so :func:`verify` names a row
that was changed, or one that is missing, even after someone dropped the triggers.

A person's values (a candidate's name, phone, an interviewer's note about them)
are not written into the row: the row holds a reference and a salted digest, and
the value sits in ``audit_personal_values``, which erasure empties for that person.
The chain still verifies after an erasure; the digest says nothing without its salt.
"""

import hashlib
import json
import secrets
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from cs_trainer.errors import AuditTrailError
from cs_trainer.services import acting, permissions
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import AUDIT
from cs_trainer.store.database import Database
from cs_trainer.store.models import AuditEvent, AuditPersonalValue

GENESIS = "0" * 64
_PERSONAL = "personal"  # {"personal": <row id>, "digest": <hex>} stands for a person's value
ERASED = "\u2205"  # what an erased value reads as in the trail's views


def record(
    session: Session,
    action: str,
    target: str,
    *,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    reason: str = "",
    person_id: int | None = None,
    personal: Iterable[str] = (),
) -> None:
    """Append one row, in ``session``'s transaction, as the acting account.

    ``personal`` names the keys of ``before`` / ``after`` whose values belong to
    ``person_id`` and must go when that person is erased. Appends are one at a time
    because every write session holds the database's write lock (store.database).
    """
    keys = frozenset(personal)
    actor = acting.current()
    last = session.execute(
        select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)
    ).first()
    event = AuditEvent(
        id=(last.id + 1) if last else 1,
        at=utc_now(),
        account_id=actor.account_id,
        account_name=actor.name,
        role=actor.role,
        action=action,
        target=target,
        before=_stored(session, before, keys, person_id),
        after=_stored(session, after, keys, person_id),
        reason=reason,
        prev_hash=last.hash if last else GENESIS,
    )
    event.hash = row_hash(event)
    session.add(event)
    session.flush()


def _stored(
    session: Session, values: Mapping[str, Any] | None, keys: frozenset[str], person_id: int | None
) -> dict[str, Any] | None:
    if values is None:
        return None
    return {
        key: _reference(session, value, person_id) if key in keys and value else value
        for key, value in values.items()
    }


def _reference(session: Session, value: object, person_id: int | None) -> dict[str, Any]:
    salt = secrets.token_hex(16)
    row = AuditPersonalValue(person_id=person_id, salt=salt, value=str(value))
    session.add(row)
    session.flush()
    return {_PERSONAL: row.id, "digest": _digest(salt, str(value))}


def _digest(salt: str, value: str) -> str:
    return hashlib.sha256(f"{salt}\x00{value}".encode()).hexdigest()


def row_hash(event: AuditEvent) -> str:
    """The hash of a row's fields and the previous row's hash."""
    fields = [
        event.id,
        event.at.isoformat(timespec="microseconds"),
        event.account_id,
        event.account_name,
        event.role,
        event.action,
        event.target,
        event.before,
        event.after,
        event.reason,
        event.prev_hash,
    ]
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def erase_person(session: Session, person_id: int) -> int:
    """Remove a person's quoted values from the trail (their erasure); rows stay."""
    result = session.execute(
        delete(AuditPersonalValue).where(AuditPersonalValue.person_id == person_id)
    )
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(frozen=True)
class Verified:
    """An intact trail: how many rows, and the newest row's hash (to note down elsewhere)."""

    rows: int
    head: str


def verify(db: Database) -> Verified:
    """Check the whole chain; AuditTrailError names the first row changed or missing."""
    permissions.require(db, AUDIT)
    with db.reading() as session:
        values = {row.id: row for row in session.scalars(select(AuditPersonalValue))}
        previous_id, previous_hash = 0, GENESIS
        for event in session.scalars(select(AuditEvent).order_by(AuditEvent.id)):
            _check_row(event, previous_id, previous_hash, values)
            previous_id, previous_hash = event.id, event.hash
        return Verified(previous_id, previous_hash)


def _check_row(
    event: AuditEvent,
    previous_id: int,
    previous_hash: str,
    values: Mapping[int, AuditPersonalValue],
) -> None:
    if event.id != previous_id + 1:
        raise AuditTrailError(
            "audit row {id} is missing (the trail jumps from row {before} to row {after})",
            "审计记录第 {id} 行缺失（从第 {before} 行直接跳到第 {after} 行）",
            id=previous_id + 1,
            before=previous_id,
            after=event.id,
        )
    if event.prev_hash != previous_hash or row_hash(event) != event.hash:
        raise AuditTrailError(
            "audit row {id} was changed after it was written",
            "审计记录第 {id} 行在写入后被修改过",
            id=event.id,
        )
    for reference in _references(event):
        row = values.get(int(reference[_PERSONAL]))
        if row is not None and _digest(row.salt, row.value) != reference.get("digest"):
            raise AuditTrailError(
                "a value quoted by audit row {id} was changed",
                "审计记录第 {id} 行引用的值被修改过",
                id=event.id,
            )


def _references(event: AuditEvent) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for values in (event.before, event.after):
        for value in (values or {}).values():
            if isinstance(value, dict) and _PERSONAL in value:
                found.append(value)
    return found


@dataclass(frozen=True)
class AuditEntry:
    """One row as people read it: personal values filled in, or shown as erased."""

    id: int
    at: datetime
    account_name: str
    role: str
    action: str
    target: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reason: str


def entries(db: Database, *, limit: int = 500, before_id: int | None = None) -> list[AuditEntry]:
    """The newest rows first, a page at a time (``before_id``: the page after that row)."""
    permissions.require(db, AUDIT)
    with db.reading() as session:
        query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
        if before_id is not None:
            query = query.where(AuditEvent.id < before_id)
        events = session.scalars(query).all()
        values = _values_for(session, events)
        return [_entry(event, values) for event in events]


@permissions.requires(AUDIT)
def every_entry(db: Database, page: int = 1000) -> Iterator[AuditEntry]:
    """Every row, newest first, read a page at a time (for the exports)."""
    before_id: int | None = None
    while rows := entries(db, limit=page, before_id=before_id):
        yield from rows
        before_id = rows[-1].id


def count(db: Database) -> int:
    permissions.require(db, AUDIT)
    with db.reading() as session:
        return int(session.scalar(select(func.count(AuditEvent.id))) or 0)


def _values_for(session: Session, events: Iterable[AuditEvent]) -> dict[int, str]:
    ids = [int(ref[_PERSONAL]) for event in events for ref in _references(event)]
    if not ids:
        return {}
    rows = session.scalars(select(AuditPersonalValue).where(AuditPersonalValue.id.in_(ids)))
    return {row.id: row.value for row in rows}


def _entry(event: AuditEvent, values: Mapping[int, str]) -> AuditEntry:
    def shown(fields: dict[str, Any] | None) -> dict[str, Any] | None:
        if fields is None:
            return None
        return {
            key: values.get(int(value[_PERSONAL]), ERASED)
            if isinstance(value, dict) and _PERSONAL in value
            else value
            for key, value in fields.items()
        }

    return AuditEntry(
        id=event.id,
        at=event.at,
        account_name=event.account_name,
        role=event.role,
        action=event.action,
        target=event.target,
        before=shown(event.before),
        after=shown(event.after),
        reason=event.reason,
    )
