"""Plain data for the reception assessment sheet (《客服接待岗位职责工作标准》篇3).

The services layer fills these from the database and the standard; the PDF
writer reads only these, so a sheet can be built in a test from literals.
"""

from dataclasses import dataclass
from datetime import date

from cs_trainer.reports.sheet_data import Bilingual


@dataclass(frozen=True)
class StaffInfo:
    """Who the sheet is about."""

    staff_id: int
    name: str
    position: str


@dataclass(frozen=True)
class SheetEntry:
    """One deduction (negative points) or bonus (positive), with the total after it."""

    entry_date: date
    item: Bilingual
    clause: int | None  # the standard's clause number; None for an item no longer in it
    points: int
    note: str
    assessor: str
    running_total: int


@dataclass(frozen=True)
class SheetTotals:
    """The period's result: ``final == base + deductions + bonuses`` (deductions ≤ 0)."""

    base: int
    deductions: int
    bonuses: int
    final: int
    entry_count: int


@dataclass(frozen=True)
class ScoredItem:
    """A lapse or success of the standard and the points it carries (signed)."""

    text: Bilingual
    points: int


@dataclass(frozen=True)
class SheetClause:
    """One clause of the standard as the appendix quotes it."""

    number: int
    requirement: Bilingual
    rule: Bilingual
    items: list[ScoredItem]
    unscored_reason: Bilingual | None  # why a clause has no items, when it has none


@dataclass(frozen=True)
class SheetStandard:
    """The standard the entries were assessed against, printed as the appendix."""

    title: Bilingual
    version: int
    base_points: int
    duties: list[Bilingual]
    clauses: list[SheetClause]


@dataclass(frozen=True)
class ReceptionSheet:
    """Everything printed on one staff member's assessment sheet for one period."""

    organisation: str
    staff: StaffInfo
    period_from: date
    period_to: date
    printed_on: date
    assessors: list[str]  # who recorded the entries, each once, in order of first entry
    entries: list[SheetEntry]
    totals: SheetTotals
    standard: SheetStandard
