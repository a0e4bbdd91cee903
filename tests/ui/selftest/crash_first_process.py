"""The first process of the crash/resume test: answers part of the self-test, then dies.

Run as ``python crash_first_process.py DATABASE SETTINGS_DIR ANSWERS``; it starts the
real main window offscreen, starts the self-test for candidate 1 by clicking, types
the given answers and kills itself with SIGKILL, so nothing gets a chance to clean
up or save on exit — like a power cut.
"""

import os
import signal
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cs_trainer.store.database import Database
from cs_trainer.ui.app import configure_application
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.selftest.selftest_dialogs import SelfTestSetup, StartSelfTestDialog


def main(database: str, settings_dir: str, answers: str) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = QApplication([])
    configure_application(app)
    StartSelfTestDialog.ask = classmethod(  # type: ignore[method-assign, assignment]
        lambda cls, parent, instrument, name, interviewer: SelfTestSetup("self", "王经理")
    )
    window = MainWindow(Database.open(database))
    window.show()
    window.candidates_page.select_candidate(1)
    QTest.mouseClick(window.candidates_page.start_button, Qt.MouseButton.LeftButton)
    page = window.selftest_page
    QTest.keyClick(page, Qt.Key.Key_Return)
    for digit in answers:
        QTest.keyClick(page, getattr(Qt.Key, f"Key_{digit}"))
        QTest.keyClick(page, Qt.Key.Key_Return)
    print("answered", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(*sys.argv[1:4])
