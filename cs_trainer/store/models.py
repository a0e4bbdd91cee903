"""The tables, as typed SQLAlchemy 2 models.

Schema changes go through Alembic migrations in ``migrations/versions``; a
test compares these models with the migrated schema so the two never drift.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, false, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of every cs_trainer table."""


class Person(Base):
    """Someone the department evaluates or trains: a candidate, staff member or trainee."""

    __tablename__ = "people"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # candidate | staff | trainee
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(50), default="")
    position: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]
    # Consent is recorded with the exact wording version the person agreed to.
    consent_at: Mapped[datetime | None]
    consent_version: Mapped[str | None] = mapped_column(String(32))
    # Withdrawn consent starts the retention period as a decision does; an erased
    # person keeps their row (results stay, anonymised) with the personal fields blank.
    consent_withdrawn_at: Mapped[datetime | None]
    erased_at: Mapped[datetime | None]
    # Where a candidate is in the recruitment pipeline (services/pipeline.py).
    stage: Mapped[str] = mapped_column(
        String(32), default="registered", server_default="registered"
    )
    # Bumped by every stage move and decision; a save names the version it saw, and a
    # stale one is refused (services/pipeline.py), never an overwrite.
    version: Mapped[int] = mapped_column(default=0, server_default="0")
    # Trainees belong to a cohort (a training class); others have none.
    cohort_id: Mapped[int | None] = mapped_column(
        ForeignKey("cohorts.id", name="fk_people_cohort_id_cohorts")
    )

    attempts: Mapped[list["Attempt"]] = relationship(back_populates="person")

    __table_args__ = (Index("ix_people_kind_name", "kind", "name"),)


class InstrumentSnapshot(Base):
    """An exact copy of the instrument an attempt was taken with, keyed by content hash.

    Old attempts keep rendering and scoring the same after a bank is edited.
    """

    __tablename__ = "instrument_snapshots"

    content_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    instrument_id: Mapped[str] = mapped_column(String(100))
    version: Mapped[int]
    body: Mapped[dict[str, Any]] = mapped_column(JSON)


class Attempt(Base):
    """One sitting of an instrument by a person."""

    __tablename__ = "attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    # a name declared in cs_trainer.attempt_kinds, which also says which service owns it
    kind: Mapped[str] = mapped_column(String(16), default="selftest", server_default="selftest")
    plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("interview_plans.id", name="fk_attempts_plan_id_interview_plans")
    )
    instrument_id: Mapped[str] = mapped_column(String(100))
    content_hash: Mapped[str] = mapped_column(ForeignKey("instrument_snapshots.content_hash"))
    mode: Mapped[str] = mapped_column(String(16))  # self | manager | interviewer
    conducted_by: Mapped[str] = mapped_column(String(200), default="")
    # The signed-in account that gave the test, interviewed or practised (None before
    # accounts existed); ``conducted_by`` keeps its display name as it was then.
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", name="fk_attempts_account_id_accounts")
    )
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16))  # in_progress | finished
    total: Mapped[int | None]
    band: Mapped[str | None] = mapped_column(String(50))
    group_scores: Mapped[dict[str, float] | None] = mapped_column(JSON)
    # What an attempt records about itself beyond scores: a quiz's draw (seed, categories),
    # a performance review's period and date.
    details: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    person: Mapped[Person] = relationship(back_populates="attempts")
    snapshot: Mapped[InstrumentSnapshot] = relationship()
    responses: Mapped[list["Response"]] = relationship(
        back_populates="attempt", order_by="Response.id"
    )

    __table_args__ = (
        Index("ix_attempts_person", "person_id"),
        Index("ix_attempts_status", "status"),
        Index("ix_attempts_kind", "kind"),
    )


class Response(Base):
    """One answer or rating, committed the moment it is given; giving it again replaces it.

    ``value`` is the score (None while an interviewer has only written a note);
    ``data`` holds what a task records beyond a score (count, seconds, signs ticked,
    typed text).
    """

    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id", ondelete="CASCADE"))
    item_id: Mapped[str] = mapped_column(String(100))
    value: Mapped[int | None]
    notes: Mapped[str] = mapped_column(Text, default="", server_default=text("''"))
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    answered_at: Mapped[datetime]
    # An interview rating's version: created at 1 and bumped by every save of it; a save
    # names the version it saw (0: none yet) and a stale one is refused (services/interviews.py).
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    attempt: Mapped[Attempt] = relationship(back_populates="responses")

    __table_args__ = (UniqueConstraint("attempt_id", "item_id", name="uq_responses_attempt_item"),)


class AppSetting(Base):
    """Department-wide settings that the GUI and the command line both need (organisation name)."""

    __tablename__ = "app_settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    # Created at 1, bumped by every change; a save from a stale view is refused
    # (services/app_settings.py), never an overwrite.
    version: Mapped[int] = mapped_column(default=1, server_default="1")


class ChangeCounter(Base):
    """How many committed writes changed each kind of data (:mod:`cs_trainer.changes`).

    Another process's pages compare it with what they last saw and refresh what another
    laptop changed; one tiny table read on a timer is the whole cost.
    """

    __tablename__ = "change_counters"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    counter: Mapped[int] = mapped_column(default=0, server_default="0")


class InterviewPlan(Base):
    """A saved choice of questions, tasks and a typing passage for one position.

    The same plan is used for every candidate of the position: the core of a
    structured interview. ``items`` is an ordered list of references
    (``{"kind": "question"|"task"|"typing", "bank": ..., "id": ...}``).
    """

    __tablename__ = "interview_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    position: Mapped[str] = mapped_column(String(200), default="")
    items: Mapped[list[dict[str, str]]] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ImportedBank(Base):
    """A question bank an organisation imported (YAML, CSV or XLSX), stored validated."""

    __tablename__ = "imported_banks"

    bank_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    body: Mapped[dict[str, Any]] = mapped_column(JSON)
    source_name: Mapped[str] = mapped_column(String(500), default="")
    imported_at: Mapped[datetime]


class PipelineEvent(Base):
    """One move of a candidate between recruitment stages: who, when and why."""

    __tablename__ = "pipeline_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    from_stage: Mapped[str] = mapped_column(String(32))
    to_stage: Mapped[str] = mapped_column(String(32))
    by: Mapped[str] = mapped_column(String(200), default="")
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", name="fk_pipeline_events_account_id_accounts")
    )
    reason: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime]

    __table_args__ = (Index("ix_pipeline_events_person", "person_id"),)


class Decision(Base):
    """A hiring decision (hire / hold / reject) with its reason; the latest one counts."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    decision: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    by: Mapped[str] = mapped_column(String(200), default="")
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", name="fk_decisions_account_id_accounts")
    )
    at: Mapped[datetime]

    __table_args__ = (Index("ix_decisions_person", "person_id"),)


class Cohort(Base):
    """A training class: trainees who are followed and compared together."""

    __tablename__ = "cohorts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    created_at: Mapped[datetime]
    # Bumped by a rename and by every trainee joining or leaving; a change names the
    # version it saw, and a stale one is refused (services/cohorts.py).
    version: Mapped[int] = mapped_column(default=0, server_default="0")


class ReceptionEntry(Base):
    """One deduction or bonus of the reception assessment for a staff member."""

    __tablename__ = "reception_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id"))
    entry_date: Mapped[date]
    code: Mapped[str] = mapped_column(String(100))  # the standard's item id
    points: Mapped[int]  # negative for a deduction, positive for a bonus
    note: Mapped[str] = mapped_column(Text, default="")
    assessor: Mapped[str] = mapped_column(String(200), default="")
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", name="fk_reception_entries_account_id_accounts")
    )
    created_at: Mapped[datetime]

    __table_args__ = (Index("ix_reception_entries_person_date", "person_id", "entry_date"),)


class Account(Base):
    """Someone who signs in: an admin, HR interviewer, trainer or trainee.

    Accounts are disabled, never deleted, so what they recorded keeps its author.
    A trainee's account is linked to their trainee record (``person_id``), which
    their practice is recorded under.
    """

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)  # what is typed to sign in
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))  # admin | hr | trainer | trainee
    password_hash: Mapped[str | None] = mapped_column(String(200))
    pin_hash: Mapped[str | None] = mapped_column(String(200))  # trainees only
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", name="fk_accounts_person_id_people")
    )
    disabled: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Failed sign-ins since the last success: each one past the third doubles the wait.
    failed_sign_ins: Mapped[int] = mapped_column(default=0, server_default=text("0"))
    last_failed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]


class AuditEvent(Base):
    """One change, who made it and what it was: append-only and hash-chained.

    The database refuses updates and deletes of these rows (triggers in migration
    0004); ``hash`` covers the row and the previous row's hash, so
    ``cs-trainer audit verify`` names a row that was changed or removed anyway.
    A person's values are not stored here but in :class:`AuditPersonalValue`, by
    reference and digest, so erasing a candidate removes them without breaking
    the chain.
    """

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]  # naive UTC
    account_id: Mapped[int | None]
    account_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(100), default="")
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditPersonalValue(Base):
    """A person's value quoted by the audit trail (a name, a phone, a note).

    Erasing the person deletes these rows; the audit row keeps only a reference and
    a salted digest, which says nothing once the salt is gone with the value.
    """

    __tablename__ = "audit_personal_values"

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None]
    salt: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_audit_personal_values_person", "person_id"),)
