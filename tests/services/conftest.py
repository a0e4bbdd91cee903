"""Fixtures for the services tests: a migrated SQLite database in a temporary folder."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from cs_trainer.store.database import Database


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cs_trainer.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(str(db_path))
    yield database
    database.dispose()
