"""PDF pages as plain RGB images, for printing the very PDF that was saved.

Qt's own PDF module is not part of the PySide6 wheels we install, so PDFium
(pypdfium2) renders the pages; the GUI only wraps the bytes in a QImage.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2

from cs_trainer.errors import UserError

WHITE = (255, 255, 255, 255)


@dataclass(frozen=True)
class PageImage:
    """One rendered page: tightly described RGB888 pixels on a white background."""

    width: int
    height: int
    stride: int
    rgb: bytes


def render_pages(pdf: Path, dpi: int) -> Iterator[PageImage]:
    """Yield every page of ``pdf`` rendered at ``dpi`` on white paper."""
    try:
        document = pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError as exc:
        raise UserError(
            "cannot read {path}: {reason}",
            "无法读取 {path}：{reason}",
            path=str(pdf),
            reason=str(exc),
        ) from exc
    try:
        for page in document:
            bitmap = page.render(scale=dpi / 72, fill_color=WHITE, rev_byteorder=True)
            yield PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer))
            page.close()
    finally:
        document.close()
