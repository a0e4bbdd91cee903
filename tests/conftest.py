"""Fixtures every test may use: a private data folder and a fresh migrated database.

No test ever touches the user's real database: the data folder and the
``CS_TRAINER_DATABASE`` variable are redirected for every test.
"""

from collections.abc import Iterator
from pathlib import Path

import pytest

from cs_trainer.store.database import DATABASE_ENV, Database


@pytest.fixture(autouse=True)
def private_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "cs_trainer.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = Database.open(str(db_path))
    yield database
    database.dispose()
