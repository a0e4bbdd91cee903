"""Instrument snapshots: the exact content an attempt was taken with, stored once.

Every kind of attempt (self-test, interview, typing, role-play, quiz, performance
review) points at a snapshot by content hash, so old results render and score the
same after the content is edited.
"""

import hashlib
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from cs_trainer.store.models import InstrumentSnapshot


def canonical_hash(body: Mapping[str, Any]) -> str:
    """The identity of a JSON body: sha256 of its canonical form (sorted keys, compact)."""
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def keep_snapshot(
    session: Session, content_hash: str, instrument_id: str, version: int, body: dict[str, Any]
) -> str:
    """Store the snapshot unless that exact content is stored already; return its hash."""
    if session.get(InstrumentSnapshot, content_hash) is None:
        session.add(
            InstrumentSnapshot(
                content_hash=content_hash, instrument_id=instrument_id, version=version, body=body
            )
        )
    return content_hash
