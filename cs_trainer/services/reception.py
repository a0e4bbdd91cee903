"""The reception assessment of 《客服接待岗位职责工作标准》篇3: staff, their deduction and
bonus entries, period totals, and the assessment sheet.

An assessor records each lapse or success as it happens, naming an item of the
standard; the entry copies that item's points, so editing the standard later
never changes a result already recorded. A staff member's result for a period
is the standard's base points plus every entry dated inside the period (both
ends included); each period starts again from the base.
"""

from dataclasses import dataclass
from datetime import date
from functools import cache
from itertools import accumulate
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cs_trainer import changes
from cs_trainer.errors import NotFoundError, UserError, refuse_write
from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.reports.reception_data import (
    ReceptionSheet,
    ScoredItem,
    SheetClause,
    SheetEntry,
    SheetStandard,
    SheetTotals,
    StaffInfo,
)
from cs_trainer.reports.sheet_data import Bilingual
from cs_trainer.resources import package_path
from cs_trainer.services import acting, audit, permissions
from cs_trainer.services.app_settings import organisation_name
from cs_trainer.services.clock import utc_now
from cs_trainer.services.permissions import STAFF_EVALUATE
from cs_trainer.services.staff import STAFF, StaffMember, list_staff
from cs_trainer.staff_forms.reception_schema import Clause, ReceptionStandard, StandardItem
from cs_trainer.store.database import Database
from cs_trainer.store.models import Person, ReceptionEntry

STANDARD_FILE = "reception_standard.yaml"


@dataclass(frozen=True)
class EntryRow:
    """One recorded entry with its item resolved and the period's total after it."""

    id: int
    entry_date: date
    code: str
    item_text: Text  # the code itself when the standard no longer has the item
    clause: int | None
    points: int
    note: str
    assessor: str
    running_total: int


@dataclass(frozen=True)
class DailyTotal:
    """A day of the period that has entries: its points and the total at its end."""

    entry_date: date
    points: int
    total: int


@dataclass(frozen=True)
class PeriodTotal:
    """A staff member's result for a period; ``deductions`` is negative or 0.

    ``total == base + deductions + bonuses``; it is not clamped, so every entry
    stays visible in the result.
    """

    base: int
    deductions: int
    bonuses: int
    total: int
    entry_count: int
    series: tuple[DailyTotal, ...]


# --------------------------------------------------------------------------- standard


@cache
def builtin_standard() -> ReceptionStandard:
    """The property front-desk standard (《客服接待岗位职责工作标准》篇3), loaded once."""
    standard, _digest = load_model(
        package_path("staff_forms", "content", STANDARD_FILE), ReceptionStandard
    )
    return standard


def _standard_item(code: str) -> StandardItem:
    item = builtin_standard().item(code)
    if item is None:
        raise UserError(
            "the assessment standard has no item {code}",
            "考核标准中没有编号为 {code} 的项目",
            code=repr(code),
        )
    return item


# --------------------------------------------------------------------------- staff


@permissions.requires(STAFF_EVALUATE)
def staff_members(db: Database) -> list[StaffMember]:
    """Every staff member, by name."""
    return list_staff(db)


@permissions.requires(STAFF_EVALUATE)
def staff_member(db: Database, person_id: int) -> StaffMember:
    """The staff member with ``person_id`` (NotFoundError for anyone else)."""
    with db.reading() as session:
        person = _staff_person(session, person_id)
        return StaffMember(person.id, person.name, person.position)


def _staff_person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.kind != STAFF:
        raise NotFoundError(
            "there is no staff member with ID {id}", "没有 ID 为 {id} 的员工", id=person_id
        )
    return person


# --------------------------------------------------------------------------- entries


@permissions.requires(STAFF_EVALUATE)
def add_entry(
    db: Database,
    person_id: int,
    entry_date: date,
    code: str,
    note: str,
    assessor: str,
    *,
    today: date | None = None,
) -> int:
    """Record one deduction or bonus; the points come from the standard's item.

    Refused: an unknown item, a date after ``today`` (an assessment records what
    happened), no assessor (a deduction must say who made it), and anyone who is
    not a staff member.
    """
    item = _standard_item(code)
    if entry_date > (today or date.today()):
        raise UserError(
            "{date} is in the future; record what has happened",
            "{date} 是将来的日期；请只记录已经发生的事",
            date=entry_date.isoformat(),
        )
    assessor = acting.signed_in_name(assessor)
    if not assessor:
        raise UserError(
            "say who is recording the entry (the assessor)", "请写明由谁记录这一条（考核人）"
        )
    with db.writing(changes.RECEPTION) as session:
        _staff_person(session, person_id)
        entry = ReceptionEntry(
            person_id=person_id,
            entry_date=entry_date,
            code=item.id,
            points=item.points,
            note=note.strip(),
            assessor=assessor,
            account_id=acting.current().account_id,
            created_at=utc_now(),
        )
        session.add(entry)
        session.flush()
        audit.record(
            session,
            "reception.add",
            f"reception_entry:{entry.id}",
            after=_audited(entry),
            person_id=person_id,
            personal=["note"],
        )
        return entry.id


@permissions.requires(STAFF_EVALUATE)
def delete_entry(db: Database, entry_id: int) -> None:
    """Remove an entry recorded by mistake (the GUI asks before calling this)."""
    with db.writing(changes.RECEPTION) as session:
        entry = session.get(ReceptionEntry, entry_id)
        if entry is None:
            raise NotFoundError(
                "there is no reception entry with ID {id}",
                "没有 ID 为 {id} 的接待记录",
                id=entry_id,
            )
        audit.record(
            session,
            "reception.delete",
            f"reception_entry:{entry_id}",
            before=_audited(entry),
            person_id=entry.person_id,
            personal=["note"],
        )
        session.delete(entry)


def _audited(entry: ReceptionEntry) -> dict[str, object]:
    """An entry as its audit row quotes it (the note is the staff member's)."""
    return {
        "person": entry.person_id,
        "date": entry.entry_date.isoformat(),
        "code": entry.code,
        "points": entry.points,
        "note": entry.note,
    }


@permissions.requires(STAFF_EVALUATE)
def entries(db: Database, person_id: int, period_from: date, period_to: date) -> list[EntryRow]:
    """The entries dated inside the period, oldest first, each with the total after it."""
    _check_period(period_from, period_to)
    base = builtin_standard().base_points
    with db.reading() as session:
        _staff_person(session, person_id)
        stored = _stored_entries(session, person_id, period_from, period_to)
    # accumulate() starts with the base itself; each later value is the total after an entry
    after = list(accumulate((entry.points for entry in stored), initial=base))[1:]
    return [_entry_row(entry, total) for entry, total in zip(stored, after, strict=True)]


@permissions.requires(STAFF_EVALUATE)
def running_total(db: Database, person_id: int, period_from: date, period_to: date) -> PeriodTotal:
    """Base, deductions, bonuses and total for the period, with the day-by-day series."""
    return summarise(builtin_standard().base_points, entries(db, person_id, period_from, period_to))


def summarise(base: int, rows: list[EntryRow]) -> PeriodTotal:
    """The totals of a period's entries (pure, so the GUI and the sheet agree)."""
    deductions = sum(row.points for row in rows if row.points < 0)
    bonuses = sum(row.points for row in rows if row.points > 0)
    return PeriodTotal(
        base=base,
        deductions=deductions,
        bonuses=bonuses,
        total=base + deductions + bonuses,
        entry_count=len(rows),
        series=_daily_series(rows),
    )


def _daily_series(rows: list[EntryRow]) -> tuple[DailyTotal, ...]:
    """One point per date with entries; rows are in date order, so a date's last row
    carries the total at the end of that day."""
    by_date: dict[date, DailyTotal] = {}
    for row in rows:
        earlier = by_date.get(row.entry_date)
        points = row.points + (earlier.points if earlier else 0)
        by_date[row.entry_date] = DailyTotal(row.entry_date, points, row.running_total)
    return tuple(by_date.values())


def _check_period(period_from: date, period_to: date) -> None:
    if period_from > period_to:
        raise UserError(
            "the period starts ({start}) after it ends ({end})",
            "期间的开始日期（{start}）晚于结束日期（{end}）",
            start=period_from.isoformat(),
            end=period_to.isoformat(),
        )


def _stored_entries(
    session: Session, person_id: int, period_from: date, period_to: date
) -> list[ReceptionEntry]:
    return list(
        session.scalars(
            select(ReceptionEntry)
            .where(
                ReceptionEntry.person_id == person_id,
                ReceptionEntry.entry_date >= period_from,
                ReceptionEntry.entry_date <= period_to,
            )
            .order_by(ReceptionEntry.entry_date, ReceptionEntry.id)
        ).all()
    )


def _entry_row(entry: ReceptionEntry, running: int) -> EntryRow:
    item = builtin_standard().item(entry.code)
    return EntryRow(
        id=entry.id,
        entry_date=entry.entry_date,
        code=entry.code,
        item_text=item.text if item else Text(zh=entry.code, en=entry.code),
        clause=item.clause if item else None,
        points=entry.points,
        note=entry.note,
        assessor=entry.assessor,
        running_total=running,
    )


# --------------------------------------------------------------------------- the sheet


@permissions.requires(STAFF_EVALUATE)
def build_reception_sheet(
    db: Database,
    person_id: int,
    period_from: date,
    period_to: date,
    printed_on: date,
    organisation: str | None = None,
) -> ReceptionSheet:
    """Everything the assessment sheet prints, as plain data."""
    member = staff_member(db, person_id)
    rows = entries(db, person_id, period_from, period_to)
    totals = summarise(builtin_standard().base_points, rows)
    return ReceptionSheet(
        organisation=organisation if organisation is not None else organisation_name(db),
        staff=StaffInfo(member.id, member.name, member.position),
        period_from=period_from,
        period_to=period_to,
        printed_on=printed_on,
        assessors=list(dict.fromkeys(row.assessor for row in rows if row.assessor)),
        entries=[_sheet_entry(row) for row in rows],
        totals=SheetTotals(
            totals.base, totals.deductions, totals.bonuses, totals.total, totals.entry_count
        ),
        standard=_sheet_standard(builtin_standard()),
    )


@permissions.requires(STAFF_EVALUATE)
def write_reception_sheet(
    db: Database,
    person_id: int,
    period_from: date,
    period_to: date,
    out: Path,
    organisation: str | None = None,
) -> ReceptionSheet:
    """Write the sheet to ``out`` (atomically) and return what was printed."""
    from cs_trainer.reports.reception_sheet import write_sheet

    sheet = build_reception_sheet(db, person_id, period_from, period_to, date.today(), organisation)
    try:
        write_sheet(sheet, out)
    except OSError as exc:  # a missing folder, no permission, a full disk
        refuse_write(out, exc)
    return sheet


def _bilingual(text: Text) -> Bilingual:
    return Bilingual(text.zh, text.en)


def _sheet_entry(row: EntryRow) -> SheetEntry:
    return SheetEntry(
        entry_date=row.entry_date,
        item=_bilingual(row.item_text),
        clause=row.clause,
        points=row.points,
        note=row.note,
        assessor=row.assessor,
        running_total=row.running_total,
    )


def _sheet_standard(standard: ReceptionStandard) -> SheetStandard:
    return SheetStandard(
        title=_bilingual(standard.title),
        version=standard.version,
        base_points=standard.base_points,
        duties=[_bilingual(duty) for duty in standard.duties],
        clauses=[_sheet_clause(clause, standard) for clause in standard.clauses],
    )


def _sheet_clause(clause: Clause, standard: ReceptionStandard) -> SheetClause:
    reason = clause.unscored_reason
    return SheetClause(
        number=clause.number,
        requirement=_bilingual(clause.requirement),
        rule=_bilingual(clause.rule),
        items=[
            ScoredItem(_bilingual(item.text), item.points)
            for item in standard.items_of(clause.number)
        ],
        unscored_reason=_bilingual(reason) if reason is not None else None,
    )
