"""Line edits that stop at their column's length, so a person sees the limit as they type.

The write session refuses a longer text anyway (:mod:`cs_trainer.store.field_limits`,
for the CLI and pasted files alike); stopping the typing first spares the round trip.
"""

from PySide6.QtWidgets import QLineEdit

from cs_trainer.store.field_limits import bounded_columns

_LIMITS = {(table, column): limit for table, column, limit in bounded_columns()}


def bounded_edit(table: str, column: str, text: str = "") -> QLineEdit:
    """A QLineEdit holding at most what ``table.column`` stores."""
    edit = QLineEdit(text)
    edit.setMaxLength(_LIMITS[(table, column)])
    return edit
