"""Starting the desktop app: font, language, database, the first admin or sign-in, main
window, resume offer; switching user and signing out rebuild the window."""

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QWidget

from cs_trainer import __version__, app_logging
from cs_trainer.services import accounts, acting
from cs_trainer.services.acting import Actor
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts.sign_in import FirstAdminDialog, SignInDialog
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.shared.backup_menu import back_up_on_start
from cs_trainer.ui.shared.damaged_file import open_database
from cs_trainer.ui.shared.fonts import install_app_font
from cs_trainer.ui.shared.operations import worker_pool
from cs_trainer.ui.shared.problems import show_crash, show_previous_crash
from cs_trainer.ui.shared.translation import LanguageSwitch

ORGANISATION_DOMAIN = "cs-trainer.local"
_qt_log = logging.getLogger("qt")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's own warnings go to the log, not to a console nobody sees."""
    _qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s (%s)", message, context.category)


def configure_application(app: QApplication) -> None:
    """Identity for QSettings, the shipped font and the chosen language."""
    QCoreApplication.setOrganizationName("cs_trainer")
    QCoreApplication.setOrganizationDomain(ORGANISATION_DOMAIN)
    QCoreApplication.setApplicationName("cs_trainer")
    QCoreApplication.setApplicationVersion(__version__)
    install_app_font(app)
    LanguageSwitch.apply(settings.read(settings.LANGUAGE))


class Application:
    """Owns the main window and rebuilds it when the language or the account changes.

    ``ask_first_admin`` and ``ask_sign_in`` are the dialogs' ``ask`` classmethods;
    tests replace them on the instance.
    """

    def __init__(self, db: Database, account_name: str = "") -> None:
        self.db = db
        self.account_name = account_name
        self.ask_first_admin: Callable[[Database, QWidget | None], str | None] = (
            FirstAdminDialog.ask
        )
        self.ask_sign_in: Callable[[Database, str, QWidget | None], tuple[Actor, str] | None] = (
            SignInDialog.ask
        )
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.db, account_name=self.account_name)
        window.language_changed.connect(self._switch_language)
        window.switch_user_requested.connect(self.switch_user)
        window.sign_out_requested.connect(self.sign_out)
        return window

    def _replace_window(self) -> MainWindow:
        old = self.window
        self.window = self._new_window()
        self.window.show()
        old.close()
        old.deleteLater()
        return self.window

    def _switch_language(self, choice: str) -> None:
        LanguageSwitch.apply(choice)
        window = self._replace_window()
        window.nav.setCurrentRow(window.pages.indexOf(window.settings_page))

    def switch_user(self) -> None:
        """Another account signs in over the window; cancelling keeps the current one."""
        signed = self.ask_sign_in(self.db, "", self.window)
        if signed is not None:
            self._become(*signed)

    def sign_out(self) -> None:
        """Nobody acts until the next sign-in; cancelling it closes the application."""
        acting.become(acting.ANONYMOUS)
        self.window.hide_contents()
        signed = self.ask_sign_in(self.db, "", self.window)
        if signed is None:
            self.window.close()
            return
        self._become(*signed)

    def _become(self, actor: Actor, name: str) -> None:
        acting.become(actor)
        self.account_name = name
        self._replace_window()


def sign_in_at_start(
    db: Database,
    ask_first_admin: Callable[[Database, QWidget | None], str | None] = FirstAdminDialog.ask,
    ask_sign_in: Callable[[Database, str, QWidget | None], tuple[Actor, str] | None] = (
        SignInDialog.ask
    ),
) -> tuple[Actor, str] | None:
    """Before the window: the first administrator if there is no account, then sign-in.

    The account and its sign-in name, or None if the person cancelled either dialog
    (the application then quits). There is no default password.
    """
    name = ""
    if not accounts.accounts_exist(db):
        created = ask_first_admin(db, None)
        if created is None:
            return None
        name = created
    return ask_sign_in(db, name, None)


def run(database_option: str | None) -> int:
    """Run the GUI until its window closes; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app_logging.start_logging()
    previous_crash = app_logging.take_previous_crash()
    app_logging.enable_crash_file()
    qInstallMessageHandler(_qt_message)
    configure_application(app)
    sys.excepthook = show_crash
    db = open_database(database_option)
    if db is None:
        return 1
    signed = sign_in_at_start(db)
    if signed is None:
        return 0
    acting.become(signed[0])
    application = Application(db, signed[1])
    application.window.show()
    if previous_crash:
        QTimer.singleShot(0, lambda: show_previous_crash(application.window, previous_crash))
    QTimer.singleShot(0, lambda: application.window.offer_resume())
    QTimer.singleShot(0, lambda: back_up_on_start(application.window, db))
    code = app.exec()
    worker_pool().waitForDone()  # a save started in the last moment is committed, not cut off
    return code
