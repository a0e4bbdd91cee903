"""Finding one attempt of a given kind by its ID, the same way in every service.

An ID from the GUI or the command line may name no attempt at all, or an attempt
of another kind; both are "not found" for the service asked. The wording of each
refusal is the kind's own (:mod:`cs_trainer.attempt_kinds`), so every service keeps
its messages while sharing the one check.
"""

from sqlalchemy.orm import Session

from cs_trainer.attempt_kinds import AttemptKind
from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.store.models import Attempt

IN_PROGRESS = "in_progress"


def require_attempt(session: Session, attempt_id: int, kind: AttemptKind) -> Attempt:
    """The attempt with this ID if it is of ``kind``; NotFoundError otherwise."""
    attempt = session.get(Attempt, attempt_id)
    if attempt is None or attempt.kind != kind.name:
        raise NotFoundError(kind.not_found.en, kind.not_found.zh, id=attempt_id)
    return attempt


def require_open_attempt(session: Session, attempt_id: int, kind: AttemptKind) -> Attempt:
    """As :func:`require_attempt`, and still in progress: a finished attempt never changes."""
    attempt = require_attempt(session, attempt_id, kind)
    if attempt.status != IN_PROGRESS:
        raise UserError(kind.finished.en, kind.finished.zh, id=attempt_id)
    return attempt
