"""Keeping the consent text's promise: candidates are erased once the period has run out.

The period is the department's ``retention_months`` setting (default 12, the months
the consent text names; the text reads its period from the setting). It runs from a
candidate's latest decision, or from the withdrawal of their consent if that is
later. :func:`due` lists the candidates whose period has run out; :func:`erase_due`
erases them as :mod:`cs_trainer.services.candidate_data` erases one candidate.

Copies and backups of the database made before an erasure still hold the erased
data until they are deleted; cs_trainer makes no automatic backups (yet), so any
copy is one somebody made and must delete.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from cs_trainer import changes
from cs_trainer.errors import UserError
from cs_trainer.services import app_settings, audit, permissions
from cs_trainer.services.candidate_data import _erase_people
from cs_trainer.services.candidates import (
    MAX_RETENTION_MONTHS,
    MIN_RETENTION_MONTHS,
    RETENTION_SETTING,
    _retention_months,
)
from cs_trainer.services.clock import local_date
from cs_trainer.store.database import Database
from cs_trainer.store.models import AppSetting, Decision, Person

BACKUP_CAVEAT = (
    "Copies or backups of the database made before the erasure still hold the erased "
    "data until they are deleted. cs_trainer makes no automatic backups; delete any copy "
    "of the database file that someone made.",
    "删除之前复制或备份的数据库仍保留被删除的资料，直到这些副本被删除为止。"
    "cs_trainer 不会自动备份；如有人复制过数据库文件，请删除这些副本。",
)
"""(English, Chinese): what every erasure's confirmation says about copies."""


@dataclass(frozen=True)
class DueCandidate:
    """A candidate whose retention period has run out, named without personal data."""

    id: int
    registered_at: datetime
    position: str
    since: date  # the latest decision or withdrawal of consent (local date)
    reason: str  # "decision" | "withdrawal"
    due_on: date


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` on, to the month's last day if it has fewer days."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@permissions.requires(permissions.RETENTION)
def due(db: Database, today: date) -> list[DueCandidate]:
    """The candidates, not yet erased, whose period ran out on or before ``today``."""
    with db.reading() as session:
        months = _retention_months(session)
        decided: dict[int, datetime] = {
            person_id: latest
            for person_id, latest in session.execute(
                select(Decision.person_id, func.max(Decision.at)).group_by(Decision.person_id)
            )
        }
        people = session.scalars(
            select(Person)
            .where(Person.kind == "candidate", Person.erased_at.is_(None))
            .order_by(Person.id)
        ).all()
        found = []
        for person in people:
            starts = [
                (when, reason)
                for when, reason in (
                    (decided.get(person.id), "decision"),
                    (person.consent_withdrawn_at, "withdrawal"),
                )
                if when is not None
            ]
            if not starts:
                continue
            when, reason = max(starts)
            since = local_date(when)
            due_on = add_months(since, months)
            if due_on <= today:
                found.append(
                    DueCandidate(
                        person.id, person.created_at, person.position, since, reason, due_on
                    )
                )
        return found


@permissions.requires(permissions.RETENTION)
def erase_due(db: Database, ids: list[int], today: date | None = None) -> int:
    """Erase these candidates, each of whom must be due (``today``: the local date);
    return how many were erased."""
    due_ids = {candidate.id for candidate in due(db, today or date.today())}
    not_due = sorted(set(ids) - due_ids)
    if not_due:
        raise UserError(
            "candidate {id} is not due for erasure under the retention period",
            "应聘者 {id} 的保存期限尚未届满，不能按保存期限删除",
            id=not_due[0],
        )
    wanted = sorted(set(ids))
    if wanted:
        _erase_people(db, wanted)
    return len(wanted)


@permissions.requires(permissions.SETTINGS_CHANGE)
def set_retention_months(db: Database, months: int, seen_version: int | None = None) -> int:
    """Set the department's retention period; audited. New consents name the new period.

    ``seen_version`` and the version returned as for
    :func:`~cs_trainer.services.app_settings.set_setting`.
    """
    if not MIN_RETENTION_MONTHS <= months <= MAX_RETENTION_MONTHS:
        raise UserError(
            "the retention period is {low} to {high} months, not {months}",
            "保存期限应为 {low} 到 {high} 个月，而不是 {months}",
            low=MIN_RETENTION_MONTHS,
            high=MAX_RETENTION_MONTHS,
            months=months,
        )
    with db.writing(changes.SETTINGS) as session:
        before = _retention_months(session)
        row = app_settings.check_version(session, RETENTION_SETTING, seen_version)
        if row is None:
            row = AppSetting(key=RETENTION_SETTING, value=str(months), version=1)
            session.add(row)
        else:
            row.value = str(months)
            row.version += 1
        audit.record(
            session,
            "setting.change",
            f"setting:{RETENTION_SETTING}",
            before={"value": before},
            after={"value": months},
        )
        return row.version
