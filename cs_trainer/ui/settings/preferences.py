"""Per-machine preferences, declared once and read through their declaration.

Window geometry is kept apart under ``window/`` so that resetting preferences
never resets the layout. Department-wide settings (the organisation name) live
in the database instead, see :mod:`cs_trainer.services.app_settings`.
"""

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Setting:
    """One preference: its QSettings key and default value."""

    key: str
    default: str


LANGUAGE = Setting("language", "system")  # "system", "zh" or "en"
INTERVIEWER = Setting("interviewer", "")  # who conducts tests on this laptop
LAST_PDF_FOLDER = Setting("last_pdf_folder", "")
OPEN_PDF_AFTER_SAVE = Setting("open_pdf_after_save", "true")  # in the system viewer
ROLEPLAY_FEEDBACK = Setting("roleplay_feedback", "each")  # "each" choice or only at the "end"
GEOMETRY_KEY = "window/geometry"


def read(setting: Setting) -> str:
    value = QSettings().value(setting.key, setting.default)
    return str(value) if value is not None else setting.default


def write(setting: Setting, value: str) -> None:
    QSettings().setValue(setting.key, value)


def saved_geometry() -> QByteArray | None:
    value = QSettings().value(GEOMETRY_KEY)
    return value if isinstance(value, QByteArray) else None


def save_geometry(geometry: QByteArray) -> None:
    QSettings().setValue(GEOMETRY_KEY, geometry)
