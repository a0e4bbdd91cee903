"""Checking role-play files: the schema first, then the shape of the conversation.

Every problem is reported as ``file:line: message`` so a trainer can go straight
to the line: unreachable nodes, choices pointing nowhere, dead ends, loops with
no way out, missing translations and scores out of range.
"""

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from cs_trainer.errors import ContentError
from cs_trainer.quizzes.content_loader import (
    content_hash,
    describe_validation_error,
    line_of,
    parse_yaml,
)
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.scenarios.schema import Scenario


@dataclass(frozen=True)
class LoadedScenario:
    """A valid scenario with the file and content hash it came from."""

    scenario: Scenario
    path: Path
    content_hash: str


def load_scenario(path: Path) -> LoadedScenario:
    """Load one file; raise ContentError listing every problem if it is not valid."""
    problems, loaded = _check(path)
    if problems or loaded is None:
        raise ContentError("\n".join(problems))
    return loaded


def validate_file(path: Path) -> list[str]:
    """Every problem of one file as ``file:line: message`` (empty when it is valid)."""
    return _check(path)[0]


def load_library(paths: Iterable[Path]) -> tuple[list[LoadedScenario], list[str]]:
    """Load every ``*.yaml`` under the given files or folders; invalid files are skipped
    and their problems returned, so one broken file never hides the rest."""
    scenarios, problems = [], []
    for path in _yaml_files(paths):
        found, loaded = _check(path)
        problems += found
        if loaded is not None and not found:
            scenarios.append(loaded)
    ids = [loaded.scenario.id for loaded in scenarios]
    duplicates = {sid for sid in ids if ids.count(sid) > 1}
    for loaded in scenarios:
        if loaded.scenario.id in duplicates:
            problems.append(f"{loaded.path}:1: scenario id {loaded.scenario.id!r} is used twice")
    return [s for s in scenarios if s.scenario.id not in duplicates], problems


def _yaml_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.yaml") if p.is_file())
        else:
            yield path


def _check(path: Path) -> tuple[list[str], LoadedScenario | None]:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        data, root = parse_yaml(text)
    except OSError as exc:
        return [f"{path}:1: cannot read the file ({exc.strerror})"], None
    except UnicodeDecodeError:
        return [f"{path}:1: not UTF-8 text; save the file as UTF-8"], None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return [f"{path}:{mark.line + 1 if mark else 1}: not valid YAML ({exc})"], None
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        return describe_validation_error(path, root, exc).splitlines(), None
    where = _Locator(path, root, scenario)
    problems = [*_blank_texts(scenario, where), *_graph_problems(scenario, where)]
    return problems, LoadedScenario(scenario, path, content_hash(raw))


class _Locator:
    """Turns a place in the scenario into ``file:line``."""

    def __init__(self, path: Path, root: yaml.Node | None, scenario: Scenario) -> None:
        self._path, self._root = path, root
        self._index = {node.id: i for i, node in enumerate(scenario.nodes)}

    def at(self, *loc: int | str) -> str:
        return f"{self._path}:{line_of(self._root, loc)}"

    def node(self, node_id: str, *rest: int | str) -> str:
        return self.at("nodes", self._index[node_id], *rest)


def _graph_problems(scenario: Scenario, where: _Locator) -> list[str]:
    ids = [node.id for node in scenario.nodes]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        return [f"{where.at('nodes')}: node ids used twice: {', '.join(duplicates)}"]
    problems = []
    known = set(ids)
    for field_name in ("start", "patience_lost"):
        target = getattr(scenario, field_name)
        if target not in known:
            problems.append(f"{where.at(field_name)}: {field_name} names no node: {target!r}")
    if scenario.patience_lost in known and scenario.node(scenario.patience_lost).ending is None:
        problems.append(f"{where.at('patience_lost')}: patience_lost must be an ending node")
    problems += _node_problems(scenario, where, known)
    if problems:
        return problems  # reachability needs a well-formed graph
    return _reachability_problems(scenario, where)


def _node_problems(scenario: Scenario, where: _Locator, known: set[str]) -> list[str]:
    problems = []
    for node in scenario.nodes:
        if node.ending is not None and node.choices:
            problems.append(f"{where.node(node.id, 'ending')}: an ending node has no choices")
        if node.ending is None and not node.choices:
            problems.append(
                f"{where.node(node.id)}: node {node.id!r} has no choices and is no ending: "
                "the conversation never ends here"
            )
        for index, choice in enumerate(node.choices):
            if choice.next not in known:
                problems.append(
                    f"{where.node(node.id, 'choices', index, 'next')}: choice {index + 1} of "
                    f"{node.id!r} points to {choice.next!r}, which does not exist"
                )
    return problems


def _reachability_problems(scenario: Scenario, where: _Locator) -> list[str]:
    edges = {node.id: [choice.next for choice in node.choices] for node in scenario.nodes}
    reached = _reachable({scenario.start, scenario.patience_lost}, edges)
    problems = [
        f"{where.node(node.id)}: node {node.id!r} cannot be reached from the start"
        for node in scenario.nodes
        if node.id not in reached
    ]
    backwards: dict[str, list[str]] = {node.id: [] for node in scenario.nodes}
    for source, targets in edges.items():
        for target in targets:
            backwards[target].append(source)
    endings = {node.id for node in scenario.nodes if node.ending is not None}
    can_end = _reachable(endings, backwards)
    problems += [
        f"{where.node(node.id)}: no path from {node.id!r} reaches an ending "
        "(a loop with no way out)"
        for node in scenario.nodes
        if node.id in reached and node.id not in can_end
    ]
    if not endings:
        problems.append(f"{where.at('nodes')}: the scenario has no ending node")
    return problems


def _reachable(sources: set[str], edges: dict[str, list[str]]) -> set[str]:
    seen, queue = set(sources), deque(sources)
    while queue:
        for target in edges.get(queue.popleft(), []):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def _blank_texts(scenario: Scenario, where: _Locator) -> list[str]:
    """Whitespace-only translations pass the schema but are missing all the same."""
    return [
        f"{where.at(*loc, language)}: missing {language} translation"
        for loc, text in _texts(scenario, ())
        for language in ("zh", "en")
        if not getattr(text, language).strip()
    ]


def _texts(
    value: object, loc: tuple[int | str, ...]
) -> Iterator[tuple[tuple[int | str, ...], Text]]:
    if isinstance(value, Text):
        yield loc, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, (*loc, index))
