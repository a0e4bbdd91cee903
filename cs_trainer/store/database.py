"""One engine per process, short sessions per user action, migrations on open.

SQLite runs with WAL, foreign keys and a busy timeout. Python's sqlite3
driver starts transactions lazily and deferred, so two processes that both
read then write can deadlock into "database is locked"; we take over
transaction control and let write sessions begin with ``BEGIN IMMEDIATE`` so a
second writer waits for the first instead of failing.
"""

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError
from sqlalchemy.orm import Session, sessionmaker

from cs_trainer.errors import DatabaseProblemError

APP_NAME = "cs_trainer"
DATABASE_ENV = "CS_TRAINER_DATABASE"
BUSY_TIMEOUT_MS = 15_000
_IMMEDIATE = "cs_trainer_begin_immediate"


def default_database_path() -> Path:
    """The database in the user's data directory, as platformdirs places it per platform."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "cs_trainer.sqlite3"


def resolve_database_url(option: str | None = None) -> str:
    """``--database`` wins, then ``CS_TRAINER_DATABASE``, then the default file.

    A value containing ``://`` is a SQLAlchemy URL; anything else is a file path.
    """
    value = option or os.environ.get(DATABASE_ENV) or str(default_database_path())
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


class Database:
    """The process's engine and its two kinds of session: reading and writing."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _create_engine(url)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        writer_engine = self.engine.execution_options(**{_IMMEDIATE: True})
        self._writer = sessionmaker(writer_engine, expire_on_commit=False)

    @classmethod
    def open(cls, option: str | None = None) -> "Database":
        """Open (creating if needed) and migrate the database the user asked for."""
        database = cls(resolve_database_url(option))
        try:
            database.migrate()
        except BaseException:
            database.dispose()  # do not keep a refused file open (and locked on Windows)
            raise
        return database

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short session for queries; nothing it does is committed."""
        with self._damage_reported(), self._reader() as session:
            yield session

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """A short session that begins immediately and commits on success."""
        with self._damage_reported(), self._writer() as session, session.begin():
            yield session

    @contextmanager
    def _damage_reported(self) -> Iterator[None]:
        """Damage found after opening (a corrupt page) is a DatabaseProblemError, not a bug."""
        try:
            yield
        except SQLAlchemyDatabaseError as exc:
            code = getattr(exc.orig, "sqlite_errorname", "")
            if not (code.startswith("SQLITE_CORRUPT") or code == "SQLITE_NOTADB"):
                raise
            raise DatabaseProblemError(
                f"the database {self.describe()} is damaged ({exc.orig}); it was left "
                "unchanged. Restore it from a backup."
            ) from exc

    def migrate(self) -> None:
        """Bring the schema to the newest revision; a damaged file is reported, not touched."""
        from alembic.util import CommandError

        from cs_trainer.store.migrate import current_revision, upgrade_to_head

        try:
            with (
                self.engine.connect() as connection,
                _foreign_keys_off(connection),
                connection.begin(),
            ):
                other_tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
                before = current_revision(connection)
                if before is None and other_tables:
                    raise DatabaseProblemError(
                        f"the database {self.describe()} holds other tables and is not a "
                        "cs_trainer database; nothing was added to it."
                    )
                upgrade_to_head(connection)
                if before is not None and current_revision(connection) != before:
                    # Only after tables were rebuilt: the check reads the whole file.
                    _require_foreign_keys_intact(connection, self.describe())
        except SQLAlchemyDatabaseError as exc:
            raise DatabaseProblemError(
                f"cannot open the database {self.describe()}: {exc.orig}. "
                "It may be damaged or not a cs_trainer database; it was left unchanged."
            ) from exc
        except CommandError as exc:  # e.g. stamped by a newer cs_trainer: unknown revision
            raise DatabaseProblemError(
                f"cannot open the database {self.describe()}: {exc}. It may have been "
                "upgraded by a newer cs_trainer; it was left unchanged."
            ) from exc

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def describe(self) -> str:
        """The database's location for messages, without any password."""
        return make_url(self.url).render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def _foreign_keys_off(connection: Connection) -> Iterator[None]:
    """Let Alembic's batch mode copy SQLite tables without cascading deletes.

    Batch mode rebuilds a table by copying it and dropping the old one; with
    foreign keys on, dropping ``attempts`` would delete every response through
    ON DELETE CASCADE. SQLite only honours the pragma outside a transaction.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    raw = connection.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        yield
    finally:
        raw.execute("PRAGMA foreign_keys = ON")


def _require_foreign_keys_intact(connection: Connection, where: str) -> None:
    """Refuse (and so roll back) a migration that left dangling references."""
    if connection.dialect.name != "sqlite":
        return
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise DatabaseProblemError(
            f"upgrading {where} would break {len(broken)} references; it was left unchanged"
        )


def _create_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if parsed.database and parsed.database != ":memory:":
        folder = Path(parsed.database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseProblemError(
                f"cannot create the folder {folder}: {exc.strerror}"
            ) from exc
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _configure_sqlite_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Take transaction control away from the driver so "begin" below decides.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(_IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
