"""Run Alembic migrations programmatically, on a connection we already hold.

The migration scripts ship inside the package, so an installed cs_trainer
upgrades its users' databases without any alembic.ini on their machine.
"""

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

from cs_trainer.resources import package_path


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration pointing at the packaged migration scripts."""
    config = Config()
    config.set_main_option("script_location", str(package_path("store", "migrations")))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(connection: Connection) -> None:
    """Apply every migration the database has not had yet."""
    command.upgrade(alembic_config(connection), "head")


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    """The newest revision this cs_trainer knows."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def known_revisions() -> set[str]:
    """Every revision this cs_trainer knows (a newer one's file is not for us)."""
    from alembic.script import ScriptDirectory

    return {
        script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()
    }
