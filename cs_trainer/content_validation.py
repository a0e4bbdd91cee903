"""Checking any content file a trainer edits: role-plays, question banks, observed
tasks, typing passages, self-tests, quizzes and the two staff forms, each against its
own schema.

Used by ``cs-trainer validate-content``: every problem is one ``file:line: message``,
a :class:`~cs_trainer.errors.Problem` worded in both languages.
Which ``kind:`` is checked by what comes from :mod:`cs_trainer.attempt_kinds` (each kind
of attempt names the content its instruments are made from), so a new kind of attempt
is validated without a change here; only content that no attempt is taken with is
listed in this module.
"""

import importlib
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from pathlib import Path
from typing import cast

import yaml
from pydantic import BaseModel

from cs_trainer import attempt_kinds
from cs_trainer.attempt_kinds import Content
from cs_trainer.errors import ContentError, Problem, message
from cs_trainer.quizzes.content_loader import load_model, parse_yaml, read_content
from cs_trainer.scenarios.validator import check_file

Checker = Callable[[Path], list[Problem]]

OTHER_CONTENT = (
    Content("reception_standard", "cs_trainer.staff_forms.reception_schema:ReceptionStandard"),
)
"""Content that no attempt is taken with: reception entries are not attempts."""

SUFFIXES = (".yaml", ".yml")


def content_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The given files, and every YAML file under the given folders."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        else:
            yield path


def known_content() -> tuple[Content, ...]:
    """Every kind of content file this version checks, in the registry's order."""
    declared = (content for kind in attempt_kinds.ALL for content in kind.content)
    return (*declared, *OTHER_CONTENT)


def check_content_file(path: Path) -> list[Problem]:
    """Every problem of one content file; empty when it is valid."""
    kind = _kind(path)
    if kind is None:  # unreadable, or no kind: the role-play validator says why, as file:line
        return check_file(path)
    checks = {content.kind: content.check for content in known_content()}
    if kind not in checks:
        unknown = message(
            "unknown kind {kind}; expected one of {known}",
            "未知的种类（kind）{kind}；应为以下之一：{known}",
            kind=repr(kind),
            known=", ".join(checks),
        )
        return [Problem(f"{path}:1", unknown)]
    return checker(checks[kind])(path)


@cache
def checker(check: str) -> Checker:
    """What a ``Content.check`` names: loading as that pydantic model, or that function."""
    module, _, name = check.partition(":")
    target: object = getattr(importlib.import_module(module), name)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return partial(_model_problems, model=target)
    if callable(target):
        return cast(Checker, target)
    raise TypeError(f"{check} is neither a pydantic model nor a function")


def _model_problems(path: Path, model: type[BaseModel]) -> list[Problem]:
    try:
        load_model(path, model)
    except ContentError as exc:
        return list(exc.problems)
    return []


def _kind(path: Path) -> str | None:
    """The file's ``kind:`` (None when it cannot be read: the validator reports why)."""
    try:
        data, _root = parse_yaml(read_content(path).decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ContentError):
        return None
    kind = data.get("kind") if isinstance(data, dict) else None
    return kind if isinstance(kind, str) else None
