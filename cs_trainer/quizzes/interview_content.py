"""The built-in interview content: question bank, observed tasks and typing passages.

Each file is loaded and validated once per process; a broken file raises
ContentError naming ``file:line`` (see content_loader).
"""

from dataclasses import dataclass
from functools import cache
from typing import Generic, TypeVar

from pydantic import BaseModel

from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.quizzes.interview_schema import QuestionBank, TaskSet, TypingSet
from cs_trainer.resources import package_path

BANK_FILE = "interview_bank.yaml"
TASKS_FILE = "observed_tasks.yaml"
TYPING_FILE = "typing_passages.yaml"

ContentT = TypeVar("ContentT", bound=BaseModel)


@dataclass(frozen=True)
class Loaded(Generic[ContentT]):
    """Validated content with the hash of the exact file it came from."""

    content: ContentT
    content_hash: str


def _load(name: str, model: type[ContentT]) -> Loaded[ContentT]:
    content, digest = load_model(package_path("quizzes", "content", name), model)
    return Loaded(content, digest)


@cache
def builtin_bank() -> Loaded[QuestionBank]:
    """The question bank that ships with cs_trainer (docs/sources.md)."""
    return _load(BANK_FILE, QuestionBank)


@cache
def builtin_tasks() -> Loaded[TaskSet]:
    """The observed tasks and test games of 《客户服务人员的选拔与管理》."""
    return _load(TASKS_FILE, TaskSet)


@cache
def builtin_typing() -> Loaded[TypingSet]:
    """The typing passages (《客服专员职位说明书》 asks for 80 characters a minute)."""
    return _load(TYPING_FILE, TypingSet)
