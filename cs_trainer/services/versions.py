"""Saves based on what a page showed: refused, never written over, once it is stale.

Two people may act on one record from two laptops (or two windows). Each versioned
record (a candidate's stage and decision, an interview rating, a cohort, a department
setting) carries a counter every save bumps; a page passes the version it showed, and
the service compares it under the write lock, so of two saves from one version exactly
one passes. The refusal says what the record holds now, by titles, so the person can
look again; ``None`` (the CLI, scripts) acts on the record as it is.
"""

from cs_trainer.errors import UserError


class StaleRecordError(UserError):
    """The save was based on an older view of the record: nothing was written, and
    the message says what the record holds now, so the person can look again."""


def is_stale(current: int, seen: int | None) -> bool:
    """Whether a save that saw version ``seen`` (None: not checked) would overwrite a
    newer one: the record's version is ``current`` now."""
    return seen is not None and seen != current
