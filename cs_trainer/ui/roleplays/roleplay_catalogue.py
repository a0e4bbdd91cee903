"""The role-play catalogue: a trainee picks who they are and which scenario to play.

Filters by customer type, skill and difficulty, shows the trainee's best score
against the best possible, offers to resume an interrupted attempt, and warns
when scenario files were skipped because they are broken (the rest still load).

Adding a trainee and starting an attempt are saved through the operation route, off
the GUI thread; until one is saved the page starts nothing else, so a double click
or a second Enter starts one attempt, not two.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.changes import ROLEPLAYS
from cs_trainer.scenarios.labels import CUSTOMER_TYPE_NAMES, DIFFICULTY_NAMES, SKILL_NAMES
from cs_trainer.scenarios.schema import SKILLS, Scenario
from cs_trainer.services import roleplays
from cs_trainer.services.roleplays import Library
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts import session
from cs_trainer.ui.roleplays.roleplay_catalogue_model import (
    DIFFICULTY_COLUMN,
    TITLE_COLUMN,
    CatalogueRow,
    ScenarioFilterProxy,
    ScenarioTableModel,
    stars,
)
from cs_trainer.ui.roleplays.roleplay_end import rich
from cs_trainer.ui.shared.bounded_edit import bounded_edit
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.translation import content_text

PLAY_STYLE = (
    "QPushButton { background: #1f5fa8; color: white; font-weight: bold; padding: 6px 30px;"
    " border: none; border-radius: 6px; }"
    "QPushButton:hover { background: #174b86; }"
    "QPushButton:disabled { background: #a9bdd4; }"
)


class ProblemsBanner(QFrame):
    """A yellow warning naming the scenario files that were skipped, one problem a line.

    The lines are in a read-only text box that wraps anywhere, so a long file path
    never makes the window wider, and many problems scroll instead of filling the page.
    """

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("problemsBanner")
        self.setStyleSheet(
            "#problemsBanner { background: #fff4d6; border: 1px solid #e0b84c;"
            " border-radius: 6px; } QLabel, QPlainTextEdit { color: #5c4400; }"
        )
        heading = QLabel(
            self.tr(
                "<b>Some scenario files have mistakes and were skipped</b> "
                "(the others work). Fix these lines, then restart:"
            )
        )
        heading.setWordWrap(True)
        self.lines = QPlainTextEdit()
        self.lines.setReadOnly(True)
        self.lines.setFrameShape(QFrame.Shape.NoFrame)
        self.lines.setStyleSheet("background: transparent;")
        self.lines.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(2)
        layout.addWidget(heading)
        layout.addWidget(self.lines)

    def show_problems(self, found: list[str]) -> None:
        self.setVisible(bool(found))
        self.lines.setPlainText("\n".join(found))
        line = self.lines.fontMetrics().lineSpacing()
        self.lines.setFixedHeight(line * min(len(found) + 1, 6) + 8)


class NewTraineeDialog(QDialog):
    """Asks for a new trainee's name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New trainee"))
        self.name_edit = bounded_edit("people", "name")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_ok)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.buttons)
        self.setMinimumWidth(360)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name_edit.text().strip()))

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        """The name typed, or None when cancelled; tests replace this classmethod."""
        dialog = cls(parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.name_edit.text().strip()


class RoleplayCataloguePage(QWidget):
    """Lists the scenarios for one trainee; ``play_requested`` carries the attempt to play."""

    play_requested = Signal(int)

    def __init__(
        self, db: Database, bus: ChangeBus, library: Library, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self._stale = False
        self._saving = 0  # operations started and not yet delivered; one may start the next
        self.library = library
        self.model = ScenarioTableModel()
        self.model.set_scenarios([loaded.scenario for loaded in library.scenarios])
        self.proxy = ScenarioFilterProxy()
        self.proxy.setSourceModel(self.model)
        self._build()
        bus.changed.connect(self._on_changed)
        self._fill_trainees()
        self.refresh()
        self.table.selectRow(0)

    # -- layout -----------------------------------------------------------------------------
    def _build(self) -> None:
        heading = QLabel(self.tr("<h2>Role-play practice</h2>"))
        intro = _wrapped(
            self.tr(
                "Choose a customer to talk to. Every answer is saved as you go, so you can "
                "stop at any time and carry on later."
            ),
            "color: #555;",
        )
        self.problems_banner = ProblemsBanner()
        self.table = self._table()
        self.detail_label = _wrapped(style="padding: 4px 2px;")
        self.detail_label.setObjectName("scenarioDetail")
        self.detail_label.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.problems_banner)
        layout.addLayout(self._trainee_row())
        layout.addLayout(self._filter_row())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail_label)
        layout.addLayout(self._button_row())
        self.problems_banner.show_problems(self.library.problems)

    def _trainee_row(self) -> QHBoxLayout:
        self.trainee_combo = QComboBox()
        self.trainee_combo.setMinimumWidth(200)
        self.trainee_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.new_trainee_button = QPushButton(self.tr("&New trainee…"))
        self.new_trainee_button.clicked.connect(self.add_trainee)
        who = QLabel(self.tr("&Trainee:"))
        who.setBuddy(self.trainee_combo)
        row = QHBoxLayout()
        row.addWidget(who)
        row.addWidget(self.trainee_combo)
        row.addWidget(self.new_trainee_button)
        row.addStretch(1)
        session.fix_trainee_picker(self.trainee_combo, self.new_trainee_button)
        return row

    def _filter_row(self) -> QHBoxLayout:
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("All customer types"), None)
        present = {loaded.scenario.customer_type for loaded in self.library.scenarios}
        for code, name in CUSTOMER_TYPE_NAMES.items():
            if code in present:
                self.type_filter.addItem(content_text(name), code)
        self.skill_filter = QComboBox()
        self.skill_filter.addItem(self.tr("All skills"), None)
        for skill in SKILLS:
            self.skill_filter.addItem(content_text(SKILL_NAMES[skill]), skill)
        self.difficulty_filter = QComboBox()
        self.difficulty_filter.addItem(self.tr("Any difficulty"), None)
        for level, name in DIFFICULTY_NAMES.items():
            self.difficulty_filter.addItem(f"{stars(level)}  {content_text(name)}", level)
        self.count_label = QLabel()
        self.count_label.setStyleSheet("color: #666;")
        row = QHBoxLayout()
        for combo in (self.type_filter, self.skill_filter, self.difficulty_filter):
            combo.currentIndexChanged.connect(self._apply_filters)
            row.addWidget(combo)
        row.addStretch(1)
        row.addWidget(self.count_label)
        return row

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(DIFFICULTY_COLUMN, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(34)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.doubleClicked.connect(lambda _index: self.play())
        table.installEventFilter(self)
        table.selectionModel().selectionChanged.connect(lambda _s, _d: self._selection_changed())
        return table

    def _button_row(self) -> QHBoxLayout:
        self.resume_button = QPushButton(self.tr("&Resume where I stopped"))
        self.play_button = QPushButton(self.tr("&Play"))
        self.play_button.setDefault(True)
        self.play_button.setStyleSheet(PLAY_STYLE)
        self.resume_button.clicked.connect(self.resume)
        self.play_button.clicked.connect(self.play)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (self.resume_button, self.play_button):
            button.setMinimumHeight(38)
            row.addWidget(button)
        return row

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter on the table plays, on every platform (macOS would start editing instead).
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.play()
                return True
        return super().eventFilter(watched, event)

    # -- data -------------------------------------------------------------------------------
    def _fill_trainees(self, select: int | None = None) -> None:
        chosen = select if select is not None else self.trainee_id()
        self.trainee_combo.blockSignals(True)
        self.trainee_combo.clear()
        for name, person in session.trainees_to_pick(self._db):
            self.trainee_combo.addItem(name, person)
        self.trainee_combo.setCurrentIndex(max(0, self.trainee_combo.findData(chosen)))
        self.trainee_combo.blockSignals(False)

    def trainee_id(self) -> int | None:
        data = self.trainee_combo.currentData()
        return int(data) if data is not None else None

    def refresh(self) -> None:
        """Reload the trainee's best scores and unfinished attempts, off the GUI thread:
        every attempt of the trainee is read back, and a keen trainee has hundreds."""
        person = self.trainee_id()
        if person is None:
            self._show_progress(None, ({}, {}))
            return
        Op(self, self._db, lambda db: _trainee_progress(db, person)).success(
            lambda found: self._show_progress(person, found)
        ).run()

    def _show_progress(
        self, person: int | None, found: tuple[dict[str, int], dict[str, int]]
    ) -> None:
        if person != self.trainee_id():
            return  # another trainee was chosen meanwhile; their own refresh follows
        self.model.set_progress(*found)
        self._selection_changed()

    def _on_changed(self, kinds: frozenset[str]) -> None:
        # Every choice on the play page is announced; reading the trainee's attempts for
        # each one would be wasted while the catalogue is hidden, so wait until it shows.
        if ROLEPLAYS in kinds:
            self._stale = True
            if self.isVisible():
                self._catch_up()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._catch_up()

    def _catch_up(self) -> None:
        self._stale = False
        self._fill_trainees()
        self.refresh()

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            self.type_filter.currentData(),
            self.skill_filter.currentData(),
            self.difficulty_filter.currentData(),
        )
        if not self.table.selectionModel().hasSelection() and self.proxy.rowCount():
            self.table.selectRow(0)
        self._selection_changed()

    def selected_row(self) -> CatalogueRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(self.proxy.mapToSource(rows[0]).row()) if rows else None

    def select_scenario(self, scenario_id: str) -> None:
        number = self.model.row_of(scenario_id)
        if number is not None:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(number, 0)).row())

    def _selection_changed(self) -> None:
        row = self.selected_row()
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            self.tr("%1 of %2 scenarios").replace("%1", str(shown)).replace("%2", str(total))
        )
        self.play_button.setEnabled(row is not None)
        self.resume_button.setVisible(row is not None and row.unfinished is not None)
        self.detail_label.setText(self._detail_html(row) if row else self._empty_hint())

    def _detail_html(self, row: CatalogueRow) -> str:
        scenario = row.scenario
        objectives = "".join(f"<li>{rich(o)}</li>" for o in scenario.learning_objectives)
        skills = " · ".join(content_text(SKILL_NAMES[s]) for s in SKILLS if s in row.skills)
        return (
            f"<b style='font-size:13pt'>{rich(scenario.title)}</b>"
            f"<p style='color:#444'>{rich(scenario.setting)}</p>"
            + self.tr("<b>You will practise:</b>")
            + f"<ul style='margin-top:2px'>{objectives}</ul>"
            + self.tr("<span style='color:#666'>Skills scored: %1</span>").replace("%1", skills)
        )

    def _empty_hint(self) -> str:
        if self.model.rowCount() == 0:
            return self.tr("No scenarios are installed yet.")
        return self.tr("No scenario matches these filters.")

    # -- actions ----------------------------------------------------------------------------
    def add_trainee(self, then: Callable[[int], None] | None = None) -> None:
        """Ask for a name and add the trainee; ``then`` continues with them once saved."""
        if self._saving:
            return
        name = NewTraineeDialog.ask(self)
        if name is not None:
            self._save(lambda db: roleplays.add_trainee(db, name), self._trainee_added(then))

    def _trainee_added(self, then: Callable[[int], None] | None) -> Callable[[int], None]:
        def added(person: int) -> None:
            self._fill_trainees(select=person)
            self.refresh()
            if then is not None:
                then(person)

        return added

    def play(self) -> None:
        """Start a new attempt of the selected scenario (asking who plays if nobody is set up)."""
        row = self.selected_row()
        if row is None or self._saving:
            return
        scenario = row.scenario
        person = self.trainee_id()
        if person is None:
            self.add_trainee(then=lambda added: self._start(added, scenario))
        else:
            self._start(person, scenario)

    def _start(self, person: int, scenario: Scenario) -> None:
        self._save(
            lambda db: roleplays.start_roleplay(db, person, scenario), self.play_requested.emit
        )

    def _save(self, work: Callable[[Database], int], done: Callable[[int], None]) -> None:
        """Start an operation; the page starts nothing else until it is delivered."""
        self._saving += 1
        Op(self, self._db, work, self._bus).success(done).run().finished.connect(self._saved)

    def _saved(self) -> None:
        self._saving -= 1

    def resume(self) -> None:
        row = self.selected_row()
        if row is not None and row.unfinished is not None:
            self.play_requested.emit(row.unfinished)


def _trainee_progress(db: Database, person: int) -> tuple[dict[str, int], dict[str, int]]:
    """Each scenario's best total, and its latest unfinished attempt, for one trainee."""
    unfinished: dict[str, int] = {}
    for progress in roleplays.unfinished_roleplays(db, person):  # oldest first: the latest wins
        unfinished[progress.scenario.id] = progress.attempt_id
    return roleplays.best_scores(db, person), unfinished


def _wrapped(text: str = "", style: str = "") -> QLabel:
    label_ = QLabel(text)
    label_.setWordWrap(True)
    if style:
        label_.setStyleSheet(style)
    return label_
