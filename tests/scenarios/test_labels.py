"""Every code a scenario file may use has a Chinese and an English name."""

from typing import get_args

import pytest

from cs_trainer.quizzes.schema_common import Text
from cs_trainer.scenarios import labels
from cs_trainer.scenarios.schema import SKILLS, CustomerType, EndingKind, Mood, Scenario

CHANNELS = get_args(Scenario.model_fields["channel"].annotation)


@pytest.mark.parametrize(
    ("names", "codes"),
    [
        (labels.CUSTOMER_TYPE_NAMES, get_args(CustomerType)),
        (labels.SKILL_NAMES, SKILLS),
        (labels.MOOD_NAMES, get_args(Mood)),
        (labels.CHANNEL_NAMES, CHANNELS),
        (labels.ENDING_KIND_NAMES, get_args(EndingKind)),
    ],
    ids=["customer types", "skills", "moods", "channels", "ending kinds"],
)
def test_every_code_has_both_names(names: dict[str, Text], codes: tuple[str, ...]) -> None:
    assert codes, "the schema's codes were found"
    assert set(names) == set(codes), "no code without a name, no name without a code"
    for code in codes:
        assert names[code].zh.strip() and names[code].en.strip(), code
        assert names[code].zh != names[code].en, f"{code}: the Chinese name is not English"


def test_every_difficulty_has_both_names() -> None:
    field = Scenario.model_fields["difficulty"]
    bounds = {type(m).__name__: m for m in field.metadata}
    levels = range(bounds["Ge"].ge, bounds["Le"].le + 1)
    assert set(labels.DIFFICULTY_NAMES) == set(levels)
    assert all(name.zh and name.en for name in labels.DIFFICULTY_NAMES.values())


def test_an_unknown_code_is_shown_as_itself() -> None:
    assert labels.label(labels.MOOD_NAMES, "sleepy") == Text(zh="sleepy", en="sleepy")
    assert labels.label(labels.MOOD_NAMES, "angry").zh == "生气"
