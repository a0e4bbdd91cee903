"""One engine per process, short sessions per user action, migrations on open.

SQLite runs with WAL, foreign keys and a busy timeout. Python's sqlite3
driver starts transactions lazily and deferred, so two processes that both
read then write can deadlock into "database is locked"; we take over
transaction control and let write sessions begin with ``BEGIN IMMEDIATE`` so a
second writer waits for the first instead of failing.

PostgreSQL gets the same rule: a write session's first statement takes one
transaction-level advisory lock (:data:`WRITE_LOCK`), so writers queue one after the
other exactly as on SQLite, and every read-then-write in a write session sees what the
writer before it committed (READ COMMITTED reads a new snapshot per statement, and the
statements after the lock start after that commit). One lock instead of row locks or
serializable retries: a department's writes are a few short transactions a second, the
services stay the same code on both dialects, and no write can be lost to a path that
forgot its own lock (docs/architecture.md, "Concurrency"). Migrations take the write
lock too (SQLite: BEGIN IMMEDIATE) before they look at the schema, so any number of
processes may open a new or an old database at once: the first migrates, the others
wait and find it done.

A database file is readable by its owner only (POSIX): its folder is created 0700,
and each connection narrows the file and its -wal, -shm and -journal to 0600 if an
older version (or another umask) left them wider; SQLite gives a new -wal and -shm
the mode of the database file. An existing folder is narrowed to 0700 only if it
is the default data folder, which is cs_trainer's own; a folder the user pointed
at with ``--database`` (their home, a shared drive) is theirs, and left as it is.
"""

import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import Connection, ExceptionContext, make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from cs_trainer import changes, known_problems
from cs_trainer.errors import (
    DatabaseProblemError,
    ForeignDatabaseError,
    Message,
    NewerSchemaError,
    UserError,
)
from cs_trainer.files import FOLDER_MODE, owner_only
from cs_trainer.store import change_counters, field_limits
from cs_trainer.store.database_url import checked_url

APP_NAME = "cs_trainer"
DATABASE_ENV = "CS_TRAINER_DATABASE"
BUSY_TIMEOUT_MS = 15_000
_IMMEDIATE = "cs_trainer_begin_immediate"
WRITE_LOCK = 8262031
"""The PostgreSQL advisory lock every write session and migration holds (see the module)."""


def default_database_path() -> Path:
    """The database in the user's data directory, as platformdirs places it per platform."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "cs_trainer.sqlite3"


def resolve_database_url(option: str | None = None) -> str:
    """``--database`` wins, then ``CS_TRAINER_DATABASE``, then the default file.

    A value containing ``://`` is a SQLAlchemy URL; anything else is a file path. A value
    given is checked (:mod:`.database_url`); an empty variable counts as unset.
    """
    value = option if option is not None else os.environ.get(DATABASE_ENV) or None
    if value is None:
        return f"sqlite:///{default_database_path().expanduser().resolve()}"
    return checked_url(value)


WriteGuard = Callable[[], None]
"""Called as every write session opens; the GUI's tests use it to refuse writes made
on the GUI thread (see tests/ui/conftest.py)."""

write_guards: list[WriteGuard] = []


class Database:
    """The process's engine and its two kinds of session: reading and writing.

    Every failure the environment causes (full disk, read-only file, a lock held past
    the busy timeout, I/O error, damage) leaves a session as its own known problem
    (:mod:`cs_trainer.known_problems`); the driver's text, which may quote the
    statement, never reaches the user. Statement parameters are never printed
    (``hide_parameters``): they hold people's names and phone numbers.
    """

    def __init__(self, url: str, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        self.url = url
        self.busy_timeout_ms = busy_timeout_ms
        self.notices: list[Message] = []
        self.engine = _create_engine(url, busy_timeout_ms)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        writer_engine = self.engine.execution_options(**{_IMMEDIATE: True})
        self._writer = sessionmaker(writer_engine, expire_on_commit=False)
        event.listen(self._writer, "before_flush", field_limits.check_lengths)
        change_counters.watch_writes(self._writer)
        self._seen_changes = change_counters.SeenChanges()

    @classmethod
    def open(cls, option: str | None = None) -> "Database":
        """Open (creating if needed) and migrate the database the user asked for.

        An SQLite file is checked first, before any connection may write to it or
        switch it to WAL (:func:`cs_trainer.store.integrity.check_before_open`);
        ``notices`` then holds what the user should be told (an empty file taken as new).
        """
        url = resolve_database_url(option)
        notice = _check_sqlite_file(url)
        database = cls(url)
        database.notices = [notice] if notice is not None else []
        try:
            database.migrate()
            database.changed_elsewhere()  # what is there now is what this process has seen
        except BaseException:
            database.dispose()  # do not keep a refused file open (and locked on Windows)
            raise
        return database

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short session for queries; nothing it does is committed."""
        with self._problems_told(), self._reader() as session:
            yield session

    @contextmanager
    def writing(self, *changed: str) -> Iterator[Session]:
        """A short session that begins immediately and commits on success.

        ``changed`` names the kinds of data the write changes (:mod:`cs_trainer.changes`);
        they are reported once the commit succeeded, so a refused write announces nothing.
        """
        for guard in write_guards:
            guard()
        with self._problems_told(), self._writer() as session, session.begin():
            yield session
            counters = change_counters.bump(session, changed)
        self._seen_changes.saw(counters)  # our own write: not news to this process
        changes.record(changed)

    def changed_elsewhere(self) -> frozenset[str]:
        """The kinds of data another process changed since this one last looked."""
        with self.reading() as session:
            return self._seen_changes.saw(change_counters.read(session))

    @contextmanager
    def _problems_told(self) -> Iterator[None]:
        """A driver error the environment caused becomes its known problem; others are bugs."""
        try:
            yield
        except DBAPIError as exc:
            known = self.known_problem(exc)
            if known is None:
                raise
            raise known from exc

    def known_problem(self, exc: DBAPIError) -> UserError | None:
        """The known problem behind a driver error on this database, if it is one."""
        if getattr(exc.orig, "sqlite_errorname", "") == "SQLITE_NOTADB" and not self._is_sqlite():
            return ForeignDatabaseError(self.describe())  # a PDF, a spreadsheet, …
        return known_problems.from_driver_error(
            exc.orig, self.describe(), self.busy_timeout_ms // 1000
        )

    def _is_sqlite(self) -> bool:
        """Whether the file starts as every SQLite file does (a damaged one still does)."""
        path = make_url(self.url).database
        try:
            with open(path or "", "rb") as handle:
                return handle.read(16) == b"SQLite format 3\x00"
        except OSError:
            return True  # cannot tell: report what SQLite said

    def migrate(self) -> None:
        """Bring the schema to the newest revision; a damaged file is reported, not touched."""
        from alembic.util import CommandError

        from cs_trainer.store.migrate import current_revision, head_revision, upgrade_to_head

        before: str | None = None
        try:
            with (
                self.engine.execution_options(**{_IMMEDIATE: True}).connect() as connection,
                _foreign_keys_off(connection),
                connection.begin(),
            ):
                other_tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
                before = current_revision(connection)
                if before is None and other_tables:
                    raise ForeignDatabaseError(self.describe())
                if before is not None and before != head_revision():
                    self._back_up_before_upgrade()
                upgrade_to_head(connection)
                if before is not None and current_revision(connection) != before:
                    # Only after tables were rebuilt: the check reads the whole file.
                    _require_foreign_keys_intact(connection, self.describe())
        except DBAPIError as exc:
            known = self.known_problem(exc)
            if known is None:
                raise
            raise known from exc
        except CommandError as exc:  # stamped by a newer cs_trainer: unknown revision
            raise NewerSchemaError(self.describe(), before or "?") from exc

    def _back_up_before_upgrade(self) -> None:
        """A backup of the older file, taken under the write lock (so it is the file
        as the upgrade finds it) and before any table changes."""
        path = self.sqlite_file
        if path is not None:
            from datetime import datetime

            from cs_trainer.store.backup_files import back_up_file

            back_up_file(path, datetime.now())

    @property
    def sqlite_file(self) -> Path | None:
        """The SQLite file behind this database, or None for a server or memory."""
        return sqlite_file_of(self.url)

    def table_names(self) -> list[str]:
        return inspect(self.engine).get_table_names()

    def describe(self) -> str:
        """The database's location for messages: a file's path, a server's URL without
        its password."""
        url = make_url(self.url)
        if url.get_backend_name() == "sqlite" and url.database:
            return url.database.removeprefix("file:")  # an SQLite URI names the file so
        return url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def sqlite_file_of(url: str) -> Path | None:
    """The file an SQLite URL names (None for a server or memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database.removeprefix("file:").split("?")[0])


def _check_sqlite_file(url: str) -> Message | None:
    """Damage and foreign tables are refused before the first connection (issue 10)."""
    path = sqlite_file_of(url)
    if path is None:
        return None
    from cs_trainer.store.integrity import check_before_open

    return check_before_open(path, str(path))


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
            "Upgrading {where} would break {count} references; it was left unchanged.",
            "升级 {where} 会破坏 {count} 处引用，未做任何改动。",
            where=where,
            count=len(broken),
        )


def _create_engine(url: str, busy_timeout_ms: int) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
        if parsed.get_backend_name() == "postgresql":
            event.listen(
                engine, "connect", lambda raw, _record: _configure_postgres(raw, busy_timeout_ms)
            )
            event.listen(engine, "begin", _begin_postgres_transaction)
            event.listen(engine, "handle_error", _drop_postgres_detail)
        return engine
    file: Path | None = None
    if parsed.database and parsed.database != ":memory:":
        # An SQLite URI ("file:/path?mode=ro") names its file after the scheme.
        file = Path(parsed.database.removeprefix("file:"))
        folder = file.parent
        try:
            folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC):
                raise known_problems.from_os_error(exc, str(folder)) from exc
            raise DatabaseProblemError(
                "cs_trainer cannot create the folder {folder} for the database: a file or a drive "
                "is in the way. Choose another place.",
                "无法为数据库创建文件夹 {folder}：该位置被文件占用或驱动器不可用。请换一个位置。",
                folder=str(folder),
            ) from exc
        if folder == default_database_path().parent.resolve():
            owner_only(folder, FOLDER_MODE)  # ours; a folder the user chose is left alone
    engine = create_engine(
        url, connect_args={"timeout": busy_timeout_ms / 1000}, hide_parameters=True
    )
    if file is not None:
        event.listen(engine, "connect", lambda _raw, _record: _owner_only_files(file))
    event.listen(engine, "connect", lambda raw, _record: _configure_sqlite(raw, busy_timeout_ms))
    event.listen(engine, "begin", _begin_sqlite_transaction)
    return engine


def _owner_only_files(file: Path) -> None:
    """The database file and the files SQLite keeps beside it, 0600 (see the module)."""
    for path in (file, *(file.with_name(file.name + end) for end in ("-wal", "-shm", "-journal"))):
        owner_only(path)


def _configure_sqlite(dbapi_connection: sqlite3.Connection, busy_timeout_ms: int) -> None:
    # Take transaction control away from the driver so "begin" below decides.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA secure_delete = ON")  # erased data is zeroed, not left in pages
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = NORMAL")
    finally:
        cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(_IMMEDIATE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def _configure_postgres(dbapi_connection: Any, busy_timeout_ms: int) -> None:
    """Wait for a lock (the write lock above all) as long as SQLite's busy timeout, then
    fail as busy, instead of waiting forever behind a laptop that hangs mid-write."""
    with dbapi_connection.cursor() as cursor:
        cursor.execute(f"SET lock_timeout = {int(busy_timeout_ms)}")
    dbapi_connection.commit()


def _begin_postgres_transaction(connection: Connection) -> None:
    """A write session (or migration) waits for the one before it: see the module."""
    if connection.get_execution_options().get(_IMMEDIATE, False):
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def _drop_postgres_detail(context: ExceptionContext) -> None:
    """Keep only the server's first line: its DETAIL quotes the row ("Failing row contains
    (…, 张伟, …)", "Key (phone)=(138…)"), which ``hide_parameters`` cannot hide."""
    error = context.original_exception
    primary = getattr(getattr(error, "diag", None), "message_primary", None)
    if not primary:
        return
    error.args = (primary,)
    wrapped = context.sqlalchemy_exception
    if wrapped is not None:  # its text was composed from the driver's before this hook
        kind = type(error)
        wrapped.args = (f"({kind.__module__}.{kind.__name__}) {primary}",)
