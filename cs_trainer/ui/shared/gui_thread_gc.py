"""Python's cycle collector runs on the GUI thread only, as in Anki's ``GarbageCollector``.

The collector runs in whichever thread happens to allocate past its threshold. When that
is the operations' worker thread, it may free a cycle holding a Qt object that lives on
the GUI thread, and Qt deletes it there, under the GUI thread's feet: the process dies
("Fatal Python error: Segmentation fault / Bus error" in a thread with no Python frame,
"Garbage-collecting"). So automatic collection is switched off and a timer on the GUI
thread collects, with Python's own thresholds, about once a second. Reference counting,
which frees almost everything, is untouched.
"""

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 1000
_collector: "GuiThreadCollector | None" = None


class GuiThreadCollector(QObject):
    """Collects each generation whose count passed Python's threshold, on the GUI thread."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(INTERVAL_MS)
        gc.disable()

    def collect_due(self) -> int:
        """Collect as the automatic collector would have by now; returns what it freed."""
        counts = gc.get_count()
        generation = -1
        for level in range(3):
            if counts[level] <= self.thresholds[level]:
                break
            generation = level
        return gc.collect(generation) if generation >= 0 else 0


def install() -> None:
    """Move cycle collection to the GUI thread (once; needs the application object).

    Call it on the GUI thread before any other thread runs Python code.
    """
    global _collector
    app = QCoreApplication.instance()
    if _collector is None and app is not None:
        _collector = GuiThreadCollector(app)
