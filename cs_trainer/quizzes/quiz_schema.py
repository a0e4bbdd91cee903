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
            raise ValueError(f"option ids must be unique; repeated: {', '.join(repeated)}")
        return options

    @model_validator(mode="after")
    def _answerable(self) -> "QuizItem":
        option_ids = [option.id for option in self.options]
        unknown = sorted(set(self.correct) - set(option_ids))
        if unknown:
            raise ValueError(f"correct names options that do not exist: {', '.join(unknown)}")
        if len(set(self.correct)) != len(self.correct):
            raise ValueError("correct lists an option twice")
        if self.kind == "true_false" and tuple(option_ids) != TRUE_FALSE_IDS:
            raise ValueError('a true/false item has exactly the options "true" and "false"')
        if self.kind in ("single", "true_false") and len(self.correct) != 1:
            raise ValueError(f"a {self.kind} item has exactly one correct option")
        if self.kind == "multiple" and not 2 <= len(self.correct) < len(option_ids):
            raise ValueError(
                "a multiple-choice item has at least two correct options, and not all of them"
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
            raise ValueError(f"item ids must be unique; repeated: {', '.join(repeated)}")
        return items

    @model_validator(mode="after")
    def _categories_named(self) -> "QuizBank":
        unnamed = sorted({item.category for item in self.items} - set(self.categories))
        if unnamed:
            raise ValueError(f"categories used by items need a name: {', '.join(unnamed)}")
        return self
