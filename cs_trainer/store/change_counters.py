"""The change counters: which kinds of data another process changed since we looked.

Every write session bumps the counter of each kind it reports (:mod:`cs_trainer.changes`)
in its own transaction, under the write lock, so the bump is never lost and is visible
exactly when the data is. A process remembers the counters it has seen, its own bumps
included; a counter higher than that means another process (another laptop, the CLI)
wrote. Reading them is one query of at most a dozen rows, cheap enough for a timer.
"""

import threading
from collections.abc import Iterable
from typing import Any

from sqlalchemy import event, select, update
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from cs_trainer.store.models import ChangeCounter

_WROTE = "cs_trainer_wrote"


def watch_writes(factory: "sessionmaker[Session]") -> None:
    """Note in each session whether it changed a row: a write session that changed
    nothing (a sign-in that found nothing to reset) is no news to other processes."""
    event.listen(factory, "after_flush", _flushed)
    event.listen(factory, "do_orm_execute", _executed)


def _flushed(session: Session, _context: Any) -> None:
    if session.new or session.deleted or any(session.is_modified(o) for o in session.dirty):
        session.info[_WROTE] = True


def _executed(state: ORMExecuteState) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        state.session.info[_WROTE] = True


def wrote(session: Session) -> bool:
    """Whether ``session`` changed a row, or is about to at its commit."""
    pending = session.new or session.deleted or any(session.is_modified(o) for o in session.dirty)
    return bool(session.info.get(_WROTE) or pending)


def bump(session: Session, kinds: Iterable[str]) -> dict[str, int]:
    """Count one more write of each kind (if ``session`` wrote); returns the new counters."""
    counters: dict[str, int] = {}
    if not wrote(session):
        return counters
    for kind in sorted(set(kinds)):
        session.execute(
            update(ChangeCounter)
            .where(ChangeCounter.kind == kind)
            .values(counter=ChangeCounter.counter + 1)
        )
        counter = session.scalar(select(ChangeCounter.counter).where(ChangeCounter.kind == kind))
        if counter is None:  # the first write of this kind (the lock keeps it the only one)
            session.add(ChangeCounter(kind=kind, counter=1))
            counter = 1
        counters[kind] = counter
    return counters


def read(session: Session) -> dict[str, int]:
    return {row.kind: row.counter for row in session.scalars(select(ChangeCounter))}


class SeenChanges:
    """The counters this process has seen; safe to update from any thread."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}
        self._lock = threading.Lock()

    def saw(self, counters: dict[str, int]) -> frozenset[str]:
        """Remember ``counters``; returns the kinds that went past what was seen."""
        with self._lock:
            newer = {k for k, v in counters.items() if v > self._seen.get(k, 0)}
            for kind in newer:
                self._seen[kind] = counters[kind]
            return frozenset(newer)


def raise_to(session: Session, floor: dict[str, int]) -> None:
    """Set each counter to at least ``floor``'s value.

    A restore puts back older counters; other processes only notice counters that grow
    past what they saw, so the restore raises them to the old values before its own
    write counts one more of every kind.
    """
    current = read(session)
    for kind, least in floor.items():
        if kind not in current:
            session.add(ChangeCounter(kind=kind, counter=least))
        elif current[kind] < least:
            session.execute(
                update(ChangeCounter).where(ChangeCounter.kind == kind).values(counter=least)
            )
    session.info[_WROTE] = True
