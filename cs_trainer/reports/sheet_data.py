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
class RaterScore:
    """One interviewer's rating (1–5, or None when only a note was written) and note."""

    rater: str
    score: int | None
    notes: str


@dataclass(frozen=True)
class RatedQuestion:
    """One interview question with every interviewer's rating and the mean of them."""

    number: int
    text: Bilingual
    group: Bilingual
    ratings: list[RaterScore]
    mean: float | None


@dataclass(frozen=True)
class TaskResult:
    """An observed task or test game as one interviewer recorded it."""

    title: Bilingual
    group: Bilingual
    rater: str
    score: int | None  # 1–5
    score_meaning: Bilingual | None  # the anchor or ladder rung of that score
    details: list[Bilingual]  # e.g. "叠了 200 张 / folded 200", signs ticked
    notes: str


@dataclass(frozen=True)
class TypingResult:
    """One typing test: speed in characters per minute and accuracy."""

    passage: Bilingual
    language: str  # "zh" or "en"
    taken_on: date
    seconds: float
    cpm: float  # correct characters per minute
    accuracy: float  # 0.0–1.0
    pass_mark: int
    passed: bool


@dataclass(frozen=True)
class GroupScore:
    """The mean 1–5 rating of one of the four groups of qualities."""

    group: Bilingual
    mean: float | None
    count: int  # how many ratings the mean is built from


@dataclass(frozen=True)
class DecisionInfo:
    """The hiring decision (hire / hold / reject) with its reason."""

    decision: Bilingual
    reason: str
    decided_by: str
    decided_on: date


@dataclass(frozen=True)
class InterviewSection:
    """A structured interview: its plan and every question with all raters' ratings."""

    plan_name: str
    position: str
    interviewed_on: date
    raters: list[str]
    questions: list[RatedQuestion]
    tasks: list[TaskResult]


@dataclass(frozen=True)
class EvaluationSheet:
    """Everything printed on one candidate's evaluation sheet."""

    organisation: str
    candidate: CandidateInfo
    printed_on: date
    self_tests: list[SelfTestSection] = field(default_factory=list)
    stage: Bilingual | None = None  # where the candidate is in the recruitment pipeline
    interviews: list[InterviewSection] = field(default_factory=list)
    typing: list[TypingResult] = field(default_factory=list)
    group_summary: list[GroupScore] = field(default_factory=list)  # four groups, fixed order
    decision: DecisionInfo | None = None
    interviewers: list[str] = field(default_factory=list)  # each gets a signature line
