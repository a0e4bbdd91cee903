"""Exporting a whole cohort's score sheets from the GUI.

:class:`ExportActions` is what a page (the progress page) owns: it loads the
cohorts, asks for a cohort and a folder through :class:`ExportCohortDialog`,
then runs :func:`~cs_trainer.services.score_sheets.export_cohort_sheets` off
the GUI thread with a counting, cancellable progress dialog. What happened is
announced through ``message``; the widgets never write a file themselves.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.services.cohorts import CohortSummary, list_cohorts
from cs_trainer.services.score_sheets import export_cohort_sheets
from cs_trainer.store.database import Database
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.operations import Op, ProgressReporter


def fill(text: str, *values: object) -> str:
    """Qt-style ``%1``, ``%2`` placeholders, all at once: a cohort called "%2" stays so."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m.group(1)) - 1]), text)


@dataclass(frozen=True)
class ExportRequest:
    """What the trainer chose: which cohort, and the folder the files go into."""

    cohort_id: int
    cohort_name: str
    folder: Path


class ExportCohortDialog(QDialog):
    """Choose a cohort and a folder. The cohorts are loaded before the dialog opens."""

    def __init__(
        self,
        parent: QWidget | None,
        cohorts: list[CohortSummary],
        folder: Path | None,
        selected: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export score sheets"))
        self._names = {cohort.id: cohort.name for cohort in cohorts}
        self.cohort_box = QComboBox()
        for cohort in cohorts:
            text = fill(self.tr("%1 (%2 trainees)"), cohort.name, cohort.members)
            self.cohort_box.addItem(text, cohort.id)
        if selected is not None and (index := self.cohort_box.findData(selected)) >= 0:
            self.cohort_box.setCurrentIndex(index)
        self.folder_edit = QLineEdit("" if folder is None else str(folder))
        self.choose_button = QPushButton(self.tr("Choose…"))
        self.choose_button.clicked.connect(self._choose_folder)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.folder_edit.textChanged.connect(self._update_ok)
        self._lay_out()
        self._update_ok()

    def _lay_out(self) -> None:
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        form = QFormLayout()
        form.addRow(self.tr("Cohort:"), self.cohort_box)
        form.addRow(self.tr("Folder:"), folder_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _update_ok(self) -> None:
        ready = self.cohort_box.count() > 0 and bool(self.folder_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def _choose_folder(self) -> None:
        chosen = self.ask_folder(self, Path(self.folder_edit.text().strip() or Path.home()))
        if chosen is not None:
            self.folder_edit.setText(str(chosen))

    def request(self) -> ExportRequest | None:
        """What is chosen now (None while no cohort or no folder is)."""
        if self.cohort_box.count() == 0 or not self.folder_edit.text().strip():
            return None
        cohort_id = int(self.cohort_box.currentData())
        return ExportRequest(
            cohort_id, self._names[cohort_id], Path(self.folder_edit.text().strip())
        )

    @classmethod
    def ask_folder(cls, parent: QWidget, start: Path) -> Path | None:
        """Qt's folder dialog; tests replace this classmethod."""
        title = QCoreApplication.translate("ExportCohortDialog", "Export to folder")
        chosen = QFileDialog.getExistingDirectory(parent, title, str(start))
        return Path(chosen) if chosen else None

    @classmethod
    def ask(
        cls,
        parent: QWidget,
        cohorts: list[CohortSummary],
        folder: Path | None,
        selected: int | None = None,
    ) -> ExportRequest | None:
        """Show the dialog modally; the request, or None when cancelled. Tests replace it."""
        dialog = cls(parent, cohorts, folder, selected)
        try:
            return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


class ExportActions(QObject):
    """The "Export score sheets…" action of a page; ``message`` reports what happened."""

    message = Signal(str)

    def __init__(self, parent: QWidget, db: Database) -> None:
        super().__init__(parent)
        self._parent = parent
        self._db = db
        self.operation: Op[list[Path]] | None = None  # the running export, for tests

    def export_cohort(self, selected: int | None = None) -> None:
        """Ask for a cohort (``selected`` preselected) and a folder, then export."""
        cohorts = list_cohorts(self._db)
        if not cohorts:
            problems.show_problem(self._parent, self.tr("There is no cohort to export yet."))
            return
        folder = Path(settings.read(settings.LAST_PDF_FOLDER) or Path.home())
        request = ExportCohortDialog.ask(self._parent, cohorts, folder, selected)
        if request is not None:
            settings.write(settings.LAST_PDF_FOLDER, str(request.folder))
            self.start_export(request)

    def start_export(self, request: ExportRequest) -> None:
        """Run the export off the GUI thread with a counting, cancellable progress dialog."""

        def work(db: Database, reporter: ProgressReporter) -> list[Path]:
            return export_cohort_sheets(
                db,
                request.cohort_id,
                request.folder,
                progress=reporter.report,
                cancelled=reporter.cancelled,
            )

        self.operation = (
            Op.counting(self._parent, self._db, work)
            .success(lambda files: self._exported(files, request.folder))
            .cancelled(lambda: self._cancelled(request.folder))
            .with_progress(self.tr("Exporting score sheets…"))
            .run()
        )

    def _exported(self, files: list[Path], folder: Path) -> None:
        self.message.emit(fill(self.tr("Exported %1 files to %2"), len(files), folder))

    def _cancelled(self, folder: Path) -> None:
        text = self.tr("Export cancelled; the files already written to %1 are complete.")
        self.message.emit(fill(text, folder))
