"""Opening the database at start: a damaged file offers its newest good backup.

:meth:`Database.open` refuses a damaged file before anything is written to it and
names the newest backup that passed its check. Here the person chooses: restore that
backup (the damaged file is moved aside into the backup folder, never written) or
quit. With no good backup there is only quitting. An empty file taken as new is said.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from cs_trainer.errors import DamagedDatabaseError, UserError
from cs_trainer.services import backups
from cs_trainer.store.database import Database, resolve_database_url, sqlite_file_of


def ask_to_restore(parent: QWidget | None, problem: DamagedDatabaseError) -> bool:
    """Whether to restore ``problem.backup``; Quit is the default and Escape."""
    box = QMessageBox(QMessageBox.Icon.Critical, "cs_trainer", str(problem), parent=parent)
    restore = box.addButton(
        QCoreApplication.translate("DamagedFile", "&Restore the newest good backup"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    quit_button = box.addButton(
        QCoreApplication.translate("DamagedFile", "&Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(quit_button)
    box.setEscapeButton(quit_button)
    box.exec()
    return box.clickedButton() is restore


def open_database(option: str | None, parent: QWidget | None = None) -> Database | None:
    """The database the person asked for, or None when they cannot or will not go on
    (the message was shown)."""
    try:
        return _opened(Database.open(option), parent)
    except DamagedDatabaseError as problem:
        if problem.backup is None or not ask_to_restore(parent, problem):
            if problem.backup is None:
                QMessageBox.critical(parent, "cs_trainer", str(problem))
            return None
        return _restore_and_open(option, problem, parent)
    except UserError as problem:
        QMessageBox.critical(parent, "cs_trainer", str(problem))
        return None


def _restore_and_open(
    option: str | None, problem: DamagedDatabaseError, parent: QWidget | None
) -> Database | None:
    path = sqlite_file_of(resolve_database_url(option))
    assert path is not None and problem.backup is not None
    try:
        aside = backups.restore_damaged_file(path, problem.backup)
        database = Database.open(option)
    except UserError as again:
        QMessageBox.critical(parent, "cs_trainer", str(again))
        return None
    text = QCoreApplication.translate(
        "DamagedFile", "The backup %1 was restored. The damaged file was kept as %2."
    )
    QMessageBox.information(
        parent, "cs_trainer", text.replace("%1", str(problem.backup)).replace("%2", str(aside))
    )
    return _opened(database, parent)


def _opened(database: Database, parent: QWidget | None) -> Database:
    for notice in database.notices:  # an empty file taken as new
        QMessageBox.information(parent, "cs_trainer", notice.render())
    return database
