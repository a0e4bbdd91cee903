"""The kinds of data an operation can change, and how a service reports them.

A service that writes names what it changed when it opens its write session
(``db.writing(changes.CANDIDATES)``); the session records the kinds once it has
committed. The GUI's operation route collects what one operation recorded and
broadcasts it once; each page decides whether that concerns it. Nothing here
knows about Qt, so the CLI runs the same services without a recorder.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

CANDIDATES = "candidates"  # candidates, their stage and decisions
ATTEMPTS = "attempts"  # self-tests, interviews, typing tests, quizzes, performance reviews
SETTINGS = "settings"  # department-wide settings (organisation name)
PLANS = "plans"  # interview plans and imported question banks
ROLEPLAYS = "roleplays"  # trainees and their role-play attempts
COHORTS = "cohorts"  # cohorts and who is in them
STAFF = "staff"  # staff members evaluated on the staff pages
RECEPTION = "reception"  # front-desk reception assessment entries
ACCOUNTS = "accounts"  # accounts, their roles, passwords and PINs

ALL: frozenset[str] = frozenset(
    {CANDIDATES, ATTEMPTS, SETTINGS, PLANS, ROLEPLAYS, COHORTS, STAFF, RECEPTION, ACCOUNTS}
)

_recorded: ContextVar[set[str] | None] = ContextVar("cs_trainer_changes", default=None)


@contextmanager
def recording() -> Iterator[set[str]]:
    """Collect the kinds every committed write inside the block reports."""
    kinds: set[str] = set()
    token = _recorded.set(kinds)
    try:
        yield kinds
    finally:
        _recorded.reset(token)


def record(kinds: Iterable[str]) -> None:
    """Called by the store after a commit; a no-op outside :func:`recording`."""
    unknown = set(kinds) - ALL
    if unknown:
        raise ValueError(f"unknown change kinds: {sorted(unknown)}")
    collected = _recorded.get()
    if collected is not None:
        collected.update(kinds)
