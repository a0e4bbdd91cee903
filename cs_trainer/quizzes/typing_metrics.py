"""Speed and accuracy of a typing test, computed from the text typed (《客服专员职位说明书》).

Chinese is typed through an input method: one character may take five key
presses of pinyin, or one press of a phrase's first letters. Counting keys
would measure the input method, not the candidate, so everything here counts
characters of the finished text. Whitespace is ignored in both texts, since
people wrap lines differently and the passage's own line breaks are layout;
punctuation counts (a full-width ，or 。 is a character the candidate must type).
"""

import math
from dataclasses import dataclass
from difflib import SequenceMatcher

SKIP_ALLOWANCE = 30
"""Characters of the passage beyond the typed length that alignment may still use.

The typed text is compared with the start of the passage, not all of it, so a
wrong character at the end cannot "match" one far ahead in text not yet typed;
the allowance (about a line of the passage) lets a skipped phrase still align.
"""


@dataclass(frozen=True)
class TypingMetrics:
    """What one typing test measured.

    ``cpm`` is *net*: correct characters per minute. With an input method a
    wrong homophone costs as little as the right one, so counting everything
    typed (``gross_cpm``) would reward guessing; the pass mark is about usable
    text. ``errors`` counts wrong, extra and skipped characters, so skipping
    the hard characters does not keep accuracy at 100 %.
    """

    typed_chars: int
    correct_chars: int
    errors: int
    cpm: float
    gross_cpm: float
    accuracy: float
    seconds: float


def countable(text: str) -> str:
    """The characters that count: the text without spaces, tabs and line breaks."""
    return "".join(char for char in text if not char.isspace())


def typing_metrics(target: str, typed: str, seconds: float) -> TypingMetrics:
    """Compare ``typed`` with the start of ``target`` and rate it over ``seconds``.

    Raises ValueError when ``seconds`` is not a positive, finite number: a
    speed over no time means the clock was not running, which is a bug.
    """
    if not (math.isfinite(seconds) and seconds > 0):
        raise ValueError(f"seconds must be a positive number, not {seconds!r}")
    typed_text = countable(typed)
    correct, errors = _align(countable(target), typed_text)
    minutes = seconds / 60
    return TypingMetrics(
        typed_chars=len(typed_text),
        correct_chars=correct,
        errors=errors,
        cpm=correct / minutes,
        gross_cpm=len(typed_text) / minutes,
        accuracy=_ratio(correct, correct + errors),
        seconds=seconds,
    )


def passes(metrics: TypingMetrics, pass_mark_cpm: int) -> bool:
    """At least ``pass_mark_cpm`` correct characters a minute.

    Compared unrounded; since the mark is whole, this agrees with the whole
    number a result screen shows (:func:`whole_cpm`, rounded down).
    """
    return metrics.cpm >= pass_mark_cpm


def whole_cpm(metrics: TypingMetrics) -> int:
    """Net speed as the whole number people are shown, rounded *down*.

    Rounding down keeps "shows at least the pass mark" and "passed" the same
    statement: 79.6 is shown as 79, not as an 80 that did not pass.
    """
    return math.floor(metrics.cpm)


def _align(target: str, typed: str) -> tuple[int, int]:
    """(correct, errors) of ``typed`` aligned with the start of ``target``.

    SequenceMatcher finds the longest runs typed in the passage's order, so
    one skipped or extra character does not shift everything after it into
    "wrong". ``autojunk`` is off: its heuristic drops frequent characters such
    as 的 or ，from matching in longer passages.
    """
    window = target[: len(typed) + SKIP_ALLOWANCE]
    matcher = SequenceMatcher(None, window, typed, autojunk=False)
    correct = errors = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            correct += i2 - i1
        elif i2 == len(window):
            # The passage beyond what was typed is "not reached yet", not "skipped".
            errors += j2 - j1
        else:
            errors += max(i2 - i1, j2 - j1)
    return correct, errors


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0
