"""Backup files of an SQLite database: where they go, how they are written, which stay.

Backups go to a ``backups/`` folder beside the database file rather than to the
platformdirs data folder: a file the user chose with ``--database`` (a shared drive,
a USB stick) keeps its backups with it, two databases never mix their backups, and
the newest good backup of a damaged file is found from the file's path alone. The
folder is 0700 and each backup 0600 on POSIX: a backup holds the same personal data.

A backup is written with SQLite's online backup API, which copies a consistent
snapshot while other connections keep writing (in WAL mode they are not even
blocked), to a hidden temporary file that is checked (``PRAGMA integrity_check``)
before it is renamed to its final name: a file named like a backup has passed.

Rotation keeps every backup of the last 24 hours and the newest backup of each of the
last N days, ISO weeks and months (settings, defaults 7, 4 and 12), as restic's and
borg's ``--keep-within`` and ``--keep-daily`` and the like do; the time is read from
the file's name, never its mtime, so a copied folder rotates the same, and tests inject the clock.
"""

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from cs_trainer.errors import UserError
from cs_trainer.files import FOLDER_MODE, owner_only, owner_only_opener
from cs_trainer.store import integrity

FOLDER_NAME = "backups"
STAMP = "%Y%m%d-%H%M%S"
KEEP_WITHIN = timedelta(hours=24)
"""Backups this close to the newest are never rotated away."""
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?P<n>-\d+)?\.sqlite3$")


@dataclass(frozen=True)
class Keep:
    """How many daily, weekly and monthly backups rotation keeps."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def folder_of(database: Path) -> Path:
    return database.parent / FOLDER_NAME


def backups_of(database: Path) -> list[tuple[datetime, Path]]:
    """The database's backups, newest first, with the time each was taken."""
    folder = folder_of(database)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match["stem"] == database.stem:
            found.append((datetime.strptime(match["stamp"], STAMP), path))
    return sorted(found, key=lambda item: (item[0], _number(item[1])), reverse=True)


def _number(path: Path) -> int:
    """The ``-N`` a second backup within one second gets (0 for the first)."""
    match = _NAME.match(path.name)
    return int(match["n"][1:]) if match and match["n"] else 0


def newest_good_backup(database: Path) -> Path | None:
    """The newest backup that still passes ``quick_check`` (an older one if it is damaged)."""
    for _taken, path in backups_of(database):
        if not integrity.problems(path):
            return path
    return None


def write_backup(source: sqlite3.Connection, out: Path) -> Path:
    """Copy ``source`` into ``out`` (a new file, 0600), checked before it gets its name."""
    out.parent.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    owner_only(out.parent, FOLDER_MODE)
    temp = out.with_name(f".{out.name}.tmp")
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    os.close(owner_only_opener(str(temp), os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    try:
        with closing(sqlite3.connect(temp)) as target:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one file that stands alone
        found = integrity.problems(temp, "integrity_check")
        if found:
            raise UserError(
                "The backup {out} failed its check ({problem}); it was not kept.",
                "备份 {out} 未通过检查（{problem}），没有保留。",
                out=str(out),
                problem=found[0],
            )
        os.replace(temp, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    owner_only(out)
    return out


def new_backup_path(database: Path, now: datetime) -> Path:
    """A free name in the database's backup folder for a backup taken ``now``."""
    base = f"{database.stem}-{now.strftime(STAMP)}"
    out = folder_of(database) / f"{base}.sqlite3"
    number = 1
    while out.exists():
        out = folder_of(database) / f"{base}-{number}.sqlite3"
        number += 1
    return out


def to_keep(taken: Iterable[tuple[datetime, Path]], keep: Keep) -> set[Path]:
    """Every backup of the last :data:`KEEP_WITHIN` before the newest, and the newest
    backup of each of the last ``keep.daily`` days, ``keep.weekly`` weeks and
    ``keep.monthly`` months that have a backup.

    The recent ones all stay (as restic's ``--keep-within``): "Back up now" or a
    restore's own backup must never delete the backup of this morning that someone is
    about to restore.
    """
    newest_first = sorted(taken, key=lambda item: item[0], reverse=True)
    if not newest_first:
        return set()
    recent = newest_first[0][0] - KEEP_WITHIN
    kept = {path for when, path in newest_first if when >= recent}
    periods = (
        (keep.daily, lambda when: when.date()),
        (keep.weekly, lambda when: when.isocalendar()[:2]),
        (keep.monthly, lambda when: (when.year, when.month)),
    )
    for count, period_of in periods:
        seen: list[object] = []
        for when, path in newest_first:
            period = period_of(when)
            if period in seen:
                continue
            if len(seen) == count:
                break
            seen.append(period)
            kept.add(path)
    return kept


def rotate(database: Path, keep: Keep) -> list[Path]:
    """Delete the backups rotation does not keep; return them."""
    taken = backups_of(database)
    kept = to_keep(taken, keep)
    removed = [path for _when, path in taken if path not in kept]
    for path in removed:
        path.unlink()
    return removed


def back_up_file(database: Path, now: datetime, out: Path | None = None) -> Path:
    """Back up the database file at ``database`` (its own folder unless ``out``)."""
    with closing(sqlite3.connect(database, timeout=15)) as source:
        return write_backup(source, out or new_backup_path(database, now))


def restore_over_damaged(database: Path, backup: Path, now: datetime) -> Path:
    """Put ``backup`` in place of a damaged ``database``, which is moved (never
    written) into the backup folder as ``<name>-damaged-<time>``; return where."""
    folder = folder_of(database)
    folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    aside = folder / f"{database.stem}-damaged-{now.strftime(STAMP)}{database.suffix}"
    os.replace(database, aside)
    for end in ("-wal", "-shm"):
        companion = database.with_name(database.name + end)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + end))
    copy_into(backup, database)
    owner_only(database)
    return aside


def copy_into(backup: Path, database: Path) -> None:
    """Write a checked backup's pages into ``database`` (created if it is not there),
    through SQLite's own locks, so connections other processes hold stay valid."""
    with (
        closing(integrity.read_only_connection(backup)) as source,
        closing(sqlite3.connect(database, timeout=15)) as target,
    ):
        source.backup(target)
