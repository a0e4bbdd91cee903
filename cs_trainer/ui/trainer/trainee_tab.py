"""The progress page's "Trainee" tab: one trainee's record over time.

The trend of every finished attempt, the skills radar from role-plays, the weakest
situations and skills, and what to practise next. The record is read off the GUI
thread (:class:`~cs_trainer.ui.trainer.progress_loads.LatestLoad`); the tab holds no
data of its own beyond what is on screen.
"""

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from cs_trainer.services import cohorts, progress, roleplays
from cs_trainer.services.roleplays import Library
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts import session
from cs_trainer.ui.shared.radar_chart import RadarChart
from cs_trainer.ui.shared.translation import content_text
from cs_trainer.ui.trainer.cohort_widgets import percent
from cs_trainer.ui.trainer.progress_loads import (
    LatestLoad,
    TraineeProgress,
    cohort_of_each_trainee,
    load_trainee,
)
from cs_trainer.ui.trainer.progress_widgets import (
    fill_combo,
    fill_list,
    list_box,
    skill_name,
    titled,
)
from cs_trainer.ui.trainer.trend_chart import TrendChart

NO_COHORT = -1
"""The cohort filter's entry for trainees who are in no cohort."""


class TraineeProgressTab(QWidget):
    """One trainee: the trend of every attempt, skills radar, weak spots and advice."""

    refreshed = Signal()

    def __init__(self, db: Database, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._library = db, library
        self.loader = LatestLoad(self, db, self.tr("Loading the trainee's progress…"))
        self.cohort_filter = QComboBox()
        self.trainee_combo = QComboBox()
        self.trainee_combo.setMinimumWidth(180)
        self.trend = TrendChart()
        self.radar = RadarChart(maximum=100)
        self.radar.setMinimumWidth(320)
        self.radar.setFrameShape(QFrame.Shape.NoFrame)
        self.radar.setBackgroundBrush(QColor("white"))  # no grey band around the chart
        situations, self.situations_list = list_box(self.tr("Weakest situations"))
        skills, self.skills_list = list_box(self.tr("Weakest skills"))
        advice, self.advice_list = list_box(self.tr("What to practise next"))
        layout = QVBoxLayout(self)
        layout.addLayout(self._picker_row())
        charts = QHBoxLayout()
        charts.addWidget(titled(self.tr("Every finished attempt"), self.trend), 3)
        charts.addWidget(titled(self.tr("Skills in role-plays"), self.radar), 2)
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
        if session.is_trainee():  # no cohorts, no other trainees: their own progress
            self.cohort_filter.hide()
            item = row.itemAt(0)
            cohort_caption = item.widget() if item is not None else None
            if cohort_caption is not None:
                cohort_caption.hide()
            session.fix_trainee_picker(self.trainee_combo)
        return row

    def reload(self) -> None:
        """Re-read cohorts and trainees, then the chosen trainee's record."""
        if session.is_trainee():  # a trainee sees their own progress only
            fill_combo(self.trainee_combo, session.trainees_to_pick(self._db))
            self.refresh()
            return
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
            self.loader.start(lambda _database: None, self._show)
            return
        library = self._library
        self.loader.start(lambda database: load_trainee(database, person, library), self._show)

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
        fill_list(
            self.situations_list,
            [f"{content_text(s.title)} — {percent(s.best_percent)}" for s in situations],
            self.tr("Every role-play tried is at 100%")
            if record and record.situations
            else none_yet,
        )
        scores = {s.skill: s.percent for s in record.skills} if record else {}
        weakest = record.advice.skills if record else []
        fill_list(
            self.skills_list,
            [f"{skill_name(s)} — {percent(scores.get(s))}" for s in weakest],
            none_yet,
        )
        fill_list(self.advice_list, self._advice_lines(record), self.tr("Choose a trainee"))

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
