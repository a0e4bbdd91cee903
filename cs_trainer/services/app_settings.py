"""Department-wide settings kept in the database, shared by every laptop and the CLI."""

from sqlalchemy.orm import Session

from cs_trainer import changes
from cs_trainer.services import audit, permissions
from cs_trainer.services.permissions import CONTENT_VIEW, SETTINGS_CHANGE
from cs_trainer.store.database import Database
from cs_trainer.store.models import AppSetting

ORGANISATION = "organisation"


@permissions.requires(CONTENT_VIEW)
def get_setting(db: Database, key: str, default: str = "") -> str:
    with db.reading() as session:
        row = session.get(AppSetting, key)
        return row.value if row is not None else default


@permissions.requires(SETTINGS_CHANGE)
def set_setting(db: Database, key: str, value: str) -> None:
    """Change a setting (an admin's), with its audit row: the value before and after."""
    with db.writing(changes.SETTINGS) as session:
        store_setting(session, key, value, action="setting.change")


def store_setting(session: Session, key: str, value: str, *, action: str) -> None:
    """Write a setting in ``session`` and audit it as ``action`` (the caller checked
    the permission: a pass mark is content, the organisation's name a setting)."""
    row = session.get(AppSetting, key)
    before = row.value if row is not None else None
    if before == value:
        return  # saving the Settings page unchanged is no change: nothing to audit
    if row is None:
        session.add(AppSetting(key=key, value=value))
    else:
        row.value = value
    audit.record(session, action, f"setting:{key}", before={key: before}, after={key: value})


@permissions.requires(CONTENT_VIEW)
def organisation_name(db: Database) -> str:
    """The name printed at the top of every sheet."""
    return get_setting(db, ORGANISATION)
