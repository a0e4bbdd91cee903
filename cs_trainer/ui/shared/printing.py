"""Printing a finished PDF sheet through Qt's print dialog, so paper matches the PDF."""

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from cs_trainer.errors import UserError
from cs_trainer.reports.rasterize import PageImage, render_pages

PRINT_DPI = 200


def ask_printer(parent: QWidget | None) -> QPrinter | None:
    """Qt's print dialog; tests replace this function to choose a PDF printer silently."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


def print_pdf(pdf: Path, printer: QPrinter) -> int:
    """Paint every page of ``pdf`` onto ``printer``; return the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError("the printer could not be started")
    pages = 0
    try:
        for page in render_pages(pdf, PRINT_DPI):
            if pages:
                printer.newPage()
            _paint(painter, page)
            pages += 1
    finally:
        painter.end()
    return pages


def _paint(painter: QPainter, page: PageImage) -> None:
    image = QImage(page.rgb, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    target = painter.viewport()
    size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.drawImage(QRect(target.x(), target.y(), size.width(), size.height()), image)
