"""Plain data for the candidate evaluation sheet.

The services layer fills these from the database; the PDF writer reads only
these, never ORM rows or widgets, so a sheet can be built in a test from
literals.
"""

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Bilingual:
    """A text in Simplified Chinese with its English translation."""

    zh: str
    en: str


@dataclass(frozen=True)
class SheetItem:
    """One pair of the self-test with the score given (1 = low pole, 10 = high pole)."""

    number: int
    high_pole: Bilingual
    low_pole: Bilingual
    score: int
    max_score: int


@dataclass(frozen=True)
class SelfTestSection:
    """The result of one finished self-test attempt."""

    title: Bilingual
    instrument_version: int
    mode: Bilingual  # "self-rated" or "rated by a manager"
    conducted_by: str  # empty when nobody was recorded
    finished_on: date
    items: list[SheetItem]
    total: int
    max_total: int
    band: Bilingual
    band_advice: Bilingual  # the instrument's own wording of what the band means


@dataclass(frozen=True)
class CandidateInfo:
    """Who the sheet is about."""

    candidate_id: int
    name: str
    phone: str
    position: str
    registered_on: date


@dataclass(frozen=True)
class EvaluationSheet:
    """Everything printed on one candidate's evaluation sheet."""

    organisation: str
    candidate: CandidateInfo
    printed_on: date
    self_tests: list[SelfTestSection] = field(default_factory=list)
