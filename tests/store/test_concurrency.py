"""Four processes at once on every read-then-write path, on SQLite and on PostgreSQL.

Real processes, not threads: each has its own engine and connections, as four laptops
pointed at one database do. They start every round together (a file barrier), so the
first statements of their transactions overlap as closely as the machine allows.
What each process acknowledged (a call that returned) must be in the database at the
end, and nothing may fail: before the write lock took PostgreSQL too, these lost
updates, raised unique violations on the snapshot and the answer, and three of four
first migrations failed; SQLite failed "database is locked" on migrations.
"""

import json
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, func, select

from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.services import audit, candidates, selftests
from cs_trainer.services.app_settings import get_setting
from cs_trainer.services.candidates import NewCandidate
from cs_trainer.store.database import Database
from cs_trainer.store.migrate import alembic_config, current_revision
from cs_trainer.store.models import Attempt, Decision, InstrumentSnapshot, Person, Response

WORKERS = ("a", "b", "c", "d")

WORKER = textwrap.dedent(
    """
    import json, sys, time
    from pathlib import Path

    task, url, name, rounds, folder = sys.argv[1:6]
    rounds, folder = int(rounds), Path(folder)
    extra = json.loads(sys.argv[6])
    acknowledged = []

    def together(step):
        (folder / f"{step}-{name}").touch()
        deadline = time.monotonic() + 60
        while not all((folder / f"{step}-{other}").exists() for other in extra["workers"]):
            if time.monotonic() > deadline:
                sys.exit(f"the others never reached {step}")
            time.sleep(0.002)

    together("ready")
    from cs_trainer.store.database import Database

    if task == "open":
        Database.open(url).dispose()
        print(json.dumps(["opened"]))
        sys.exit(0)
    db = Database.open(url)
    from cs_trainer.services import app_settings, selftests
    from cs_trainer.store.snapshots import keep_snapshot

    for round_ in range(rounds):
        together(f"round{round_}")
        if task == "start":
            acknowledged.append(selftests.start_selftest(db, extra["person"], "self", name))
        elif task == "answer":
            value = 1 + (round_ * 4 + "abcd".index(name)) % 10
            selftests.record_answer(db, extra["attempt"], extra["item"], value)
            acknowledged.append(value)
        elif task == "snapshot":
            with db.writing() as session:
                keep_snapshot(session, f"{round_:064d}", "race", 1, {"round": round_})
            acknowledged.append(round_)
        elif task == "settings":
            app_settings.set_setting(db, f"race-{name}", str(round_))
            app_settings.set_setting(db, "race-shared", f"{name}{round_}")
            acknowledged.append(f"{name}{round_}")
        elif task == "decide":
            from cs_trainer.services import pipeline

            decision = ("hire", "hold")[round_ % 2]
            try:
                pipeline.decide(db, extra["person"], decision, name, name, seen_version=round_)
                acknowledged.append([round_, name])
            except pipeline.StaleRecordError:
                pass
        elif task in ("rate", "cohort", "setting"):
            from cs_trainer.services import cohorts, interviews
            from cs_trainer.services.versions import StaleRecordError

            try:  # every process saves from the round's version: one may pass
                if task == "rate":
                    score = 1 + "abcd".index(name)
                    interviews.rate(db, extra["attempt"], extra["item"], score, name, None, round_)
                elif task == "cohort":
                    trainee = extra["trainees"][name][round_]
                    cohorts.add_members(db, extra["cohort"], [trainee], seen_version=round_)
                else:
                    value = f"{name}{round_}"  # an unchanged value would be no change
                    app_settings.set_setting(db, "race-versioned", value, seen_version=round_)
                acknowledged.append([round_, name])
            except StaleRecordError:
                pass
    db.dispose()
    print(json.dumps(acknowledged))
    """
)


def _race(task: str, url: str, folder: Path, rounds: int, **extra: object) -> list[list[object]]:
    """Run the task in four processes at once; return what each acknowledged."""
    folder.mkdir(parents=True, exist_ok=True)
    arguments = json.dumps({"workers": WORKERS, **extra})
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, task, url, name, str(rounds), str(folder), arguments],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in WORKERS
    ]
    try:
        outputs = [process.communicate(timeout=120) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()
    for process, (_out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
        assert "Traceback" not in err, err
    return [json.loads(out.strip().splitlines()[-1]) for out, _err in outputs]


def _person(db: Database) -> int:
    return candidates.add_candidate(db, NewCandidate("并发甲", "13800138000", "客服专员", True))


def _flat(acknowledged: Sequence[Sequence[object]]) -> list[object]:
    return [value for each in acknowledged for value in each]


@pytest.mark.slow
def test_four_processes_starting_attempts_lose_none(db: Database, tmp_path: Path) -> None:
    person = _person(db)  # the snapshot is not stored yet: the first round races on it
    ids = _flat(_race("start", db.url, tmp_path, rounds=5, person=person))
    assert len(ids) == len(set(ids)) == 20
    with db.reading() as session:
        stored = session.scalars(select(Attempt.id).where(Attempt.person_id == person)).all()
        assert set(stored) == set(ids)
        assert session.scalar(select(func.count()).select_from(InstrumentSnapshot)) == 1
    assert audit.verify(db).rows > 0  # raises if two writers forked the chain


@pytest.mark.slow
def test_four_processes_answering_the_same_item_keep_one_answer(
    db: Database, tmp_path: Path
) -> None:
    person = _person(db)
    attempt = selftests.start_selftest(db, person, "self", "HR")
    item = service_potential().instrument.items[0].id
    values = _flat(_race("answer", db.url, tmp_path, rounds=8, attempt=attempt, item=item))
    with db.reading() as session:
        answers = session.scalars(select(Response).where(Response.attempt_id == attempt)).all()
    assert len(answers) == 1
    assert answers[0].item_id == item
    assert answers[0].value in values
    assert audit.verify(db).rows >= len(values)  # the chain took every answer in turn


@pytest.mark.slow
def test_four_processes_inserting_the_same_snapshot_store_it_once(
    db: Database, tmp_path: Path
) -> None:
    rounds = 8
    _race("snapshot", db.url, tmp_path, rounds=rounds)
    with db.reading() as session:
        hashes = session.scalars(
            select(InstrumentSnapshot.content_hash).where(
                InstrumentSnapshot.instrument_id == "race"
            )
        ).all()
    assert sorted(hashes) == [f"{round_:064d}" for round_ in range(rounds)]


@pytest.mark.slow
def test_four_processes_saving_settings_lose_no_update(db: Database, tmp_path: Path) -> None:
    rounds = 6
    written = _flat(_race("settings", db.url, tmp_path, rounds=rounds))
    for name in WORKERS:
        assert get_setting(db, f"race-{name}") == str(rounds - 1)
    assert get_setting(db, "race-shared") in written
    assert audit.verify(db).rows > 0  # raises if two writers forked the chain


@pytest.mark.slow
def test_four_processes_deciding_from_one_version_save_exactly_one(
    db: Database, tmp_path: Path
) -> None:
    person = _person(db)  # version 0; each round every process decides from the round's
    rounds = 6
    acknowledged = _flat(_race("decide", db.url, tmp_path, rounds=rounds, person=person))
    won = [(int(str(pair[0])), str(pair[1])) for pair in acknowledged if isinstance(pair, list)]
    assert sorted(round_ for round_, _name in won) == list(range(rounds))  # one per round
    with db.reading() as session:
        stored = session.scalars(
            select(Decision.reason).where(Decision.person_id == person).order_by(Decision.id)
        ).all()
        assert stored == [name for _round, name in sorted(won)]
        assert session.scalar(select(Person.version).where(Person.id == person)) == rounds


def _one_winner_a_round(acknowledged: list[list[object]], rounds: int) -> list[tuple[int, str]]:
    """Who saved in each round, once it is shown that exactly one process did."""
    pairs = [pair for pair in _flat(acknowledged) if isinstance(pair, list)]
    won = [(int(str(pair[0])), str(pair[1])) for pair in pairs]
    assert sorted(round_ for round_, _name in won) == list(range(rounds))
    return sorted(won)


@pytest.mark.slow
def test_four_processes_rating_from_one_version_save_exactly_one(
    db: Database, tmp_path: Path
) -> None:
    from cs_trainer.quizzes.interview_content import builtin_bank
    from cs_trainer.quizzes.interview_schema import PlanItemRef
    from cs_trainer.services import interviews, plans

    bank = builtin_bank().content
    refs = [PlanItemRef(kind="question", bank=bank.id, id=bank.questions[0].id)]
    plan = plans.save_plan(db, "并发面试", "客服专员", refs, "王经理")
    attempt = interviews.start_interview(db, _person(db), plan, "王经理")
    item, rounds = bank.questions[0].id, 6
    won = _one_winner_a_round(
        _race("rate", db.url, tmp_path, rounds=rounds, attempt=attempt, item=item), rounds
    )
    saved = interviews.load_interview(db, attempt)
    last = won[-1][1]  # the last round's winner wrote what is saved, and nobody after it
    assert saved.ratings[item] == interviews.ItemRating(1 + "abcd".index(last), last, {})
    assert saved.versions[item] == rounds


@pytest.mark.slow
def test_four_processes_adding_to_a_cohort_from_one_version_save_exactly_one(
    db: Database, tmp_path: Path
) -> None:
    from cs_trainer.services import cohorts, roleplays

    cohort, rounds = cohorts.create_cohort(db, "并发班"), 6
    trainees = {
        name: [roleplays.add_trainee(db, f"{name}{round_}") for round_ in range(rounds)]
        for name in WORKERS
    }
    won = _one_winner_a_round(
        _race("cohort", db.url, tmp_path, rounds=rounds, cohort=cohort, trainees=trainees),
        rounds,
    )
    members = {m.name for m in cohorts.members(db, cohort)}
    assert members == {f"{name}{round_}" for round_, name in won}  # the refused added none
    assert cohorts.get_cohort(db, cohort).version == rounds


@pytest.mark.slow
def test_four_processes_saving_a_setting_from_one_version_save_exactly_one(
    db: Database, tmp_path: Path
) -> None:
    from cs_trainer.services import app_settings

    rounds = 6
    won = _one_winner_a_round(_race("setting", db.url, tmp_path, rounds=rounds), rounds)
    last_round, last = won[-1]
    assert app_settings.read_setting(db, "race-versioned") == app_settings.StoredSetting(
        f"{last}{last_round}", rounds
    )


@pytest.mark.slow
def test_four_processes_opening_a_new_database_all_succeed(
    database_url: str, tmp_path: Path
) -> None:
    _race("open", database_url, tmp_path / "first", rounds=0)
    database = Database(database_url)
    try:
        with database.engine.connect() as connection:
            assert current_revision(connection) is not None
        assert "people" in database.table_names()
    finally:
        database.dispose()


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_four_processes_opening_an_older_file_all_succeed(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0003")
    engine.dispose()
    url = f"sqlite:///{path}"
    _race("open", url, tmp_path / "barrier", rounds=0)
    database = Database.open(url)
    try:
        with database.engine.connect() as connection:
            head = current_revision(connection)
        assert head is not None and head > "0003"
    finally:
        database.dispose()


def test_the_barrier_refuses_a_worker_that_fails(db: Database, tmp_path: Path) -> None:
    """The harness itself: a failing worker fails the race instead of passing quietly."""
    with pytest.raises(AssertionError):
        _race("answer", db.url, tmp_path, rounds=1, attempt=424242, item="nope")
