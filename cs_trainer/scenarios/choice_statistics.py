"""How often trainees take each choice of a role-play: where they go wrong.

Pure: given a scenario and the paths taken through it (each a list of (node ID, choice
index) steps), count per node how often it was reached and each choice taken, and
compare the most taken choice with the best path's (:func:`runner.best_path`).

The "best choice" is only defined on the best path: off it, the best continuation
depends on the patience left, which differs from one play-through to the next, and a
guess would send a trainer after the wrong lesson. Off-path nodes still show their
counts.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from cs_trainer.errors import UserError
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.scenarios import runner
from cs_trainer.scenarios.schema import Node, Scenario

Path = Sequence[tuple[str, int]]
"""One play-through: the (node ID, choice index) of each step, in order."""


@dataclass(frozen=True)
class ChoiceShare:
    """One choice at a node: how many took it, and their share of the node's visits."""

    index: int
    text: Text
    taken: int
    share: float | None  # None when the node was never reached
    best: bool


@dataclass(frozen=True)
class NodeChoices:
    """A node's counts. ``goes_wrong``: reached, on the best path, and some other choice
    was taken more often than the best one (a tie with the best one is not wrong)."""

    node_id: str
    customer: Text
    reached: int
    choices: tuple[ChoiceShare, ...]
    best_choice: int | None
    goes_wrong: bool

    @property
    def on_best_path(self) -> bool:
        return self.best_choice is not None


@dataclass(frozen=True)
class ChoiceReport:
    """The choice counts of one scenario over ``paths`` play-throughs.

    ``other_versions`` counts play-throughs left out because they were taken with a
    different version of the scenario (set by the service that reads the database).
    """

    scenario_id: str
    paths: int
    nodes: tuple[NodeChoices, ...]
    other_versions: int = 0
    unknown_steps: int = 0

    @property
    def wrong_nodes(self) -> tuple[str, ...]:
        return tuple(node.node_id for node in self.nodes if node.goes_wrong)


def choice_report(scenario: Scenario, paths: Iterable[Path]) -> ChoiceReport:
    """Count the choices of ``paths``. Every step counts, so a node visited twice in
    one play-through counts twice. A step naming a node or choice the scenario does not
    have is skipped and counted in ``unknown_steps`` rather than crashing the report."""
    visits: Counter[str] = Counter()
    taken: Counter[tuple[str, int]] = Counter()
    unknown = 0
    path_count = 0
    for path in paths:
        path_count += 1
        for node_id, choice in path:
            if not _exists(scenario, node_id, choice):
                unknown += 1
                continue
            visits[node_id] += 1
            taken[node_id, choice] += 1
    best = _best_choices(scenario)
    nodes = tuple(
        _node_choices(node, visits[node.id], taken, best.get(node.id))
        for node in _ordered_nodes(scenario, best)
    )
    return ChoiceReport(scenario.id, path_count, nodes, unknown_steps=unknown)


def _node_choices(
    node: Node, reached: int, taken: Counter[tuple[str, int]], best: int | None
) -> NodeChoices:
    counts = [taken[node.id, index] for index in range(len(node.choices))]
    shares = tuple(
        ChoiceShare(
            index=index,
            text=choice.text,
            taken=counts[index],
            share=float(Fraction(counts[index], reached)) if reached else None,
            best=index == best,
        )
        for index, choice in enumerate(node.choices)
    )
    wrong = reached > 0 and best is not None and counts[best] < max(counts)
    return NodeChoices(node.id, node.customer, reached, shares, best, wrong)


def _best_choices(scenario: Scenario) -> dict[str, int]:
    """Node ID → the best path's choice there, in the best path's order."""
    try:
        path = runner.best_path(scenario).path
    except UserError:  # no path ends: the validator refuses such files; a snapshot might not
        return {}
    best: dict[str, int] = {}
    for step in path:
        best.setdefault(step.node, step.choice)
    return best


def _ordered_nodes(scenario: Scenario, best: dict[str, int]) -> list[Node]:
    """The nodes that have choices: the best path's first, in its order, then the others
    in file order."""
    with_choices = [node for node in scenario.nodes if node.choices]
    on_path = [scenario.node(node_id) for node_id in best]
    return on_path + [node for node in with_choices if node.id not in best]


def _exists(scenario: Scenario, node_id: str, choice: int) -> bool:
    try:
        node = scenario.node(node_id)
    except KeyError:
        return False
    return 0 <= choice < len(node.choices)
