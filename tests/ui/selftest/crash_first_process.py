"""The first process of the crash/resume test: answers part of the self-test, then dies.

Run as ``python crash_first_process.py DATABASE SETTINGS_DIR ANSWERS``; it starts the
real main window offscreen, starts the self-test for candidate 1 by clicking, types
the given answers and kills itself with SIGKILL, so nothing gets a chance to clean
up or save on exit — like a power cut.

Answers are saved off the GUI thread, so after each key it waits, with the event loop
running, until the page says the answer is saved (``answer_saved``, the moment the
screen shows it as given) and only then goes on; it dies right after the last one is
acknowledged. The second process then checks that every acknowledged answer survived.
"""

import os
import signal
import sys
import time
from collections.abc import Callable

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cs_trainer.store.database import Database
from cs_trainer.ui.app import configure_application
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.selftest.selftest_dialogs import SelfTestSetup, StartSelfTestDialog

TIMEOUT_SECONDS = 60


def wait_until(condition: Callable[[], bool], what: str) -> None:
    """Run the event loop until ``condition`` holds; exit (not be killed) if it never does."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            sys.exit(f"timed out waiting for {what}")
        QTest.qWait(10)


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
    wait_until(lambda: window.candidate_mode.locked, "the self-test to start")
    saved: list[int] = []
    page.answer_saved.connect(lambda _item, value: saved.append(value))
    QTest.keyClick(page, Qt.Key.Key_Return)
    for number, digit in enumerate(answers, start=1):
        QTest.keyClick(page, getattr(Qt.Key, f"Key_{digit}"))
        # The condition is only used within this turn of the loop.
        wait_until(lambda: len(saved) == number, f"answer {number} to be saved")  # noqa: B023
        QTest.keyClick(page, Qt.Key.Key_Return)
    expected = [int(digit) or 10 for digit in answers]
    if saved != expected:
        sys.exit(f"the page acknowledged {saved}, not {expected}")
    print("answered", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main(*sys.argv[1:4])
