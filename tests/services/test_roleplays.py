"""Role-play attempts: every choice committed, resumed by replay, best scores per trainee."""

import re
from pathlib import Path

import pytest

from cs_trainer.errors import NotFoundError, UserError
from cs_trainer.scenarios.schema import Scenario
from cs_trainer.services import roleplays
from cs_trainer.store.database import Database

DOC = Path(__file__).resolve().parents[2] / "docs" / "authoring.md"


@pytest.fixture
def library(tmp_path: Path) -> roleplays.Library:
    match = re.search(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert match
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "example.yaml").write_text(match.group(1), encoding="utf-8")
    (folder / "broken.yaml").write_text("kind: roleplay\nid: [\n", encoding="utf-8")
    return roleplays.load_scenarios(extra=[folder])


@pytest.fixture
def example(library: roleplays.Library) -> Scenario:
    return library.get("example_late_parcel")


@pytest.fixture
def trainee(db: Database) -> int:
    return roleplays.add_trainee(db, "小王")


def test_the_library_adds_extra_folders_and_reports_broken_files(
    library: roleplays.Library,
) -> None:
    assert "example_late_parcel" in {s.scenario.id for s in library.scenarios}
    assert any("broken.yaml:" in problem for problem in library.problems)
    with pytest.raises(NotFoundError):
        library.get("no_such_scenario")


def test_each_choice_is_committed_and_an_ending_closes_the_attempt(
    db: Database, trainee: int, example: Scenario
) -> None:
    attempt = roleplays.start_roleplay(db, trainee, example)
    progress = roleplays.record_choice(db, attempt, 0)
    assert (progress.state.node, progress.finished) == ("checked", False)
    other = Database(db.url)
    try:
        seen = roleplays.load_roleplay(other, attempt)
    finally:
        other.dispose()
    assert seen.state == progress.state, "a second process sees the choice at once"
    done = roleplays.record_choice(db, attempt, 0)
    assert done.finished and done.state.node == "resolved" and done.state.total == 9
    with pytest.raises(UserError, match="over"):
        roleplays.record_choice(db, attempt, 0)
    assert roleplays.best_scores(db, trainee) == {"example_late_parcel": 9}


def test_an_interrupted_attempt_resumes_where_it_stopped(
    db: Database, trainee: int, example: Scenario
) -> None:
    attempt = roleplays.start_roleplay(db, trainee, example)
    roleplays.record_choice(db, attempt, 0)
    [unfinished] = roleplays.unfinished_roleplays(db, trainee)
    assert unfinished.attempt_id == attempt and unfinished.state.node == "checked"
    assert roleplays.record_choice(db, attempt, 1).state.node == "escalated"
    assert roleplays.unfinished_roleplays(db, trainee) == []


def test_best_score_keeps_the_best_of_several_tries(
    db: Database, trainee: int, example: Scenario
) -> None:
    for choices in ([1], [0, 0], [0, 1]):
        attempt = roleplays.start_roleplay(db, trainee, example)
        for choice in choices:
            roleplays.record_choice(db, attempt, choice)
    assert roleplays.best_scores(db, trainee) == {"example_late_parcel": 9}
    assert [p.finished for p in roleplays.roleplays_of(db, trainee)] == [True, True, True]


def test_trainees_and_bad_requests(db: Database, trainee: int, example: Scenario) -> None:
    assert [t.name for t in roleplays.list_trainees(db)] == ["小王"]
    with pytest.raises(UserError, match="name is required"):
        roleplays.add_trainee(db, "  ")
    with pytest.raises(NotFoundError):
        roleplays.start_roleplay(db, 999, example)
    attempt = roleplays.start_roleplay(db, trainee, example)
    with pytest.raises(UserError, match="no choice 5"):
        roleplays.record_choice(db, attempt, 4)
    assert roleplays.load_roleplay(db, attempt).state.path == ()


def test_the_end_review_compares_paths_and_names_the_weakest_skill(
    library: roleplays.Library, example: Scenario
) -> None:
    from cs_trainer.scenarios import runner

    over_promised = runner.replay(example, [0, 1])
    best = runner.best_path(example)
    rows = roleplays.compare_paths(example, over_promised, best)
    assert [row.differs for row in rows] == [False, True]
    assert rows[1].taken is not None and rows[1].taken.scores == {"solution": 1, "authority": -3}
    assert rows[1].best is example.node("checked").choices[0]
    # authority: best 0, taken −3 → the largest shortfall of all skills
    assert roleplays.weakest_skills(example, over_promised) == ["authority"]
    assert roleplays.weakest_skills(example, best) == []
    walked_off = runner.replay(example, [1])
    short = roleplays.compare_paths(example, walked_off, best)
    assert len(short) == 2 and short[1].taken is None and short[1].differs


def test_practise_next_suggests_other_scenarios_training_the_weak_skill(
    library: roleplays.Library, example: Scenario
) -> None:
    from cs_trainer.scenarios import runner

    advice = roleplays.practise_next(library, example, runner.replay(example, [0, 1]))
    assert advice.skills == ["authority"]
    assert example.id not in advice.scenario_ids
    assert advice.scenario_ids, "the shipped library trains staying within one's authority"
    for scenario_id in advice.scenario_ids:
        assert "authority" in roleplays.skills_scored(library.get(scenario_id))
    flawless = roleplays.practise_next(library, example, runner.best_path(example))
    assert flawless.skills == []
    assert all(library.get(s).difficulty >= example.difficulty for s in flawless.scenario_ids)
