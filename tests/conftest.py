"""Fixtures every test may use: a private data folder and a fresh migrated database.

No test ever touches the user's real database: the data folder and the
``CS_TRAINER_DATABASE`` variable are redirected for every test.

The migrations run once per session, into a template file; each test's ``db`` is a
copy of it. Tests that test migrating open their own file (``db_path`` alone is a
path where nothing exists yet).

Storage, service and migration tests (``tests/store``, ``tests/services``, and any test
marked ``both_dialects``) run twice: on SQLite and on PostgreSQL, the server named by
``--postgresql URL`` or ``CS_TRAINER_TEST_DATABASE`` (``scripts/bootstrap.sh test``
starts one on loopback). Each PostgreSQL test gets the tables of a schema migrated once
per session, emptied before the test; ``database_url`` is a fresh, empty database on
either dialect (a new file, a new schema) for tests that migrate or start processes.
Without a server the PostgreSQL half is not collected, except under ``CI=true``, where a
missing server is an error: CI must test both.

The plugins in ``tests/helpers/`` are registered here (``tests/`` is not a package
and pytest imports it with ``--import-mode=importlib``, so they are loaded by path).
"""

import importlib.util
import os
import shutil
import sqlite3
import sys
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from types import ModuleType

import pytest
from argon2 import PasswordHasher

from cs_trainer.services import accounts
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.store.database import DATABASE_ENV, Database

TEST_DATABASE_ENV = "CS_TRAINER_TEST_DATABASE"
BOTH_DIALECTS = ("tests/store/", "tests/services/")

HELPERS = Path(__file__).with_name("helpers")
DATABASE_NAME = "cs_trainer.sqlite3"


def load_module(module_name: str, path: Path) -> ModuleType:
    """A Python file by its path: the tests run the installed package with the
    checkout off sys.path, so helpers, sibling test modules and benchmarks are loaded
    this way."""
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def _load_helper(name: str) -> ModuleType:
    return load_module(f"cs_trainer_tests_helpers.{name}", HELPERS / f"{name}.py")


SQLITE_PAGE = 4096


def flip_data_pages(path: Path) -> None:
    """Damage an SQLite file as a failing disk would: invert the b-tree headers of its
    last three pages (data, never the 100-byte file header, so SQLite still opens the
    file and only a page check finds it)."""
    data = bytearray(path.read_bytes())
    pages = len(data) // SQLITE_PAGE
    for page in range(max(1, pages - 3), pages):
        for offset in range(page * SQLITE_PAGE, page * SQLITE_PAGE + 12):
            data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    from cs_trainer.store import integrity

    assert integrity.problems(path), "the flipped pages must be damage SQLite can see"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--postgresql",
        default=os.environ.get(TEST_DATABASE_ENV, ""),
        metavar="URL",
        help="a PostgreSQL database (postgresql+psycopg://…) to run the storage tests on too",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_load_helper("logfail"), "cs_trainer_logfail")
    config.addinivalue_line(
        "markers", "both_dialects: run the test on SQLite and on PostgreSQL (see conftest)"
    )
    config.addinivalue_line(
        "markers", "sqlite_only(why): the test is about SQLite's file itself, not the data"
    )
    if os.environ.get("CI") == "true" and not config.getoption("--postgresql"):
        raise pytest.UsageError(f"CI runs the storage tests on PostgreSQL: set {TEST_DATABASE_ENV}")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``dialect`` is sqlite, and postgresql too for the storage tests when a server is given."""
    if "dialect" not in metafunc.fixturenames:
        return
    where = Path(metafunc.definition.path).as_posix()
    both = any(f"/{part}" in where for part in BOTH_DIALECTS) or (
        metafunc.definition.get_closest_marker("both_dialects") is not None
    )
    sqlite_only = metafunc.definition.get_closest_marker("sqlite_only") is not None
    dialects = ["sqlite"]
    if both and not sqlite_only and metafunc.config.getoption("--postgresql"):
        dialects.append("postgresql")
    metafunc.parametrize("dialect", dialects, scope="function")


@pytest.fixture(autouse=True)
def private_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    # The command line follows the locale: English, whatever the machine running the
    # tests is set to (tests of Chinese set the variables themselves).
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))  # the log folder


FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
"""argon2id at its lowest cost: a real hash, 1,000 times quicker than the production one."""


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(accounts, "hasher", FAST_HASHER)
    monkeypatch.delenv("CS_TRAINER_PASSWORD", raising=False)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file migrated to the newest revision, in one file (no -wal, no -shm)."""
    path = tmp_path_factory.mktemp("template") / DATABASE_NAME
    Database.open(str(path)).dispose()
    with closing(sqlite3.connect(path)) as raw:
        # Everything into the main file, which then stands alone: copies open in WAL
        # again, since every connection sets it.
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        raw.execute("PRAGMA journal_mode = DELETE")
    leftovers = sorted(p.name for p in path.parent.iterdir() if p != path)
    assert not leftovers, f"the template database is more than one file: {leftovers}"
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where this test's database is: a copy of the template once ``db`` is asked for."""
    return tmp_path / DATABASE_NAME


@pytest.fixture
def db(dialect: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    """A migrated, empty database on the test's dialect."""
    if dialect == "postgresql":
        server: PostgresSchemas = request.getfixturevalue("postgres_schemas")
        database = Database.open(server.emptied_template())  # at the newest revision
        yield database
        database.dispose()
        server.check_template()
        return
    db_path: Path = request.getfixturevalue("db_path")
    shutil.copyfile(request.getfixturevalue("migrated_template"), db_path)
    database = Database.open(str(db_path))  # already at the newest revision: no migration
    yield database
    database.dispose()


@pytest.fixture
def database_url(dialect: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """Where a new, empty database is on the test's dialect (nothing exists there yet)."""
    if dialect == "postgresql":
        server: PostgresSchemas = request.getfixturevalue("postgres_schemas")
        schema = server.new_schema()
        yield server.url_of(schema)
        server.drop(schema)
        return
    yield f"sqlite:///{request.getfixturevalue('db_path')}"


class PostgresSchemas:
    """Schemas on the test server: one migrated template, emptied for each test, and
    fresh ones for tests that need nothing there.

    Emptying (TRUNCATE) does not fire the audit trail's append-only triggers, which
    guard UPDATE and DELETE. A test that changed the template's schema itself (dropped
    a trigger to tamper with the trail, say) has it rebuilt for the next one.
    """

    def __init__(self, url: str) -> None:
        from sqlalchemy import create_engine

        self.url = url
        self.admin = create_engine(url, isolation_level="AUTOCOMMIT")
        self.template = self.new_schema()
        self._migrate_template()

    def new_schema(self) -> str:
        schema = f"test_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE SCHEMA {schema}")
        return schema

    def url_of(self, schema: str) -> str:
        from sqlalchemy.engine import make_url

        url = make_url(self.url)
        return url.update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(
            hide_password=False
        )

    def drop(self, schema: str) -> None:
        with self.admin.connect() as connection:
            connection.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    def _migrate_template(self) -> None:
        Database.open(self.url_of(self.template)).dispose()
        self.shape = self._shape()

    def _shape(self) -> tuple[int, int]:
        with self.admin.connect() as connection:
            tables = connection.exec_driver_sql(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema = %(s)s",
                {"s": self.template},
            ).scalar_one()
            triggers = connection.exec_driver_sql(
                "SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = %(s)s",
                {"s": self.template},
            ).scalar_one()
        return int(tables), int(triggers)

    def emptied_template(self) -> str:
        with self.admin.connect() as connection:
            names = connection.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = %(s)s"
                " AND tablename <> 'alembic_version'",
                {"s": self.template},
            ).scalars()
            tables = ", ".join(f"{self.template}.{name}" for name in names)
            connection.exec_driver_sql(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        return self.url_of(self.template)

    def check_template(self) -> None:
        if self._shape() != self.shape:
            self.drop(self.template)
            self.template = self.new_schema()
            self._migrate_template()

    def close(self) -> None:
        self.drop(self.template)
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres_schemas(pytestconfig: pytest.Config) -> Iterator[PostgresSchemas]:
    server = PostgresSchemas(pytestconfig.getoption("--postgresql"))
    yield server
    server.close()


PASSWORD = "correct horse battery"
"""Every account the ``every_role`` fixture makes signs in with this password."""


@pytest.fixture
def every_role(db: Database) -> dict[str, Actor]:
    """One signed-in account per role in ``db``, by role name (trainee 'trainee' has a
    trainee record of their own and PIN 2468); from now on ``db`` has accounts."""
    admin_id = accounts.add_account(db, accounts.NewAccount("admin", "管理员甲", "admin", PASSWORD))
    actors = {"admin": accounts.sign_in(db, "admin", PASSWORD)}
    assert actors["admin"].account_id == admin_id
    with acting_as(actors["admin"]):
        for role, display in (("hr", "人事乙"), ("trainer", "培训师丙"), ("trainee", "学员丁")):
            pin = "2468" if role == "trainee" else ""
            accounts.add_account(db, accounts.NewAccount(role, display, role, PASSWORD, pin))
            actors[role] = accounts.sign_in(db, role, PASSWORD)
    return actors
