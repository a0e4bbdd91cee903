"""Storage: migrations, schema drift, SQLite settings, round trips, bad files, two processes."""

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from cs_trainer.errors import DatabaseProblemError
from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.store.database import (
    BUSY_TIMEOUT_MS,
    DATABASE_ENV,
    Database,
    default_database_path,
    resolve_database_url,
)
from cs_trainer.store.migrate import alembic_config, current_revision
from cs_trainer.store.models import (
    AppSetting,
    Attempt,
    Base,
    InstrumentSnapshot,
    Person,
    Response,
)

MODEL_TABLES = {
    "people",
    "instrument_snapshots",
    "attempts",
    "responses",
    "app_settings",
    "interview_plans",
    "imported_banks",
    "pipeline_events",
    "decisions",
    "cohorts",
    "reception_entries",
    "accounts",
    "audit_events",
    "audit_personal_values",
    "change_counters",
}


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def revision_of(db: Database) -> str | None:
    with db.engine.connect() as connection:
        return current_revision(connection)


def dump(path: Path) -> list[str]:
    """Every statement needed to rebuild the file's schema and rows (to compare contents)."""
    with closing(sqlite3.connect(path)) as connection:
        return list(connection.iterdump())


def folder_listing(folder: Path) -> dict[str, bytes]:
    return {child.name: child.read_bytes() for child in folder.iterdir() if child.is_file()}


# --- migrations ---------------------------------------------------------------------------


def test_migrating_an_empty_database_creates_every_table_and_stamps_head(db_path: Path) -> None:
    assert not db_path.exists()
    db = Database.open(str(db_path))
    try:
        assert db_path.is_file()
        tables = set(db.table_names())
        assert set(Base.metadata.tables) == MODEL_TABLES
        assert tables == MODEL_TABLES | {"alembic_version"}
        assert revision_of(db) == head_revision()
    finally:
        db.dispose()


def test_an_empty_file_is_migrated_like_a_new_database(db_path: Path) -> None:
    db_path.write_bytes(b"")
    db = Database.open(str(db_path))
    try:
        assert set(db.table_names()) == MODEL_TABLES | {"alembic_version"}
        assert revision_of(db) == head_revision()
    finally:
        db.dispose()


def test_migrating_twice_is_harmless(db: Database) -> None:
    with db.writing() as session:
        session.add(AppSetting(key="organisation", value="某某客服中心"))
    db.migrate()
    again = Database.open(db.url)
    try:
        again.migrate()
        assert revision_of(again) == head_revision()
        with again.reading() as session:
            setting = session.get(AppSetting, "organisation")
            assert setting is not None
            assert setting.value == "某某客服中心"
            versions = session.execute(text("SELECT version_num FROM alembic_version")).all()
        assert versions == [(head_revision(),)]
        assert set(again.table_names()) == MODEL_TABLES | {"alembic_version"}
    finally:
        again.dispose()


def test_downgrade_to_base_and_upgrade_again(db: Database) -> None:
    with db.engine.begin() as connection:
        command.downgrade(alembic_config(connection), "base")
    assert set(db.table_names()) == {"alembic_version"}
    assert revision_of(db) is None
    db.migrate()
    assert set(db.table_names()) == MODEL_TABLES | {"alembic_version"}
    assert revision_of(db) == head_revision()


def schema_differences(connection: Connection, metadata: MetaData) -> list[object]:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "compare_server_default": True}
    )
    return list(compare_metadata(context, metadata))


def test_models_and_migrated_schema_do_not_drift(db: Database) -> None:
    with db.engine.connect() as connection:
        assert schema_differences(connection, Base.metadata) == []


def test_the_drift_check_would_notice_a_difference(db: Database) -> None:
    """A column the migrations lack shows up, so the test above can fail."""
    changed = MetaData()
    for table in Base.metadata.sorted_tables:
        table.to_metadata(changed)
    changed.tables["people"].append_column(Column("email_verified", Integer, nullable=True))
    with db.engine.connect() as connection:
        differences = schema_differences(connection, changed)
    assert len(differences) == 1
    assert differences[0][0] == "add_column"  # type: ignore[index]


# --- SQLite settings ----------------------------------------------------------------------


def pragmas(connection: Connection) -> tuple[str, int, int]:
    return (
        connection.exec_driver_sql("PRAGMA journal_mode").scalar_one(),
        connection.exec_driver_sql("PRAGMA foreign_keys").scalar_one(),
        connection.exec_driver_sql("PRAGMA busy_timeout").scalar_one(),
    )


@pytest.mark.sqlite_only
def test_pragmas_are_in_force_on_every_connection(db: Database) -> None:
    with db.engine.connect() as a, db.engine.connect() as b, db.engine.connect() as c:
        raw = {id(conn.connection.dbapi_connection) for conn in (a, b, c)}
        assert len(raw) == 3  # three separate SQLite connections
        for connection in (a, b, c):
            journal, foreign_keys, busy = pragmas(connection)
            assert journal.lower() == "wal"
            assert foreign_keys == 1
            assert busy > 0
            assert busy == BUSY_TIMEOUT_MS
    with db.reading() as session:
        assert pragmas(session.connection())[1:] == (1, BUSY_TIMEOUT_MS)
    with db.writing() as session:
        assert pragmas(session.connection())[1:] == (1, BUSY_TIMEOUT_MS)
    db.dispose()  # fresh connections after the pool is emptied get them too
    with db.engine.connect() as connection:
        assert pragmas(connection)[1:] == (1, BUSY_TIMEOUT_MS)


@pytest.mark.sqlite_only
def test_the_file_itself_is_in_wal_mode(db: Database, db_path: Path) -> None:
    with closing(sqlite3.connect(db_path)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal"


def make_person(name: str = "张三") -> Person:
    return Person(
        kind="candidate",
        name=name,
        phone="13800138000",
        position="客服专员",
        created_at=datetime(2026, 11, 28, 9, 30, 15, 123456),
        consent_at=datetime(2026, 11, 28, 9, 30, 15, 123456),
        consent_version="2026-11-v1",
    )


def make_snapshot() -> InstrumentSnapshot:
    loaded = service_potential()
    return InstrumentSnapshot(
        content_hash=loaded.content_hash,
        instrument_id=loaded.instrument.id,
        version=loaded.instrument.version,
        body=loaded.instrument.model_dump(mode="json"),
    )


def make_attempt(person_id: int, content_hash: str) -> Attempt:
    return Attempt(
        person_id=person_id,
        instrument_id="service_potential",
        content_hash=content_hash,
        mode="self",
        conducted_by="李四",
        started_at=datetime(2026, 11, 28, 10, 0, 0, 1),
        status="in_progress",
    )


def test_a_foreign_key_violation_is_refused(db: Database) -> None:
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"), db.writing() as session:
        session.add(make_attempt(person_id=4242, content_hash="no-such-snapshot"))
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"), db.writing() as session:
        session.add(
            Response(attempt_id=999, item_id="emotions", value=5, answered_at=datetime.now())
        )
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Attempt)) == 0
        assert session.scalar(select(func.count()).select_from(Response)) == 0


def test_deleting_an_attempt_cascades_to_its_responses(db: Database) -> None:
    with db.writing() as session:
        person, snapshot = make_person(), make_snapshot()
        session.add_all([person, snapshot])
        session.flush()
        attempt = make_attempt(person.id, snapshot.content_hash)
        session.add(attempt)
        session.flush()
        session.add(
            Response(attempt_id=attempt.id, item_id="emotions", value=5, answered_at=datetime.now())
        )
        attempt_id = attempt.id
    with pytest.raises(IntegrityError, match=r"(?i)foreign key"), db.writing() as session:
        session.execute(text("DELETE FROM people"))
    with db.writing() as session:
        session.execute(text("DELETE FROM attempts WHERE id = :id"), {"id": attempt_id})
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Response)) == 0


def test_storage_round_trip(db: Database, db_path: Path) -> None:
    item_ids = [item.id for item in service_potential().instrument.items]
    answers = dict(zip(item_ids, range(1, 11), strict=True))
    with db.writing() as session:
        person, snapshot = make_person(), make_snapshot()
        session.add_all([person, snapshot])
        session.flush()
        attempt = make_attempt(person.id, snapshot.content_hash)
        attempt.status = "finished"
        attempt.finished_at = datetime(2026, 11, 28, 10, 5, 59, 999999)
        attempt.total = 55
        attempt.band = "learn_communication"
        attempt.group_scores = {"psychological": 12, "character": 8, "overall": 4, "skills": 31}
        session.add(attempt)
        session.flush()
        for item_id, value in answers.items():
            session.add(
                Response(
                    attempt_id=attempt.id,
                    item_id=item_id,
                    value=value,
                    answered_at=datetime(2026, 11, 28, 10, 1, value),
                )
            )
        person_id, attempt_id = person.id, attempt.id

    other = Database(db.url)  # a second engine: sees only what was committed
    try:
        with other.reading() as session:
            stored = session.get(Person, person_id)
            assert stored is not None
            person = stored
            assert (person.kind, person.name, person.phone, person.position) == (
                "candidate",
                "张三",
                "13800138000",
                "客服专员",
            )
            assert person.created_at == datetime(2026, 11, 28, 9, 30, 15, 123456)
            assert person.consent_at == datetime(2026, 11, 28, 9, 30, 15, 123456)
            assert person.consent_version == "2026-11-v1"
            [attempt] = person.attempts
            assert attempt.id == attempt_id
            assert attempt.snapshot.body == service_potential().instrument.model_dump(mode="json")
            assert attempt.snapshot.content_hash == service_potential().content_hash
            assert (attempt.mode, attempt.conducted_by, attempt.status) == (
                "self",
                "李四",
                "finished",
            )
            assert attempt.started_at == datetime(2026, 11, 28, 10, 0, 0, 1)
            assert attempt.finished_at == datetime(2026, 11, 28, 10, 5, 59, 999999)
            assert (attempt.total, attempt.band) == (55, "learn_communication")
            assert attempt.group_scores == {
                "psychological": 12,
                "character": 8,
                "overall": 4,
                "skills": 31,
            }
            assert {r.item_id: r.value for r in attempt.responses} == answers
            assert [r.answered_at.second for r in attempt.responses] == list(range(1, 11))
    finally:
        other.dispose()


def test_one_answer_per_item_and_attempt(db: Database) -> None:
    with db.writing() as session:
        person, snapshot = make_person(), make_snapshot()
        session.add_all([person, snapshot])
        session.flush()
        attempt = make_attempt(person.id, snapshot.content_hash)
        session.add(attempt)
        session.flush()
        attempt_id = attempt.id
    now = datetime.now()
    with pytest.raises(IntegrityError, match=r"(?i)unique"), db.writing() as session:
        session.add(Response(attempt_id=attempt_id, item_id="smiling", value=5, answered_at=now))
        session.add(Response(attempt_id=attempt_id, item_id="smiling", value=6, answered_at=now))


# --- where the database is ----------------------------------------------------------------


def test_database_option_beats_environment_beats_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    default = tmp_path / "xdg" / "cs_trainer" / "cs_trainer.sqlite3"
    assert default_database_path() == default
    assert resolve_database_url() == f"sqlite:///{default}"
    assert resolve_database_url(None) == f"sqlite:///{default}"

    monkeypatch.setenv(DATABASE_ENV, str(tmp_path / "from-env.sqlite3"))
    assert resolve_database_url() == f"sqlite:///{tmp_path / 'from-env.sqlite3'}"

    option = str(tmp_path / "from-option.sqlite3")
    assert resolve_database_url(option) == f"sqlite:///{tmp_path / 'from-option.sqlite3'}"


def test_the_default_database_is_created_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    db = Database.open()
    try:
        assert (tmp_path / "xdg" / "cs_trainer" / "cs_trainer.sqlite3").is_file()
        assert revision_of(db) == head_revision()
    finally:
        db.dispose()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql+psycopg://hr:secret@db.example.org:5432/cs_trainer",
        "sqlite:////srv/shared/cs_trainer.sqlite3",
        "sqlite://",
    ],
)
def test_urls_pass_through_unchanged(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATABASE_ENV, "/somewhere/else.sqlite3")
    assert resolve_database_url(url) == url
    monkeypatch.setenv(DATABASE_ENV, url)
    assert resolve_database_url() == url


def test_relative_and_home_paths_become_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert resolve_database_url("data/cs.sqlite3") == f"sqlite:///{tmp_path / 'data/cs.sqlite3'}"
    assert resolve_database_url("~/cs.sqlite3") == f"sqlite:///{tmp_path / 'home/cs.sqlite3'}"


def test_a_folder_that_cannot_be_created_is_a_database_problem(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DatabaseProblemError, match="cannot create the folder"):
        Database.open(str(blocker / "cs_trainer.sqlite3"))


# --- damaged or foreign files are reported and left alone --------------------------------


@pytest.mark.parametrize(
    "content",
    [
        os.urandom(8192),
        "这不是数据库。This is a text file, not a database.\n".encode() * 50,
        b"SQLite format 3\x00" + os.urandom(8192 - 16),
    ],
    ids=["random-bytes", "text-file", "sqlite-header-then-garbage"],
)
def test_a_damaged_database_is_reported_and_left_unchanged(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(content)
    with pytest.raises(DatabaseProblemError) as caught:
        Database.open(str(path))
    message = str(caught.value)
    assert str(path) in message
    assert "\n" not in message
    assert path.read_bytes() == content
    assert folder_listing(tmp_path) == {"damaged.sqlite3": content}  # no -wal, -shm, copies


def test_a_refused_file_is_not_kept_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Open connections would keep the damaged file locked (on Windows) until the app exits."""
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"not a database" * 100)
    created: list[str] = []
    disposed: list[str] = []
    real_init, real_dispose = Database.__init__, Database.dispose

    def init_spy(self: Database, url: str, *args: int) -> None:
        created.append(url)
        real_init(self, url, *args)

    def spy(self: Database) -> None:
        disposed.append(self.url)
        real_dispose(self)

    monkeypatch.setattr(Database, "__init__", init_spy)
    monkeypatch.setattr(Database, "dispose", spy)
    with pytest.raises(DatabaseProblemError):
        Database.open(str(path))
    assert disposed == created  # refused before any engine exists, or disposed


def test_a_foreign_sqlite_database_is_refused_and_not_added_to(tmp_path: Path) -> None:
    path = tmp_path / "other-app.sqlite3"
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        raw.execute("INSERT INTO notes (body) VALUES ('keep me')")
        raw.commit()
    before = dump(path)
    with pytest.raises(DatabaseProblemError, match="not a cs_trainer database"):
        Database.open(str(path))
    assert dump(path) == before


def test_a_database_from_a_newer_version_is_refused_and_left_alone(db_path: Path) -> None:
    db = Database.open(str(db_path))
    with db.writing() as session:
        session.execute(text("UPDATE alembic_version SET version_num = '9999'"))
        session.add(AppSetting(key="organisation", value="总部"))
    db.dispose()
    before = dump(db_path)
    with pytest.raises(DatabaseProblemError, match="9999"):
        Database.open(str(db_path))
    assert dump(db_path) == before


def test_damage_found_after_opening_is_reported_and_left_unchanged(db_path: Path) -> None:
    """A file whose first pages are fine but later pages are corrupt: no traceback later on."""
    db = Database.open(str(db_path))
    with db.writing() as session:
        session.add_all(make_person(f"候选人{n:04d}" * 10) for n in range(4000))
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    data = bytearray(db_path.read_bytes())
    page = 4096
    assert len(data) > 120 * page
    # Spare the first pages: they hold the schema and the version table, created first.
    for offset in range(64 * page, len(data), 3 * page):
        data[offset : offset + 64] = b"\xff" * 64
    db_path.write_bytes(bytes(data))

    # Damage that appears after the open-time check (a disk failing while the app runs):
    # the Database object is made directly, as it is once Database.open checked the file.
    damaged = Database(f"sqlite:///{db_path}")
    try:
        with pytest.raises(DatabaseProblemError, match="damaged"), damaged.reading() as session:
            session.scalars(select(Person)).all()
        with pytest.raises(DatabaseProblemError, match="damaged"), damaged.writing() as session:
            session.scalars(select(Person)).all()
            session.add(AppSetting(key="organisation", value="x"))
    finally:
        damaged.dispose()
    assert db_path.read_bytes() == bytes(data)


# --- two processes ------------------------------------------------------------------------

WORKER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from cs_trainer.store.database import Database
    from cs_trainer.store.models import AppSetting

    url, name, rounds, folder = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    db = Database.open(url)
    (folder / f"ready-{name}").touch()
    deadline = time.monotonic() + 30
    while not (folder / "go").exists():
        if time.monotonic() > deadline:
            sys.exit("never told to go")
        time.sleep(0.005)
    for _ in range(rounds):
        with db.reading() as session:
            session.get(AppSetting, "counter")
        with db.writing() as session:
            row = session.get(AppSetting, "counter")
            row.value = str(int(row.value) + 1)
            session.add(AppSetting(key=f"{name}-{row.value}", value=name))
    db.dispose()
    """
)


@pytest.mark.slow
def test_two_processes_incrementing_the_same_counter(db: Database, tmp_path: Path) -> None:
    """The lost update READ COMMITTED allows on PostgreSQL without the write lock."""
    rounds = 150
    with db.writing() as session:
        session.add(AppSetting(key="counter", value="0"))
    db.dispose()
    folder = tmp_path
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, db.url, name, str(rounds), str(folder)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("a", "b")
    ]
    try:
        deadline = time.monotonic() + 30
        while not all((folder / f"ready-{name}").exists() for name in ("a", "b")):
            assert all(w.poll() is None for w in workers), "a worker died before starting"
            assert time.monotonic() < deadline, "workers did not start"
            time.sleep(0.01)
        (folder / "go").touch()
        results = [worker.communicate(timeout=60) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.communicate()
    for worker, (_out, err) in zip(workers, results, strict=True):
        assert "database is locked" not in err
        assert worker.returncode == 0, err
    with db.reading() as session:
        counter = session.get(AppSetting, "counter")
        assert counter is not None
        assert counter.value == str(2 * rounds)
        stamps = session.scalars(select(AppSetting.key).where(AppSetting.key != "counter")).all()
    # every increment saw the previous one: each counter value was taken exactly once
    assert sorted(int(key.split("-")[1]) for key in stamps) == list(range(1, 2 * rounds + 1))
    assert {key.split("-")[0] for key in stamps} == {"a", "b"}
