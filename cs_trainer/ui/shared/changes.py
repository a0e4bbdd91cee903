"""One broadcast for "data changed", so widgets never tell each other to reload.

An operation reports what it changed (e.g. ``{"candidates", "attempts"}``);
each page listens and decides for itself whether to refresh.
"""

from PySide6.QtCore import QObject, Signal

CANDIDATES = "candidates"
ATTEMPTS = "attempts"
SETTINGS = "settings"


class ChangeBus(QObject):
    """Carries the set of kinds of data an action changed."""

    changed = Signal(frozenset)

    def announce(self, *kinds: str) -> None:
        self.changed.emit(frozenset(kinds))
