"""Starting the desktop app: font, language, database, main window, resume offer."""

import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from cs_trainer import __version__
from cs_trainer.errors import UserError
from cs_trainer.store.database import Database
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.shared.fonts import install_app_font
from cs_trainer.ui.shared.problems import show_crash
from cs_trainer.ui.shared.translation import LanguageSwitch

ORGANISATION_DOMAIN = "cs-trainer.local"


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
    configure_application(app)
    sys.excepthook = show_crash
    try:
        db = Database.open(database_option)
    except UserError as exc:
        QMessageBox.critical(None, "cs_trainer", str(exc))
        return 1
    application = Application(db)
    application.window.show()
    QTimer.singleShot(0, lambda: application.window.offer_resume())
    return app.exec()
