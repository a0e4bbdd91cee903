"""Knowledge quizzes: drawing a paper from the bank, checking answers, scoring.

A paper is drawn with ``random.Random(seed)`` and nothing else, so the same bank,
categories, count and seed always give the same items in the same order: a trainer
can hand two classes the same paper by giving its number (the seed) again.
"""

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from cs_trainer.errors import UserError
from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.quizzes.interview_content import Loaded
from cs_trainer.quizzes.quiz_schema import QuizBank, QuizItem
from cs_trainer.quizzes.schema_common import STORED_SNAPSHOT, Text
from cs_trainer.resources import package_path
from cs_trainer.schema_messages import short_title

BANK_FILE = "quiz_bank.yaml"


@cache
def builtin_quiz_bank() -> Loaded[QuizBank]:
    """The knowledge-quiz bank that ships with cs_trainer (docs/sources.md)."""
    bank, digest = load_model(package_path("quizzes", "content", BANK_FILE), QuizBank)
    return Loaded(bank, digest)


@dataclass(frozen=True)
class CategoryInfo:
    """A category as a setup screen offers it: its name and how many items it holds."""

    id: str
    name: Text
    available: int


@dataclass(frozen=True)
class QuizPaper:
    """The items one quiz attempt asks, in the order it asks them."""

    bank_id: str
    seed: int
    categories: tuple[str, ...]
    items: tuple[QuizItem, ...]

    def item(self, item_id: str) -> QuizItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise UserError(
            "the quiz has no item {item}", "这份测验中没有题目 {item}", item=repr(item_id)
        )

    def to_body(self) -> dict[str, Any]:
        """The paper as stored in an attempt's snapshot (JSON-ready)."""
        return {
            "bank_id": self.bank_id,
            "seed": self.seed,
            "categories": list(self.categories),
            "items": [item.model_dump(mode="json") for item in self.items],
        }

    @classmethod
    def from_body(cls, body: Mapping[str, Any]) -> "QuizPaper":
        """The paper stored by :meth:`to_body`; Chinese-spacing rules are for authors only."""
        items = tuple(
            QuizItem.model_validate(item, context={STORED_SNAPSHOT: True}) for item in body["items"]
        )
        return cls(str(body["bank_id"]), int(body["seed"]), tuple(body["categories"]), items)


@dataclass(frozen=True)
class CategoryScore:
    """Correct answers out of items asked in one category."""

    correct: int
    total: int

    @property
    def fraction(self) -> float:
        return self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class QuizScore:
    """A scored paper: correct items out of all, and per category (in paper order)."""

    correct: int
    total: int
    by_category: dict[str, CategoryScore]

    def fractions(self) -> dict[str, float]:
        """Per category, the fraction answered correctly (what an attempt stores)."""
        return {category: score.fraction for category, score in self.by_category.items()}


@dataclass(frozen=True)
class ItemReview:
    """One item of a finished paper as the result screen shows it."""

    number: int
    item: QuizItem
    chosen: tuple[str, ...]
    correct: bool


def bank_categories(bank: QuizBank) -> list[CategoryInfo]:
    """The bank's categories in its own order, each with the number of items it holds."""
    return [
        CategoryInfo(category, name, sum(item.category == category for item in bank.items))
        for category, name in bank.categories.items()
    ]


def draw(bank: QuizBank, categories: Sequence[str], count: int, seed: int) -> QuizPaper:
    """``count`` items from ``categories``, spread as evenly as the categories allow.

    Deterministic for a seed: the chosen categories are put in the bank's order first,
    so ticking them in another order gives the same paper.
    """
    chosen = _check_categories(bank, categories)
    pools = {category: [i for i in bank.items if i.category == category] for category in chosen}
    available = sum(len(pool) for pool in pools.values())
    if count < 1:
        raise UserError("a quiz needs at least one item", "一份测验至少要有一道题")
    if count > available:
        raise UserError(
            "the chosen categories hold only {available} items, not {count}",
            "所选类别只有 {available} 道题，不够 {count} 道",
            available=available,
            count=count,
        )
    rng = random.Random(seed)
    quotas = _quotas(rng, {category: len(pool) for category, pool in pools.items()}, count)
    items = [item for category in chosen for item in rng.sample(pools[category], quotas[category])]
    rng.shuffle(items)
    return QuizPaper(bank.id, seed, chosen, tuple(items))


def _check_categories(bank: QuizBank, categories: Sequence[str]) -> tuple[str, ...]:
    unknown = sorted(set(categories) - set(bank.categories))
    if unknown:
        raise UserError(
            "the quiz bank has no category {categories}",
            "题库中没有类别 {categories}",
            categories=", ".join(unknown),
        )
    if not categories:
        raise UserError("choose at least one category", "请至少选择一个类别")
    return tuple(category for category in bank.categories if category in categories)


def _quotas(rng: random.Random, sizes: Mapping[str, int], count: int) -> dict[str, int]:
    """How many items each category gives: one each in turn (in an order the seed
    shuffles, so no category always gets the remainder) until ``count`` is reached;
    a category that runs out drops out of the round."""
    order = list(sizes)
    rng.shuffle(order)
    quotas = dict.fromkeys(sizes, 0)
    remaining = count
    while remaining:
        for category in order:
            if remaining and quotas[category] < sizes[category]:
                quotas[category] += 1
                remaining -= 1
    return quotas


def check_answer(item: QuizItem, chosen: Iterable[str]) -> tuple[str, ...]:
    """The chosen option ids in the item's own order; refuses what the item cannot take.

    An empty choice is allowed: it withdraws an answer.
    """
    picked = set(chosen)
    option_ids = [option.id for option in item.options]
    unknown = sorted(picked - set(option_ids))
    if unknown:
        raise UserError(
            "item {item_en} has no option {options}",
            "题目“{item_zh}”没有选项 {options}",
            item_en=repr(short_title(item.question.en)),
            item_zh=short_title(item.question.zh),
            options=", ".join(unknown),
        )
    if item.kind != "multiple" and len(picked) > 1:
        raise UserError(
            "item {item_en} takes only one answer",
            "题目“{item_zh}”只能选一个答案",
            item_en=repr(short_title(item.question.en)),
            item_zh=short_title(item.question.zh),
        )
    return tuple(option for option in option_ids if option in picked)


def is_correct(item: QuizItem, chosen: Sequence[str]) -> bool:
    """Right only when exactly the correct options are chosen: a multiple-choice answer
    that misses one or adds one is wrong (no partial credit)."""
    return set(chosen) == set(item.correct)


def score_paper(paper: QuizPaper, answers: Mapping[str, Sequence[str]]) -> QuizScore:
    """Correct items overall and per category; an unanswered item counts as wrong."""
    tally: dict[str, list[int]] = {category: [0, 0] for category in paper.categories}
    for item in paper.items:
        counts = tally.setdefault(item.category, [0, 0])
        counts[0] += is_correct(item, answers.get(item.id, ()))
        counts[1] += 1
    by_category = {c: CategoryScore(right, asked) for c, (right, asked) in tally.items() if asked}
    correct = sum(score.correct for score in by_category.values())
    return QuizScore(correct, len(paper.items), by_category)


def review_paper(paper: QuizPaper, answers: Mapping[str, Sequence[str]]) -> list[ItemReview]:
    """Every item with the answer given and whether it was right, in paper order."""
    reviews = []
    for number, item in enumerate(paper.items, start=1):
        chosen = tuple(answers.get(item.id, ()))
        reviews.append(ItemReview(number, item, chosen, is_correct(item, chosen)))
    return reviews
