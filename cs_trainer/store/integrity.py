"""Checks an SQLite file passes before anything writes to it (issue 10, point 5).

:func:`check_before_open` runs before the engine exists: before WAL is switched on,
before a migration, before any write. It opens the file read-only and, when no
``-wal``, ``-shm`` or ``-journal`` lies beside it (no process has it open and no
crash left pages behind), ``immutable``: SQLite then takes no lock and creates no
file, where a plain read-only open of a WAL-mode file creates a ``-wal`` and ``-shm``
it cannot remove. When those files are there they hold committed pages the main file
lacks, or another process is writing, so the file is read read-only without
``immutable``: SQLite reads those pages and takes its locks, and writes no byte of
the file itself. Should another process start using the file during an immutable
check (four laptops opening one older file at once), what looked damaged is checked
again the ordinary way before it is called damaged.

It refuses a damaged file (``PRAGMA quick_check``, which reads every page but skips
the index-content comparison that makes ``integrity_check`` slow; see
``benchmarks/quick_check.py`` for the figure on 100,000 candidates) and a file holding
another program's tables, and says an empty file is taken as new.
:func:`full_check` is ``cs-trainer check``: ``integrity_check`` and
``foreign_key_check``.
"""

import sqlite3
from contextlib import closing
from pathlib import Path
from urllib.parse import quote

from cs_trainer.errors import DamagedDatabaseError, ForeignDatabaseError, Message, message

SQLITE_HEADER = b"SQLite format 3\x00"


COMPANIONS = ("-wal", "-shm", "-journal")


def in_use(path: Path) -> bool:
    """Whether files beside ``path`` say a process has it open (or crashed with it)."""
    return any(path.with_name(path.name + end).exists() for end in COMPANIONS)


def read_only_connection(path: Path, immutable: bool | None = None) -> sqlite3.Connection:
    """A connection that cannot change ``path`` (see the module); ``immutable`` unless
    the file is in use, when not said."""
    if immutable is None:
        immutable = not in_use(path)
    uri = f"file:{quote(str(path))}?mode=ro{'&immutable=1' if immutable else ''}"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _run_check(path: Path, pragma: str, immutable: bool | None) -> list[str]:
    try:
        with closing(read_only_connection(path, immutable)) as raw:
            found = [str(row[0]) for row in raw.execute(f"PRAGMA {pragma}")]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if found == ["ok"] else found


def problems(path: Path, pragma: str = "quick_check") -> list[str]:
    """What ``PRAGMA quick_check`` (or ``integrity_check``) finds wrong; empty if sound.

    A file SQLite cannot even read as a database counts as damaged.
    """
    immutable = not in_use(path)
    found = _run_check(path, pragma, immutable)
    if found and immutable and in_use(path):  # another process began writing meanwhile
        found = _run_check(path, pragma, False)
    return found


def foreign_key_problems(path: Path) -> int:
    """How many rows point at a row that does not exist."""
    with closing(read_only_connection(path)) as raw:
        return len(raw.execute("PRAGMA foreign_key_check").fetchall())


def full_check(path: Path) -> list[str]:
    """``cs-trainer check``: every page and index, then every reference."""
    found = problems(path, "integrity_check")
    if found:
        return found
    broken = foreign_key_problems(path)
    if not broken:
        return []
    return [
        message(
            "{count} rows refer to rows that do not exist (broken references)",
            "{count} 行引用了不存在的行（引用损坏）",
            count=broken,
        ).render()
    ]


def is_foreign(path: Path) -> bool:
    """Whether the file holds tables but not cs_trainer's (no ``alembic_version``)."""
    with closing(read_only_connection(path)) as raw:
        names = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
    tables = {name for name in names if not name.startswith("sqlite_")}
    return bool(tables) and "alembic_version" not in tables


def check_before_open(path: Path, where: str) -> Message | None:
    """Refuse a damaged or foreign file before it is written; return a notice for an
    empty file, which is then taken as new. A missing file is new and needs no notice."""
    if not path.exists():
        return None
    if path.stat().st_size == 0:
        return message(
            "{where} is an empty file (0 bytes); it is taken as a new database.",
            "{where} 是一个空文件（0 字节），将作为新数据库使用。",
            where=where,
        )
    with open(path, "rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            raise ForeignDatabaseError(where)
    if problems(path):
        raise damaged(path, where)
    if is_foreign(path):
        raise ForeignDatabaseError(where)
    return None


def damaged(path: Path, where: str) -> DamagedDatabaseError:
    """The damage error, naming the newest good backup when there is one."""
    from cs_trainer.store.backup_files import newest_good_backup

    return DamagedDatabaseError(where, newest_good_backup(path), looked=True)
