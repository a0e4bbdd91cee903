"""Where windows and splitters were left, kept apart from the user's preferences.

Layout is remembered, not chosen: it lives in its own QSettings group
(``window/``), is not declared in :mod:`cs_trainer.ui.settings.preferences` and
is never shown on the settings page, so clearing or resetting preferences leaves
the layout alone and a layout saved by another Qt version is simply ignored.
"""

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter

GROUP = "window"
GEOMETRY_KEY = f"{GROUP}/geometry"


def saved_geometry() -> QByteArray | None:
    return _saved(GEOMETRY_KEY)


def save_geometry(geometry: QByteArray) -> None:
    QSettings().setValue(GEOMETRY_KEY, geometry)


def keep_splitter_sizes(splitter: QSplitter, name: str) -> None:
    """Restore the sizes ``splitter`` had when the user last moved it, and keep them
    from now on; ``name`` tells the application's splitters apart."""
    key = f"{GROUP}/splitters/{name}"
    state = _saved(key)
    if state is not None:
        splitter.restoreState(state)  # False (sizes left as built) when the panes changed
    splitter.splitterMoved.connect(lambda *_: QSettings().setValue(key, splitter.saveState()))


def _saved(key: str) -> QByteArray | None:
    value = QSettings().value(key)
    return value if isinstance(value, QByteArray) else None
