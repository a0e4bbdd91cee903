"""The one "leave this test?" question every test-taking page asks.

No is the default button and Escape means "stay", so a stray key never ends a
test. Each page keeps a ``confirm_leave`` classmethod (tests replace it) whose body
is a call to :func:`ask_to_leave` with its own title and text.
"""

from PySide6.QtWidgets import QMessageBox, QWidget


def ask_to_leave(parent: QWidget, title: str, text: str) -> bool:
    """Whether the person really wants to leave; ``text`` says what happens to the answers."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, buttons, QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
