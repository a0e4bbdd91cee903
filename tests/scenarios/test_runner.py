"""The runner is a pure state machine; the authoring example plays from the doc alone."""

import re
from pathlib import Path

import pytest

from cs_trainer.errors import UserError
from cs_trainer.scenarios import runner
from cs_trainer.scenarios.runner import Step
from cs_trainer.scenarios.schema import Scenario
from cs_trainer.scenarios.validator import load_scenario

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


@pytest.fixture
def example(tmp_path: Path) -> Scenario:
    match = re.search(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert match
    path = tmp_path / "example.yaml"
    path.write_text(match.group(1), encoding="utf-8")
    return load_scenario(path).scenario


def test_the_documented_example_plays_to_each_ending(example: Scenario) -> None:
    good = runner.replay(example, [0, 0])
    assert good.node == "resolved" and runner.is_finished(example, good)
    assert good.scores == {
        "listening": 1,
        "empathy": 2,
        "apology": 2,
        "solution": 2,
        "follow_up": 2,
    }
    assert good.patience == 50 + 10 + 20
    assert good.path == (Step("opening", 0), Step("checked", 0))
    assert runner.replay(example, [0, 1]).node == "escalated"
    walked = runner.replay(example, [1])
    assert walked.node == "walked_out" and walked.patience == 0


def test_running_out_of_patience_jumps_to_the_patience_lost_ending(example: Scenario) -> None:
    state = runner.start(example)
    state = runner.choose(example, state.__class__(state.node, 5), 1)
    assert state.node == example.patience_lost


def test_the_same_choices_always_give_the_same_state(example: Scenario) -> None:
    assert runner.replay(example, [0, 1]) == runner.replay(example, [0, 1])
    start = runner.start(example)
    runner.choose(example, start, 0)
    assert start == runner.start(example), "choosing never changes the state it was given"


def test_impossible_choices_are_refused(example: Scenario) -> None:
    with pytest.raises(UserError, match="no choice 3"):
        runner.choose(example, runner.start(example), 2)
    with pytest.raises(UserError, match="over"):
        runner.choose(example, runner.replay(example, [1]), 0)


def test_best_path_is_the_highest_scoring_finished_path(example: Scenario) -> None:
    best = runner.best_path(example)
    assert [step.choice for step in best.path] == [0, 0]
    assert best.total == 9
