"""The Data menu (Back up now, Restore…, Check the database) and the backup on start.

Only an administrator gets the menu, and only for an SQLite file: a PostgreSQL
server is backed up on the server (``pg_dump``). Every action runs as an
:class:`Op` off the GUI thread: a backup of a large file takes seconds.

A restore replaces every table, accounts included, so the signed-in account may
no longer exist or have the same role: ``restored`` asks the application to sign
everyone out and in again rather than keep pages showing data that is gone.
``choose_backup``, ``confirm`` and ``inform`` are the dialogs; tests replace them.
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from cs_trainer.services import backups
from cs_trainer.store import backup_files
from cs_trainer.store.database import Database
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op


def _choose_backup(parent: QWidget, folder: Path) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("BackupMenu", "Restore from a backup"),
        str(folder),
        QCoreApplication.translate("BackupMenu", "cs_trainer databases (*.sqlite3);;All files (*)"),
    )
    return Path(chosen) if chosen else None


def _confirm(parent: QWidget, title: str, text: str) -> bool:
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.warning(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def _inform(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def _say_backed_up(window: QMainWindow, made: object) -> None:
    if made is not None:
        text = QCoreApplication.translate("BackupMenu", "Backed up to %1")
        window.statusBar().showMessage(text.replace("%1", str(made)), 15_000)


def back_up_on_start(window: QMainWindow, db: Database) -> None:
    """Once per start, for every role: a backup when the data changed since the newest
    one (nothing on PostgreSQL); a failure (a full disk) is shown, not swallowed."""
    Op(window, db, backups.back_up_if_changed).success(
        lambda made: _say_backed_up(window, made)
    ).run()


class BackupMenu(QObject):
    """The Data menu of ``window``; ``restored`` is emitted after a restore."""

    restored = Signal()

    def __init__(self, window: QMainWindow, db: Database, bus: ChangeBus) -> None:
        super().__init__(window)
        self._window = window
        self._db = db
        self._bus = bus
        self.choose_backup: Callable[[QWidget, Path], Path | None] = _choose_backup
        self.confirm: Callable[[QWidget, str, str], bool] = _confirm
        self.inform: Callable[[QWidget, str, str], None] = _inform
        menu = window.menuBar().addMenu(self.tr("&Data"))
        self.back_up_action = self._add(menu.addAction(self.tr("&Back up now")), self.back_up)
        self.restore_action = self._add(menu.addAction(self.tr("&Restore…")), self.restore)
        menu.addSeparator()
        self.check_action = self._add(menu.addAction(self.tr("&Check the database")), self.check)

    @staticmethod
    def _add(action: QAction, slot: Callable[[], None]) -> QAction:
        action.triggered.connect(slot)
        return action

    @property
    def _file(self) -> Path:
        path = self._db.sqlite_file
        assert path is not None, "the menu exists only for an SQLite file"
        return path

    def _busy(self, busy: bool) -> None:
        for action in (self.back_up_action, self.restore_action, self.check_action):
            action.setEnabled(not busy)

    def _op(self, work: Callable[[Database], object], label: str) -> "Op[object]":
        self._busy(True)
        op: Op[object] = Op(self._window, self._db, work, self._bus).with_progress(label)
        op.finished.connect(lambda: self._busy(False))
        return op

    # -- back up ---------------------------------------------------------------------------
    def back_up(self) -> None:
        self._op(backups.back_up, self.tr("Backing up…")).success(self._backed_up).run()

    def _backed_up(self, made: object) -> None:
        _say_backed_up(self._window, made)

    # -- restore ---------------------------------------------------------------------------
    def restore(self) -> None:
        chosen = self.choose_backup(self._window, backup_files.folder_of(self._file))
        if chosen is None:
            return
        text = (
            self.tr(
                "Replace all data in %1 by the backup %2?\n\nThe current data is backed up "
                "first, so this can be undone by restoring that backup. Everyone signs in "
                "again afterwards."
            )
            .replace("%1", str(self._file))
            .replace("%2", chosen.name)
        )
        if not self.confirm(self._window, self.tr("Restore from a backup"), text):
            return
        self._op(lambda db: backups.restore(db, chosen), self.tr("Restoring…")).success(
            self._restored
        ).run()

    def _restored(self, before: object) -> None:
        self.inform(
            self._window,
            self.tr("Restored"),
            self.tr("The backup was restored. The data it replaced was backed up to %1.").replace(
                "%1", str(before)
            ),
        )
        self.restored.emit()

    # -- check -----------------------------------------------------------------------------
    def check(self) -> None:
        self._op(backups.check, self.tr("Checking the database…")).success(self._checked).run()

    def _checked(self, found: object) -> None:
        assert isinstance(found, list)
        if not found:
            text = self.tr("The database passed every check (integrity and references).")
        else:
            text = self.tr(
                "The database failed its check (%1 problems). Restore the newest good backup "
                "(Data → Restore…). SQLite reports:\n%2"
            )
            text = text.replace("%1", str(len(found))).replace("%2", "\n".join(found[:10]))
        self.inform(self._window, self.tr("Check the database"), text)
