"""The change counters: which kinds of data another process changed since we looked.

Every write session bumps the counter of each kind it reports (:mod:`cs_trainer.changes`)
in its own transaction, under the write lock, so the bump is never lost and is visible
exactly when the data is. A process remembers the counters it has seen, its own bumps
included; a counter higher than that means another process (another laptop, the CLI)
wrote. Reading them is one query of at most a dozen rows, cheap enough for a timer.
"""

import threading
from collections.abc import Iterable

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cs_trainer.store.models import ChangeCounter


def bump(session: Session, kinds: Iterable[str]) -> dict[str, int]:
    """Count one more write of each kind; returns the new counters."""
    counters: dict[str, int] = {}
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
