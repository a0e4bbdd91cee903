"""Progress of trainees and cohorts: every finished attempt as a percentage over time,
the skills shown in role-plays, the weakest situations, and the cohort table.

Percentages make different instruments comparable on one chart. Which kinds of attempt
are shown, and what each one's total is counted against, is declared in
:mod:`cs_trainer.attempt_kinds` (a role-play against its best path, a quiz against its
items, a self-test against its maximum).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from statistics import fmean

from sqlalchemy import select

from cs_trainer import attempt_kinds
from cs_trainer.attempt_kinds import Label, ProgressRule, Whole
from cs_trainer.quizzes.schema_common import STORED_SNAPSHOT, Text
from cs_trainer.scenarios import runner
from cs_trainer.scenarios.schema import SKILLS, Scenario
from cs_trainer.services import cohorts, permissions, roleplays
from cs_trainer.services.clock import utc_end_of, utc_start_of
from cs_trainer.services.permissions import PRACTICE, TRAINEES_VIEW
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt

TRACKED_KINDS = tuple(kind.name for kind in attempt_kinds.ON_PROGRESS)
ROLEPLAY = attempt_kinds.ROLEPLAY.name  # skills and situations come from role-plays


@dataclass(frozen=True)
class ProgressPoint:
    """One finished attempt on the progress chart."""

    attempt_id: int
    kind: str
    instrument_id: str
    title: Text
    at: datetime
    percent: float  # 0–100
    raw: str  # e.g. "17 / 20"

    @property
    def key(self) -> str:
        """What the cohort table's columns are: one instrument."""
        return f"{self.kind}:{self.instrument_id}"


@dataclass(frozen=True)
class SkillScore:
    """How much of the best path's points a trainee earned in one skill, over role-plays."""

    skill: str
    percent: float | None
    plays: int


@dataclass(frozen=True)
class Situation:
    """A role-play and the trainee's best percentage in it."""

    scenario_id: str
    title: Text
    best_percent: float


@dataclass(frozen=True)
class CohortCell:
    latest: float | None
    best: float | None
    attempts: int


@dataclass(frozen=True)
class CohortRow:
    person_id: int
    name: str
    cells: dict[str, CohortCell]  # by ProgressPoint.key


@dataclass(frozen=True)
class CohortTable:
    """Trainee × instrument, latest and best percentage, for one cohort and date range."""

    instruments: list[tuple[str, Text]]  # (key, title), in order of first attempt
    rows: list[CohortRow]


@permissions.requires(PRACTICE, owner=permissions.person_argument("person_id"))
def trainee_timeline(
    db: Database, person_id: int, since: date | None = None, until: date | None = None
) -> list[ProgressPoint]:
    """Every finished attempt of a kind on the progress scale, of a person, oldest first."""
    query = select(Attempt).where(
        Attempt.person_id == person_id,
        Attempt.kind.in_(TRACKED_KINDS),
        Attempt.status == "finished",
    )
    if since is not None:
        query = query.where(Attempt.finished_at >= utc_start_of(since))
    if until is not None:
        query = query.where(Attempt.finished_at <= utc_end_of(until))
    with db.reading() as session:
        attempts = session.scalars(query.order_by(Attempt.finished_at, Attempt.id)).all()
        return [_point(attempt) for attempt in attempts]


@permissions.requires(PRACTICE, owner=permissions.person_argument("person_id"))
def skill_profile(db: Database, person_id: int) -> list[SkillScore]:
    """Per skill, the mean share of the best path's points earned in finished role-plays."""
    shares: dict[str, list[float]] = {skill: [] for skill in SKILLS}
    with db.reading() as session:
        attempts = session.scalars(
            select(Attempt).where(
                Attempt.person_id == person_id,
                Attempt.kind == ROLEPLAY,
                Attempt.status == "finished",
            )
        ).all()
        for attempt in attempts:
            best = _best(attempt)
            for skill, possible in best.scores.items():
                if possible > 0:
                    earned = (attempt.group_scores or {}).get(skill, 0.0)
                    shares[skill].append(_clamp(100 * earned / possible))
    return [SkillScore(skill, fmean(v) if v else None, len(v)) for skill, v in shares.items()]


def weakest_skills(profile: Iterable[SkillScore], limit: int = 2) -> list[str]:
    """The skills with the lowest percentage (only those practised)."""
    scored = sorted((s for s in profile if s.percent is not None), key=lambda s: s.percent or 0)
    return [score.skill for score in scored[:limit]]


@permissions.requires(PRACTICE, owner=permissions.person_argument("person_id"))
def weakest_situations(db: Database, person_id: int, limit: int = 3) -> list[Situation]:
    """The role-plays whose best result so far is lowest."""
    best: dict[str, Situation] = {}
    for point in trainee_timeline(db, person_id):
        if point.kind != ROLEPLAY:
            continue
        known = best.get(point.instrument_id)
        if known is None or point.percent > known.best_percent:
            best[point.instrument_id] = Situation(point.instrument_id, point.title, point.percent)
    return sorted(best.values(), key=lambda s: (s.best_percent, s.scenario_id))[:limit]


@permissions.requires(TRAINEES_VIEW)
def cohort_table(
    db: Database, cohort_id: int, since: date | None = None, until: date | None = None
) -> CohortTable:
    """Each member's latest and best percentage per instrument in the date range."""
    instruments: dict[str, Text] = {}
    rows = []
    for member in cohorts.members(db, cohort_id):
        points = trainee_timeline(db, member.id, since, until)
        by_key: dict[str, list[ProgressPoint]] = {}
        for point in points:
            instruments.setdefault(point.key, point.title)
            by_key.setdefault(point.key, []).append(point)
        cells = {
            key: CohortCell(found[-1].percent, max(p.percent for p in found), len(found))
            for key, found in by_key.items()
        }
        rows.append(CohortRow(member.id, member.name, cells))
    return CohortTable(list(instruments.items()), rows)


@permissions.requires(TRAINEES_VIEW)
def cohort_skill_profile(db: Database, cohort_id: int) -> list[SkillScore]:
    """Per skill, the mean of the members' percentages (members who practised it)."""
    profiles = [skill_profile(db, member.id) for member in cohorts.members(db, cohort_id)]
    result = []
    for index, skill in enumerate(SKILLS):
        values = [p[index].percent for p in profiles if p[index].percent is not None]
        plays = sum(p[index].plays for p in profiles)
        result.append(
            SkillScore(skill, fmean(v for v in values if v is not None) if values else None, plays)
        )
    return result


@permissions.requires(PRACTICE, owner=permissions.person_argument("person_id"))
def practise_next(
    db: Database, person_id: int, library: roleplays.Library, limit: int = 3
) -> roleplays.PractiseNext:
    """Scenarios for the trainee's weakest skills over all role-plays, not yet at 100 %.

    Unlike ``roleplays.practise_next`` (one play-through), this looks at the whole
    record, so a trainer sees one answer per trainee. Scenarios training more of the
    weak skills come first, then easier ones, so the next step is reachable; with no
    role-play played yet, the easiest scenarios are suggested.
    """
    skills = weakest_skills(skill_profile(db, person_id))
    best = _best_percent_by_scenario(db, person_id)
    open_ = [s.scenario for s in library.scenarios if best.get(s.scenario.id, 0.0) < 100.0]
    wanted = set(skills)

    def overlap(scenario: Scenario) -> int:
        return len(wanted & set(roleplays.skills_scored(scenario)))

    if wanted:
        open_ = [s for s in open_ if overlap(s)]
    ranked = sorted(open_, key=lambda s: (-overlap(s), s.difficulty, s.id))
    return roleplays.PractiseNext(skills, [s.id for s in ranked[:limit]])


def _best_percent_by_scenario(db: Database, person_id: int) -> dict[str, float]:
    best: dict[str, float] = {}
    for point in trainee_timeline(db, person_id):
        if point.kind == ROLEPLAY:
            best[point.instrument_id] = max(point.percent, best.get(point.instrument_id, 0.0))
    return best


def _point(attempt: Attempt) -> ProgressPoint:
    assert attempt.finished_at is not None
    rule = _rule(attempt.kind)
    total, whole = attempt.total or 0, _WHOLES[rule.whole](attempt, rule)
    title = _own_title(attempt) if rule.title is None else _text(rule.title)
    return ProgressPoint(
        attempt.id,
        attempt.kind,
        attempt.instrument_id,
        title,
        attempt.finished_at,
        _ratio(total, whole),
        f"{total} / {whole}",
    )


def _rule(kind_name: str) -> ProgressRule:
    """The progress rule of a kind the timeline's query selected (so it has one)."""
    kind = attempt_kinds.find(kind_name)
    assert kind is not None and kind.progress is not None, kind_name
    return kind.progress


def _best_path_total(attempt: Attempt, rule: ProgressRule) -> int:
    return _best(attempt).total


def _item_count(attempt: Attempt, rule: ProgressRule) -> int:
    return len(attempt.snapshot.body.get("items", [])) or 1


def _fixed_maximum(attempt: Attempt, rule: ProgressRule) -> int:
    return rule.maximum


_WHOLES: dict[Whole, Callable[[Attempt, ProgressRule], int]] = {
    Whole.BEST_PATH: _best_path_total,
    Whole.ITEMS: _item_count,
    Whole.FIXED: _fixed_maximum,
}
"""What a total is counted against, for each way the registry can name."""


def _own_title(attempt: Attempt) -> Text:
    """The title the instrument's snapshot carries (a role-play's scenario title)."""
    return Text.model_validate(attempt.snapshot.body["title"], context={STORED_SNAPSHOT: True})


@cache
def _text(label: Label) -> Text:
    return Text(zh=label.zh, en=label.en)


# Snapshots are content-addressed and never change, so a scenario and its best path
# are parsed and searched once per snapshot, not once per attempt.
_SCENARIOS: dict[str, Scenario] = {}
_BEST_PATHS: dict[str, runner.RunState] = {}


def _best(attempt: Attempt) -> runner.RunState:
    """The best path of the scenario version the attempt was played with."""
    if attempt.content_hash not in _BEST_PATHS:
        _BEST_PATHS[attempt.content_hash] = runner.best_path(_scenario(attempt))
    return _BEST_PATHS[attempt.content_hash]


def _scenario(attempt: Attempt) -> Scenario:
    if attempt.content_hash not in _SCENARIOS:
        _SCENARIOS[attempt.content_hash] = Scenario.model_validate(
            attempt.snapshot.body, context={STORED_SNAPSHOT: True}
        )
    return _SCENARIOS[attempt.content_hash]


def _ratio(part: float, whole: float) -> float:
    return _clamp(100 * part / whole) if whole > 0 else 0.0


def _clamp(percent: float) -> float:
    return max(0.0, min(100.0, percent))
