"""Aggregating several interviewers' 1–5 ratings (hand-computed expectations)."""

import pytest

from cs_trainer.quizzes.ratings import GroupMean, Rating, group_means, item_means, raters


def _ratings() -> list[Rating]:
    return [
        Rating("王经理", "q1", "skills", 4),
        Rating("Li Mei", "q1", "skills", 5),
        Rating("王经理", "q2", "skills", 2),
        Rating("Li Mei", "q2", "skills", None, "only a note"),
        Rating("王经理", "q3", "character", 3),
        Rating("Li Mei", "q3", "character", 4),
        Rating("赵主管", "q3", "character", 5),
    ]


def test_each_rater_once_in_order_of_appearance() -> None:
    assert raters(_ratings()) == ["王经理", "Li Mei", "赵主管"]


def test_item_mean_is_over_the_raters_who_scored() -> None:
    means = item_means(_ratings())
    assert means == {"q1": 4.5, "q2": 2.0, "q3": 4.0}


def test_group_mean_is_the_mean_of_item_means() -> None:
    result = group_means(_ratings(), ["psychological", "character", "skills", "overall"])
    skills_mean = result[2].mean
    assert skills_mean == pytest.approx(3.25)  # (4.5 + 2.0) / 2, not (4+5+2) / 3
    assert result == [
        GroupMean("psychological", None, 0),
        GroupMean("character", 4.0, 1),
        GroupMean("skills", skills_mean, 2),
        GroupMean("overall", None, 0),
    ]


def test_an_item_with_notes_only_has_no_mean() -> None:
    means = item_means([Rating("王经理", "q9", "skills", None, "late")])
    assert means == {"q9": None}
    assert group_means([Rating("王经理", "q9", "skills", None)], ["skills"]) == [
        GroupMean("skills", None, 0)
    ]
