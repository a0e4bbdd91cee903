"""Statistics read from the database: quiz attempts built straight through the ORM
following the quiz feature's storage contract, role-plays through the role-play service."""

import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from cs_trainer.scenarios.schema import Scenario
from cs_trainer.scenarios.validator import load_scenario
from cs_trainer.services import cohorts, roleplays, statistics
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, InstrumentSnapshot, Person, Response

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"
T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
# The hand-worked "GOOD" quiz of tests/quizzes/test_item_statistics.py: KR-20 = 4/9.
GOOD_ROWS = ["1111", "1110", "1110", "1100", "1100", "1010", "1001", "1000", "0100", "0000"]


def quiz_body(bank_id: str, items: list[str], wording: str = "") -> dict[str, Any]:
    return {
        "bank_id": bank_id,
        "seed": 7,
        "categories": ["all"],
        "items": [
            {"id": i, "question": {"zh": f"问题{i}{wording}", "en": f"Question {i}{wording}"}}
            for i in items
        ],
    }


def add_quiz(
    db: Database,
    person_id: int,
    body: dict[str, Any],
    answers: dict[str, int | None],
    *,
    status: str = "finished",
    when: datetime = T0,
) -> int:
    """One quiz attempt exactly as the contract stores it."""
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
    with db.writing() as session:
        if session.get(InstrumentSnapshot, digest) is None:
            session.add(
                InstrumentSnapshot(
                    content_hash=digest, instrument_id=body["bank_id"], version=1, body=body
                )
            )
        attempt = Attempt(
            person_id=person_id,
            kind="quiz",
            instrument_id=body["bank_id"],
            content_hash=digest,
            mode="self",
            started_at=when,
            finished_at=when + timedelta(minutes=5) if status == "finished" else None,
            status=status,
            total=sum(v or 0 for v in answers.values()),
            details={"seed": 7, "categories": ["all"]},
        )
        session.add(attempt)
        session.flush()
        for item_id, value in answers.items():
            session.add(
                Response(attempt_id=attempt.id, item_id=item_id, value=value, answered_at=when)
            )
        return attempt.id


def add_person(db: Database, name: str, cohort_id: int | None = None) -> int:
    with db.writing() as session:
        person = Person(kind="trainee", name=name, created_at=T0, cohort_id=cohort_id)
        session.add(person)
        session.flush()
        return person.id


def answers(row: str, items: str = "abcd") -> dict[str, int | None]:
    return {item: int(mark) for item, mark in zip(items, row, strict=True)}


def test_the_report_of_a_bank_uses_finished_attempts_and_snapshot_texts(db: Database) -> None:
    body = quiz_body("service_basics", list("abcd"))
    for number, row in enumerate(GOOD_ROWS):
        person = add_person(db, f"学员{number}")
        add_quiz(db, person, body, answers(row), when=T0 + timedelta(hours=number))
    stranger = add_person(db, "未完成")
    add_quiz(db, stranger, body, answers("0001"), status="in_progress")
    add_quiz(db, stranger, quiz_body("other_bank", list("abcd")), answers("0001"))
    report = statistics.quiz_report(db, "service_basics")
    assert report.attempts == 10 and not report.too_few
    assert report.kr20 == pytest.approx(4 / 9)
    assert [item.item_id for item in report.items] == ["a", "b", "c", "d"]
    assert [item.facility for item in report.items] == pytest.approx([0.8, 0.6, 0.4, 0.2])
    first = report.items[0].question
    assert first is not None and (first.zh, first.en) == ("问题a", "Question a")
    assert statistics.quiz_banks(db) == ["other_bank", "service_basics"]


def test_the_cohort_filter_keeps_that_cohorts_trainees(db: Database) -> None:
    morning = cohorts.create_cohort(db, "早班")
    evening = cohorts.create_cohort(db, "晚班")
    body = quiz_body("bank", list("abcd"))
    for number, row in enumerate(GOOD_ROWS):
        add_quiz(db, add_person(db, f"早{number}", morning), body, answers(row))
    for number in range(3):
        add_quiz(db, add_person(db, f"晚{number}", evening), body, answers("0001"))
    add_quiz(db, add_person(db, "无班"), body, answers("1111"))
    assert statistics.quiz_report(db, "bank").attempts == 14
    assert statistics.quiz_report(db, "bank", morning).kr20 == pytest.approx(4 / 9)
    few = statistics.quiz_report(db, "bank", evening)
    assert few.too_few and few.attempts == 3 and few.kr20 is None
    assert all(item.facility is None for item in few.items)


def test_the_newest_wording_wins_and_drawn_subsets_are_handled(db: Database) -> None:
    person = add_person(db, "小李")
    old = quiz_body("bank", ["a", "b"], " (old)")
    new = quiz_body("bank", ["c", "a"], " (new)")
    add_quiz(db, person, old, answers("10", "ab"), when=T0)
    add_quiz(db, person, new, {"c": 1, "a": 0, "x": None}, when=T0 + timedelta(days=1))
    report = statistics.quiz_report(db, "bank", min_attempts=1)
    assert [item.item_id for item in report.items] == ["c", "a", "b"]
    texts = {item.item_id: item.question.en if item.question else None for item in report.items}
    assert texts == {"c": "Question c (new)", "a": "Question a (new)", "b": "Question b (old)"}
    assert report.reliability_items == ("a",)  # the only item both attempts answered
    assert [item.attempts for item in report.items] == [1, 2, 1]  # "x" had no value


def test_an_unknown_bank_is_an_empty_too_few_report(db: Database) -> None:
    report = statistics.quiz_report(db, "nothing")
    assert report.too_few and report.attempts == 0 and report.items == ()


# -- role-plays ---------------------------------------------------------------------------


@pytest.fixture
def example(tmp_path: Path) -> Scenario:
    """docs/authoring.md's example: opening → checked → resolved (choices 0, 0) is best."""
    match = re.search(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert match
    path = tmp_path / "example.yaml"
    path.write_text(match.group(1), encoding="utf-8")
    return load_scenario(path).scenario


def play(db: Database, person: int, scenario: Scenario, choices: list[int]) -> int:
    attempt = roleplays.start_roleplay(db, person, scenario)
    for number in choices:
        roleplays.record_choice(db, attempt, number)
    return attempt


def test_choice_counts_per_cohort_and_version(db: Database, example: Scenario) -> None:
    scenario = example
    group = cohorts.create_cohort(db, "一班")
    inside = roleplays.add_trainee(db, "甲", group)
    outside = roleplays.add_trainee(db, "乙")
    play(db, inside, scenario, [0, 1])  # calmed her, then over-promised
    play(db, inside, scenario, [0, 1])
    play(db, inside, scenario, [1])  # argued: she walked out
    play(db, outside, scenario, [0, 0])  # the best path
    unfinished = roleplays.start_roleplay(db, outside, scenario)
    roleplays.record_choice(db, unfinished, 0)  # stopped at "checked": still counts
    roleplays.start_roleplay(db, outside, scenario)  # nothing chosen yet: not a path
    edited = scenario.model_copy(update={"version": 2})
    play(db, outside, edited, [0, 0])  # another version

    everyone = statistics.roleplay_choice_report(db, scenario)
    assert (everyone.paths, everyone.other_versions) == (5, 1)
    opening, checked = everyone.nodes
    assert (opening.node_id, opening.reached) == ("opening", 5)
    assert [c.taken for c in opening.choices] == [4, 1] and not opening.goes_wrong
    assert (checked.reached, [c.taken for c in checked.choices]) == (3, [1, 2])
    assert checked.goes_wrong and everyone.wrong_nodes == ("checked",)

    cohort = statistics.roleplay_choice_report(db, scenario, group)
    assert (cohort.paths, cohort.other_versions) == (3, 0)
    assert [c.share for c in cohort.nodes[1].choices] == pytest.approx([0.0, 1.0])

    newer = statistics.roleplay_choice_report(db, edited)
    assert (newer.paths, newer.other_versions) == (1, 5)
