"""Backups of an SQLite database: on demand, on start, before restore and erasure.

The files and their rotation are :mod:`cs_trainer.store.backup_files`; the database
takes its own backup before a migration (:meth:`Database.migrate`). A PostgreSQL
database is the server's to back up: every function here refuses it with one line
naming ``pg_dump``, except :func:`safety_backup`, which the erasure calls on both
dialects and which does nothing there.
"""

from contextlib import closing
from datetime import datetime
from pathlib import Path

from cs_trainer import changes
from cs_trainer.errors import DamagedDatabaseError, NewerSchemaError, UserError
from cs_trainer.services import audit, permissions
from cs_trainer.store import backup_files, change_counters, integrity
from cs_trainer.store.backup_files import Keep
from cs_trainer.store.database import Database, sqlite_file_of
from cs_trainer.store.migrate import known_revisions
from cs_trainer.store.models import AppSetting

KEEP_SETTINGS = ("backup.keep_daily", "backup.keep_weekly", "backup.keep_monthly")
"""The department settings that rotation reads (defaults in :class:`Keep`)."""


def _require_file(db: Database) -> Path:
    path = db.sqlite_file
    if path is None:
        raise UserError(
            "This is a PostgreSQL database: back it up on the server with pg_dump.",
            "这是 PostgreSQL 数据库：请在服务器上用 pg_dump 备份。",
        )
    return path


def _keep(db: Database) -> Keep:
    """The rotation the department's settings ask for."""
    default = Keep()
    values = [default.daily, default.weekly, default.monthly]
    with db.reading() as session:
        for index, key in enumerate(KEEP_SETTINGS):
            row = session.get(AppSetting, key)
            if row is not None and row.value.strip().isdigit():
                values[index] = int(row.value)
    return Keep(*values)


def _now(now: datetime | None) -> datetime:
    return now if now is not None else datetime.now()


def _take(db: Database, path: Path, now: datetime | None, out: Path | None = None) -> Path:
    made = backup_files.back_up_file(path, _now(now), out)
    if out is None:
        backup_files.rotate(path, _keep(db))
    return made


@permissions.requires(permissions.BACKUPS)
def back_up(db: Database, out: Path | None = None, now: datetime | None = None) -> Path:
    """Back up now (to ``out``, else the rotated folder beside the database)."""
    return _take(db, _require_file(db), now, out)


@permissions.requires(permissions.SIGNED_IN)
def back_up_if_changed(db: Database, now: datetime | None = None) -> Path | None:
    """On start: a backup when the file changed since the newest one (None otherwise,
    and on PostgreSQL)."""
    path = db.sqlite_file
    if path is None:
        return None
    taken = backup_files.backups_of(path)
    if taken:
        wal = path.with_name(path.name + "-wal")
        changed = max(p.stat().st_mtime for p in (path, wal) if p.exists())
        if changed <= taken[0][1].stat().st_mtime:
            return None
    return _take(db, path, now)


def safety_backup(path: Path | None, now: datetime | None = None) -> Path | None:
    """A backup before something that cannot be undone (an erasure); callers check the
    rights for that action. Not rotated then: rotation may wait for the next backup."""
    if path is None:
        return None
    return backup_files.back_up_file(path, _now(now))


@permissions.requires(permissions.BACKUPS)
def check(db: Database) -> list[str]:
    """Every problem ``integrity_check`` and ``foreign_key_check`` find; empty if sound."""
    return integrity.full_check(_require_file(db))


@permissions.requires(permissions.BACKUPS)
def restore(db: Database, backup: Path, now: datetime | None = None) -> Path:
    """Replace the database's data by the backup's, after backing up the current state
    (returned). The backup is checked first; a damaged, foreign or newer one is
    refused and nothing changes."""
    path = _require_file(db)
    require_restorable(backup)
    before = safety_backup(path, now)  # not rotated: nothing is deleted before a restore
    assert before is not None
    with db.reading() as session:
        seen = change_counters.read(session)
    db.dispose()
    backup_files.copy_into(backup, path)
    db.dispose()
    db.migrate()  # an older backup is brought up to date, as any older file is
    with db.writing(*changes.ALL) as session:  # every page, here and elsewhere, reloads
        change_counters.raise_to(session, seen)
        # In the restored trail: who put this state back, and where the replaced one is.
        audit.record(
            session,
            "database.restore",
            f"backup:{backup.name}"[:100],
            after={"replaced_data_saved_as": before.name},
        )
    return before


def require_restorable(backup: Path) -> None:
    """Refuse a missing, damaged, foreign or newer backup before anything changes."""
    where = str(backup)
    if not backup.is_file():
        raise UserError("There is no backup file {path}.", "没有备份文件 {path}。", path=where)
    integrity.check_before_open(backup, where)
    found = integrity.problems(backup, "integrity_check")
    if found:
        raise DamagedDatabaseError(where)
    with closing(integrity.read_only_connection(backup)) as raw:
        rows = raw.execute("SELECT version_num FROM alembic_version").fetchall()
    if rows and rows[0][0] not in known_revisions():
        raise NewerSchemaError(where, rows[0][0])


def restore_damaged_file(database: Path, backup: Path, now: datetime | None = None) -> Path:
    """Put a checked backup in place of a damaged file (moved aside, never written);
    return where the damaged file went.

    Takes a path, not a :class:`Database`: a damaged file cannot be opened, so nobody
    can sign in to it, and whoever may replace the file on disk may restore it.
    """
    require_restorable(backup)
    aside = backup_files.restore_over_damaged(database, backup, _now(now))
    Database.open(str(database)).dispose()  # an older backup is brought up to date
    return aside


def damaged_file(url: str) -> Path | None:
    """The SQLite file at ``url`` if it exists and fails its quick check."""
    path = sqlite_file_of(url)
    if path is None or not path.is_file() or path.stat().st_size == 0:
        return None
    return path if integrity.problems(path) else None
