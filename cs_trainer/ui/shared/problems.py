"""The one place known problems are shown, and the crash dialog for bugs.

Known problems (a :class:`~cs_trainer.errors.UserError`) become one plain
message; anything else is a bug and gets a dialog with a copyable report.
Tests replace :func:`show_problem` to capture messages instead of showing them.
"""

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger(__name__)


def show_problem(parent: QWidget | None, message: str) -> None:
    """Tell the user about a problem they can act on, in one sentence."""
    log.warning("problem shown to the user: %s", message)
    QMessageBox.warning(parent, QCoreApplication.translate("problems", "Cannot do that"), message)


def show_crash(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook for the GUI: a bug report the user can copy, instead of a silent exit."""
    report = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unexpected error:\n%s", report)
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "cs_trainer",
        QCoreApplication.translate(
            "problems",
            "Something went wrong inside cs_trainer. Your answers so far are saved. "
            "Please send the details below to whoever looks after this program.",
        ),
    )
    box.setDetailedText(report)
    box.exec()
