"""The shipped service-potential self-test: content, scoring, bands, bad answers, bad files."""

import hashlib
import re
from pathlib import Path

import pytest

from cs_trainer.errors import ContentError, InvalidAnswersError
from cs_trainer.quizzes.selftest import (
    band_for,
    check_answer,
    load_selftest,
    parse_answer_list,
    score,
    service_potential,
)
from cs_trainer.quizzes.selftest_schema import SelfTestInstrument
from cs_trainer.resources import package_path

SHIPPED = package_path("quizzes", "content", "service_potential.yaml")
ITEM_IDS = [
    "emotions",
    "cold_people",
    "liking_people",
    "serving_others",
    "apologising",
    "communicating",
    "names_and_faces",
    "smiling",
    "pleasing_others",
    "grooming",
]


@pytest.fixture(scope="module")
def instrument() -> SelfTestInstrument:
    return service_potential().instrument


def answers_adding_up_to(total: int) -> dict[str, int]:
    """Ten answers from 1 to 10, not all equal where possible, whose sum is ``total``."""
    assert 10 <= total <= 100
    values = [1] * 10
    remaining = total - 10
    for index in range(10):
        step = min(9, remaining)
        values[index] += step
        remaining -= step
    assert sum(values) == total
    return dict(zip(ITEM_IDS, values, strict=True))


# --- the shipped instrument ---------------------------------------------------------------


def test_shipped_instrument_validates_with_ten_bilingual_pairs() -> None:
    loaded = load_selftest(SHIPPED)
    instrument = loaded.instrument
    assert instrument.id == "service_potential"
    assert instrument.kind == "selftest"
    assert len(instrument.items) == 10
    assert [item.id for item in instrument.items] == ITEM_IDS
    for item in instrument.items:
        for pole in (item.high, item.low):
            assert pole.zh.strip(), item.id
            assert pole.en.strip(), item.id
        assert item.high.zh != item.low.zh
        assert item.high.en != item.low.en
    assert (instrument.scale.min, instrument.scale.max) == (1, 10)
    assert (instrument.min_total, instrument.max_total) == (10, 100)
    assert [(band.code, band.min_total) for band in instrument.bands] == [
        ("excellent", 80),
        ("learn_communication", 50),
        ("not_suited", 0),
    ]
    for band in instrument.bands:
        assert band.label.zh and band.label.en and band.advice.zh and band.advice.en
    assert set(instrument.modes) == {"self", "manager"}


def test_content_hash_identifies_the_exact_file() -> None:
    loaded = load_selftest(SHIPPED)
    assert loaded.content_hash == hashlib.sha256(SHIPPED.read_bytes()).hexdigest()
    assert service_potential() == loaded
    assert service_potential() is service_potential()


# --- scoring and bands --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (10, "not_suited"),
        (49, "not_suited"),
        (50, "learn_communication"),
        (79, "learn_communication"),
        (80, "excellent"),
        (100, "excellent"),
    ],
)
def test_total_and_band_at_the_boundaries(
    instrument: SelfTestInstrument, total: int, band: str
) -> None:
    answers = answers_adding_up_to(total)
    result = score(instrument, answers)
    assert result.total == total
    assert result.max_total == 100
    assert result.band.code == band
    assert band_for(instrument, total).code == band
    assert sum(result.group_scores.values()) == total


def test_group_subtotals_follow_the_item_groups(instrument: SelfTestInstrument) -> None:
    answers = dict(zip(ITEM_IDS, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], strict=True))
    result = score(instrument, answers)
    assert result.total == 55
    assert result.band.code == "learn_communication"
    assert result.group_scores == {
        "psychological": 1 + 2 + 9,  # emotions, cold_people, pleasing_others
        "character": 3 + 5,  # liking_people, apologising
        "overall": 4,  # serving_others
        "skills": 6 + 7 + 8 + 10,  # communicating, names_and_faces, smiling, grooming
    }


def test_answers_may_come_in_any_order(instrument: SelfTestInstrument) -> None:
    answers = answers_adding_up_to(63)
    reversed_answers = dict(reversed(list(answers.items())))
    assert score(instrument, reversed_answers) == score(instrument, answers)


# --- invalid answers ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, r"'apologising'.*between 1 and 10, not 0"),
        (11, r"'apologising'.*between 1 and 10, not 11"),
        (-3, r"'apologising'.*between 1 and 10, not -3"),
        ("7", r"'apologising'.*whole number, not '7'"),
        (7.5, r"'apologising'.*whole number, not 7\.5"),
        (7.0, r"'apologising'.*whole number, not 7\.0"),
        (True, r"'apologising'.*whole number, not True"),
        (None, r"'apologising'.*whole number, not None"),
    ],
)
def test_a_bad_value_is_refused_with_a_clear_message(
    instrument: SelfTestInstrument, value: object, expected: str
) -> None:
    answers: dict[str, object] = dict(answers_adding_up_to(60))
    answers["apologising"] = value
    with pytest.raises(InvalidAnswersError, match=expected):
        score(instrument, answers)
    with pytest.raises(InvalidAnswersError, match=expected):
        check_answer(instrument, "apologising", value)


def test_a_missing_item_is_refused_and_named(instrument: SelfTestInstrument) -> None:
    answers = answers_adding_up_to(60)
    del answers["smiling"]
    with pytest.raises(
        InvalidAnswersError, match=r"unanswered items: no\. 8 \(My smile comes naturally\)$"
    ):
        score(instrument, answers)


def test_several_missing_items_are_all_named(instrument: SelfTestInstrument) -> None:
    with pytest.raises(InvalidAnswersError) as caught:
        score(instrument, {"emotions": 5})
    message = str(caught.value)
    for number in range(2, len(ITEM_IDS) + 1):  # named by number and statement, not by id
        assert f"no. {number} (" in message
    assert "no. 1 (" not in message and "cold_people" not in message


def test_an_unknown_item_is_refused_and_named(instrument: SelfTestInstrument) -> None:
    answers: dict[str, object] = dict(answers_adding_up_to(60))
    answers["punctuality"] = 5
    with pytest.raises(InvalidAnswersError, match=r"unknown item 'punctuality'"):
        score(instrument, answers)
    with pytest.raises(InvalidAnswersError, match=r"unknown item 'punctuality'"):
        check_answer(instrument, "punctuality", 5)


def test_check_answer_returns_the_valid_value(instrument: SelfTestInstrument) -> None:
    assert check_answer(instrument, "emotions", 1) == 1
    assert check_answer(instrument, "emotions", 10) == 10


# --- "9,8,10,…" answer lists --------------------------------------------------------------


def test_parse_answer_list_maps_numbers_to_items_in_order(instrument: SelfTestInstrument) -> None:
    answers = parse_answer_list(instrument, "9,8,10,7,6,9,8,10,9,8")
    assert answers == dict(zip(ITEM_IDS, [9, 8, 10, 7, 6, 9, 8, 10, 9, 8], strict=True))
    result = score(instrument, answers)
    assert result.total == 84
    assert result.band.code == "excellent"


def test_parse_answer_list_tolerates_spaces(instrument: SelfTestInstrument) -> None:
    answers = parse_answer_list(instrument, " 9, 8 ,10,7,6,9,8,10,9, 8 ")
    assert sum(answers.values()) == 84


def test_parse_answer_list_refuses_nine_answers(instrument: SelfTestInstrument) -> None:
    with pytest.raises(InvalidAnswersError, match=r"expected 10 answers.*got 9"):
        parse_answer_list(instrument, "9,8,10,7,6,9,8,10,9")


def test_parse_answer_list_refuses_eleven_answers(instrument: SelfTestInstrument) -> None:
    with pytest.raises(InvalidAnswersError, match=r"expected 10 answers.*got 11"):
        parse_answer_list(instrument, "9,8,10,7,6,9,8,10,9,8,5")


def test_parse_answer_list_refuses_a_lone_non_number(instrument: SelfTestInstrument) -> None:
    with pytest.raises(InvalidAnswersError, match=r"expected 10 answers.*got 1"):
        parse_answer_list(instrument, "x")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9,8,10,7,6,9,8,10,9,x", r"answer 10 must be a whole number, not 'x'"),
        ("9,8,7.5,7,6,9,8,10,9,8", r"answer 3 must be a whole number, not '7\.5'"),
        ("9,,10,7,6,9,8,10,9,8", r"answer 2 must be a whole number, not ''"),
        ("0,8,10,7,6,9,8,10,9,8", r"'emotions'.*between 1 and 10, not 0"),
        ("9,8,10,7,6,9,8,10,9,11", r"'grooming'.*between 1 and 10, not 11"),
    ],
)
def test_parse_answer_list_refuses_bad_numbers(
    instrument: SelfTestInstrument, text: str, expected: str
) -> None:
    with pytest.raises(InvalidAnswersError, match=expected):
        parse_answer_list(instrument, text)


# --- broken content files -----------------------------------------------------------------


def shipped_lines() -> list[str]:
    return SHIPPED.read_text("utf-8").splitlines(keepends=True)


def write_broken(tmp_path: Path, lines: list[str], name: str = "broken.yaml") -> Path:
    path = tmp_path / name
    path.write_text("".join(lines), encoding="utf-8")
    return path


def line_number_of(lines: list[str], text: str, start: int = 0) -> int:
    """The 1-based number of the first line from ``start`` on whose stripped text is ``text``."""
    for index in range(start, len(lines)):
        if lines[index].strip() == text:
            return index + 1
    raise AssertionError(f"{text!r} not found")


def reported_line(path: Path) -> tuple[int, str]:
    """Load ``path``, expect ContentError, return the line number it names and its message."""
    with pytest.raises(ContentError) as caught:
        load_selftest(path)
    message = str(caught.value)
    match = re.match(rf"^{re.escape(str(path))}:(\d+): ", message)
    assert match, f"message does not start with path:line: {message!r}"
    return int(match.group(1)), message


def test_missing_english_is_reported_at_its_text(tmp_path: Path) -> None:
    lines = shipped_lines()
    high = line_number_of(lines, "high:", line_number_of(lines, "- id: liking_people"))
    zh_line, en_line = high + 1, high + 2
    assert lines[en_line - 1].strip().startswith("en: I like most people")
    del lines[en_line - 1]
    line, message = reported_line(write_broken(tmp_path, lines))
    assert line in {high, zh_line}
    assert "items.2.high.en" in message
    assert "Field required" in message


def test_a_wrong_value_is_reported_at_its_exact_line(tmp_path: Path) -> None:
    lines = shipped_lines()
    group = line_number_of(lines, "group: skills", line_number_of(lines, "- id: smiling"))
    lines[group - 1] = lines[group - 1].replace("skills", "charm")
    line, message = reported_line(write_broken(tmp_path, lines))
    assert line == group
    assert "items.7.group" in message


def test_chinese_with_a_folded_space_is_reported_at_its_line(tmp_path: Path) -> None:
    lines = shipped_lines()
    text = line_number_of(lines, "zh: 我乐意为别人服务")
    lines[text - 1] = lines[text - 1].replace("我乐意为别人服务", "我乐意 为别人服务")
    line, message = reported_line(write_broken(tmp_path, lines))
    assert line == text
    assert "items.3.high.zh" in message


def test_bands_out_of_order_are_reported_at_the_bands(tmp_path: Path) -> None:
    lines = shipped_lines()
    bands = line_number_of(lines, "bands:")
    middle = line_number_of(lines, "min_total: 50", bands)
    lines[middle - 1] = lines[middle - 1].replace("50", "90")
    line, message = reported_line(write_broken(tmp_path, lines))
    assert line in {bands, bands + 1}, message
    assert "highest min_total down" in message


def test_a_lowest_band_that_leaves_totals_uncovered_is_reported(tmp_path: Path) -> None:
    lines = shipped_lines()
    bands = line_number_of(lines, "bands:")
    lowest = line_number_of(lines, "min_total: 0", bands)
    lines[lowest - 1] = lines[lowest - 1].replace("0", "20")
    line, message = reported_line(write_broken(tmp_path, lines))
    assert line in {bands, bands + 1}, message
    assert "lowest possible total" in message


def test_duplicate_item_ids_are_reported_at_the_items(tmp_path: Path) -> None:
    lines = shipped_lines()
    items = line_number_of(lines, "items:")
    smiling = line_number_of(lines, "- id: smiling")
    lines[smiling - 1] = lines[smiling - 1].replace("smiling", "grooming")
    line, message = reported_line(write_broken(tmp_path, lines))
    assert line in {items, items + 1}, message
    assert "unique" in message


def test_bad_yaml_syntax_is_reported_at_its_line(tmp_path: Path) -> None:
    lines = shipped_lines()
    title_en = line_number_of(lines, "en: Service potential self-test")
    lines[title_en - 1] = "  en: Service: potential self-test\n"
    line, message = reported_line(write_broken(tmp_path, lines))
    assert line == title_en
    assert "not valid YAML" in message


def test_unclosed_bracket_is_reported_as_yaml_error(tmp_path: Path) -> None:
    lines = shipped_lines()
    scale_max = line_number_of(lines, "max: 10")
    lines[scale_max - 1] = "  max: [10\n"
    line, message = reported_line(write_broken(tmp_path, lines))
    assert line >= scale_max
    assert "not valid YAML" in message


def test_a_file_not_in_utf8_is_a_content_error_naming_the_line(tmp_path: Path) -> None:
    # A trainer's editor on Chinese Windows may save the file as GBK.
    lines = [line for line in shipped_lines() if not line.startswith("#")]
    first_chinese = next(n for n, line in enumerate(lines, start=1) if not line.isascii())
    assert first_chinese > 1
    path = tmp_path / "gbk.yaml"
    path.write_bytes("".join(lines).encode("gbk"))
    line, message = reported_line(path)
    assert line == first_chinese
    assert "UTF-8" in message


@pytest.mark.parametrize("text", ["", "- just\n- a list\n", "plain words\n"])
def test_a_file_that_is_not_a_mapping_is_a_content_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(text, encoding="utf-8")
    line, _message = reported_line(path)
    assert line == 1


def test_an_unbroken_copy_loads(tmp_path: Path) -> None:
    """The broken-file tests above fail because of the break, not because of the copy."""
    path = write_broken(tmp_path, shipped_lines(), "copy.yaml")
    assert load_selftest(path) == load_selftest(SHIPPED)
