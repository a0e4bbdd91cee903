"""Plain data for the trainer's score sheets: one trainee's sheet and a cohort summary.

The services layer (:mod:`cs_trainer.services.score_sheets`) fills these from the
database; the PDF writers and the CSV/XLSX exports read only these, so every
sheet can be built in a test from literals and no ORM row or widget reaches a
report. Percentages are 0–100 throughout, on the progress service's one scale.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from cs_trainer import attempt_kinds
from cs_trainer.reports.sheet_data import Bilingual


def kind_name(kind: str) -> Bilingual:
    """What a kind of attempt is called on a sheet (its label in :mod:`cs_trainer.attempt_kinds`),
    or the code itself when a newer app stored a kind this version does not know."""
    known = attempt_kinds.find(kind)
    return Bilingual(known.label.zh, known.label.en) if known else Bilingual(kind, kind)


@dataclass(frozen=True)
class AttemptRow:
    """One finished attempt in the trainee's table, oldest first."""

    on: date
    instrument: Bilingual
    kind: str  # an attempts.kind, see cs_trainer.attempt_kinds
    raw: str  # e.g. "17 / 20"
    percent: float


@dataclass(frozen=True)
class SkillPercent:
    """A skill and the share of the best path's points earned in it (None: not practised)."""

    skill: Bilingual
    percent: float | None


@dataclass(frozen=True)
class TrendPoint:
    """One attempt on the trend chart.

    ``at`` is a local date and time, not just a date, so that several attempts
    on one day stand apart on the chart instead of stacking on one spot.
    """

    at: datetime
    percent: float
    kind: str


@dataclass(frozen=True)
class SituationResult:
    """A role-play situation and the trainee's best percentage in it."""

    title: Bilingual
    best_percent: float


@dataclass(frozen=True)
class Period:
    """The date range a cohort summary covers; None on a side means "no limit"."""

    since: date | None = None
    until: date | None = None

    def label(self) -> str:
        """The period as sheets and exports print it, e.g. ``2026-11-01 – 2026-11-30``.

        ISO dates read the same in both languages; only an open end needs words.
        """
        if self.since is None and self.until is None:
            return "全部记录 All records"
        since = self.since.isoformat() if self.since else "最早 Earliest"
        until = self.until.isoformat() if self.until else "至今 Now"
        return f"{since} – {until}"


@dataclass(frozen=True)
class TraineeSheet:
    """Everything printed on one trainee's score sheet."""

    organisation: str
    trainee: str
    cohort: str  # empty when the trainee belongs to no cohort
    printed_on: date
    attempts: list[AttemptRow] = field(default_factory=list)
    skills: list[SkillPercent] = field(default_factory=list)
    trend: list[TrendPoint] = field(default_factory=list)
    weakest_situations: list[SituationResult] = field(default_factory=list)
    weakest_skills: list[Bilingual] = field(default_factory=list)
    period: Period = field(default_factory=Period)  # limits the attempts and the trend


@dataclass(frozen=True)
class InstrumentColumn:
    """One instrument (role-play, quiz, self-test) as a column of the cohort table."""

    key: str  # "kind:instrument_id", stable across exports
    kind: str
    title: Bilingual


@dataclass(frozen=True)
class CohortCell:
    """A trainee's latest and best percentage in one instrument (None: never finished)."""

    latest: float | None = None
    best: float | None = None
    attempts: int = 0


@dataclass(frozen=True)
class CohortSheetRow:
    """One trainee's line: a cell per instrument, in the sheet's column order."""

    name: str
    cells: list[CohortCell]

    @property
    def mean(self) -> float | None:
        """The mean of the latest percentages: where the trainee stands now, across
        every instrument they finished in the period (None when they finished none)."""
        latest = [cell.latest for cell in self.cells if cell.latest is not None]
        return sum(latest) / len(latest) if latest else None


@dataclass(frozen=True)
class CohortSheet:
    """Everything printed on a cohort summary and written to its CSV/XLSX exports."""

    organisation: str
    cohort: str
    printed_on: date
    period: Period
    instruments: list[InstrumentColumn]
    rows: list[CohortSheetRow]
    skills: list[SkillPercent] = field(default_factory=list)
