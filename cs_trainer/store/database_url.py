"""What ``--database`` (or ``CS_TRAINER_DATABASE``) may name, checked before anything opens.

A value is either an SQLAlchemy URL (it contains ``://``) or a path to an SQLite file.
Unchecked, a typo reached the user as a traceback from deep inside SQLAlchemy
(``mysql://…``: no such driver; ``foo://``: no such plugin; a NUL byte: ``ValueError``).
Each of these is refused here with one line in both languages (issue 10), before an
engine exists; a URL itself is not repeated, as it may hold a password.
"""

import os
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from cs_trainer.errors import UserError

DRIVERS = frozenset({"sqlite", "sqlite+pysqlite", "postgresql", "postgresql+psycopg"})
"""The URL schemes cs_trainer runs on: SQLite on a laptop, PostgreSQL for a department."""


class DatabaseOptionError(UserError):
    """``--database`` names nothing cs_trainer can open; nothing was touched."""


def checked_url(value: str) -> str:
    """The SQLAlchemy URL ``value`` names, or a :class:`DatabaseOptionError`."""
    if not value.strip():
        raise DatabaseOptionError(
            "--database is empty: give an SQLite file or a postgresql+psycopg:// URL.",
            "--database 为空：请给出 SQLite 文件或 postgresql+psycopg:// 地址。",
        )
    if "\x00" in value or any(ord(character) < 32 for character in value):
        raise DatabaseOptionError(
            "--database holds a control character: no file or URL can contain one.",
            "--database 含有控制字符：文件名或地址中不能有控制字符。",
        )
    if "://" in value:
        return _checked_url(value)
    return f"sqlite:///{checked_file(Path(value))}"


def _checked_url(value: str) -> str:
    try:
        url = make_url(value)
    except ArgumentError:
        raise DatabaseOptionError(
            "--database is not a valid URL; write it as postgresql+psycopg://USER@HOST/NAME.",
            "--database 不是有效的地址；格式为 postgresql+psycopg://用户@主机/数据库名。",
        ) from None
    if url.drivername not in DRIVERS:
        raise DatabaseOptionError(
            "--database: cs_trainer works with SQLite and PostgreSQL (postgresql+psycopg://), "
            "not {scheme}://.",
            "--database：cs_trainer 只支持 SQLite 和 PostgreSQL（postgresql+psycopg://），"
            "不支持 {scheme}://。",
            scheme=url.drivername,
        )
    if url.get_backend_name() == "sqlite":
        _check_sqlite_url(url)
        return value
    if not url.database:
        raise DatabaseOptionError(
            "--database: the PostgreSQL URL names no database (…/NAME at its end).",
            "--database：PostgreSQL 地址未指明数据库（结尾的 …/数据库名）。",
        )
    return value


def _check_sqlite_url(url: URL) -> None:
    """The file an SQLite URL names is checked as a path would be (``sqlite://`` alone is
    a database in memory, which tests use)."""
    name = (url.database or "").removeprefix("file:")
    if name and name != ":memory:":
        checked_file(Path(name))


def checked_file(path: Path) -> Path:
    """``path`` made absolute, if it can be an SQLite file: not a folder.

    A missing folder is not refused here: the database creates it (and says so in one
    line when it cannot), as the default data folder must be created on first run.
    """
    try:
        resolved = path.expanduser().resolve()
    except (OSError, RuntimeError, ValueError):
        raise _bad_path() from None
    if resolved.is_dir():
        raise DatabaseOptionError(
            "--database names a folder; give a file in it, such as cs_trainer.sqlite3.",
            "--database 指向的是文件夹；请给出其中的文件，例如 cs_trainer.sqlite3。",
        )
    if os.name == "nt" and any(character in resolved.name for character in '<>:"|?*'):
        raise _bad_path()
    return resolved


def _bad_path() -> DatabaseOptionError:
    return DatabaseOptionError(
        "--database is not a usable file path.", "--database 不是可用的文件路径。"
    )
