"""A candidate's own data, as the consent text promises: exported whole, or erased.

Export writes one JSON file with everything stored about the candidate (their
details, the consent, every attempt with its answers, notes and details, the stage
history, the decisions, and the audit rows about them with the values quoted) and
their evaluation sheet as PDF, each file written whole and readable by its owner only.

Erasure removes the personal fields (the name becomes a neutral label, the phone is
blanked), keeps the results for statistics with the free text cleared (notes, typed
text, reasons), removes the values the audit trail quoted, and then makes SQLite
forget them: ``secure_delete`` (set on every connection) overwrites what was deleted,
and a ``wal_checkpoint(TRUNCATE)`` after the commit moves the pages into the main file
and empties the write-ahead log, so the values are gone from the file itself.
Copies or backups of the database made before the erasure still hold them.
"""

import json
import logging
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs_trainer import changes
from cs_trainer.errors import UserError, refuse_write
from cs_trainer.files import write_atomically
from cs_trainer.services import audit, permissions
from cs_trainer.services.candidates import (
    _candidate,
    _refuse_erased,
    _target,
    consent_text_for,
    months_of_version,
)
from cs_trainer.services.clock import utc_now
from cs_trainer.store.database import Database
from cs_trainer.store.models import (
    Attempt,
    AuditEvent,
    AuditPersonalValue,
    Decision,
    Person,
    PipelineEvent,
)

_log = logging.getLogger(__name__)

EXPORT_FORMAT = "cs_trainer.candidate_export/1"
FREE_TEXT_KEYS = ("typed", "notes", "note", "text", "comment")
"""What a response's data may hold that a person wrote or typed: cleared by erasure."""


def erased_name(candidate_id: int) -> str:
    """What an erased candidate's name reads as (a neutral label, the ID only)."""
    return f"已删除 #{candidate_id}"


@dataclass(frozen=True)
class ExportedFiles:
    """Where the export went: the JSON file and the PDF sheet."""

    data: Path
    sheets: list[Path]


@permissions.requires(permissions.CANDIDATES_EXPORT_ERASE)
def export_candidate(db: Database, candidate_id: int, folder: Path) -> ExportedFiles:
    """Write ``candidate-ID.json`` and ``candidate-ID-sheet.pdf`` into ``folder``."""
    from cs_trainer.services.sheets import write_candidate_sheet

    if not folder.is_dir():
        raise UserError(
            "the folder {folder} does not exist", "文件夹 {folder} 不存在", folder=str(folder)
        )
    data = candidate_data(db, candidate_id)
    out = folder / f"candidate-{candidate_id}.json"
    body = json.dumps(data, ensure_ascii=False, indent=2, default=_json_default) + "\n"
    _write_private(out, body.encode("utf-8"))
    sheet = folder / f"candidate-{candidate_id}-sheet.pdf"
    write_candidate_sheet(db, candidate_id, sheet)  # written whole and 0600, as the JSON
    return ExportedFiles(out, [sheet])


def _write_private(out: Path, data: bytes) -> None:
    try:
        write_atomically(out, data)  # 0600 whatever the umask
    except OSError as exc:
        refuse_write(out, exc)


def _json_default(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not JSON: {type(value).__name__}")


@permissions.requires(permissions.CANDIDATES_EXPORT_ERASE)
def candidate_data(db: Database, candidate_id: int) -> dict[str, Any]:
    """Everything stored about the candidate, as plain JSON-ready data."""
    with db.reading() as session:
        person = _candidate(session, candidate_id)
        _refuse_erased(person)
        attempts = session.scalars(
            select(Attempt).where(Attempt.person_id == candidate_id).order_by(Attempt.id)
        ).all()
        return {
            "format": EXPORT_FORMAT,
            "exported_at": utc_now(),
            "person": {
                "id": person.id,
                "kind": person.kind,
                "name": person.name,
                "phone": person.phone,
                "position": person.position,
                "registered_at": person.created_at,
                "stage": person.stage,
            },
            "consent": _consent(person),
            "attempts": [_attempt(attempt) for attempt in attempts],
            "stage_history": [
                {
                    "from": event.from_stage,
                    "to": event.to_stage,
                    "by": event.by,
                    "reason": event.reason,
                    "at": event.at,
                }
                for event in session.scalars(
                    select(PipelineEvent)
                    .where(PipelineEvent.person_id == candidate_id)
                    .order_by(PipelineEvent.id)
                )
            ],
            "decisions": [
                {"decision": d.decision, "reason": d.reason, "by": d.by, "at": d.at}
                for d in session.scalars(
                    select(Decision).where(Decision.person_id == candidate_id).order_by(Decision.id)
                )
            ],
            "audit": _audit_rows(session, candidate_id, [a.id for a in attempts]),
        }


def _consent(person: Person) -> dict[str, Any]:
    text = consent_text_for(months_of_version(person.consent_version))
    return {
        "version": person.consent_version,
        "given_at": person.consent_at,
        "withdrawn_at": person.consent_withdrawn_at,
        "text": {"zh": text.zh, "en": text.en},
    }


def _attempt(attempt: Attempt) -> dict[str, Any]:
    return {
        "id": attempt.id,
        "kind": attempt.kind,
        "instrument": attempt.instrument_id,
        "mode": attempt.mode,
        "conducted_by": attempt.conducted_by,
        "started_at": attempt.started_at,
        "finished_at": attempt.finished_at,
        "status": attempt.status,
        "total": attempt.total,
        "band": attempt.band,
        "group_scores": attempt.group_scores,
        "details": attempt.details,
        "responses": [
            {
                "item": response.item_id,
                "value": response.value,
                "notes": response.notes,
                "data": response.data,
                "answered_at": response.answered_at,
            }
            for response in attempt.responses
        ],
    }


def _audit_rows(session: Session, candidate_id: int, attempt_ids: list[int]) -> list[Any]:
    """The trail's rows about the candidate: on their record, their attempts, or quoting them."""
    quoted = {
        row.id: row.value
        for row in session.scalars(
            select(AuditPersonalValue).where(AuditPersonalValue.person_id == candidate_id)
        )
    }
    targets = [_target(candidate_id), f"person:{candidate_id}"]
    targets += [f"attempt:{attempt_id}" for attempt_id in attempt_ids]
    events = session.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()

    def references(fields: dict[str, Any] | None) -> set[int]:
        return {
            int(value["personal"])
            for value in (fields or {}).values()
            if isinstance(value, dict) and "personal" in value
        }

    def shown(fields: dict[str, Any] | None) -> dict[str, Any] | None:
        if fields is None:
            return None
        return {
            key: quoted.get(int(value["personal"]), audit.ERASED)
            if isinstance(value, dict) and "personal" in value
            else value
            for key, value in fields.items()
        }

    return [
        {
            "id": event.id,
            "at": event.at,
            "by": event.account_name,
            "role": event.role,
            "action": event.action,
            "target": event.target,
            "before": shown(event.before),
            "after": shown(event.after),
            "reason": event.reason,
        }
        for event in events
        if event.target in targets
        or (references(event.before) | references(event.after)) & set(quoted)
    ]


@dataclass(frozen=True)
class ErasurePlan:
    """What erasing a candidate removes and keeps, to show before it is confirmed."""

    candidate_id: int
    attempts: int
    notes: int
    stage_changes: int
    decisions: int
    audit_values: int


@permissions.requires(permissions.CANDIDATES_EXPORT_ERASE)
def erasure_plan(db: Database, candidate_id: int) -> ErasurePlan:
    """Count what an erasure would clear (nothing is changed)."""
    with db.reading() as session:
        person = _candidate(session, candidate_id)
        _refuse_erased(person)
        attempts = list(person.attempts)
        return ErasurePlan(
            candidate_id=candidate_id,
            attempts=len(attempts),
            notes=sum(1 for a in attempts for r in a.responses if r.notes or _free_text(r.data)),
            stage_changes=len(
                session.scalars(
                    select(PipelineEvent.id).where(PipelineEvent.person_id == candidate_id)
                ).all()
            ),
            decisions=len(
                session.scalars(select(Decision.id).where(Decision.person_id == candidate_id)).all()
            ),
            audit_values=len(
                session.scalars(
                    select(AuditPersonalValue.id).where(
                        AuditPersonalValue.person_id == candidate_id
                    )
                ).all()
            ),
        )


def _free_text(data: dict[str, Any] | None) -> bool:
    return any(key in (data or {}) for key in FREE_TEXT_KEYS)


@permissions.requires(permissions.CANDIDATES_EXPORT_ERASE)
def erase_candidate(db: Database, candidate_id: int) -> None:
    """Erase the candidate's personal data for good (see the module's description)."""
    _erase_people(db, [candidate_id])


def _erase_people(db: Database, candidate_ids: list[int]) -> None:
    """Erase each candidate in one transaction, then wipe the file (callers check rights).

    A backup comes first: an erasure cannot be undone, and one made by mistake must be.
    """
    from cs_trainer.services.backups import safety_backup

    safety_backup(db.sqlite_file)
    with db.writing(changes.CANDIDATES, changes.ATTEMPTS) as session:
        for candidate_id in candidate_ids:
            _erase(session, candidate_id)
    _forget_deleted_pages(db)


def _erase(session: Session, candidate_id: int) -> None:
    person = _candidate(session, candidate_id)
    _refuse_erased(person)
    person.name = erased_name(candidate_id)
    person.phone = ""
    person.erased_at = utc_now()
    for attempt in person.attempts:
        for response in attempt.responses:
            response.notes = ""
            if _free_text(response.data):
                response.data = {
                    key: value
                    for key, value in (response.data or {}).items()
                    if key not in FREE_TEXT_KEYS
                }
    for event in session.scalars(
        select(PipelineEvent).where(
            PipelineEvent.person_id == candidate_id, PipelineEvent.reason != ""
        )
    ):
        event.reason = ""
    for decision in session.scalars(
        select(Decision).where(Decision.person_id == candidate_id, Decision.reason != "")
    ):
        decision.reason = ""
    removed = audit.erase_person(session, candidate_id)
    audit.record(
        session,
        "candidate.erase",
        _target(candidate_id),
        after={"erased": True, "audit_values_removed": removed},
        person_id=candidate_id,
    )


CHECKPOINT_TRIES = 20


def _forget_deleted_pages(db: Database) -> None:
    """Move every page of the write-ahead log into the main file and empty the log.

    With ``secure_delete`` on, what was deleted or overwritten is zeroed in the
    pages; the checkpoint makes those pages the only copy. A reader holding an old
    snapshot blocks it: it is tried again for a few seconds, then reported.
    """
    if db.engine.dialect.name != "sqlite":
        return  # PostgreSQL: VACUUM is the administrator's (docs)
    with db.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        for _ in range(CHECKPOINT_TRIES):
            busy, _log_pages, _moved = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return
            time.sleep(0.25)
    _log.warning("the write-ahead log could not be emptied after an erasure")
    raise UserError(
        "the data was erased, but another program is reading the database, so its "
        "write-ahead log still holds the erased values until it is emptied: close the other "
        "program and cs_trainer (the log is emptied when the last one closes the database)",
        "资料已删除，但另一个程序正在读取数据库，在预写日志清空之前其中仍有被删除的内容："
        "请关闭那个程序和 cs_trainer（最后一个关闭数据库的程序会清空日志）",
    )
