"""Item statistics against small matrices worked out by hand (the working is in comments).

Conventions of the hand working: N attempts; p = facility, q = 1 − p; Sxx, Syy, Sxy are
sums of squares / cross products about the mean (Sxy = Σxy − N·x̄·ȳ); σ² is the
population variance (divide by N).
"""

import pytest

from cs_trainer.quizzes import item_statistics as stats
from cs_trainer.quizzes.item_statistics import Matrix
from cs_trainer.quizzes.schema_common import Text


def matrix(items: str, rows: list[str]) -> list[dict[str, int]]:
    """``matrix("abcd", ["1101", ...])``: one string of 0/1 per attempt ("." = not drawn)."""
    return [
        {item: int(mark) for item, mark in zip(items, row, strict=True) if mark != "."}
        for row in rows
    ]


# A working quiz: N = 10, items a b c d.
#
#        a b c d   T
#   P1   1 1 1 1   4     upper 27 %: n = round(2.7) = 3 → P1 P2 P3 (4, 3, 3; P4 has 2)
#   P2   1 1 1 0   3
#   P3   1 1 1 0   3
#   P4   1 1 0 0   2
#   P5   1 1 0 0   2
#   P6   1 0 1 0   2
#   P7   1 0 0 1   2
#   P8   1 0 0 0   1     lower 27 %: P10 P8 P9 (0, 1, 1; the next has 2)
#   P9   0 1 0 0   1
#   P10  0 0 0 0   0
#   right 8 6 4 2  ΣT = 20, mean 2, σ² = (4+1+1+0+0+0+0+1+1+4)/10 = 1.2
GOOD = matrix(
    "abcd",
    ["1111", "1110", "1110", "1100", "1100", "1010", "1001", "1000", "0100", "0000"],
)


def test_facility_is_the_share_right() -> None:
    # a 8/10, b 6/10, c 4/10, d 2/10
    assert [stats.facility(GOOD, i) for i in "abcd"] == pytest.approx([0.8, 0.6, 0.4, 0.2])
    assert stats.facility(GOOD, "zzz") is None


def test_upper_lower_discrimination() -> None:
    # a: upper 3/3, lower P8 → 1/3: D = 2/3
    # b: upper 3/3, lower P9 → 1/3: D = 2/3
    # c: upper 3/3, lower 0:        D = 1
    # d: upper P1 → 1/3, lower 0:   D = 1/3
    assert [stats.discrimination_27(GOOD, i) for i in "abcd"] == pytest.approx(
        [2 / 3, 2 / 3, 1, 1 / 3]
    )


def test_corrected_point_biserial() -> None:
    # a: x = 1111111100, rest = T − a = 3,2,2,1,1,1,1,0,1,0: Σ 12, mean 1.2, Σr² 22
    #    Sxx = 10·.8·.2 = 1.6, Syy = 22 − 14.4 = 7.6, Σxr = 11, Sxy = 11 − 9.6 = 1.4
    #    r = 1.4 / √(1.6·7.6) = 1.4 / √12.16 = 0.401478
    # b: x = 1111100010, rest = 3,2,2,1,1,2,2,1,0,0: Σ 14, Σr² 28, Syy = 8.4
    #    Σxr = 9, Sxy = 9 − 10·.6·1.4 = 0.6, Sxx = 2.4: r = 0.6 / √20.16 = 0.133631
    # c: x = 1110010000, rest = 3,2,2,2,2,1,2,1,1,0: Σ 16, Σr² 32, Syy = 6.4
    #    Σxr = 8, Sxy = 8 − 6.4 = 1.6, Sxx = 2.4: r = 1.6 / √15.36 = 0.408248
    # d: x = 1000001000, rest = 3,3,3,2,2,2,1,1,1,0: Σ 18, Σr² 42, Syy = 9.6
    #    Σxr = 4, Sxy = 4 − 3.6 = 0.4, Sxx = 1.6: r = 0.4 / √15.36 = 0.102062
    assert [stats.point_biserial(GOOD, i) for i in "abcd"] == pytest.approx(
        [0.401478, 0.133631, 0.408248, 0.102062], abs=1e-6
    )


def test_kr20_and_alpha_if_item_deleted() -> None:
    # Σpq = .16 + .24 + .24 + .16 = .80; KR-20 = 4/3 · (1 − .8/1.2) = 4/9
    assert stats.kr20(GOOD) == pytest.approx(4 / 9)
    # Without an item the totals are that item's rest scores, so σ² = Syy/10 from above:
    # −a: σ² .76, Σpq .64: 3/2 · (1 − .64/.76) = 9/38
    # −b: σ² .84, Σpq .56: 3/2 · (1 − .56/.84) = 1/2
    # −c: σ² .64, Σpq .56: 3/2 · (1 − .56/.64) = 3/16
    # −d: σ² .96, Σpq .64: 3/2 · (1 − .64/.96) = 1/2
    assert [stats.alpha_if_deleted(GOOD, i) for i in "abcd"] == pytest.approx(
        [9 / 38, 1 / 2, 3 / 16, 1 / 2]
    )


def test_the_report_gathers_every_statistic_in_the_bank_order() -> None:
    questions = {"c": Text(zh="问题丙", en="Question C")}
    report = stats.analyse(GOOD, item_order=["d", "c", "x"], questions=questions)
    assert (report.attempts, report.too_few, report.flagged) == (10, False, ())
    assert [item.item_id for item in report.items] == ["d", "c", "a", "b"]
    assert report.kr20 == pytest.approx(4 / 9)
    assert report.reliability_items == ("d", "c", "a", "b")
    c = report.items[1]
    assert c.question == questions["c"] and c.attempts == 10 and not c.too_few
    assert (c.facility, c.discrimination_27) == pytest.approx((0.4, 1.0))
    assert (c.point_biserial, c.alpha_if_deleted) == pytest.approx((0.408248, 3 / 16), abs=1e-6)


# A quiz with a wrong key on item m: N = 6, n = round(1.62) = 2.
#
#        a b c m   T
#   Q1   1 1 1 0   3     upper: Q1 Q2
#   Q2   1 1 1 0   3
#   Q3   1 1 0 0   2
#   Q4   1 0 1 0   2
#   Q5   0 0 0 1   1     lower: Q5 Q6
#   Q6   0 0 0 1   1
MISKEYED = matrix("abcm", ["1110", "1110", "1100", "1010", "0001", "0001"])


def test_a_negatively_discriminating_item_is_flagged() -> None:
    # m: D = 0/2 − 2/2 = −1
    #    rest = 3,3,2,2,0,0: mean 5/3, Syy = 26 − 6·25/9 = 28/3; Σxr = 0
    #    Sxy = 0 − 6·(1/3)(5/3) = −10/3; Sxx = 6·(1/3)(2/3) = 4/3
    #    r = (−10/3) / √(4/3 · 28/3) = −10/√112 = −0.944911
    # a: rest = 2,2,1,1,1,1: mean 4/3, Syy = 12 − 32/3 = 4/3; Σxr = 6
    #    Sxy = 6 − 6·(2/3)(4/3) = 2/3, Sxx = 4/3: r = (2/3)/(4/3) = 0.5, D = 1
    # b, c: rest Σ 9 (mean 1.5), Σr² 15, Syy = 1.5; Σxr = 5, Sxy = 0.5, Sxx = 1.5: r = 1/3
    assert stats.discrimination_27(MISKEYED, "m") == pytest.approx(-1)
    assert stats.point_biserial(MISKEYED, "m") == pytest.approx(-0.944911, abs=1e-6)
    assert [stats.point_biserial(MISKEYED, i) for i in "abc"] == pytest.approx([0.5, 1 / 3, 1 / 3])
    # KR-20: σ² = 4/6 = 2/3, Σpq = 2/9 + 1/4 + 1/4 + 2/9 = 17/18
    #        4/3 · (1 − (17/18)/(2/3)) = 4/3 · (−5/12) = −5/9
    # without m: totals 3,3,2,2,0,0 → σ² = Syy/6 = 14/9, Σpq = 13/18
    #        3/2 · (1 − (13/18)/(14/9)) = 3/2 · 15/28 = 45/56: dropping m helps a lot
    report = stats.analyse(MISKEYED, min_attempts=6)
    assert report.flagged == ("m",)
    assert report.kr20 == pytest.approx(-5 / 9)
    assert report.items[3].alpha_if_deleted == pytest.approx(45 / 56)


def test_only_the_upper_lower_index_can_be_enough_to_flag() -> None:
    item = stats.ItemReport("x", 12, discrimination_27=-0.25, point_biserial=0.1)
    assert item.flagged
    assert not stats.ItemReport("y", 12, discrimination_27=0.0, point_biserial=0.0).flagged
    assert not stats.ItemReport("z", 12, too_few=True).flagged


# -- edge cases ---------------------------------------------------------------------------


def test_all_answers_right() -> None:
    perfect = matrix("abc", ["111"] * 10)
    report = stats.analyse(perfect)
    for item in report.items:
        # facility 1; both groups all right: D = 1 − 1 = 0; x never varies: r undefined
        assert (item.facility, item.discrimination_27) == (1.0, 0.0)
        assert item.point_biserial is None
        assert item.alpha_if_deleted is None  # two items left, every total 2: σ² = 0
        assert not item.flagged
    assert report.kr20 is None  # every total is 3: σ² = 0


def test_zero_variance_in_an_item_or_in_its_rest_score() -> None:
    # a is always right; b varies; c = b. T = 1 + 2b.
    data = matrix("abc", ["111", "111", "100", "100"])
    assert stats.point_biserial(data, "a") is None  # x constant
    assert stats.point_biserial(data, "b") == pytest.approx(1.0)  # rest = (1 + c)/2 ≡ b
    # KR-20 still defined: σ²(T) = 1 (T = 3,3,1,1), Σpq = 0 + .25 + .25 = .5
    #   3/2 · (1 − .5/1) = 3/4
    assert stats.kr20(data) == pytest.approx(0.75)
    # Two items where the other one is always right: the rest never varies.
    assert stats.point_biserial(matrix("ab", ["11", "01", "11", "01"]), "a") is None
    # Everyone the same total though answers differ: σ² = 0, KR-20 undefined.
    assert stats.kr20(matrix("ab", ["10", "01", "10", "01"])) is None


def test_too_few_attempts_give_no_numbers() -> None:
    nine = stats.analyse(GOOD[:9])
    assert nine.too_few and (nine.attempts, nine.min_attempts) == (9, stats.MIN_ATTEMPTS)
    assert nine.kr20 is None and nine.reliability_items == () and nine.flagged == ()
    assert [item.item_id for item in nine.items] == ["a", "b", "c", "d"]
    for item in nine.items:
        assert item.too_few and item.attempts == 9
        assert item.facility is item.discrimination_27 is item.point_biserial is None
    assert not stats.analyse(GOOD).too_few  # exactly the minimum is enough
    empty = stats.analyse([])
    assert empty.too_few and empty.items == ()


def test_an_item_answered_too_rarely_gets_no_numbers_even_when_the_quiz_has_enough() -> None:
    data = [*GOOD[:9], {**GOOD[9], "rare": 1}]
    report = stats.analyse(data, item_order="abcd")
    rare = report.items[-1]
    assert (rare.item_id, rare.attempts, rare.too_few, rare.facility) == ("rare", 1, True, None)
    assert report.reliability_items == ("a", "b", "c", "d")  # "rare" is not common


def test_the_extreme_group_size_rounds_half_up() -> None:
    # 0.27·N: 1 → 0.27 (at least 1), 6 → 1.62, 10 → 2.7, 50 → 13.5, 150 → 40.5
    assert [stats.extreme_group_size(n) for n in (1, 4, 6, 10, 50, 150)] == [1, 1, 2, 3, 14, 41]


def test_ties_at_the_boundary_share_the_places_and_order_does_not_matter() -> None:
    # N = 4 → n = 1.
    data = matrix("xyz", ["110", "011", "100", "000"])
    # T = 2, 2, 1, 0: the two attempts with 2 share the one upper place (weight 1/2 each)
    # and their x is 1 and 0 → p(upper) = 1/2; lower = the attempt with 0: p = 0 → D = 1/2
    assert stats.discrimination_27(data, "x") == pytest.approx(0.5)
    assert stats.discrimination_27(data[::-1], "x") == pytest.approx(0.5)
    # T = 1, 1, 1, 3: the lower place is shared by three, x = 1, 0, 0 → p(lower) = 1/3;
    # upper (T = 3): x = 1 → D = 1 − 1/3
    tied = matrix("xyz", ["100", "010", "001", "111"])
    assert stats.discrimination_27(tied, "x") == pytest.approx(1 - 1 / 3)


def test_attempts_that_drew_different_items() -> None:
    # score = proportion right of the items each attempt answered
    #        a b c   score
    #   A1   1 1 1   1
    #   A2   1 0 .   1/2
    #   A3   0 . 0   0
    #   A4   0 1 0   1/3
    data = matrix("abc", ["111", "10.", "0.0", "010"])
    # facility over the attempts that answered: b = 2/3, c = 1/3, a = 2/4
    assert [stats.facility(data, i) for i in "abc"] == pytest.approx([0.5, 2 / 3, 1 / 3])
    # a: N = 4, n = 1: upper A1 (a = 1), lower A3 (a = 0): D = 1
    assert stats.discrimination_27(data, "a") == pytest.approx(1)
    # a: rest proportions 1, 0, 0, 1/2 (mean 3/8); x = 1,1,0,0
    #    Sxy = 1 − 4·(1/2)(3/8) = 1/4, Sxx = 1, Syy = 5/4 − 4·9/64 = 11/16
    #    r = (1/4) / √(11/16) = 1/√11 = 0.301511
    assert stats.point_biserial(data, "a") == pytest.approx(11**-0.5)
    # only a is common to all: no reliability, and no alpha-if-deleted for b or c
    assert stats.common_items(data) == ["a"]
    assert stats.kr20(data) is None
    assert stats.alpha_if_deleted(data, "b") is None


def test_an_attempt_that_answered_one_item_has_no_rest_score() -> None:
    data: Matrix = [{"a": 1}, {"a": 1, "b": 1}, {"a": 0, "b": 0}, {"a": 1, "b": 0}]
    # the first attempt is left out; the others give x = 1,0,1 and rest = 1,0,0:
    # Sxy = 1 − 3·(2/3)(1/3) = 1/3, Sxx = Syy = 3·(2/3)(1/3) = 2/3 → r = 1/2
    assert stats.point_biserial(data, "a") == pytest.approx(0.5)


def test_values_other_than_zero_and_one_are_refused() -> None:
    with pytest.raises(ValueError, match="'a' has the value 2"):
        stats.analyse([{"a": 2}])
