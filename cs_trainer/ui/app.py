"""Starting the desktop app: font, language, database, main window, resume offer."""

import logging
import sys

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from cs_trainer import __version__, app_logging
from cs_trainer.errors import UserError
from cs_trainer.store.database import Database
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.settings import preferences as settings
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
    """Owns the main window and rebuilds it when the language changes."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.db)
        window.language_changed.connect(self._switch_language)
        return window

    def _switch_language(self, choice: str) -> None:
        LanguageSwitch.apply(choice)
        old = self.window
        self.window = self._new_window()
        self.window.nav.setCurrentRow(self.window.pages.indexOf(self.window.settings_page))
        self.window.show()
        old.close()
        old.deleteLater()


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
    try:
        db = Database.open(database_option)
    except UserError as exc:
        QMessageBox.critical(None, "cs_trainer", str(exc))
        return 1
    application = Application(db)
    application.window.show()
    if previous_crash:
        QTimer.singleShot(0, lambda: show_previous_crash(application.window, previous_crash))
    QTimer.singleShot(0, lambda: application.window.offer_resume())
    code = app.exec()
    worker_pool().waitForDone()  # a save started in the last moment is committed, not cut off
    return code
