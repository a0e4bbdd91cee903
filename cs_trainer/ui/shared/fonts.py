"""Registering the shipped CJK font with Qt and making it the application font.

Asking for the font by name matters twice over: a laptop without CJK fonts
would otherwise show boxes, and Qt's fallback often picks Japanese glyph
shapes for Chinese text.
"""

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from cs_trainer.resources import FONT_FAMILY, font_path

_registered_families: list[str] = []


def shipped_font_families() -> list[str]:
    """Register the shipped font file with Qt (once per process); return its families."""
    if not _registered_families:
        font_id = QFontDatabase.addApplicationFont(str(font_path()))
        _registered_families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_registered_families)


def install_app_font(app: QApplication, point_size: int = 11) -> QFont:
    """Make the shipped Chinese font the application font, asked for by name."""
    shipped_font_families()
    font = QFont(FONT_FAMILY, point_size)
    app.setFont(font)
    return font
