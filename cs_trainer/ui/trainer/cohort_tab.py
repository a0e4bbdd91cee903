"""The progress page's "Cohort" tab: a cohort side by side, and its membership.

A sortable trainee × instrument table (latest and best percentage) for a date
range, the cohort's weakest skills, and the actions that make a cohort and put
trainees in it. Results are read off the GUI thread; creating a cohort and moving
trainees go through the operation route, whose broadcast of the changed cohorts
reloads this page and every other that shows them.

Adding trainees names the cohort's version read before the choice was offered: if
another laptop changed the cohort meanwhile, nothing is moved, the message says what
the cohort is now and the tab shows it afresh.
"""

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.services import cohorts, roleplays
from cs_trainer.services.progress import CohortTable
from cs_trainer.store.database import Database
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.trainer.cohort_widgets import (
    NAME_COLUMN,
    AddTraineesDialog,
    CohortTableModel,
    NewCohortDialog,
    TraineeChoice,
    sorted_proxy,
)
from cs_trainer.ui.trainer.progress_loads import (
    CohortProgress,
    LatestLoad,
    cohort_of_each_trainee,
    load_cohort,
)
from cs_trainer.ui.trainer.progress_widgets import SkillBars, fill_combo, grey, skill_name

T = TypeVar("T")


class CohortProgressTab(QWidget):
    """A cohort's table of results in a date range, its members, and its weakest skills."""

    refreshed = Signal()

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._bus = db, bus
        self._changing = False  # a cohort change is on its way to the database
        self.loader = LatestLoad(self, db, self.tr("Loading the cohort's results…"))
        self.model = CohortTableModel(self)
        self.proxy = sorted_proxy(self.model)
        self.cohort_combo = QComboBox()
        self.cohort_combo.setMinimumWidth(200)
        self.new_button = QPushButton(self.tr("&New cohort…"))
        self.rename_button = QPushButton(self.tr("&Rename…"))
        self.add_button = QPushButton(self.tr("&Add trainees…"))
        self.since_box, self.since_edit = QCheckBox(self.tr("&From")), _date_edit(-30)
        self.until_box, self.until_edit = QCheckBox(self.tr("T&o")), _date_edit(0)
        self.table = self._table()
        self.summary_label = grey(QLabel())
        self.summary_label.setWordWrap(True)
        self.skill_bars = SkillBars()
        self.weakest_label = QLabel()
        self.weakest_label.setWordWrap(True)
        self._build()
        self._connect()

    def _build(self) -> None:
        skills = QGroupBox(self.tr("The cohort's weakest skills"))
        inside = QVBoxLayout(skills)
        inside.addWidget(self.weakest_label)
        inside.addWidget(self.skill_bars)
        inside.addWidget(grey(QLabel(self.tr("All role-plays, whatever the dates above."))))
        inside.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addWidget(skills, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_row())
        layout.addLayout(body, 1)
        layout.addWidget(self.summary_label)

    def _top_row(self) -> QHBoxLayout:
        caption = QLabel(self.tr("&Cohort:"))
        caption.setBuddy(self.cohort_combo)
        row = QHBoxLayout()
        for widget in (
            caption,
            self.cohort_combo,
            self.new_button,
            self.rename_button,
            self.add_button,
        ):
            row.addWidget(widget)
        row.addStretch(1)
        for dates in (self.since_box, self.since_edit, self.until_box, self.until_edit):
            row.addWidget(dates)
        return row

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(False)
        return table

    def _connect(self) -> None:
        self.cohort_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_button.clicked.connect(self.new_cohort)
        self.rename_button.clicked.connect(self.rename_cohort)
        self.add_button.clicked.connect(self.add_trainees)
        for box, edit in ((self.since_box, self.since_edit), (self.until_box, self.until_edit)):
            edit.setEnabled(False)
            box.toggled.connect(edit.setEnabled)
            box.toggled.connect(lambda _on: self.refresh())
            edit.dateChanged.connect(lambda _d: self.refresh())

    def cohort_id(self) -> int | None:
        data = self.cohort_combo.currentData()
        return int(data) if data is not None else None

    def date_range(self) -> tuple[date | None, date | None]:
        """The dates chosen; an unticked end is open."""
        since = self.since_edit.date().toPython() if self.since_box.isChecked() else None
        until = self.until_edit.date().toPython() if self.until_box.isChecked() else None
        assert since is None or isinstance(since, date)
        assert until is None or isinstance(until, date)
        return since, until

    def reload(self, select: int | None = None) -> None:
        """Re-read the cohorts (choosing ``select`` if given), then the chosen one's results."""
        entries = [(self._cohort_text(c), c.id) for c in cohorts.list_cohorts(self._db)]
        fill_combo(self.cohort_combo, entries)
        if select is not None:
            self.cohort_combo.blockSignals(True)
            self.cohort_combo.setCurrentIndex(self.cohort_combo.findData(select))
            self.cohort_combo.blockSignals(False)
        self._update_buttons()
        self.refresh()

    def _cohort_text(self, cohort: cohorts.CohortSummary) -> str:
        return (
            self.tr("%1 (trainees: %2)")
            .replace("%1", cohort.name)
            .replace("%2", str(cohort.members))
        )

    def refresh(self) -> None:
        cohort = self.cohort_id()
        if cohort is None:
            self.loader.start(lambda _database: None, self._show)
            return
        since, until = self.date_range()
        self.loader.start(lambda database: load_cohort(database, cohort, since, until), self._show)

    def _show(self, record: CohortProgress | None) -> None:
        self.model.set_table(record.table if record else CohortTable([], []))
        self.skill_bars.show_skills(record.skills if record else [])
        separator = self.tr(", ", "between the names in a list")
        weakest = separator.join(skill_name(s) for s in self.skill_bars.weakest)
        self.weakest_label.setText(
            self.tr("<b>Weakest:</b> %1").replace("%1", weakest) if weakest else ""
        )
        self.summary_label.setText(self._summary(record))
        self.refreshed.emit()

    def _summary(self, record: CohortProgress | None) -> str:
        if self.cohort_combo.count() == 0:
            return self.tr("No cohort yet: create one with “New cohort…”, then add trainees.")
        if record is None or not record.table.rows:
            return self.tr("This cohort has no trainees yet: use “Add trainees…”.")
        return (
            self.tr(
                "%1 trainees, %2 role-plays and tests. Each cell: latest / best result;"
                " click a heading to sort by best."
            )
            .replace("%1", str(len(record.table.rows)))
            .replace("%2", str(len(record.table.instruments)))
        )

    # -- actions ----------------------------------------------------------------------------
    def new_cohort(self) -> None:
        """Ask for a name, create the cohort, then show it."""
        name = NewCohortDialog.ask(self)
        if name is None:
            return
        self._run(lambda db: cohorts.create_cohort(db, name), lambda made: self.reload(select=made))

    def rename_cohort(self) -> None:
        """Ask for another name for the chosen cohort; rename it from the version read
        before asking, so another laptop's change meanwhile is refused, not renamed over."""
        cohort = self.cohort_id()
        if cohort is None:
            return
        seen = cohorts.get_cohort(self._db, cohort)
        name = NewCohortDialog.ask(self, seen.name)
        if name is None or name == seen.name:
            return
        self._run(
            lambda db: cohorts.rename_cohort(db, cohort, name, seen_version=seen.version),
            lambda _none: self.reload(select=cohort),
        )

    def add_trainees(self) -> None:
        """Offer every trainee not in the chosen cohort; move the ticked ones into it."""
        cohort = self.cohort_id()
        if cohort is None:
            return
        seen = cohorts.get_cohort(self._db, cohort)  # first: the choice offered is from then
        current = cohort_of_each_trainee(self._db)
        here = {m.id for m in cohorts.members(self._db, cohort)}
        choices = [
            TraineeChoice(t.id, t.name, current[t.id].name if t.id in current else None)
            for t in roleplays.list_trainees(self._db)
            if t.id not in here
        ]
        chosen = AddTraineesDialog.ask(self, seen.name, choices)
        if chosen:
            self._run(
                lambda db: cohorts.add_members(db, cohort, chosen, seen_version=seen.version),
                lambda _none: None,
            )

    def _run(self, work: Callable[[Database], T], done: Callable[[T], None]) -> None:
        """A cohort change through the operation route; the buttons wait for it, so a
        second click cannot offer trainees that are being moved already."""
        self._changing = True
        self._update_buttons()
        op = Op(self, self._db, work, self._bus).success(done).problem(self._refused)
        op.finished.connect(self._changed)
        op.run()

    def _refused(self, problem: UserError) -> None:
        """Tell the problem, then show what is saved: the trainees ticked move together
        or not at all, and another laptop's change is there to see."""
        problems.show_problem(self, problem)
        self.reload()

    def _changed(self) -> None:
        self._changing = False
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.new_button.setEnabled(not self._changing)
        chosen = not self._changing and self.cohort_combo.count() > 0
        self.add_button.setEnabled(chosen)
        self.rename_button.setEnabled(chosen)


def _date_edit(days_from_today: int) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate().addDays(days_from_today))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit
