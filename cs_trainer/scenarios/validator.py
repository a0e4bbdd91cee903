"""Checking role-play files: the schema first, then the shape of the conversation.

Every problem is reported as ``file:line: message`` so a trainer can go straight
to the line: unreachable nodes, choices pointing nowhere, dead ends, loops with
no way out, missing translations and scores out of range. A problem is a
:class:`~cs_trainer.errors.Problem`, worded in both languages; the functions that
return text render it in the language shown now.
"""

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from cs_trainer.errors import ContentError, Message, Problem, message
from cs_trainer.quizzes.content_loader import (
    NOT_UTF8,
    content_hash,
    describe_validation_error,
    line_of,
    parse_yaml,
    read_content,
    yaml_problem,
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
        raise ContentError(problems)
    return loaded


def check_file(path: Path) -> list[Problem]:
    """Every problem of one file (empty when it is valid)."""
    return _check(path)[0]


def validate_file(path: Path) -> list[str]:
    """Every problem of one file as ``file:line: message`` (empty when it is valid)."""
    return [problem.render() for problem in check_file(path)]


def load_library(paths: Iterable[Path]) -> tuple[list[LoadedScenario], list[str]]:
    """Load every ``*.yaml`` under the given files or folders; invalid files are skipped
    and their problems returned (as ``file:line: message`` in the language shown now),
    so one broken file never hides the rest."""
    scenarios: list[LoadedScenario] = []
    problems: list[Problem] = []
    for path in _yaml_files(paths):
        found, loaded = _check(path)
        problems += found
        if loaded is not None and not found:
            scenarios.append(loaded)
    ids = [loaded.scenario.id for loaded in scenarios]
    duplicates = {sid for sid in ids if ids.count(sid) > 1}
    for loaded in scenarios:
        if loaded.scenario.id in duplicates:
            twice = message(
                "scenario id {id} is used twice",
                "角色扮演的 id {id} 用了两次",
                id=repr(loaded.scenario.id),
            )
            problems.append(Problem(f"{loaded.path}:1", twice))
    valid = [s for s in scenarios if s.scenario.id not in duplicates]
    return valid, [problem.render() for problem in problems]


def _yaml_files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.yaml") if p.is_file())
        else:
            yield path


def _check(path: Path) -> tuple[list[Problem], LoadedScenario | None]:
    try:
        raw = read_content(path)
        text = raw.decode("utf-8")
        data, root = parse_yaml(text)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        unreadable = message(
            "cannot read the file ({reason})", "无法读取这个文件（{reason}）", reason=reason
        )
        return [Problem(f"{path}:1", unreadable)], None
    except UnicodeDecodeError:
        return [Problem(f"{path}:1", NOT_UTF8)], None
    except yaml.YAMLError as exc:
        return [yaml_problem(path, exc)], None
    except ContentError as exc:  # larger than any content file
        return list(exc.problems), None
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as exc:
        return describe_validation_error(path, root, exc), None
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


def _graph_problems(scenario: Scenario, where: _Locator) -> list[Problem]:
    ids = [node.id for node in scenario.nodes]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        twice = message(
            "node ids used twice: {ids}", "节点 id 用了两次：{ids}", ids=", ".join(duplicates)
        )
        return [Problem(where.at("nodes"), twice)]
    problems = []
    known = set(ids)
    for field_name in ("start", "patience_lost"):
        target = getattr(scenario, field_name)
        if target not in known:
            nowhere = message(
                "{field} names no node: {target}",
                "{field} 指向的节点不存在：{target}",
                field=field_name,
                target=repr(target),
            )
            problems.append(Problem(where.at(field_name), nowhere))
    if scenario.patience_lost in known and scenario.node(scenario.patience_lost).ending is None:
        not_ending = message(
            "patience_lost must be an ending node", "patience_lost 必须指向一个结局节点"
        )
        problems.append(Problem(where.at("patience_lost"), not_ending))
    problems += _node_problems(scenario, where, known)
    if problems:
        return problems  # reachability needs a well-formed graph
    return _reachability_problems(scenario, where)


def _node_problems(scenario: Scenario, where: _Locator, known: set[str]) -> list[Problem]:
    problems = []
    for node in scenario.nodes:
        node_id = repr(node.id)
        if node.ending is not None and node.choices:
            ending = message("an ending node has no choices", "结局节点不能有选项")
            problems.append(Problem(where.node(node.id, "ending"), ending))
        if node.ending is None and not node.choices:
            dead_end = message(
                "node {node} has no choices and is no ending: the conversation never ends here",
                "节点 {node} 没有选项，也不是结局：对话在这里无法结束",
                node=node_id,
            )
            problems.append(Problem(where.node(node.id), dead_end))
        for index, choice in enumerate(node.choices):
            if choice.next not in known:
                nowhere = message(
                    "choice {number} of {node} points to {target}, which does not exist",
                    "{node} 的第 {number} 个选项指向 {target}，但这个节点不存在",
                    number=index + 1,
                    node=node_id,
                    target=repr(choice.next),
                )
                problems.append(Problem(where.node(node.id, "choices", index, "next"), nowhere))
    return problems


def _reachability_problems(scenario: Scenario, where: _Locator) -> list[Problem]:
    edges = {node.id: [choice.next for choice in node.choices] for node in scenario.nodes}
    reached = _reachable({scenario.start, scenario.patience_lost}, edges)
    problems = [
        Problem(
            where.node(node.id),
            message(
                "node {node} cannot be reached from the start",
                "从开头无法到达节点 {node}",
                node=repr(node.id),
            ),
        )
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
        Problem(
            where.node(node.id),
            message(
                "no path from {node} reaches an ending (a loop with no way out)",
                "从 {node} 出发的任何路径都到不了结局（一个走不出去的循环）",
                node=repr(node.id),
            ),
        )
        for node in scenario.nodes
        if node.id in reached and node.id not in can_end
    ]
    if not endings:
        no_ending = message("the scenario has no ending node", "这个角色扮演没有结局节点")
        problems.append(Problem(where.at("nodes"), no_ending))
    return problems


def _reachable(sources: set[str], edges: dict[str, list[str]]) -> set[str]:
    seen, queue = set(sources), deque(sources)
    while queue:
        for target in edges.get(queue.popleft(), []):
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen


def _blank_texts(scenario: Scenario, where: _Locator) -> list[Problem]:
    """Whitespace-only translations pass the schema but are missing all the same."""
    return [
        Problem(where.at(*loc, language), _MISSING_TRANSLATION[language])
        for loc, text in _texts(scenario, ())
        for language in ("zh", "en")
        if not getattr(text, language).strip()
    ]


_MISSING_TRANSLATION: dict[str, Message] = {
    "zh": message("missing zh translation", "缺少中文（zh）文字"),
    "en": message("missing en translation", "缺少英文（en）文字"),
}


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
