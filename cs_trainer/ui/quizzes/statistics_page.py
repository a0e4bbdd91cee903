"""The trainer's statistics: which quiz items work, and where role-play trainees go wrong.

The numbers are computed by :mod:`cs_trainer.services.statistics` off the GUI thread
(through :func:`run_in_background`); this page only picks what to compute and shows
the result. A result that arrives after the trainer picked something else is dropped.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPaintEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.quizzes.item_statistics import ItemReport, QuizReport
from cs_trainer.scenarios.choice_statistics import ChoiceReport, ChoiceShare, NodeChoices
from cs_trainer.services import cohorts, statistics
from cs_trainer.services.roleplays import Library
from cs_trainer.store.database import Database
from cs_trainer.ui.roleplays.roleplay_end import WrapLabel, plain_label
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import run_in_background
from cs_trainer.ui.shared.translation import content_text

Index = QModelIndex | QPersistentModelIndex
ITEM_COLUMN, ANSWERED_COLUMN, FACILITY_COLUMN, D27_COLUMN, RPB_COLUMN, ALPHA_COLUMN = range(6)
FLAGGED_BACKGROUND, FLAGGED_TEXT = "#fde4e1", "#9b1c1c"
WRONG_BACKGROUND, WRONG_BORDER = "#fff1e0", "#e39b3a"
BEST_COLOUR, WRONG_COLOUR, OTHER_COLOUR = "#2e9d4f", "#d9822b", "#7f9cc0"
BANNER_STYLE = "background: #fff4d6; border: 1px solid #e0b84c; border-radius: 6px; padding: 6px;"


def number(value: float | None, signed: bool = False) -> str:
    """Two decimals, a true minus sign, "—" for a statistic that does not exist."""
    if value is None:
        return "—"
    text = f"{value:+.2f}" if signed else f"{value:.2f}"
    return text.replace("-", "−")


class ItemStatisticsModel(QAbstractTableModel):
    """One row per quiz item; flagged rows (negative discrimination) are highlighted."""

    def __init__(self) -> None:
        super().__init__()
        self._items: list[ItemReport] = []
        self._kr20: float | None = None
        self._headers = [
            self.tr("Question"),
            self.tr("Answered"),
            self.tr("Facility"),
            self.tr("D (27 %)"),
            self.tr("r (item–rest)"),
            self.tr("KR-20 if deleted"),
        ]
        self._header_tips = [
            "",
            self.tr("How many finished attempts answered the item"),
            self.tr("Share of trainees who got it right (0–1): near 1 is very easy"),
            self.tr("Right in the top 27 % minus right in the bottom 27 %; 0.3 or more is good"),
            self.tr("Corrected point-biserial: how well the item agrees with the rest of the quiz"),
            self.tr("The quiz's reliability if this item were removed; higher than now: weak item"),
        ]

    def set_report(self, report: QuizReport | None) -> None:
        self.beginResetModel()
        self._items = list(report.items) if report is not None else []
        self._kr20 = report.kr20 if report is not None else None
        self.endResetModel()

    def item(self, row: int) -> ItemReport:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips[section] or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        if role == Qt.ItemDataRole.BackgroundRole and item.flagged:
            return QBrush(QColor(FLAGGED_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole and _is_negative(item, column):
            return QBrush(QColor(FLAGGED_TEXT))
        if role == Qt.ItemDataRole.FontRole and column == ALPHA_COLUMN and self._raises(item):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column != ITEM_COLUMN:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, item: ItemReport, column: int) -> str:
        if column == ITEM_COLUMN:
            return content_text(item.question) if item.question else item.item_id
        if column == ANSWERED_COLUMN:
            return str(item.attempts)
        return [
            number(item.facility),
            number(item.discrimination_27, signed=True),
            number(item.point_biserial, signed=True),
            number(item.alpha_if_deleted),
        ][column - FACILITY_COLUMN]

    def _raises(self, item: ItemReport) -> bool:
        """Removing the item would make the quiz more reliable."""
        alpha = item.alpha_if_deleted
        return alpha is not None and self._kr20 is not None and alpha > self._kr20

    def _tooltip(self, item: ItemReport, column: int) -> str | None:
        if item.flagged:
            return self.tr("Negative discrimination: check the key")
        if item.too_few:
            return self.tr("Too few attempts answered this item for statistics")
        if column == ALPHA_COLUMN and self._raises(item):
            return self.tr("The quiz would be more reliable without this item")
        if column == ITEM_COLUMN:
            return f"{self._display(item, column)}\n[{item.item_id}]"
        return None


def _is_negative(item: ItemReport, column: int) -> bool:
    value = {D27_COLUMN: item.discrimination_27, RPB_COLUMN: item.point_biserial}.get(column)
    return value is not None and value < 0


class ShareBar(QWidget):
    """A horizontal bar filled to a choice's share of a node's visits."""

    def __init__(self, share: float | None, colour: str) -> None:
        super().__init__()
        self.share = share or 0.0
        self._colour = QColor(colour)
        self.setFixedSize(180, 16)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e9edf2"))
        painter.drawRoundedRect(self.rect(), 4, 4)
        if self.share > 0:
            filled = self.rect().adjusted(0, 0, -round(self.width() * (1 - self.share)), 0)
            painter.setBrush(self._colour)
            painter.drawRoundedRect(filled, 4, 4)
        painter.end()


class NodeCard(QFrame):
    """One node: the customer's line, how often it was reached, each choice's share as a
    bar; the best choice is marked, and the card is highlighted where most go wrong."""

    def __init__(self, node: NodeChoices) -> None:
        super().__init__()
        self.node = node
        self.setObjectName("nodeCard")
        background, border = (
            (WRONG_BACKGROUND, WRONG_BORDER) if node.goes_wrong else ("white", "#c8d3e0")
        )
        self.setStyleSheet(
            f"#nodeCard {{ background: {background}; border: 1px solid {border};"
            " border-radius: 8px; } QLabel { background: transparent; }"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self._heading())
        layout.addWidget(plain_label(WrapLabel(content_text(node.customer), "font-size: 12pt;")))
        if node.goes_wrong:
            self.warning = QLabel(
                self.tr("Most trainees choose differently from the best answer here.")
            )
            self.warning.setStyleSheet(f"color: {FLAGGED_TEXT}; font-weight: bold;")
            layout.addWidget(self.warning)
        layout.addLayout(self._choices())

    def _heading(self) -> QLabel:
        parts = [self.tr("The customer says")]
        if self.node.reached:
            parts.append(self.tr("reached %1×").replace("%1", str(self.node.reached)))
        else:
            parts.append(self.tr("not reached yet"))
        if not self.node.on_best_path:
            parts.append(self.tr("off the best path"))
        heading = QLabel("  ·  ".join(parts))
        heading.setStyleSheet("color: #555;")
        return heading

    def _choices(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        most = max((choice.taken for choice in self.node.choices), default=0)
        for row, choice in enumerate(self.node.choices):
            marker = QLabel(self.tr("✔ best") if choice.best else "")
            marker.setStyleSheet(f"color: {BEST_COLOUR}; font-weight: bold;")
            text = plain_label(WrapLabel(content_text(choice.text)))
            if choice.best:
                text.setStyleSheet("font-weight: bold;")
            grid.addWidget(marker, row, 0)
            grid.addWidget(text, row, 1)
            grid.addWidget(ShareBar(choice.share, self._colour(choice, most)), row, 2)
            grid.addWidget(QLabel(_share_text(choice)), row, 3)
        return grid

    def _colour(self, choice: ChoiceShare, most: int) -> str:
        if choice.best:
            return BEST_COLOUR
        if self.node.goes_wrong and choice.taken == most:
            return WRONG_COLOUR
        return OTHER_COLOUR


def _share_text(choice: ChoiceShare) -> str:
    if choice.share is None:
        return "—"
    return f"{round(choice.share * 100)} % ({choice.taken})"


class StatisticsPage(QWidget):
    """Quiz item statistics and role-play choice counts, for all trainees or one cohort.

    Nothing is computed until the page is first shown, and after a change elsewhere
    only once it shows again. ``quiz_report_shown`` and ``choice_report_shown`` are
    emitted when a computed result is on screen (tests wait on them).
    """

    quiz_report_shown = Signal()
    choice_report_shown = Signal()

    def __init__(
        self, db: Database, bus: ChangeBus, library: Library, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.library = library
        self._stale = True  # computed when first shown, not while the app starts
        self._generation = {"quiz": 0, "choices": 0}
        self._running = 0
        self.quiz_report: QuizReport | None = None
        self.choice_report: ChoiceReport | None = None
        self.cards_shown: list[NodeCard] = []
        self.model = ItemStatisticsModel()
        self._build()
        bus.changed.connect(self._on_changed)

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.cohort_combo = QComboBox()
        self.cohort_combo.setMinimumWidth(180)
        self.cohort_combo.currentIndexChanged.connect(lambda _i: self._compute_both())
        cohort_label = QLabel(self.tr("&Cohort:"))
        cohort_label.setBuddy(self.cohort_combo)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("<h2>Statistics</h2>")))
        top.addStretch(1)
        top.addWidget(cohort_label)
        top.addWidget(self.cohort_combo)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._quiz_tab(), self.tr("Quiz items"))
        self.tabs.addTab(self._roleplay_tab(), self.tr("Role-play choices"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _quiz_tab(self) -> QWidget:
        self.bank_combo = QComboBox()
        self.bank_combo.setMinimumWidth(220)
        self.bank_combo.currentIndexChanged.connect(lambda _i: self.compute_quiz())
        bank_label = QLabel(self.tr("&Quiz:"))
        bank_label.setBuddy(self.bank_combo)
        self.quiz_summary = QLabel()
        self.quiz_summary.setObjectName("quizSummary")
        self.quiz_summary.setWordWrap(True)
        self.too_few_label = WrapLabel(style=BANNER_STYLE + " color: #5c4400;")
        self.too_few_label.setObjectName("tooFewBanner")
        self.too_few_label.hide()
        self.table = self._table()
        self.legend = QLabel(
            self.tr("Rows in red have a negative discrimination: check their answer key.")
        )
        self.legend.setStyleSheet(f"color: {FLAGGED_TEXT};")
        self.legend.hide()
        row = QHBoxLayout()
        row.addWidget(bank_label)
        row.addWidget(self.bank_combo)
        row.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.quiz_summary)
        layout.addWidget(self.too_few_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        return tab

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(30)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ITEM_COLUMN, QHeaderView.ResizeMode.Stretch)
        return table

    def _roleplay_tab(self) -> QWidget:
        self.scenario_combo = QComboBox()
        self.scenario_combo.setMinimumWidth(260)
        for loaded in self.library.scenarios:
            self.scenario_combo.addItem(content_text(loaded.scenario.title), loaded.scenario.id)
        self.scenario_combo.currentIndexChanged.connect(lambda _i: self.compute_choices())
        scenario_label = QLabel(self.tr("&Scenario:"))
        scenario_label.setBuddy(self.scenario_combo)
        self.choice_summary = WrapLabel()
        self.choice_summary.setObjectName("choiceSummary")
        self.cards = QWidget()
        self.cards_layout = QVBoxLayout(self.cards)
        self.cards_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.cards)
        row = QHBoxLayout()
        row.addWidget(scenario_label)
        row.addWidget(self.scenario_combo)
        row.addStretch(1)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.choice_summary)
        layout.addWidget(scroll, 1)
        return tab

    # -- what to compute --------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the banks and cohorts (quick queries), then recompute both tabs."""
        self._refill(self.cohort_combo, self._cohort_entries())
        self._refill(self.bank_combo, [(bank, bank) for bank in statistics.quiz_banks(self._db)])
        self._compute_both()

    def _cohort_entries(self) -> list[tuple[str, object]]:
        found = [(cohort.name, cohort.id) for cohort in cohorts.list_cohorts(self._db)]
        return [(self.tr("All trainees"), None), *found]

    @staticmethod
    def _refill(combo: QComboBox, entries: list[tuple[str, object]]) -> None:
        """Replace a combo's entries, keeping the current choice when it still exists."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in entries:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        combo.blockSignals(False)

    def cohort_id(self) -> int | None:
        data = self.cohort_combo.currentData()
        return int(data) if data is not None else None

    def _compute_both(self) -> None:
        self.compute_quiz()
        self.compute_choices()

    def compute_quiz(self) -> None:
        bank, cohort = self.bank_combo.currentData(), self.cohort_id()
        if bank is None:
            self._next("quiz")  # drop anything still computing
            self._show_quiz(None)
            return
        self._start(
            "quiz",
            self.tr("Computing item statistics…"),
            lambda: statistics.quiz_report(self._db, bank, cohort),
            self._show_quiz,
        )

    def compute_choices(self) -> None:
        scenario_id, cohort = self.scenario_combo.currentData(), self.cohort_id()
        if scenario_id is None:
            self._next("choices")
            self._show_choices(None)
            return
        scenario = self.library.get(scenario_id)
        self._start(
            "choices",
            self.tr("Counting role-play choices…"),
            lambda: statistics.roleplay_choice_report(self._db, scenario, cohort),
            self._show_choices,
        )

    def _start(
        self, kind: str, label: str, work: Callable[[], Any], show: Callable[[Any], None]
    ) -> None:
        generation = self._next(kind)

        def shown(result: Any) -> None:
            if self._generation[kind] == generation:  # otherwise a newer request is running
                show(result)

        self._running += 1
        operation = run_in_background(self, label, work, shown)
        operation.finished.connect(self._operation_finished)

    def _operation_finished(self) -> None:
        self._running -= 1

    def is_computing(self) -> bool:
        """Whether some statistic is still being computed (including superseded ones)."""
        return self._running > 0

    def _next(self, kind: str) -> int:
        self._generation[kind] += 1
        return self._generation[kind]

    # -- showing results ---------------------------------------------------------------------
    def _show_quiz(self, report: QuizReport | None) -> None:
        self.quiz_report = report
        self.model.set_report(report)
        self.quiz_summary.setText(self._quiz_summary(report))
        too_few = report is not None and report.too_few
        self.too_few_label.setVisible(too_few)
        self.legend.setVisible(report is not None and bool(report.flagged))
        if report is not None and too_few:
            self.too_few_label.setText(
                self.tr(
                    "Too few attempts (%1 of %2 needed) for reliable statistics: "
                    "the numbers appear once enough trainees have finished this quiz."
                )
                .replace("%1", str(report.attempts))
                .replace("%2", str(report.min_attempts))
            )
        self.quiz_report_shown.emit()

    def _quiz_summary(self, report: QuizReport | None) -> str:
        if report is None:
            return self.tr("No quiz has been finished yet.")
        attempts = self.tr("Finished attempts: <b>N = %1</b>").replace("%1", str(report.attempts))
        if report.too_few:
            return attempts
        if report.kr20 is None:
            reliability = self.tr("KR-20: not available (too few shared items or no spread)")
        else:
            reliability = (
                self.tr("<b>KR-20 = %1</b> over the %2 items everyone answered")
                .replace("%1", number(report.kr20))
                .replace("%2", str(len(report.reliability_items)))
            )
        parts = [attempts, reliability]
        rare = sum(1 for item in report.items if item.too_few)
        if rare:  # random draws spread the answers thin: say so rather than show blanks
            parts.append(
                self.tr("Items answered fewer than %1 times (no numbers yet): %2")
                .replace("%1", str(report.min_attempts))
                .replace("%2", str(rare))
            )
        if report.flagged:
            to_check = self.tr("Items to check: %1").replace("%1", str(len(report.flagged)))
            parts.append(f"<span style='color:{FLAGGED_TEXT}'>{to_check}</span>")
        return "  ·  ".join(parts)

    def _show_choices(self, report: ChoiceReport | None) -> None:
        self.choice_report = report
        for card in self.cards_shown:
            self.cards_layout.removeWidget(card)
            card.hide()
            card.deleteLater()
        nodes = report.nodes if report is not None else ()
        self.cards_shown = [NodeCard(node) for node in nodes]
        for position, card in enumerate(self.cards_shown):
            self.cards_layout.insertWidget(position, card)  # before the closing stretch
        self.choice_summary.setText(self._choice_summary(report))
        self.choice_report_shown.emit()

    def _choice_summary(self, report: ChoiceReport | None) -> str:
        if report is None:
            return self.tr("No scenarios are installed.")
        text = self.tr("Play-throughs: <b>%1</b>. The nodes of the best path come first.")
        text = text.replace("%1", str(report.paths))
        if report.other_versions:
            text += " " + self.tr(
                "Not counted: %1 play-throughs of another version of this scenario."
            ).replace("%1", str(report.other_versions))
        return text

    # -- changes elsewhere ------------------------------------------------------------------
    def _on_changed(self, _kinds: frozenset[str]) -> None:
        # Any attempt, cohort or trainee may change the numbers; recomputing while hidden
        # would be wasted work, so wait until the page shows.
        self._stale = True
        if self.isVisible():
            self._catch_up()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._catch_up()

    def _catch_up(self) -> None:
        self._stale = False
        self.refresh()
