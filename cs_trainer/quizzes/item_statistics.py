"""Item statistics of a quiz: which questions work, which are too easy, and which are
probably keyed wrong.

Everything here is pure and works on a *response matrix*: one mapping per attempt from
item ID to 1 (right) or 0 (wrong). A quiz draws its items at random, so attempts may
have answered different subsets; the choices made for that are:

- **Per item**, every statistic uses only the attempts that answered the item.
- **An attempt's score** is its proportion right over the items *it* answered, so an
  attempt that drew 8 items and one that drew 10 are ranked on the same scale. When
  every attempt answered the same items this orders and correlates exactly as the raw
  total does, so the textbook formulas below hold unchanged.
- **Reliability** (KR-20, alpha-if-item-deleted) needs the same items in every attempt,
  so it is computed over the items common to all the attempts of the report; with too
  few common items it is None rather than a number built from mismatched totals.

Below :data:`MIN_ATTEMPTS` attempts (overall for the report, per item for an item) a
report carries ``too_few`` and no numbers at all: with a handful of attempts the indices
swing wildly and a trainer would act on noise.

Exact fractions are used internally, so "zero variance" is exactly zero and ties are
real ties, never an accident of floating-point rounding.
"""

import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from cs_trainer.quizzes.schema_common import Text

Matrix = Sequence[Mapping[str, int]]
"""One mapping per attempt: item ID → 1 if answered right, 0 if wrong."""

MIN_ATTEMPTS = 10
"""Fewer attempts than this and a report shows no statistics, only that there are too few."""

EXTREME_GROUP_PERCENT = 27
"""Kelley's upper and lower groups: 27 % of the attempts each."""

_NEGATIVE = -1e-9
"""Below this an index counts as negative; a rounding residue of zero is not a warning."""


@dataclass(frozen=True)
class ItemReport:
    """The statistics of one item; every number is None when ``too_few`` is set.

    ``alpha_if_deleted`` is None also for an item that not every attempt answered (it
    is outside the reliability computation) and when fewer than two items would remain.
    """

    item_id: str
    attempts: int
    question: Text | None = None
    too_few: bool = False
    facility: float | None = None
    discrimination_27: float | None = None
    point_biserial: float | None = None
    alpha_if_deleted: float | None = None

    @property
    def flagged(self) -> bool:
        """Either discrimination index is negative: stronger trainees got it wrong more
        often than weaker ones, which usually means the key is wrong."""
        return any(
            value is not None and value < _NEGATIVE
            for value in (self.discrimination_27, self.point_biserial)
        )


@dataclass(frozen=True)
class QuizReport:
    """The statistics of one quiz over ``attempts`` attempts.

    ``kr20`` is computed over ``reliability_items`` (the items every attempt answered);
    when ``too_few`` is set it is None and the items carry no numbers.
    """

    attempts: int
    min_attempts: int
    items: tuple[ItemReport, ...]
    kr20: float | None = None
    reliability_items: tuple[str, ...] = ()

    @property
    def too_few(self) -> bool:
        return self.attempts < self.min_attempts

    @property
    def flagged(self) -> tuple[str, ...]:
        """The IDs of the items whose key should be checked."""
        return tuple(item.item_id for item in self.items if item.flagged)


# -- the statistics -----------------------------------------------------------------------


def facility(matrix: Matrix, item_id: str) -> float | None:
    """The facility (difficulty) index p = right / answered: the share who got it right.

    None when no attempt answered the item.
    """
    values = _values(matrix, item_id)
    return float(Fraction(sum(values), len(values))) if values else None


def extreme_group_size(attempts: int) -> int:
    """n = max(1, round(0.27 · N)), rounding halves up (Python's round() would round 13.5
    to 14 but 40.5 to 40; integer arithmetic keeps the rule exact and the same for all N).
    """
    return max(1, (EXTREME_GROUP_PERCENT * attempts + 50) // 100)


def discrimination_27(matrix: Matrix, item_id: str) -> float | None:
    """The upper-lower index D = p(upper 27 %) − p(lower 27 %), ranking by score.

    Both groups hold n = :func:`extreme_group_size` (N) attempts of the N that answered
    the item. Attempts tied on the score at a group's boundary share its remaining
    places equally: with 1 place left and 3 attempts tied, each counts with weight 1/3.
    So D never depends on the order the attempts were stored in. None when no attempt
    answered the item.
    """
    rows = [(_score(attempt), attempt[item_id]) for attempt in matrix if item_id in attempt]
    if not rows:
        return None
    size = extreme_group_size(len(rows))
    upper = _group_facility(rows, size, top=True)
    lower = _group_facility(rows, size, top=False)
    return float(upper - lower)


def point_biserial(matrix: Matrix, item_id: str) -> float | None:
    """The corrected item-total correlation r = Pearson(x, rest), where x is the item
    (0/1) and rest the attempt's score *without* the item, so the item is not correlated
    with itself: rest = (right − x) / (answered − 1).

    r = Σ(x − x̄)(rest − r̄) / √(Σ(x − x̄)² · Σ(rest − r̄)²). Attempts that answered
    only this item have no rest and are left out. None when either variance is zero
    (everyone right or wrong, or every rest score equal): the correlation is undefined.
    """
    pairs = [
        (Fraction(attempt[item_id]), _rest(attempt, item_id))
        for attempt in matrix
        if item_id in attempt and len(attempt) > 1
    ]
    if len(pairs) < 2:
        return None
    xs, rests = [x for x, _ in pairs], [r for _, r in pairs]
    if statistics.pvariance(xs) == 0 or statistics.pvariance(rests) == 0:
        return None
    return statistics.correlation([float(x) for x in xs], [float(r) for r in rests])


def common_items(matrix: Matrix) -> list[str]:
    """The items every attempt answered, in the order of the first attempt."""
    attempts = [attempt for attempt in matrix if attempt]
    if not attempts:
        return []
    shared = set(attempts[0]).intersection(*attempts[1:])
    return [item for item in attempts[0] if item in shared]


def kr20(matrix: Matrix, items: Sequence[str] | None = None) -> float | None:
    """KR-20 = k/(k − 1) · (1 − Σ p·q / σ²), Cronbach's alpha for 0/1 items.

    k is the number of items (by default :func:`common_items`), p each item's facility,
    q = 1 − p, and σ² the population variance of the total over those k items. With
    population variances throughout, Σ p·q is exactly the sum of the item variances, so
    this *is* Cronbach's alpha. Only attempts that answered all k items are used. None
    with fewer than two items or when every total is the same (σ² = 0).
    """
    chosen = list(items) if items is not None else common_items(matrix)
    rows = [attempt for attempt in matrix if attempt and all(i in attempt for i in chosen)]
    if len(chosen) < 2 or not rows:
        return None
    totals = [Fraction(sum(row[i] for i in chosen)) for row in rows]
    total_variance = statistics.pvariance(totals)
    if total_variance == 0:
        return None
    item_variance = sum(statistics.pvariance([Fraction(row[i]) for row in rows]) for i in chosen)
    k = len(chosen)
    return float(Fraction(k, k - 1) * (1 - item_variance / total_variance))


def alpha_if_deleted(matrix: Matrix, item_id: str) -> float | None:
    """KR-20 of the common items without this one: if it rises above the quiz's KR-20,
    the item works against the others. None for an item not every attempt answered."""
    common = common_items(matrix)
    if item_id not in common:
        return None
    return kr20(matrix, [item for item in common if item != item_id])


# -- the report ---------------------------------------------------------------------------


def analyse(
    matrix: Matrix,
    *,
    item_order: Iterable[str] = (),
    questions: Mapping[str, Text] | None = None,
    min_attempts: int = MIN_ATTEMPTS,
) -> QuizReport:
    """The report of a quiz: every item answered at least once, then KR-20.

    Items come in ``item_order`` first (e.g. the bank's order), then any others in the
    order they first appear. Attempts with no answers are ignored. Raises ValueError
    for a value other than 0 or 1, which would silently distort every index.
    """
    attempts = [dict(attempt) for attempt in matrix if attempt]
    _require_binary(attempts)
    order = _item_order(attempts, item_order)
    texts = questions or {}
    if len(attempts) < min_attempts:
        blank = (ItemReport(i, _answered(attempts, i), texts.get(i), too_few=True) for i in order)
        return QuizReport(len(attempts), min_attempts, tuple(blank))
    shared = set(common_items(attempts))
    common = [item for item in order if item in shared]
    reports = tuple(_item_report(attempts, item, texts.get(item), min_attempts) for item in order)
    return QuizReport(len(attempts), min_attempts, reports, kr20(attempts, common), tuple(common))


def _item_report(attempts: Matrix, item_id: str, question: Text | None, minimum: int) -> ItemReport:
    answered = _answered(attempts, item_id)
    if answered < minimum:
        return ItemReport(item_id, answered, question, too_few=True)
    return ItemReport(
        item_id,
        answered,
        question,
        facility=facility(attempts, item_id),
        discrimination_27=discrimination_27(attempts, item_id),
        point_biserial=point_biserial(attempts, item_id),
        alpha_if_deleted=alpha_if_deleted(attempts, item_id),
    )


# -- helpers ------------------------------------------------------------------------------


def _values(matrix: Matrix, item_id: str) -> list[int]:
    return [attempt[item_id] for attempt in matrix if item_id in attempt]


def _answered(matrix: Matrix, item_id: str) -> int:
    return sum(1 for attempt in matrix if item_id in attempt)


def _score(attempt: Mapping[str, int]) -> Fraction:
    """Proportion right over the items this attempt answered."""
    return Fraction(sum(attempt.values()), len(attempt))


def _rest(attempt: Mapping[str, int], item_id: str) -> Fraction:
    return Fraction(sum(attempt.values()) - attempt[item_id], len(attempt) - 1)


def _group_facility(rows: list[tuple[Fraction, int]], size: int, *, top: bool) -> Fraction:
    """Facility within the ``size`` highest (or lowest) scores; ties at the boundary
    share the places left (see :func:`discrimination_27`)."""
    ranked = sorted((score for score, _ in rows), reverse=top)
    boundary = ranked[size - 1]
    beyond = [x for score, x in rows if (score > boundary if top else score < boundary)]
    tied = [x for score, x in rows if score == boundary]
    places_left = size - len(beyond)
    return (sum(beyond) + Fraction(places_left * sum(tied), len(tied))) / size


def _item_order(attempts: Matrix, preferred: Iterable[str]) -> list[str]:
    present: dict[str, None] = {}
    for attempt in attempts:
        present.update(dict.fromkeys(attempt))
    ordered = [item for item in dict.fromkeys(preferred) if item in present]
    chosen = set(ordered)
    return ordered + [item for item in present if item not in chosen]


def _require_binary(attempts: Matrix) -> None:
    for attempt in attempts:
        for item, value in attempt.items():
            if value not in (0, 1):
                raise ValueError(f"item {item!r} has the value {value!r}; only 0 and 1 are scored")
