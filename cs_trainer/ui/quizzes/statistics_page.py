"""The trainer's statistics: which quiz items work, and where role-play trainees go wrong.

The numbers are computed by :mod:`cs_trainer.services.statistics` off the GUI thread
(through :class:`~cs_trainer.ui.shared.operations.Op`); this page only picks what to
compute and shows the result. A result that arrives after the trainer picked something
else is dropped.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.quizzes.item_statistics import QuizReport
from cs_trainer.scenarios.choice_statistics import ChoiceReport
from cs_trainer.services import cohorts, statistics
from cs_trainer.services.roleplays import Library
from cs_trainer.store.database import Database
from cs_trainer.ui.quizzes.choice_cards import NodeCard
from cs_trainer.ui.quizzes.item_statistics_model import (
    FLAGGED_TEXT,
    ITEM_COLUMN,
    ItemStatisticsModel,
    number,
)
from cs_trainer.ui.roleplays.roleplay_end import WrapLabel
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.translation import content_text

BANNER_STYLE = "background: #fff4d6; border: 1px solid #e0b84c; border-radius: 6px; padding: 6px;"


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
            lambda db: statistics.quiz_report(db, bank, cohort),
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
            lambda db: statistics.roleplay_choice_report(db, scenario, cohort),
            self._show_choices,
        )

    def _start(
        self, kind: str, label: str, work: Callable[[Database], Any], show: Callable[[Any], None]
    ) -> None:
        generation = self._next(kind)

        def shown(result: Any) -> None:
            if self._generation[kind] == generation:  # otherwise a newer request is running
                show(result)

        self._running += 1
        op = Op(self, self._db, work).success(shown).with_progress(label)
        op.finished.connect(self._operation_finished)
        op.run()

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
