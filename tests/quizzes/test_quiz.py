"""The knowledge-quiz bank and quiz drawing: content, determinism, spread, scoring."""

import re
from collections import Counter
from pathlib import Path

import pytest

from cs_trainer.errors import ContentError, UserError
from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.quizzes.quiz import (
    QuizPaper,
    bank_categories,
    builtin_quiz_bank,
    check_answer,
    draw,
    is_correct,
    review_paper,
    score_paper,
)
from cs_trainer.quizzes.quiz_schema import QUIZ_CATEGORIES, QUIZ_KINDS, QuizBank, QuizItem
from cs_trainer.resources import package_path

BANK_PATH = package_path("quizzes", "content", "quiz_bank.yaml")
CJK = re.compile(r"[\u4e00-\u9fff]")
SOURCE_TITLES = (  # the source documents, as docs/sources.md names them
    "《客户服务人员岗位职责任职要求》",
    "《客服专员职位说明书》",
    "《客户服务需求表》",
    "《客户服务人员的选拔与管理》",
    "《客服接待岗位职责工作标准》",
)


@pytest.fixture(scope="module")
def bank() -> QuizBank:
    return builtin_quiz_bank().content


def _item(bank: QuizBank, kind: str) -> QuizItem:
    return next(item for item in bank.items if item.kind == kind)


# -- content ----------------------------------------------------------------------------


def test_the_shipped_bank_validates_and_is_big_enough(bank: QuizBank) -> None:
    model, digest = load_model(BANK_PATH, QuizBank)
    assert model == bank and len(digest) == 64
    assert bank.id == "service_knowledge"
    assert len(bank.items) >= 42
    assert list(bank.categories) == list(QUIZ_CATEGORIES), "every category is named, in order"


@pytest.mark.parametrize("category", QUIZ_CATEGORIES)
def test_every_category_has_six_items_of_all_three_kinds(bank: QuizBank, category: str) -> None:
    kinds = Counter(item.kind for item in bank.items if item.category == category)
    assert sum(kinds.values()) >= 6
    assert set(kinds) == set(QUIZ_KINDS)


def test_every_item_is_bilingual_explained_and_sourced(bank: QuizBank) -> None:
    for item in bank.items:
        texts = [item.question, item.explanation, *(option.text for option in item.options)]
        for text in texts:
            assert CJK.search(text.zh), f"{item.id}: zh has no Chinese: {text.zh}"
            assert not CJK.search(text.en), f"{item.id}: en has Chinese: {text.en}"
        assert item.source.startswith(SOURCE_TITLES), item.id
        assert len(item.explanation.zh) >= 30, f"{item.id}: the explanation should say why"


def test_correct_answers_are_not_always_in_the_same_place(bank: QuizBank) -> None:
    """Options show in file order, so a habit of putting the answer first would leak it."""
    places = Counter(
        [option.id for option in item.options].index(item.correct[0])
        for item in bank.items
        if item.kind == "single"
    )
    assert len(places) >= 3 and max(places.values()) <= sum(places.values()) / 2


def _bank_yaml(item: str) -> str:
    return (
        "id: b\nversion: 1\nkind: quiz_bank\ntitle: {zh: 测验, en: Quiz}\n"
        "categories:\n  channels: {zh: 渠道, en: Channels}\nitems:\n" + item
    )


ITEM = """\
  - id: one
    category: channels
    kind: {kind}
    source: 《客户服务人员的选拔与管理》
    question: {{zh: 问题, en: Question}}
    options:
{options}
    correct: {correct}
    explanation: {{zh: 解释, en: Why}}
"""
ABCD = "".join(f"      - {{id: {o}, text: {{zh: 选项, en: Option}}}}\n" for o in "abcd")
TRUE_FALSE = (
    '      - {id: "true", text: {zh: 对, en: "True"}}\n'
    '      - {id: "false", text: {zh: 错, en: "False"}}\n'
)


@pytest.mark.parametrize(
    ("kind", "options", "correct", "message"),
    [
        ("single", ABCD, "[a, b]", "exactly one correct option"),
        ("single", ABCD, "[e]", "do not exist: e"),
        ("multiple", ABCD, "[a]", "at least two correct options"),
        ("multiple", ABCD, "[a, b, c, d]", "not all of them"),
        ("true_false", ABCD, "[a]", 'exactly the options "true" and "false"'),
        ("true_false", TRUE_FALSE, '["true", "false"]', "exactly one correct option"),
        ("single", ABCD.replace("id: b", "id: a"), "[a]", "repeated: a"),
    ],
)
def test_broken_items_are_reported_at_their_line(
    tmp_path: Path, kind: str, options: str, correct: str, message: str
) -> None:
    path = tmp_path / "bank.yaml"
    path.write_text(_bank_yaml(ITEM.format(kind=kind, options=options, correct=correct)), "utf-8")
    with pytest.raises(ContentError) as raised:
        load_model(path, QuizBank)
    assert message in str(raised.value)
    assert re.search(rf"{re.escape(str(path))}:(8|9|1[0-9]): items\.0", str(raised.value))


def test_an_item_in_an_unnamed_category_is_refused(tmp_path: Path) -> None:
    item = ITEM.format(kind="single", options=ABCD, correct="[a]").replace(
        "category: channels", "category: qualities"
    )
    path = tmp_path / "bank.yaml"
    path.write_text(_bank_yaml(item), "utf-8")
    with pytest.raises(ContentError, match="need a name: qualities"):
        load_model(path, QuizBank)


# -- drawing ----------------------------------------------------------------------------


def test_a_seed_always_draws_the_same_paper(bank: QuizBank) -> None:
    first = draw(bank, ["complaints", "channels", "qualities"], 12, seed=2024)
    again = draw(bank, ["qualities", "complaints", "channels"], 12, seed=2024)
    assert first == again, "the order the categories were ticked in does not matter"
    assert first.categories == ("complaints", "channels", "qualities")
    assert len({item.id for item in first.items}) == 12


def test_other_seeds_draw_other_papers(bank: QuizBank) -> None:
    papers = {tuple(i.id for i in draw(bank, QUIZ_CATEGORIES, 20, seed).items) for seed in range(8)}
    assert len(papers) == 8
    same_items = {
        frozenset(i.id for i in draw(bank, QUIZ_CATEGORIES, len(bank.items), s).items)
        for s in (1, 2)
    }
    assert len(same_items) == 1
    orders = {
        tuple(i.id for i in draw(bank, QUIZ_CATEGORIES, len(bank.items), s).items) for s in (1, 2)
    }
    assert len(orders) == 2, "the whole bank comes out in a seeded order, not the file's"


@pytest.mark.parametrize(("count", "seed"), [(20, 1), (12, 7), (6, 3), (25, 99)])
def test_items_spread_evenly_over_the_chosen_categories(
    bank: QuizBank, count: int, seed: int
) -> None:
    paper = draw(bank, QUIZ_CATEGORIES, count, seed)
    per_category = Counter(item.category for item in paper.items)
    assert sum(per_category.values()) == count
    spread = [per_category.get(category, 0) for category in QUIZ_CATEGORIES]
    assert max(spread) - min(spread) <= 1, spread


def test_the_remainder_does_not_always_fall_to_the_same_category(bank: QuizBank) -> None:
    favoured = {
        Counter(i.category for i in draw(bank, ["complaints", "channels"], 5, s).items).most_common(
            1
        )[0][0]
        for s in range(10)
    }
    assert favoured == {"complaints", "channels"}


def test_a_small_category_gives_all_it_has_and_the_rest_come_from_others(
    bank: QuizBank,
) -> None:
    sizes = {info.id: info.available for info in bank_categories(bank)}
    count = sizes["channels"] + sizes["complaints"]
    paper = draw(bank, ["channels", "complaints"], count, seed=5)
    assert Counter(item.category for item in paper.items) == {
        "channels": sizes["channels"],
        "complaints": sizes["complaints"],
    }


@pytest.mark.parametrize(
    ("categories", "count", "message"),
    [
        (["channels"], 0, "at least one item"),
        (["channels"], 99, "hold only"),
        (["channels", "cooking"], 3, "no category cooking"),
        ([], 3, "at least one category"),
    ],
)
def test_impossible_papers_are_refused(
    bank: QuizBank, categories: list[str], count: int, message: str
) -> None:
    with pytest.raises(UserError, match=message):
        draw(bank, categories, count, seed=1)


def test_a_paper_survives_its_round_trip_through_json(bank: QuizBank) -> None:
    paper = draw(bank, ["service_value", "standards"], 7, seed=11)
    body = paper.to_body()
    assert set(body) == {"bank_id", "seed", "categories", "items"}
    assert QuizPaper.from_body(body) == paper


# -- answers and scoring ----------------------------------------------------------------


def test_check_answer_orders_choices_and_refuses_bad_ones(bank: QuizBank) -> None:
    multiple, single = _item(bank, "multiple"), _item(bank, "single")
    ids = [option.id for option in multiple.options]
    assert check_answer(multiple, [ids[2], ids[0], ids[2]]) == (ids[0], ids[2])
    assert check_answer(single, []) == ()
    with pytest.raises(UserError, match="only one answer"):
        check_answer(single, [o.id for o in single.options[:2]])
    with pytest.raises(UserError, match="no option zz"):
        check_answer(single, ["zz"])


def test_multiple_choice_is_right_only_with_exactly_the_correct_options(bank: QuizBank) -> None:
    item = _item(bank, "multiple")
    wrong = next(option.id for option in item.options if option.id not in item.correct)
    assert is_correct(item, list(reversed(item.correct)))
    assert not is_correct(item, item.correct[:-1]), "partly right is wrong"
    assert not is_correct(item, [*item.correct, wrong]), "one too many is wrong"
    assert not is_correct(item, [])


def test_score_paper_counts_overall_and_per_category(bank: QuizBank) -> None:
    paper = draw(bank, ["channels", "qualities"], 6, seed=3)
    answers: dict[str, list[str]] = {}
    for number, item in enumerate(paper.items):
        answers[item.id] = list(item.correct) if number % 2 == 0 else []
    score = score_paper(paper, answers)
    assert (score.correct, score.total) == (3, 6)
    assert sum(s.total for s in score.by_category.values()) == 6
    expected = {
        c: sum(1 for n, i in enumerate(paper.items) if i.category == c and n % 2 == 0) / 3
        for c in ("channels", "qualities")
    }
    assert score.fractions() == pytest.approx(expected)
    review = review_paper(paper, answers)
    assert [r.correct for r in review] == [True, False] * 3
    assert [r.number for r in review] == [1, 2, 3, 4, 5, 6]
