"""Progress over time, skills from role-plays, weakest situations and the cohort table."""

import pytest

from cs_trainer.scenarios import runner
from cs_trainer.services import cohorts, progress, roleplays
from cs_trainer.store.database import Database


@pytest.fixture
def library() -> roleplays.Library:
    return roleplays.load_scenarios()


def _play(
    db: Database,
    person: int,
    library: roleplays.Library,
    scenario_id: str,
    choices: list[int] | None = None,
) -> int:
    scenario = library.get(scenario_id)
    attempt = roleplays.start_roleplay(db, person, scenario)
    path = choices if choices is not None else [s.choice for s in runner.best_path(scenario).path]
    for choice in path:
        progress_state = roleplays.record_choice(db, attempt, choice)
        if progress_state.finished:
            break
    return attempt


def _worst_choices(library: roleplays.Library, scenario_id: str) -> list[int]:
    """Always the lowest-scoring choice: a play that ends badly."""
    scenario = library.get(scenario_id)
    state, choices = runner.start(scenario), []
    while not runner.is_finished(scenario, state):
        node = scenario.node(state.node)
        worst = min(range(len(node.choices)), key=lambda i: sum(node.choices[i].scores.values()))
        choices.append(worst)
        state = runner.choose(scenario, state, worst)
    return choices


def test_the_timeline_puts_role_plays_on_one_percentage_scale(
    db: Database, library: roleplays.Library
) -> None:
    trainee = roleplays.add_trainee(db, "小王")
    _play(db, trainee, library, "complete_complaint", _worst_choices(library, "complete_complaint"))
    _play(db, trainee, library, "complete_complaint")
    first, second = progress.trainee_timeline(db, trainee)
    assert second.percent == 100.0 and second.raw.split(" / ")[0] == second.raw.split(" / ")[1]
    assert first.percent < 50 and first.at <= second.at
    assert first.key == "roleplay:complete_complaint"
    [weakest] = progress.weakest_situations(db, trainee)
    assert weakest.best_percent == 100.0


def test_skill_profile_and_weakest_skills(db: Database, library: roleplays.Library) -> None:
    trainee = roleplays.add_trainee(db, "小李")
    _play(db, trainee, library, "complete_complaint", _worst_choices(library, "complete_complaint"))
    profile = {s.skill: s for s in progress.skill_profile(db, trainee)}
    practised = [s for s in profile.values() if s.plays]
    assert practised and all(s.percent is not None and s.percent < 100 for s in practised)
    assert set(progress.weakest_skills(profile.values())) <= {s.skill for s in practised}


def test_cohort_table_has_latest_and_best_per_member(
    db: Database, library: roleplays.Library
) -> None:
    cohort = cohorts.create_cohort(db, "2026年11月新员工班")
    a = roleplays.add_trainee(db, "小王", cohort)
    b = roleplays.add_trainee(db, "小李", cohort)
    roleplays.add_trainee(db, "别的班", None)
    _play(db, a, library, "type_rational")
    _play(db, a, library, "type_rational", _worst_choices(library, "type_rational"))
    _play(db, b, library, "type_rational", _worst_choices(library, "type_rational"))
    table = progress.cohort_table(db, cohort)
    assert [key for key, _title in table.instruments] == ["roleplay:type_rational"]
    rows = {row.name: row for row in table.rows}
    assert set(rows) == {"小王", "小李"}
    cell = rows["小王"].cells["roleplay:type_rational"]
    assert (
        cell.best == 100.0 and cell.latest is not None and cell.latest < 100 and cell.attempts == 2
    )
    assert rows["小李"].cells["roleplay:type_rational"].attempts == 1
    profile = progress.cohort_skill_profile(db, cohort)
    assert any(s.percent is not None for s in profile)
    from datetime import date, timedelta

    assert (
        progress.cohort_table(db, cohort, since=date.today() + timedelta(days=1)).instruments == []
    )


def test_practise_next_suggests_unmastered_scenarios_for_the_weakest_skills(
    db: Database, library: roleplays.Library
) -> None:
    trainee = roleplays.add_trainee(db, "小张")
    fresh = progress.practise_next(db, trainee, library, limit=2)
    easiest = min(loaded.scenario.difficulty for loaded in library.scenarios)
    assert fresh.skills == [] and len(fresh.scenario_ids) == 2
    assert all(library.get(s).difficulty == easiest for s in fresh.scenario_ids)

    _play(db, trainee, library, "complete_complaint", _worst_choices(library, "complete_complaint"))
    _play(db, trainee, library, "type_rational")
    advice = progress.practise_next(db, trainee, library, limit=5)
    assert advice.skills == progress.weakest_skills(progress.skill_profile(db, trainee))
    assert advice.skills and advice.scenario_ids
    assert "type_rational" not in advice.scenario_ids  # already at 100 %
    for scenario_id in advice.scenario_ids:
        assert set(advice.skills) & set(roleplays.skills_scored(library.get(scenario_id)))


def test_date_filters_use_local_calendar_days(monkeypatch: pytest.MonkeyPatch) -> None:
    """An attempt at 07:00 in Beijing is stored as 23:00 UTC the day before; filtering by
    the local day must still find it on its local day."""
    import time as time_module
    from datetime import date, datetime

    from cs_trainer.services.clock import utc_end_of, utc_start_of

    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time_module.tzset()
    try:
        assert utc_start_of(date(2026, 11, 28)) == datetime(2026, 11, 27, 16, 0)
        assert utc_end_of(date(2026, 11, 28)).replace(microsecond=0) == datetime(
            2026, 11, 28, 15, 59, 59
        )
    finally:
        monkeypatch.delenv("TZ")
        time_module.tzset()
