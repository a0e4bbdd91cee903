"""Fixtures every test may use: a private data folder and a fresh migrated database.

No test ever touches the user's real database: the data folder and the
``CS_TRAINER_DATABASE`` variable are redirected for every test.

The migrations run once per session, into a template file; each test's ``db`` is a
copy of it. Tests that test migrating open their own file (``db_path`` alone is a
path where nothing exists yet).

The plugins in ``tests/helpers/`` are registered here (``tests/`` is not a package
and pytest imports it with ``--import-mode=importlib``, so they are loaded by path).
"""

import importlib.util
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from types import ModuleType

import pytest
from argon2 import PasswordHasher

from cs_trainer.services import accounts
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.store.database import DATABASE_ENV, Database

HELPERS = Path(__file__).with_name("helpers")
DATABASE_NAME = "cs_trainer.sqlite3"


def _load_helper(name: str) -> ModuleType:
    module_name = f"cs_trainer_tests_helpers.{name}"
    spec = importlib.util.spec_from_file_location(module_name, HELPERS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_load_helper("logfail"), "cs_trainer_logfail")


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
def db(db_path: Path, migrated_template: Path) -> Iterator[Database]:
    shutil.copyfile(migrated_template, db_path)
    database = Database.open(str(db_path))  # already at the newest revision: no migration
    yield database
    database.dispose()


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
