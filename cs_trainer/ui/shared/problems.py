"""The one place known problems are shown, and the crash dialog for bugs.

Known problems (a :class:`~cs_trainer.errors.UserError`) become plain sentences in
the user's language: one in a message box, many (a bank file with 300 mistakes) in
a scrollable, copyable list that fits the screen. Anything else is a bug and gets a
dialog with a copyable report that says where the log is. Tests replace
:func:`show_problem` to capture messages instead of showing them.
"""

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cs_trainer import app_logging
from cs_trainer.errors import ContentError, UserError

log = logging.getLogger(__name__)
LIST_FROM_LINES = 6
"""A message of more lines than this opens as a list: a message box would outgrow
the screen and push its OK button out of reach."""


def show_problem(parent: QWidget | None, problem: UserError | str) -> None:
    """Tell the user about a problem they can act on."""
    message = str(problem)
    log.warning("problem shown to the user: %s", message.splitlines()[0] if message else "")
    lines = message.splitlines()
    many = isinstance(problem, ContentError) and len(problem.problems) > 1
    if many or len(lines) > LIST_FROM_LINES:
        ProblemListDialog(parent, lines).exec()
        return
    QMessageBox.warning(parent, QCoreApplication.translate("problems", "Cannot do that"), message)


class ProblemListDialog(QDialog):
    """Every problem, one per line, scrollable and selectable, with Copy and OK."""

    def __init__(self, parent: QWidget | None, lines: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("problems", "Cannot do that"))
        layout = QVBoxLayout(self)
        self.summary = summary = QLabel(
            QCoreApplication.translate(
                "problems", "%1 problems found; nothing was changed."
            ).replace("%1", str(len(lines)))
        )
        summary.setWordWrap(True)
        layout.addWidget(summary)
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        copy = buttons.addButton(
            QCoreApplication.translate("problems", "Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        copy.clicked.connect(self.copy_all)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self._fit_screen()

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())

    def _fit_screen(self) -> None:
        """At most 80 % of the available screen, whatever the number of lines."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.resize(min(900, int(area.width() * 0.8)), min(600, int(area.height() * 0.8)))
        self.setMaximumSize(int(area.width() * 0.9), int(area.height() * 0.9))


def show_crash(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook for the GUI: a bug report the user can copy, instead of a silent exit.

    The report holds the traceback only: no local variables, no statement parameters.
    """
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
        )
        + "\n\n"
        + _where_the_log_is(),
    )
    box.setDetailedText(report)
    box.exec()


def _where_the_log_is() -> str:
    text = QCoreApplication.translate("problems", "The log is in %1")
    return text.replace("%1", str(app_logging.log_path()))


def show_previous_crash(parent: QWidget | None, report: str) -> None:
    """Offer the report a native crash of the previous run left behind."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "cs_trainer",
        QCoreApplication.translate(
            "problems",
            "cs_trainer stopped unexpectedly last time. Everything answered before that "
            "was saved. The details below help whoever looks after this program.",
        )
        + "\n\n"
        + _where_the_log_is(),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setDetailedText(report)
    box.exec()
