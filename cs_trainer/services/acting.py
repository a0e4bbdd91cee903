"""Who an action is done on behalf of, carried with the work wherever it runs.

Every service call acts as someone: the account signed in to the GUI, or the CLI's
``--user``. A database without accounts has one anonymous actor, who may do what
setting up needs (docs/roles.md). The actor lives in a context variable, so the
GUI's operation route (which runs the work in a copy of the context it was started
in) hands it to the worker thread with the work, and a service reads it with
:func:`current` instead of taking it from a widget.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """An account acting; ``account_id`` None is nobody signed in.

    ``name`` is the account's display name, written beside what it records;
    ``person_id`` is a trainee account's own trainee record.
    """

    account_id: int | None
    role: str
    name: str = ""
    person_id: int | None = None


ANONYMOUS = Actor(None, "anonymous")

_actor: ContextVar[Actor] = ContextVar("cs_trainer_actor", default=ANONYMOUS)


def current() -> Actor:
    return _actor.get()


def signed_in_name(typed: str = "") -> str:
    """The name to record as the author: the signed-in account's, else what was typed.

    Typed names count only while the database has no accounts (nobody can sign in).
    """
    actor = current()
    return actor.name if actor.account_id is not None else typed.strip()


@contextmanager
def acting_as(actor: Actor) -> Iterator[Actor]:
    """Act as ``actor`` inside the block (and in operations started inside it)."""
    token = _actor.set(actor)
    try:
        yield actor
    finally:
        _actor.reset(token)


def become(actor: Actor) -> None:
    """Make ``actor`` the one acting from now on in this context: the GUI's sign-in,
    switch user and sign-out (``become(ANONYMOUS)``) on its main thread."""
    _actor.set(actor)
