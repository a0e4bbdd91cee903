"""The shipped interview content: question bank, observed tasks, typing passages, bad files."""

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from pydantic import BaseModel

from cs_trainer.errors import ContentError
from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.quizzes.interview_schema import (
    QuestionBank,
    RoleRequirement,
    TaskSet,
    TypingSet,
)
from cs_trainer.quizzes.schema_common import QualityGroup, Text
from cs_trainer.resources import package_path

BANK_PATH = package_path("quizzes", "content", "interview_bank.yaml")
TASKS_PATH = package_path("quizzes", "content", "observed_tasks.yaml")
TYPING_PATH = package_path("quizzes", "content", "typing_passages.yaml")

CJK = re.compile(r"[\u4e00-\u9fff]")

# 《客户服务人员的选拔与管理》·面试的问题, converted to Simplified Chinese with full-width
# punctuation.
INTERVIEW_QUESTIONS = {
    "当你进入一个全是陌生人的房间时，你会有什么感觉，你会怎样做？",
    "你最引以自豪的事是什么？",
    "当你与客户沟通时，你认为什么是最重要的？",
    "每天做不同的事和每天做同样的事，你选择哪种？",
    "如果有25个客户等着问同样的问题，你如何对每个客户都表示出热情？",
    "你在生活中是否做过什么牺牲？",
}


@pytest.fixture(scope="module")
def bank() -> QuestionBank:
    model, _ = load_model(BANK_PATH, QuestionBank)
    return model


@pytest.fixture(scope="module")
def tasks() -> TaskSet:
    model, _ = load_model(TASKS_PATH, TaskSet)
    return model


@pytest.fixture(scope="module")
def typing_set() -> TypingSet:
    model, _ = load_model(TYPING_PATH, TypingSet)
    return model


def texts_in(value: Any, where: str = "") -> Iterator[tuple[str, Text]]:
    """Every bilingual Text inside a model, with a path saying where it is."""
    if isinstance(value, Text):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from texts_in(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from texts_in(item, f"{where}[{index}]")


def assert_texts_filled(model: BaseModel) -> None:
    found = list(texts_in(model))
    assert found, "the model has bilingual texts"
    for where, text in found:
        assert text.zh.strip(), f"empty zh at {where}"
        assert text.en.strip(), f"empty en at {where}"
        assert CJK.search(text.zh), f"zh at {where} has no Chinese: {text.zh!r}"


# --- the question bank --------------------------------------------------------------------


def test_bank_validates_with_at_least_thirty_questions(bank: QuestionBank) -> None:
    assert bank.id == "service_interview"
    assert bank.version == 1
    assert bank.kind == "interview_bank"
    assert len(bank.questions) >= 30


def test_the_six_questions_of_the_selection_document_are_verbatim(bank: QuestionBank) -> None:
    verbatim = [question for question in bank.questions if question.verbatim]
    assert len(verbatim) == 6
    for question in verbatim:
        assert "《客户服务人员的选拔与管理》·面试的问题" in question.source, question.id
    assert {question.text.zh for question in verbatim} == INTERVIEW_QUESTIONS
    assert any("陌生人的房间" in question.text.zh for question in verbatim)
    assert any("25个客户" in question.text.zh for question in verbatim)


def test_the_sacrifice_question_carries_the_documents_remark(bank: QuestionBank) -> None:
    [sacrifice] = [q for q in bank.questions if q.verbatim and "牺牲" in q.text.zh]
    assert "从来没有做过牺牲的人不知道奉献" in sacrifice.purpose.zh
    assert "devotion" in sacrifice.purpose.en


def test_written_questions_say_so(bank: QuestionBank) -> None:
    for question in bank.questions:
        if not question.verbatim:
            assert "written for cs_trainer" in question.source, question.id


@pytest.mark.parametrize("group", get_args(QualityGroup))
def test_each_quality_group_has_at_least_four_questions(bank: QuestionBank, group: str) -> None:
    assert sum(question.group == group for question in bank.questions) >= 4


@pytest.mark.parametrize("requirement", get_args(RoleRequirement))
def test_each_role_requirement_is_covered(bank: QuestionBank, requirement: str) -> None:
    assert any(question.role_requirement == requirement for question in bank.questions)


def test_every_question_has_guidance_and_anchors_one_three_five(bank: QuestionBank) -> None:
    for question in bank.questions:
        scores = {anchor.score for anchor in question.anchors}
        assert {1, 3, 5} <= scores, question.id
        assert 2 <= len(question.good_signs) <= 4, question.id
        assert 2 <= len(question.warning_signs) <= 4, question.id


def test_no_bank_text_is_empty(bank: QuestionBank) -> None:
    assert_texts_filled(bank)


# --- observed tasks and games -------------------------------------------------------------


def test_the_task_and_two_games_of_the_selection_document(tasks: TaskSet) -> None:
    assert tasks.id == "service_observed_tasks"
    assert tasks.kind == "observed_tasks"
    by_id = {task.id: task for task in tasks.tasks}
    assert set(by_id) == {"fold_napkins", "stranger_game", "annoying_candidate"}

    napkins = by_id["fold_napkins"]
    assert (napkins.kind, napkins.group, napkins.measure) == ("task", "character", "scale")
    assert napkins.target_count == 200
    assert napkins.time_limit_minutes is not None
    assert len(napkins.checklist) >= 6
    assert {1, 3, 5} <= {anchor.score for anchor in napkins.anchors}

    stranger = by_id["stranger_game"]
    assert (stranger.kind, stranger.group, stranger.measure) == ("game", "overall", "ladder")
    assert [step.score for step in stranger.ladder] == [1, 2, 3, 4, 5]
    assert "不知道" in stranger.ladder[0].response.zh
    assert "帮你问" in stranger.ladder[-1].response.zh
    assert any("技术部" in step.zh for step in stranger.staging)

    annoying = by_id["annoying_candidate"]
    assert (annoying.kind, annoying.group, annoying.measure) == ("game", "character", "scale")
    assert annoying.checklist
    assert {1, 3, 5} <= {anchor.score for anchor in annoying.anchors}

    for task in tasks.tasks:
        assert task.staging, task.id
        assert "《客户服务人员的选拔与管理》" in task.source, task.id


def test_no_task_text_is_empty(tasks: TaskSet) -> None:
    assert_texts_filled(tasks)


# --- typing passages ----------------------------------------------------------------------


def test_typing_passages_in_both_languages(typing_set: TypingSet) -> None:
    assert typing_set.id == "typing_passages"
    assert typing_set.kind == "typing"
    chinese = [p for p in typing_set.passages if p.language == "zh"]
    english = [p for p in typing_set.passages if p.language == "en"]
    assert len(chinese) >= 2
    assert len(english) >= 2
    for passage in chinese:
        assert 150 <= len(CJK.findall(passage.text)) <= 250, passage.id
    for passage in english:
        assert 60 <= len(passage.text.split()) <= 100, passage.id
    for passage in typing_set.passages:
        assert "\n" not in passage.text, passage.id
        assert "《客服专员职位说明书》" in passage.source, passage.id
    assert_texts_filled(typing_set)


# --- broken files are refused with file:line ----------------------------------------------


def one_question_bank(tmp_path: Path, question: dict[str, Any]) -> tuple[Path, list[str]]:
    """Write a bank holding ``question`` to a file; return its path and its lines."""
    data = {
        "id": "broken_bank",
        "version": 1,
        "kind": "interview_bank",
        "title": {"zh": "测试题库", "en": "Test bank"},
        "questions": [question],
    }
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path = tmp_path / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text.splitlines()


def shipped_question(index: int = 0) -> dict[str, Any]:
    data = yaml.safe_load(BANK_PATH.read_text(encoding="utf-8"))
    question: dict[str, Any] = data["questions"][index]
    return question


def test_a_question_missing_its_anchor_for_three_is_refused_at_its_line(tmp_path: Path) -> None:
    question = shipped_question()
    question["anchors"] = [anchor for anchor in question["anchors"] if anchor["score"] != 3]
    path, lines = one_question_bank(tmp_path, question)
    # the error points at the anchors list, whose first item is the first "- score:" line
    line = next(n for n, text in enumerate(lines, 1) if text.lstrip().startswith("- score:"))
    with pytest.raises(ContentError) as caught:
        load_model(path, QuestionBank)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ")
    assert "questions.0.anchors" in message
    assert "[3]" in message


def test_a_chinese_text_with_a_space_is_refused_at_its_line(tmp_path: Path) -> None:
    question = shipped_question()
    question["text"] = {"zh": "当你进入一个 全是陌生人的房间时", "en": question["text"]["en"]}
    path, lines = one_question_bank(tmp_path, question)
    line = next(n for n, text in enumerate(lines, 1) if "当你进入一个 全是" in text)
    with pytest.raises(ContentError) as caught:
        load_model(path, QuestionBank)
    message = str(caught.value)
    assert message.startswith(f"{path}:{line}: ")
    assert "questions.0.text.zh" in message
    assert "space" in message
