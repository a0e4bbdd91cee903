"""The schema of a knowledge-quiz bank: single-choice, multiple-choice and true/false
items with an explanation each, in six categories drawn from the source documents (docs/sources.md).

The rules a trainer can break by hand are checked here, so a bad item is reported at
its line instead of producing a question nobody can answer right: option ids unique,
the correct answers among the options, exactly one correct answer for single choice and
true/false, and for multiple choice at least two but never all.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from cs_trainer.quizzes.schema_common import IDENTIFIER, Text
from cs_trainer.schema_messages import invalid

QuizCategory = Literal[
    "service_value", "complaints", "standards", "customer_types", "channels", "qualities"
]
"""The categories a quiz is drawn from (ids stay stable; the bank names them)."""

QUIZ_CATEGORIES: tuple[QuizCategory, ...] = (
    "service_value",
    "complaints",
    "standards",
    "customer_types",
    "channels",
    "qualities",
)

QuizKind = Literal["single", "multiple", "true_false"]
QUIZ_KINDS: tuple[QuizKind, ...] = ("single", "multiple", "true_false")
TRUE_FALSE_IDS = ("true", "false")
MAX_OPTIONS = 9  # number keys 1–9 choose an option on the quiz page


class QuizOption(BaseModel):
    """One answer a trainee can choose."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    text: Text


class QuizItem(BaseModel):
    """One question with its options, the correct option ids and why they are correct."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    category: QuizCategory
    kind: QuizKind
    question: Text
    options: list[QuizOption] = Field(min_length=2, max_length=MAX_OPTIONS)
    correct: list[str] = Field(min_length=1)
    explanation: Text
    source: str = Field(min_length=1)

    @field_validator("options")
    @classmethod
    def _unique_options(cls, options: list[QuizOption]) -> list[QuizOption]:
        ids = [option.id for option in options]
        repeated = sorted({oid for oid in ids if ids.count(oid) > 1})
        if repeated:
            raise invalid(
                "option ids must be unique; repeated: {ids}",
                "选项 id 不能重复；重复的有：{ids}",
                ids=", ".join(repeated),
            )
        return options

    @model_validator(mode="after")
    def _answerable(self) -> "QuizItem":
        option_ids = [option.id for option in self.options]
        unknown = sorted(set(self.correct) - set(option_ids))
        if unknown:
            raise invalid(
                "correct names options that do not exist: {ids}",
                "correct 中写了不存在的选项：{ids}",
                ids=", ".join(unknown),
            )
        if len(set(self.correct)) != len(self.correct):
            raise invalid("correct lists an option twice", "correct 中同一个选项写了两次")
        if self.kind == "true_false" and tuple(option_ids) != TRUE_FALSE_IDS:
            raise invalid(
                'a true/false item has exactly the options "true" and "false"',
                "判断题的选项只能是“true”和“false”",
            )
        if self.kind in ("single", "true_false") and len(self.correct) != 1:
            raise invalid(
                "a {kind} item has exactly one correct option",
                "{kind_zh}只能有一个正确选项",
                kind=self.kind,
                kind_zh="单选题" if self.kind == "single" else "判断题",
            )
        if self.kind == "multiple" and not 2 <= len(self.correct) < len(option_ids):
            raise invalid(
                "a multiple-choice item has at least two correct options, and not all of them",
                "多选题至少要有两个正确选项，但不能所有选项都正确",
            )
        return self


class QuizBank(BaseModel):
    """A knowledge-quiz bank as stored in a content file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=IDENTIFIER)
    version: int = Field(ge=1)
    kind: Literal["quiz_bank"]
    title: Text
    categories: dict[QuizCategory, Text] = Field(min_length=1)
    items: list[QuizItem] = Field(min_length=1)

    @field_validator("items")
    @classmethod
    def _unique_items(cls, items: list[QuizItem]) -> list[QuizItem]:
        ids = [item.id for item in items]
        repeated = sorted({iid for iid in ids if ids.count(iid) > 1})
        if repeated:
            raise invalid(
                "item ids must be unique; repeated: {ids}",
                "题目 id 不能重复；重复的有：{ids}",
                ids=", ".join(repeated),
            )
        return items

    @model_validator(mode="after")
    def _categories_named(self) -> "QuizBank":
        unnamed = sorted({item.category for item in self.items} - set(self.categories))
        if unnamed:
            raise invalid(
                "categories used by items need a name: {categories}",
                "题目用到的类别需要名称：{categories}",
                categories=", ".join(unnamed),
            )
        return self
