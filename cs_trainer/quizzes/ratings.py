"""Aggregating 1–5 ratings from several interviewers.

A structured interview is only fair when every rating is attributed and the
summary is computed the same way for every candidate: the mean per item over
the raters who scored it, and per quality group the mean of its item means (so
a question two people rated weighs the same as one rated by three).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import fmean


@dataclass(frozen=True)
class Rating:
    """One rater's score (None when only a note was written) on one item."""

    rater: str
    item_id: str
    group: str
    score: int | None
    notes: str = ""


@dataclass(frozen=True)
class GroupMean:
    """A quality group's mean of item means, and how many items had a score."""

    group: str
    mean: float | None
    items: int


def mean_or_none(scores: Iterable[int | float | None]) -> float | None:
    values = [float(score) for score in scores if score is not None]
    return fmean(values) if values else None


def raters(ratings: Iterable[Rating]) -> list[str]:
    """Every rater once, in the order they first appear."""
    return list(dict.fromkeys(rating.rater for rating in ratings))


def item_means(ratings: Iterable[Rating]) -> dict[str, float | None]:
    """Mean score per item over the raters who gave one."""
    by_item: dict[str, list[int | None]] = {}
    for rating in ratings:
        by_item.setdefault(rating.item_id, []).append(rating.score)
    return {item: mean_or_none(scores) for item, scores in by_item.items()}


def group_means(ratings: Iterable[Rating], groups: Iterable[str]) -> list[GroupMean]:
    """Per group (in the order given), the mean of its items' means."""
    ratings = list(ratings)
    means = item_means(ratings)
    group_of = {rating.item_id: rating.group for rating in ratings}
    result = []
    for group in groups:
        scored = [m for item, m in means.items() if group_of[item] == group and m is not None]
        result.append(GroupMean(group, mean_or_none(scored), len(scored)))
    return result
