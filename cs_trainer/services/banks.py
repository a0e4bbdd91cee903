"""Interview question banks: the built-in one and those an organisation imports.

Imported banks live in the database, validated, so every laptop pointed at a
department's shared database sees the same banks; a file is read and checked in
full before anything is stored, so a file with errors changes nothing.
"""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from cs_trainer import changes
from cs_trainer.errors import NotFoundError, UserError, refuse_write
from cs_trainer.quizzes.bank_io import read_bank, write_bank
from cs_trainer.quizzes.interview_content import BANK_FILE, Loaded, builtin_bank
from cs_trainer.quizzes.interview_schema import QuestionBank
from cs_trainer.quizzes.schema_common import STORED_SNAPSHOT, Text
from cs_trainer.services import audit, permissions
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import CONTENT_CHANGE, CONTENT_VIEW
from cs_trainer.store.database import Database
from cs_trainer.store.models import ImportedBank
from cs_trainer.store.snapshots import canonical_hash


@dataclass(frozen=True)
class BankSummary:
    """What a list of banks shows: enough to choose one without loading its questions."""

    bank_id: str
    title: Text
    question_count: int
    builtin: bool
    source_name: str  # the file it came from (a name, not a path)


@permissions.requires(CONTENT_VIEW)
def list_banks(db: Database) -> list[BankSummary]:
    """The built-in bank first, then the imported ones by id."""
    with db.reading() as session:
        rows = session.scalars(select(ImportedBank).order_by(ImportedBank.bank_id)).all()
        imported = [_summary(_stored(row).content, row.source_name) for row in rows]
    return [_summary(builtin_bank().content, BANK_FILE, builtin=True), *imported]


@permissions.requires(CONTENT_VIEW)
def get_bank(db: Database, bank_id: str) -> QuestionBank:
    """The bank with this id, built-in or imported; NotFoundError if there is none."""
    return load_bank(db, bank_id).content


@permissions.requires(CONTENT_VIEW)
def load_bank(db: Database, bank_id: str) -> Loaded[QuestionBank]:
    """The bank with its content hash, for an attempt that must snapshot what it used."""
    builtin = builtin_bank()
    if bank_id == builtin.content.id:
        return builtin
    with db.reading() as session:
        row = session.get(ImportedBank, bank_id)
        if row is None:
            raise NotFoundError(
                "there is no question bank {id}", "没有 id 为 {id} 的题库", id=repr(bank_id)
            )
        return _stored(row)


@permissions.requires(CONTENT_CHANGE)
def import_bank(db: Database, path: Path) -> BankSummary:
    """Read, validate and store the bank in ``path``; an earlier import of its id is replaced.

    Raises ContentError listing every problem of the file (nothing is stored then),
    and UserError for the built-in bank's id, which only a new release may change.
    """
    return store_bank(db, read_bank(path), path.name)


@permissions.requires(CONTENT_CHANGE)
def store_bank(db: Database, bank: QuestionBank, source_name: str) -> BankSummary:
    """Store a validated bank as an import from ``source_name`` (replacing one of its id)."""
    if bank.id == builtin_bank().content.id:
        raise UserError(
            "{source}: {id} is the built-in bank's id; give the imported bank its own bank_id",
            "{source}：{id} 是内置题库的 id；请给导入的题库另起一个 bank_id",
            source=source_name,
            id=repr(bank.id),
        )
    body = bank.model_dump(mode="json")
    with db.writing(changes.PLANS) as session:
        found = session.get(ImportedBank, bank.id)
        before = (
            {"content_hash": found.content_hash, "source": found.source_name} if found else None
        )
        row = found or ImportedBank(bank_id=bank.id)
        row.content_hash = body_hash(body)
        row.body = body
        row.source_name = source_name
        row.imported_at = utc_now()
        session.add(row)
        audit.record(
            session,
            "bank.import",
            f"bank:{bank.id}",
            before=before,
            after={"content_hash": row.content_hash, "source": source_name},
        )
    return _summary(bank, source_name)


@permissions.requires(CONTENT_VIEW)
def export_bank(db: Database, bank_id: str, path: Path) -> None:
    """Write a bank to ``path`` as YAML, CSV or XLSX (by suffix), atomically."""
    bank = get_bank(db, bank_id)
    try:
        write_bank(bank, path)
    except OSError as exc:  # a missing folder, no permission, a full disk
        refuse_write(path, exc)


def body_hash(body: dict[str, object]) -> str:
    """The identity of a bank's content, whatever file format it arrived in."""
    return canonical_hash(body)


def _stored(row: ImportedBank) -> Loaded[QuestionBank]:
    # Stored banks were valid when imported; a later, stricter rule must not lock them out.
    bank = QuestionBank.model_validate(row.body, context={STORED_SNAPSHOT: True})
    return Loaded(bank, row.content_hash)


def _summary(bank: QuestionBank, source_name: str, builtin: bool = False) -> BankSummary:
    return BankSummary(bank.id, bank.title, len(bank.questions), builtin, source_name)
