"""Typing metrics on known strings: characters of the text count, never key presses."""

import pytest

from cs_trainer.quizzes.typing_metrics import countable, passes, typing_metrics, whole_cpm

# 100 characters with full-width punctuation, as a passage for the 80-a-minute test of
# 《客服专员职位说明书》 would be.
SENTENCE = "您好，这里是客户服务中心，请问有什么可以帮您？"  # 23 characters
CHINESE_100 = (SENTENCE * 5)[:100]
ENGLISH = "Thank you for calling. How may I help you today?"


def test_the_chinese_passage_has_one_hundred_characters() -> None:
    assert len(CHINESE_100) == 100
    assert "，" in CHINESE_100 and "？" in CHINESE_100


def test_a_perfect_chinese_copy_in_a_minute_is_100_cpm() -> None:
    metrics = typing_metrics(CHINESE_100, CHINESE_100, 60)
    assert (metrics.typed_chars, metrics.correct_chars, metrics.errors) == (100, 100, 0)
    assert metrics.cpm == pytest.approx(100)
    assert metrics.gross_cpm == pytest.approx(100)
    assert metrics.accuracy == 1.0
    assert metrics.seconds == 60


def test_two_wrong_chinese_characters_cost_two_characters() -> None:
    # 您→你 and 帮→邦: homophones an input method offers as readily as the right ones
    typed = "你" + CHINESE_100[1:20] + "邦" + CHINESE_100[21:]
    assert CHINESE_100[20] == "帮"
    metrics = typing_metrics(CHINESE_100, typed, 60)
    assert (metrics.typed_chars, metrics.correct_chars, metrics.errors) == (100, 98, 2)
    assert metrics.cpm == pytest.approx(98)
    assert metrics.gross_cpm == pytest.approx(100)
    assert metrics.accuracy == pytest.approx(0.98)


def test_speed_is_per_minute_of_the_time_taken() -> None:
    metrics = typing_metrics(CHINESE_100, CHINESE_100[:50], 30)
    assert metrics.cpm == pytest.approx(100)
    assert typing_metrics(CHINESE_100, CHINESE_100, 120).cpm == pytest.approx(50)


def test_a_skipped_character_does_not_make_the_rest_wrong() -> None:
    typed = CHINESE_100[:10] + CHINESE_100[11:]
    metrics = typing_metrics(CHINESE_100, typed, 60)
    assert (metrics.typed_chars, metrics.correct_chars, metrics.errors) == (99, 99, 1)
    assert metrics.cpm == pytest.approx(99)
    assert metrics.accuracy == pytest.approx(0.99)  # skipping is a mistake too


def test_an_extra_character_does_not_make_the_rest_wrong() -> None:
    typed = CHINESE_100[:10] + "的" + CHINESE_100[10:]
    metrics = typing_metrics(CHINESE_100, typed, 60)
    assert (metrics.typed_chars, metrics.correct_chars, metrics.errors) == (101, 100, 1)
    assert metrics.cpm == pytest.approx(100)
    assert metrics.gross_cpm == pytest.approx(101)
    assert metrics.accuracy == pytest.approx(100 / 101)


def test_the_rest_of_the_passage_not_typed_yet_is_not_an_error() -> None:
    metrics = typing_metrics(CHINESE_100, CHINESE_100[:40], 60)
    assert (metrics.typed_chars, metrics.correct_chars, metrics.errors) == (40, 40, 0)
    assert metrics.accuracy == 1.0


def test_a_wrong_last_character_does_not_match_text_far_ahead() -> None:
    target = CHINESE_100 + "谢谢您的来电，再见。"
    typed = CHINESE_100[:30] + "见"  # wrong here; "见" comes 75 characters later
    metrics = typing_metrics(target, typed, 60)
    assert (metrics.correct_chars, metrics.errors) == (30, 1)


def test_whitespace_and_line_breaks_are_ignored_in_both_texts() -> None:
    target = "您好，这里是客户服务中心。\n请问有什么可以帮您？"
    typed = "您好，这里是 客户服务中心。请问有什么\r\n可以帮您？\u3000 "
    metrics = typing_metrics(target, typed, 60)
    assert metrics.typed_chars == len(countable(target)) == 23
    assert (metrics.correct_chars, metrics.errors, metrics.accuracy) == (23, 0, 1.0)


def test_full_width_punctuation_counts() -> None:
    metrics = typing_metrics("您好，请稍等。", "您好请稍等。", 60)  # the comma is missing
    assert (metrics.typed_chars, metrics.correct_chars, metrics.errors) == (6, 6, 1)
    assert typing_metrics("您好，请稍等。", "您好，请稍等。", 60).correct_chars == 7


def test_english_counts_letters_and_punctuation_but_not_spaces() -> None:
    typed = "Thank you for caling. How may I help you today?"  # one "l" missing
    metrics = typing_metrics(ENGLISH, typed, 30)
    assert len(countable(ENGLISH)) == 39
    assert (metrics.typed_chars, metrics.correct_chars, metrics.errors) == (38, 38, 1)
    assert metrics.cpm == pytest.approx(76)
    assert metrics.gross_cpm == pytest.approx(76)


def test_nothing_typed_is_zero_everything() -> None:
    for typed in ("", "  \n "):
        metrics = typing_metrics(CHINESE_100, typed, 60)
        assert (metrics.typed_chars, metrics.correct_chars, metrics.errors) == (0, 0, 0)
        assert (metrics.cpm, metrics.gross_cpm, metrics.accuracy) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("seconds", [0, -5, float("nan"), float("inf")])
def test_a_time_that_is_not_positive_is_refused(seconds: float) -> None:
    with pytest.raises(ValueError, match="seconds"):
        typing_metrics(CHINESE_100, CHINESE_100, seconds)


def test_passes_at_exactly_the_pass_mark() -> None:
    at_mark = typing_metrics(CHINESE_100, CHINESE_100[:80], 60)
    assert at_mark.cpm == pytest.approx(80)
    assert passes(at_mark, 80)
    assert not passes(typing_metrics(CHINESE_100, CHINESE_100[:79], 60), 80)
    assert passes(typing_metrics(CHINESE_100, CHINESE_100, 75), 80)  # 100 in 75 s = 80


def test_the_shown_whole_number_agrees_with_the_verdict() -> None:
    almost = typing_metrics(CHINESE_100, CHINESE_100[:80], 60.3)  # 79.6 a minute
    assert whole_cpm(almost) == 79
    assert not passes(almost, 80)
    assert whole_cpm(typing_metrics(CHINESE_100, CHINESE_100[:81], 60)) == 81
