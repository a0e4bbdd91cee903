"""The quiz item statistics as a table model: one row per item, its numbers as text.

Apart from the statistics page because it is the page's one piece of model/view
(checked with pytest-qt's model tester on its own), and because what makes a row
stand out — negative discrimination, an item the quiz is better without — is
decided here, once, for every view of the table.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont

from cs_trainer.quizzes.item_statistics import ItemReport, QuizReport
from cs_trainer.ui.shared.table_model import Column, RowTableModel
from cs_trainer.ui.shared.translation import content_text

ITEM_COLUMN, ANSWERED_COLUMN, FACILITY_COLUMN, D27_COLUMN, RPB_COLUMN, ALPHA_COLUMN = range(6)
FLAGGED_BACKGROUND, FLAGGED_TEXT = "#fde4e1", "#9b1c1c"


def number(value: float | None, signed: bool = False) -> str:
    """Two decimals, a true minus sign, "—" for a statistic that does not exist."""
    if value is None:
        return "—"
    text = f"{value:+.2f}" if signed else f"{value:.2f}"
    return text.replace("-", "−")


class ItemStatisticsModel(RowTableModel[ItemReport]):
    """One row per quiz item; flagged rows (negative discrimination) are highlighted."""

    def __init__(self) -> None:
        super().__init__()
        self._kr20: float | None = None
        header_tips = {
            ANSWERED_COLUMN: self.tr("How many finished attempts answered the item"),
            FACILITY_COLUMN: self.tr(
                "Share of trainees who got it right (0–1): near 1 is very easy"
            ),
            D27_COLUMN: self.tr(
                "Right in the top 27 % minus right in the bottom 27 %; 0.3 or more is good"
            ),
            RPB_COLUMN: self.tr(
                "Corrected point-biserial: how well the item agrees with the rest of the quiz"
            ),
            ALPHA_COLUMN: self.tr(
                "The quiz's reliability if this item were removed; higher than now: weak item"
            ),
        }
        centred = Qt.AlignmentFlag.AlignCenter
        self.declare(
            [
                Column(self.tr("Question"), _question, tooltip=self._question_tooltip),
                Column(
                    self.tr("Answered"),
                    lambda item: str(item.attempts),
                    alignment=centred,
                    tooltip=self._warning,
                    header_tooltip=header_tips[ANSWERED_COLUMN],
                ),
                Column(
                    self.tr("Facility"),
                    lambda item: number(item.facility),
                    alignment=centred,
                    tooltip=self._warning,
                    header_tooltip=header_tips[FACILITY_COLUMN],
                ),
                Column(
                    self.tr("D (27 %)"),
                    lambda item: number(item.discrimination_27, signed=True),
                    alignment=centred,
                    tooltip=self._warning,
                    foreground=lambda item: _negative_brush(item.discrimination_27),
                    header_tooltip=header_tips[D27_COLUMN],
                ),
                Column(
                    self.tr("r (item–rest)"),
                    lambda item: number(item.point_biserial, signed=True),
                    alignment=centred,
                    tooltip=self._warning,
                    foreground=lambda item: _negative_brush(item.point_biserial),
                    header_tooltip=header_tips[RPB_COLUMN],
                ),
                Column(
                    self.tr("KR-20 if deleted"),
                    lambda item: number(item.alpha_if_deleted),
                    alignment=centred,
                    tooltip=self._alpha_tooltip,
                    font=self._alpha_font,
                    header_tooltip=header_tips[ALPHA_COLUMN],
                ),
            ],
            {Qt.ItemDataRole.BackgroundRole: _flagged_background},
        )

    def set_report(self, report: QuizReport | None) -> None:
        self._kr20 = report.kr20 if report is not None else None
        self.reset(report.items if report is not None else ())

    def item(self, row: int) -> ItemReport:
        return self.row(row)

    def _raises(self, item: ItemReport) -> bool:
        """Removing the item would make the quiz more reliable."""
        alpha = item.alpha_if_deleted
        return alpha is not None and self._kr20 is not None and alpha > self._kr20

    def _warning(self, item: ItemReport) -> str | None:
        """What is wrong with the item's numbers, shown over every cell of its row."""
        if item.flagged:
            return self.tr("Negative discrimination: check the key")
        if item.too_few:
            return self.tr("Too few attempts answered this item for statistics")
        return None

    def _question_tooltip(self, item: ItemReport) -> str:
        return self._warning(item) or f"{_question(item)}\n[{item.item_id}]"

    def _alpha_tooltip(self, item: ItemReport) -> str | None:
        if (warning := self._warning(item)) is not None:
            return warning
        if self._raises(item):
            return self.tr("The quiz would be more reliable without this item")
        return None

    def _alpha_font(self, item: ItemReport) -> QFont | None:
        if not self._raises(item):
            return None
        font = QFont()
        font.setBold(True)
        return font


def _question(item: ItemReport) -> str:
    return content_text(item.question) if item.question else item.item_id


def _negative_brush(value: float | None) -> QBrush | None:
    return QBrush(QColor(FLAGGED_TEXT)) if value is not None and value < 0 else None


def _flagged_background(item: ItemReport) -> QBrush | None:
    return QBrush(QColor(FLAGGED_BACKGROUND)) if item.flagged else None
