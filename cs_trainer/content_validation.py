"""Checking any content file a trainer edits: role-plays, question banks, observed
tasks, typing passages, self-tests, quizzes and the two staff forms, each against its
own schema.

Used by ``cs-trainer validate-content``: every problem is one ``file:line: message``.
"""

from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml
from pydantic import BaseModel

from cs_trainer.errors import ContentError
from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.quizzes.interview_schema import QuestionBank, TaskSet, TypingSet
from cs_trainer.quizzes.quiz_schema import QuizBank
from cs_trainer.quizzes.selftest_schema import SelfTestInstrument
from cs_trainer.scenarios.validator import validate_file
from cs_trainer.staff_forms.performance_schema import PerformanceForm
from cs_trainer.staff_forms.reception_schema import ReceptionStandard

MODELS: dict[str, type[BaseModel]] = {
    "interview_bank": QuestionBank,
    "observed_tasks": TaskSet,
    "typing": TypingSet,
    "selftest": SelfTestInstrument,
    "quiz_bank": QuizBank,
    "performance_form": PerformanceForm,
    "reception_standard": ReceptionStandard,
}
SUFFIXES = (".yaml", ".yml")


def content_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The given files, and every YAML file under the given folders."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
        else:
            yield path


def check_content_file(path: Path) -> list[str]:
    """Every problem of one content file; empty when it is valid."""
    kind = _kind(path)
    if kind is None or kind == "roleplay":
        return validate_file(path)
    if kind not in MODELS:
        known = ", ".join(["roleplay", *MODELS])
        return [f"{path}:1: unknown kind {kind!r}; expected one of {known}"]
    try:
        load_model(path, MODELS[kind])
    except ContentError as exc:
        return str(exc).splitlines()
    return []


def _kind(path: Path) -> str | None:
    """The file's ``kind:`` (None when it cannot be read: the validator reports why)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    kind = data.get("kind") if isinstance(data, dict) else None
    return kind if isinstance(kind, str) else None
