"""Department-wide settings kept in the database, shared by every laptop and the CLI."""

from cs_trainer import changes
from cs_trainer.store.database import Database
from cs_trainer.store.models import AppSetting

ORGANISATION = "organisation"


def get_setting(db: Database, key: str, default: str = "") -> str:
    with db.reading() as session:
        row = session.get(AppSetting, key)
        return row.value if row is not None else default


def set_setting(db: Database, key: str, value: str) -> None:
    with db.writing(changes.SETTINGS) as session:
        row = session.get(AppSetting, key)
        if row is None:
            session.add(AppSetting(key=key, value=value))
        else:
            row.value = value


def organisation_name(db: Database) -> str:
    """The name printed at the top of every sheet."""
    return get_setting(db, ORGANISATION)
