"""Playing a scenario: a pure state machine, state + choice → new state.

Nothing here reads a clock, a file or a random number, so a path always plays
the same way: the GUI, the tests and a resumed attempt replay it identically.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from cs_trainer.errors import UserError
from cs_trainer.scenarios.schema import PATIENCE_MAX, PATIENCE_MIN, Choice, Node, Scenario


@dataclass(frozen=True)
class Step:
    """One decision on the path: at ``node`` the trainee took choice number ``choice``."""

    node: str
    choice: int


@dataclass(frozen=True)
class RunState:
    """Where a play-through is: the node on screen, patience, skill totals, the path."""

    node: str
    patience: int
    scores: dict[str, int] = field(default_factory=dict)
    path: tuple[Step, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.scores.values())


def start(scenario: Scenario) -> RunState:
    return RunState(node=scenario.start, patience=scenario.patience)


def is_finished(scenario: Scenario, state: RunState) -> bool:
    return scenario.node(state.node).ending is not None


def current_node(scenario: Scenario, state: RunState) -> Node:
    return scenario.node(state.node)


def choose(scenario: Scenario, state: RunState, choice: int) -> RunState:
    """Take choice number ``choice`` (0-based) at the current node."""
    node = scenario.node(state.node)
    if node.ending is not None:
        raise UserError("the conversation is over", "对话已经结束")
    if not 0 <= choice < len(node.choices):
        raise UserError(
            "there is no choice {number} here", "这里没有第 {number} 个选项", number=choice + 1
        )
    picked: Choice = node.choices[choice]
    patience = min(PATIENCE_MAX, max(PATIENCE_MIN, state.patience + picked.patience))
    scores = dict(state.scores)
    for skill, points in picked.scores.items():
        scores[skill] = scores.get(skill, 0) + points
    target = picked.next if patience > PATIENCE_MIN else scenario.patience_lost
    return replace(
        state,
        node=target,
        patience=patience,
        scores=scores,
        path=(*state.path, Step(node.id, choice)),
    )


def replay(scenario: Scenario, choices: Iterable[int]) -> RunState:
    """The state after taking ``choices`` from the start (used to resume an attempt)."""
    state = start(scenario)
    for choice in choices:
        state = choose(scenario, state, choice)
    return state


def best_path(scenario: Scenario) -> RunState:
    """The finished play-through with the highest total score (then most patience).

    Explores every path that never visits a node twice, which is enough: going
    round a loop again cannot be the best way to an ending.
    """
    best: RunState | None = None
    stack = [(start(scenario), frozenset({scenario.start}))]
    while stack:
        state, seen = stack.pop()
        if is_finished(scenario, state):
            if best is None or (state.total, state.patience) > (best.total, best.patience):
                best = state
            continue
        for index, _choice in enumerate(scenario.node(state.node).choices):
            following = choose(scenario, state, index)
            if following.node not in seen or is_finished(scenario, following):
                stack.append((following, seen | {following.node}))
    if best is None:
        raise UserError(
            "scenario {title_en} has no path that ends",
            "角色扮演《{title_zh}》没有一条能走到结局的路径",
            title_en=repr(scenario.title.en),
            title_zh=scenario.title.zh,
        )
    return best
