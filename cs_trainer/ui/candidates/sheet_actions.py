"""Save and print a candidate's evaluation sheet from any page that shows a candidate.

The PDF is written off the GUI thread; printing prints that same PDF.
"""

import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QWidget

from cs_trainer.files import file_in_folder
from cs_trainer.services.sheets import write_candidate_sheet
from cs_trainer.store.database import Database
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.shared import printing
from cs_trainer.ui.shared.operations import Op


class SheetActions(QObject):
    """The "Save as PDF…" and "Print…" actions; ``message`` reports what happened."""

    message = Signal(str)

    def __init__(self, parent: QWidget, db: Database) -> None:
        super().__init__(parent)
        self._parent = parent
        self._db = db

    def save_pdf(self, candidate_id: int, candidate_name: str) -> None:
        path = self.ask_save_path(self._parent, candidate_name)
        if path is None:
            return
        settings.write(settings.LAST_PDF_FOLDER, str(path.parent))
        Op(
            self._parent, self._db, lambda db: write_candidate_sheet(db, candidate_id, path)
        ).success(lambda _sheet: self._saved(path)).with_progress(
            self.tr("Writing the evaluation sheet…")
        ).run()

    def print_sheet(self, candidate_id: int) -> None:
        printer = printing.ask_printer(self._parent)
        if printer is None:
            return
        folder = Path(tempfile.mkdtemp(prefix="cs_trainer_print_"))
        pdf = folder / "sheet.pdf"

        def printed(_sheet: object) -> None:
            pages = printing.print_pdf(pdf, printer)
            pdf.unlink(missing_ok=True)
            folder.rmdir()
            self.message.emit(self.tr("Sent %1 page(s) to the printer.").replace("%1", str(pages)))

        Op(self._parent, self._db, lambda db: write_candidate_sheet(db, candidate_id, pdf)).success(
            printed
        ).with_progress(self.tr("Preparing the sheet for printing…")).run()

    def _saved(self, path: Path) -> None:
        self.message.emit(self.tr("Saved the evaluation sheet to %1").replace("%1", str(path)))
        if settings.read(settings.OPEN_PDF_AFTER_SAVE):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @classmethod
    def ask_save_path(cls, parent: QWidget, candidate_name: str) -> Path | None:
        """Qt's save dialog; tests replace this classmethod."""
        folder = settings.read(settings.LAST_PDF_FOLDER) or str(Path.home())
        suggested = str(file_in_folder(Path(folder), candidate_name, ".pdf", "candidate-sheet"))
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("SheetActions", "Save evaluation sheet"),
            suggested,
            QCoreApplication.translate("SheetActions", "PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_suffix(".pdf")
