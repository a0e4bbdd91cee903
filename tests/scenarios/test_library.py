"""The shipped role-play library: valid, varied, and every scenario plays as designed."""

import itertools
from typing import get_args

import pytest

from cs_trainer.scenarios import runner
from cs_trainer.scenarios.schema import CustomerType, Scenario
from cs_trainer.scenarios.validator import load_library
from cs_trainer.services.roleplays import builtin_folder

SCENARIOS, PROBLEMS = load_library([builtin_folder()])
# The schema lists exactly the situations the issue asks the library to cover.
REQUIRED_TYPES = set(get_args(CustomerType))


def test_every_shipped_file_is_valid() -> None:
    assert PROBLEMS == []
    assert len(SCENARIOS) >= 18


def test_the_library_covers_every_situation_the_source_documents_describe() -> None:
    types = {loaded.scenario.customer_type for loaded in SCENARIOS}
    assert types >= REQUIRED_TYPES, f"missing: {sorted(REQUIRED_TYPES - types)}"
    incidents = [s.scenario for s in SCENARIOS if s.scenario.customer_type == "incident"]
    assert len(incidents) >= 3, "the three incidents of 《客户服务人员岗位职责任职要求》"
    channels = {s.scenario.channel for s in SCENARIOS}
    assert {"telephone", "email", "counter", "front_desk"} <= channels


def _all_paths(scenario: Scenario) -> list[runner.RunState]:
    """Every finished play-through that never revisits a node."""
    finished, stack = [], [(runner.start(scenario), frozenset({scenario.start}))]
    while stack:
        state, seen = stack.pop()
        if runner.is_finished(scenario, state):
            finished.append(state)
            continue
        for index in range(len(scenario.node(state.node).choices)):
            following = runner.choose(scenario, state, index)
            if following.node not in seen or runner.is_finished(scenario, following):
                stack.append((following, seen | {following.node}))
    return finished


@pytest.mark.parametrize("loaded", SCENARIOS, ids=lambda loaded: loaded.scenario.id)
def test_each_scenario_plays_as_designed(loaded: object) -> None:
    scenario: Scenario = loaded.scenario  # type: ignore[attr-defined]
    paths = _all_paths(scenario)
    endings = {node.id for node in scenario.nodes if node.ending is not None}
    reached = {state.node for state in paths}
    assert reached == endings, f"endings never reached: {sorted(endings - reached)}"
    assert len(endings) >= 3
    assert len({scenario.node(e).ending.kind for e in endings}) >= 2  # type: ignore[union-attr]
    best = runner.best_path(scenario)
    assert len(best.path) >= 6, "at least 6 decisions on the best path"
    assert best.total == max(state.total for state in paths)
    assert best.total > 0 and scenario.node(best.node).ending.kind != "left_unhappy"  # type: ignore[union-attr]
    worst = min(paths, key=lambda state: state.total)
    assert worst.total < best.total


def test_scenario_ids_are_unique() -> None:
    ids = [loaded.scenario.id for loaded in SCENARIOS]
    assert len(ids) == len(set(ids))
    assert all(a.path != b.path for a, b in itertools.combinations(SCENARIOS, 2))
