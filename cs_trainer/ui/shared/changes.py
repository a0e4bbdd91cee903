"""One broadcast for "data changed", so widgets never tell each other to reload.

The operation route (:mod:`cs_trainer.ui.shared.operations`) announces the kinds
of data an operation's services reported changing (the kinds are declared once,
in :mod:`cs_trainer.changes`); each page listens and decides for itself whether to
refresh. Pages never announce changes themselves.
"""

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    """Carries the set of kinds of data an operation changed."""

    changed = Signal(frozenset)

    def announce(self, *kinds: str) -> None:
        self.changed.emit(frozenset(kinds))
