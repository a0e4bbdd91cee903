"""Telling the environment's problems apart from bugs, for files and both databases.

A full disk, a read-only file or folder, a database locked past the timeout, an
I/O error, a file that cannot be opened, a damaged file: each becomes its own
:class:`~cs_trainer.errors.EnvironmentProblem` or
:class:`~cs_trainer.errors.DatabaseProblemError` with a plain message and what
to do. Anything not recognised here stays what it is (a bug) and reaches the
crash report. SQLite is recognised by its extended result name, PostgreSQL by
its SQLSTATE, so the driver's English text is never shown.
"""

import errno
from collections.abc import Callable

from cs_trainer.errors import (
    CannotOpenDatabaseError,
    DamagedDatabaseError,
    DatabaseBusyError,
    DiskFullError,
    DiskIOError,
    FileProblemError,
    MissingPathError,
    ReadOnlyError,
    UserError,
)

_OS_ERRORS: dict[int, Callable[[str], UserError]] = {
    errno.ENOSPC: DiskFullError,
    errno.EDQUOT: DiskFullError,
    errno.EROFS: ReadOnlyError,
    errno.EACCES: ReadOnlyError,
    errno.EPERM: ReadOnlyError,
    errno.EIO: DiskIOError,
    errno.ENOENT: MissingPathError,
    errno.ENOTDIR: MissingPathError,
}


def from_os_error(exc: OSError, where: str | None = None) -> UserError:
    """The known problem an OSError stands for: the operating system refused, which is
    the environment's doing, never a bug of ours."""
    place = where or str(exc.filename or "")
    make = _OS_ERRORS.get(exc.errno or -1)
    if make is None:
        return FileProblemError(place, errno.errorcode.get(exc.errno or -1, type(exc).__name__))
    return make(place)


def _where_only(make: Callable[[str], UserError]) -> Callable[[str, int], UserError]:
    """A problem that names only the place (the busy timeout matters to one kind)."""
    return lambda where, _seconds: make(where)


# SQLite's primary result names (the extended name starts with one of them).
_SQLITE_PREFIXES: tuple[tuple[str, Callable[[str, int], UserError]], ...] = (
    ("SQLITE_FULL", _where_only(DiskFullError)),
    ("SQLITE_READONLY", _where_only(ReadOnlyError)),
    ("SQLITE_BUSY", DatabaseBusyError),
    ("SQLITE_LOCKED", DatabaseBusyError),
    ("SQLITE_IOERR", _where_only(DiskIOError)),
    ("SQLITE_CANTOPEN", _where_only(CannotOpenDatabaseError)),
    ("SQLITE_CORRUPT", _where_only(DamagedDatabaseError)),
    ("SQLITE_NOTADB", _where_only(DamagedDatabaseError)),
)

# PostgreSQL SQLSTATEs (exact codes first, then classes by their first two characters).
_PG_CODES: dict[str, Callable[[str, int], UserError]] = {
    "53100": _where_only(DiskFullError),  # disk_full
    "25006": _where_only(ReadOnlyError),  # read_only_sql_transaction
    "42501": _where_only(ReadOnlyError),  # insufficient_privilege
    "55P03": DatabaseBusyError,  # lock_not_available (lock_timeout)
    "57014": DatabaseBusyError,  # query_canceled (statement_timeout)
    "58030": _where_only(DiskIOError),  # io_error
    "XX001": _where_only(DamagedDatabaseError),  # data_corrupted
    "XX002": _where_only(DamagedDatabaseError),  # index_corrupted
    "3D000": _where_only(CannotOpenDatabaseError),  # invalid_catalog_name
    "28000": _where_only(CannotOpenDatabaseError),  # invalid_authorization
    "28P01": _where_only(CannotOpenDatabaseError),  # invalid_password
}
_PG_CLASSES: dict[str, Callable[[str, int], UserError]] = {
    "08": _where_only(CannotOpenDatabaseError),  # connection_exception
    "53": _where_only(DiskFullError),  # insufficient_resources
}


def from_driver_error(driver_error: object, where: str, busy_seconds: int) -> UserError | None:
    """The known problem a DB-API exception (``exc.orig``) stands for, or None."""
    name = getattr(driver_error, "sqlite_errorname", None)
    if isinstance(name, str):
        for prefix, make in _SQLITE_PREFIXES:
            if name.startswith(prefix):
                return make(where, busy_seconds)
        return None
    code = getattr(driver_error, "sqlstate", None) or getattr(driver_error, "pgcode", None)
    if isinstance(code, str):
        make_pg = _PG_CODES.get(code) or _PG_CLASSES.get(code[:2])
        return make_pg(where, busy_seconds) if make_pg else None
    kind = type(driver_error)
    if kind.__name__ == "OperationalError" and kind.__module__.startswith("psycopg"):
        # A PostgreSQL driver that failed before the server answered: no SQLSTATE.
        return CannotOpenDatabaseError(where)
    return None
