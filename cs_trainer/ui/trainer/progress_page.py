"""The trainer's progress screens: one trainee's record, and a cohort side by side.

The "Trainee" tab shows every finished attempt over time, the skills radar from
role-plays, the weakest situations and skills, and what to practise next. The
"Cohort" tab shows a sortable trainee × instrument table (latest and best
percentage) for a date range, and the cohort's weakest skills. Both read through
``services.progress`` off the GUI thread, and reload when the ChangeBus says that
attempts, trainees or cohorts changed.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.scenarios.labels import SKILL_NAMES, label
from cs_trainer.services import cohorts, progress, roleplays
from cs_trainer.services.progress import (
    CohortTable,
    ProgressPoint,
    Situation,
    SkillScore,
)
from cs_trainer.services.roleplays import Library, PractiseNext
from cs_trainer.store.database import Database
from cs_trainer.ui.roleplays.roleplay_catalogue_model import ROLEPLAYS
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ATTEMPTS, ChangeBus
from cs_trainer.ui.shared.operations import run_in_background
from cs_trainer.ui.shared.radar_chart import RadarChart
from cs_trainer.ui.shared.translation import content_text
from cs_trainer.ui.trainer.cohort_widgets import (
    NAME_COLUMN,
    AddTraineesDialog,
    CohortTableModel,
    NewCohortDialog,
    TraineeChoice,
    percent,
    sorted_proxy,
)
from cs_trainer.ui.trainer.trend_chart import TrendChart

COHORTS = "cohorts"
"""ChangeBus kind: a cohort was created or its members changed."""

RELOAD_ON = frozenset({ROLEPLAYS, ATTEMPTS, COHORTS})
Index = QModelIndex | QPersistentModelIndex


def skill_name(skill: str) -> str:
    return content_text(label(SKILL_NAMES, skill))


# -- what each tab loads, off the GUI thread ------------------------------------------------
@dataclass(frozen=True)
class TraineeProgress:
    timeline: list[ProgressPoint]
    skills: list[SkillScore]
    situations: list[Situation]
    advice: PractiseNext


def load_trainee(db: Database, person_id: int, library: Library) -> TraineeProgress:
    skills = progress.skill_profile(db, person_id)
    return TraineeProgress(
        progress.trainee_timeline(db, person_id),
        skills,
        progress.weakest_situations(db, person_id),
        progress.practise_next(db, person_id, library),
    )


@dataclass(frozen=True)
class CohortProgress:
    table: CohortTable
    skills: list[SkillScore]


def load_cohort(
    db: Database, cohort_id: int, since: date | None, until: date | None
) -> CohortProgress:
    return CohortProgress(
        progress.cohort_table(db, cohort_id, since, until),
        progress.cohort_skill_profile(db, cohort_id),
    )


class LatestLoad(QObject):
    """Runs loads in the background and shows only the newest one's result: a quick
    click through trainees must not end on the record of one clicked earlier."""

    def __init__(self, parent: QWidget, label_: str) -> None:
        super().__init__(parent)
        self._parent, self._label = parent, label_
        self._latest = 0
        self.pending = 0

    def start(self, work: Callable[[], Any], show: Callable[[Any], None]) -> None:
        self._latest += 1
        number = self._latest
        self.pending += 1

        def done(result: Any) -> None:
            if number == self._latest:
                show(result)

        operation = run_in_background(self._parent, self._label, work, done)
        operation.finished.connect(self._finished)

    def _finished(self) -> None:
        self.pending -= 1


# -- the cohort table -----------------------------------------------------------------------
class SkillBars(QWidget):
    """One bar per skill, weakest first; the weakest are red. Skills nobody practised
    yet come last, marked as such, so a gap is not mistaken for a weakness."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.order: list[str] = []
        self.weakest: list[str] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)

    def show_skills(self, skills: list[SkillScore]) -> None:
        while self._grid.count():
            item = self._grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        ranked = sorted(skills, key=lambda s: (s.percent is None, s.percent or 0.0))
        self.order = [s.skill for s in ranked]
        self.weakest = progress.weakest_skills(skills)
        for row, score in enumerate(ranked):
            self._grid.addWidget(QLabel(skill_name(score.skill)), row, 0)
            self._grid.addWidget(self._bar(score), row, 1)

    def _bar(self, score: SkillScore) -> QWidget:
        if score.percent is None:
            return _grey(QLabel(self.tr("not practised yet")))
        bar = QProgressBar()
        bar.setRange(0, 100)
        bar.setValue(round(score.percent))
        bar.setFormat(percent(score.percent))
        colour = "#e06055" if score.skill in self.weakest else "#6f9fd8"
        bar.setStyleSheet(
            f"QProgressBar {{ border: 1px solid #c5ced8; border-radius: 3px; text-align: center;"
            f" background: white; }} QProgressBar::chunk {{ background: {colour}; }}"
        )
        return bar


def _grey(label_: QLabel) -> QLabel:
    label_.setStyleSheet("color: #777;")
    return label_


def _list_box(title: str) -> tuple[QGroupBox, QListWidget]:
    box = QGroupBox(title)
    items = QListWidget()
    items.setWordWrap(True)
    items.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    items.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    QVBoxLayout(box).addWidget(items)
    return box, items


def _fill(items: QListWidget, lines: list[str], empty: str) -> None:
    items.clear()
    for line in lines:
        items.addItem(line)
    if not lines:
        placeholder = QListWidgetItem(empty)
        placeholder.setForeground(QBrush(QColor("#777777")))
        items.addItem(placeholder)


def cohort_of_each_trainee(db: Database) -> dict[int, cohorts.CohortSummary]:
    """Trainee ID → their cohort (trainees in none are absent)."""
    return {
        member.id: cohort
        for cohort in cohorts.list_cohorts(db)
        for member in cohorts.members(db, cohort.id)
    }


def fill_combo(combo: QComboBox, entries: Sequence[tuple[str, object]]) -> None:
    """Replace a combo's entries, keeping the chosen one when it is still there, without
    signalling the intermediate states (the caller reloads once)."""
    chosen = combo.currentData()
    # Filled after the first show (the page loads lazily): size to the entries each time.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.blockSignals(True)
    combo.clear()
    for text, data in entries:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
    combo.blockSignals(False)


# -- the tabs -------------------------------------------------------------------------------
NO_COHORT = -1


class TraineeProgressTab(QWidget):
    """One trainee: the trend of every attempt, skills radar, weak spots and advice."""

    refreshed = Signal()

    def __init__(self, db: Database, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._library = db, library
        self.loader = LatestLoad(self, self.tr("Loading the trainee's progress…"))
        self.cohort_filter = QComboBox()
        self.trainee_combo = QComboBox()
        self.trainee_combo.setMinimumWidth(180)
        self.trend = TrendChart()
        self.radar = RadarChart(maximum=100)
        self.radar.setMinimumWidth(320)
        self.radar.setFrameShape(QFrame.Shape.NoFrame)
        self.radar.setBackgroundBrush(QColor("white"))  # no grey band around the chart
        situations, self.situations_list = _list_box(self.tr("Weakest situations"))
        skills, self.skills_list = _list_box(self.tr("Weakest skills"))
        advice, self.advice_list = _list_box(self.tr("What to practise next"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._picker_row())
        charts = QHBoxLayout()
        charts.addWidget(_titled(self.tr("Every finished attempt"), self.trend), 3)
        charts.addWidget(_titled(self.tr("Skills in role-plays"), self.radar), 2)
        layout.addLayout(charts, 3)
        lists = QHBoxLayout()
        for box in (situations, skills, advice):
            lists.addWidget(box, 1)
        layout.addLayout(lists, 1)
        self.cohort_filter.currentIndexChanged.connect(lambda _i: self._fill_trainees())
        self.trainee_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def _picker_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for text, combo in (
            (self.tr("&Cohort:"), self.cohort_filter),
            (self.tr("&Trainee:"), self.trainee_combo),
        ):
            caption = QLabel(text)
            caption.setBuddy(combo)
            row.addWidget(caption)
            row.addWidget(combo)
        row.addStretch(1)
        return row

    def reload(self) -> None:
        """Re-read cohorts and trainees, then the chosen trainee's record."""
        fill_combo(
            self.cohort_filter,
            [
                (self.tr("All trainees"), None),
                *((c.name, c.id) for c in cohorts.list_cohorts(self._db)),
                (self.tr("Not in a cohort"), NO_COHORT),
            ],
        )
        self._fill_trainees()

    def _fill_trainees(self) -> None:
        wanted = self.cohort_filter.currentData()
        in_cohort = {
            person: cohort.id for person, cohort in cohort_of_each_trainee(self._db).items()
        }
        shown = [
            (t.name, t.id)
            for t in roleplays.list_trainees(self._db)
            if wanted is None or in_cohort.get(t.id, NO_COHORT) == wanted
        ]
        fill_combo(self.trainee_combo, shown)
        self.refresh()

    def trainee_id(self) -> int | None:
        data = self.trainee_combo.currentData()
        return int(data) if data is not None else None

    def select_trainee(self, person_id: int) -> None:
        self.trainee_combo.setCurrentIndex(self.trainee_combo.findData(person_id))

    def refresh(self) -> None:
        person = self.trainee_id()
        if person is None:
            self.loader.start(lambda: None, self._show)
            return
        db, library = self._db, self._library
        self.loader.start(lambda: load_trainee(db, person, library), self._show)

    def _show(self, record: TraineeProgress | None) -> None:
        self.trend.show_points(record.timeline if record else [])
        skills = record.skills if record else []
        self.radar.show_values([(skill_name(s.skill), s.percent) for s in skills])
        self._show_lists(record)
        self.refreshed.emit()

    def _show_lists(self, record: TraineeProgress | None) -> None:
        none_yet = self.tr("No role-play finished yet")
        # A situation already mastered is not a weak one, even among the three lowest.
        situations = [s for s in (record.situations if record else []) if s.best_percent < 100]
        _fill(
            self.situations_list,
            [f"{content_text(s.title)} — {percent(s.best_percent)}" for s in situations],
            self.tr("Every role-play tried is at 100%")
            if record and record.situations
            else none_yet,
        )
        scores = {s.skill: s.percent for s in record.skills} if record else {}
        weakest = record.advice.skills if record else []
        _fill(
            self.skills_list,
            [f"{skill_name(s)} — {percent(scores.get(s))}" for s in weakest],
            none_yet,
        )
        _fill(self.advice_list, self._advice_lines(record), self.tr("Choose a trainee"))

    def _advice_lines(self, record: TraineeProgress | None) -> list[str]:
        if record is None:
            return []
        best: dict[str, float] = {}
        for point in record.timeline:
            if point.kind == progress.ROLEPLAY:
                best[point.instrument_id] = max(point.percent, best.get(point.instrument_id, 0))
        lines = []
        for scenario_id in record.advice.scenario_ids:
            title = content_text(self._library.get(scenario_id).title)
            status = (
                self.tr("best so far %1").replace("%1", percent(best[scenario_id]))
                if scenario_id in best
                else self.tr("not tried yet")
            )
            lines.append(self.tr("%1 (%2)").replace("%1", title).replace("%2", status))
        return lines


class CohortProgressTab(QWidget):
    """A cohort's table of results in a date range, its members, and its weakest skills."""

    refreshed = Signal()
    cohort_created = Signal(int)
    members_added = Signal(list)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.loader = LatestLoad(self, self.tr("Loading the cohort's results…"))
        self.model = CohortTableModel(self)
        self.proxy = sorted_proxy(self.model)
        self.cohort_combo = QComboBox()
        self.cohort_combo.setMinimumWidth(200)
        self.new_button = QPushButton(self.tr("&New cohort…"))
        self.add_button = QPushButton(self.tr("&Add trainees…"))
        self.since_box, self.since_edit = QCheckBox(self.tr("&From")), _date_edit(-30)
        self.until_box, self.until_edit = QCheckBox(self.tr("T&o")), _date_edit(0)
        self.table = self._table()
        self.summary_label = _grey(QLabel())
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
        inside.addWidget(_grey(QLabel(self.tr("All role-plays, whatever the dates above."))))
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
        for widget in (caption, self.cohort_combo, self.new_button, self.add_button):
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
        self.add_button.setEnabled(bool(entries))
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
            self.loader.start(lambda: None, self._show)
            return
        db, (since, until) = self._db, self.date_range()
        self.loader.start(lambda: load_cohort(db, cohort, since, until), self._show)

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
    def new_cohort(self) -> int | None:
        name = NewCohortDialog.ask(self)
        if name is None:
            return None
        try:
            cohort = cohorts.create_cohort(self._db, name)
        except UserError as exc:
            problems.show_problem(self, str(exc))
            return None
        self.reload(select=cohort)
        self.cohort_created.emit(cohort)
        return cohort

    def add_trainees(self) -> list[int]:
        cohort = self.cohort_id()
        if cohort is None:
            return []
        current = cohort_of_each_trainee(self._db)
        here = {m.id for m in cohorts.members(self._db, cohort)}
        choices = [
            TraineeChoice(t.id, t.name, current[t.id].name if t.id in current else None)
            for t in roleplays.list_trainees(self._db)
            if t.id not in here
        ]
        name = next(c.name for c in cohorts.list_cohorts(self._db) if c.id == cohort)
        chosen = AddTraineesDialog.ask(self, name, choices)
        try:
            for person in chosen:
                cohorts.assign(self._db, person, cohort)
        except UserError as exc:  # e.g. the cohort was removed from another laptop
            problems.show_problem(self, str(exc))
        if chosen:
            self.members_added.emit(chosen)
        return chosen


def _date_edit(days_from_today: int) -> QDateEdit:
    edit = QDateEdit(QDate.currentDate().addDays(days_from_today))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _titled(title: str, widget: QWidget) -> QGroupBox:
    box = QGroupBox(title)
    QVBoxLayout(box).addWidget(widget)
    return box


# -- the page -------------------------------------------------------------------------------
class ProgressPage(QWidget):
    """The trainer's page: a "Trainee" tab and a "Cohort" tab, reloaded when attempts,
    trainees or cohorts change.

    Nothing is read until the page is first shown, and a change announced while it is
    hidden waits until it shows again: a cohort's table can take a second to build.
    """

    def __init__(
        self, db: Database, bus: ChangeBus, library: Library, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._stale = True
        self.trainee_tab = TraineeProgressTab(db, library)
        self.cohort_tab = CohortProgressTab(db)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.trainee_tab, self.tr("Trainee"))
        self.tabs.addTab(self.cohort_tab, self.tr("Cohort"))
        heading = QLabel(self.tr("<h2>Progress</h2>"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        bus.changed.connect(self._on_changed)
        self.cohort_tab.cohort_created.connect(lambda _id: bus.announce(COHORTS))
        self.cohort_tab.members_added.connect(lambda _ids: bus.announce(COHORTS))

    def reload(self) -> None:
        self._stale = False
        self.trainee_tab.reload()
        self.cohort_tab.reload()

    def busy(self) -> bool:
        """Whether a load is still running (tests wait for it)."""
        return bool(self.trainee_tab.loader.pending or self.cohort_tab.loader.pending)

    def _on_changed(self, kinds: frozenset[str]) -> None:
        if kinds & RELOAD_ON:
            self._stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()
