"""How the reception pages write and colour points, the same in the table, the dialog
and the totals: signed as the printed sheet signs them, deductions red, bonuses green."""

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel

DEDUCTION_COLOUR = QColor("#B3261E")
BONUS_COLOUR = QColor("#2E7D32")
VALUE_STYLE = "font-size: 13pt;"


def signed(points: int) -> str:
    """Points with their sign, as the sheet prints them: -20, +100, 0."""
    return f"{points:+d}" if points else "0"


def points_brush(points: int) -> QBrush | None:
    if points < 0:
        return QBrush(DEDUCTION_COLOUR)
    return QBrush(BONUS_COLOUR) if points > 0 else None


def show_points(label: QLabel, points: int) -> None:
    """Signed points in red (deduction), green (bonus) or plain ink (none)."""
    label.setText(signed(points))
    colour = DEDUCTION_COLOUR if points < 0 else BONUS_COLOUR if points > 0 else None
    label.setStyleSheet(VALUE_STYLE + (f" color: {colour.name()};" if colour else ""))
