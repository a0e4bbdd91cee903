"""Interview plans: choose the questions, tasks and typing passage for a position once,
and use the same plan for every candidate of that position. Question banks are
imported and exported here too."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.changes import PLANS
from cs_trainer.files import file_in_folder
from cs_trainer.quizzes.interview_content import builtin_tasks, builtin_typing
from cs_trainer.quizzes.interview_schema import PlanItemRef
from cs_trainer.services import banks, plans
from cs_trainer.store.database import Database
from cs_trainer.ui.selftest.result_view import group_name
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.settings import window_state
from cs_trainer.ui.shared.bounded_edit import bounded_edit
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op
from cs_trainer.ui.shared.translation import content_text

REF_ROLE = Qt.ItemDataRole.UserRole + 1
GROUPS = ("psychological", "character", "skills", "overall")


class PlansPage(QWidget):
    """Lists plans and edits the selected one."""

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.plan_id: int | None = None
        self._editing = 0  # counts the plans opened in the editor, to place a late save
        self._chosen: dict[tuple[str, str], bool] = {}  # (bank, question id) → chosen
        self.plan_list = QListWidget()
        self.plan_list.currentItemChanged.connect(self._plan_selected)
        self.new_button = QPushButton(self.tr("&New plan"))
        self.new_button.clicked.connect(self.new_plan)
        self.import_button = QPushButton(self.tr("&Import bank…"))
        self.export_button = QPushButton(self.tr("E&xport bank…"))
        self.import_button.clicked.connect(self._import_bank)
        self.export_button.clicked.connect(self._export_bank)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Interview plans</b>")))
        left.addWidget(self.plan_list, 1)
        left.addWidget(self.new_button)
        left.addWidget(self.import_button)
        left.addWidget(self.export_button)
        left_widget = QWidget()
        left_widget.setLayout(left)
        splitter = QSplitter()
        splitter.addWidget(left_widget)
        splitter.addWidget(self._editor())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 800])
        window_state.keep_splitter_sizes(splitter, "interview_plans")
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        bus.changed.connect(lambda kinds: self.refresh() if PLANS in kinds else None)
        self.refresh()
        self.new_plan()

    def _editor(self) -> QWidget:
        self.name_edit = bounded_edit("interview_plans", "name")
        self.position_edit = bounded_edit("interview_plans", "position")
        self.position_edit.setPlaceholderText(self.tr("e.g. customer service specialist"))
        self.bank_combo = QComboBox()
        self.bank_combo.currentIndexChanged.connect(self._show_bank)
        self.question_tree = QTreeWidget()
        self.question_tree.setHeaderLabels([self.tr("Questions (tick to include)")])
        self.question_tree.itemChanged.connect(self._question_ticked)
        self.task_list = QListWidget()
        self.task_list.setMaximumHeight(90)
        self.typing_combo = QComboBox()
        self.count_label = QLabel()
        self.save_button = QPushButton(self.tr("&Save plan"))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(self.tr("Plan &name"), self.name_edit)
        form.addRow(self.tr("&Position"), self.position_edit)
        form.addRow(self.tr("Question &bank"), self.bank_combo)
        form.addRow(self.tr("Observed tasks and games"), self.task_list)
        form.addRow(self.tr("&Typing passage"), self.typing_combo)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.save_button)
        editor = QWidget()
        layout = QVBoxLayout(editor)
        layout.addLayout(form)
        layout.addWidget(self.question_tree, 1)
        layout.addLayout(buttons)
        self._fill_tasks_and_passages()
        return editor

    def _fill_tasks_and_passages(self) -> None:
        for task in builtin_tasks().content.tasks:
            item = QListWidgetItem(content_text(task.title))
            item.setData(REF_ROLE, task.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.task_list.addItem(item)
        self.typing_combo.addItem(self.tr("No typing test"), None)
        for passage in builtin_typing().content.passages:
            language = "中文" if passage.language == "zh" else "English"
            self.typing_combo.addItem(f"{content_text(passage.title)} ({language})", passage.id)

    # -- data -------------------------------------------------------------------------------
    def refresh(self) -> None:
        current = self.plan_id
        self.plan_list.blockSignals(True)
        self.plan_list.clear()
        for plan in plans.list_plans(self._db):
            item = QListWidgetItem(f"{plan.name} — {plan.position or '—'}")
            item.setData(REF_ROLE, plan.id)
            self.plan_list.addItem(item)
            if plan.id == current:
                self.plan_list.setCurrentItem(item)
        self.plan_list.blockSignals(False)
        self.bank_combo.blockSignals(True)
        chosen_bank = self.bank_combo.currentData()
        self.bank_combo.clear()
        for bank in banks.list_banks(self._db):
            self.bank_combo.addItem(
                f"{content_text(bank.title)} ({bank.question_count})", bank.bank_id
            )
        index = self.bank_combo.findData(chosen_bank)
        self.bank_combo.setCurrentIndex(max(index, 0))
        self.bank_combo.blockSignals(False)
        self._show_bank()

    def _show_bank(self) -> None:
        bank_id = self.bank_combo.currentData()
        self.question_tree.blockSignals(True)
        self.question_tree.clear()
        if bank_id is not None:
            bank = banks.get_bank(self._db, str(bank_id))
            parents = {}
            for group in GROUPS:
                parent = QTreeWidgetItem([group_name(group)])
                parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.question_tree.addTopLevelItem(parent)
                parents[group] = parent
            for question in bank.questions:
                item = QTreeWidgetItem([content_text(question.text)])
                item.setData(0, REF_ROLE, (bank.id, question.id))
                item.setToolTip(0, content_text(question.purpose))
                checked = self._chosen.get((bank.id, question.id), False)
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                parents[question.group].addChild(item)
            self.question_tree.expandAll()
        self.question_tree.blockSignals(False)
        self._update_count()

    def _question_ticked(self, item: QTreeWidgetItem, _column: int) -> None:
        ref = item.data(0, REF_ROLE)
        if ref:
            self._chosen[tuple(ref)] = item.checkState(0) == Qt.CheckState.Checked
            self._update_count()

    def _update_count(self) -> None:
        questions = sum(1 for chosen in self._chosen.values() if chosen)
        tasks = sum(1 for item in self._task_items() if item.checkState() == Qt.CheckState.Checked)
        self.count_label.setText(
            self.tr("%1 questions and %2 tasks chosen")
            .replace("%1", str(questions))
            .replace("%2", str(tasks))
        )

    def _task_items(self) -> list[QListWidgetItem]:
        return [self.task_list.item(row) for row in range(self.task_list.count())]

    # -- editing ----------------------------------------------------------------------------
    def new_plan(self) -> None:
        self._editing += 1
        self.plan_id = None
        self.plan_list.clearSelection()
        self.name_edit.clear()
        self.position_edit.clear()
        self._load_items([])

    def _plan_selected(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        plan = plans.get_plan(self._db, int(item.data(REF_ROLE)))
        self._editing += 1
        self.plan_id = plan.id
        self.name_edit.setText(plan.name)
        self.position_edit.setText(plan.position)
        self._load_items(plan.items)

    def _load_items(self, items: list[PlanItemRef]) -> None:
        self._chosen = {(i.bank or "", i.id): True for i in items if i.kind == "question"}
        tasks = {i.id for i in items if i.kind == "task"}
        for task_item in self._task_items():
            checked = task_item.data(REF_ROLE) in tasks
            task_item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        passage = next((i.id for i in items if i.kind == "typing"), None)
        self.typing_combo.setCurrentIndex(max(self.typing_combo.findData(passage), 0))
        self._show_bank()

    def chosen_items(self) -> list[PlanItemRef]:
        """The plan as edited: questions in bank order, then tasks, then the passage."""
        refs = [
            PlanItemRef(kind="question", bank=bank, id=qid)
            for (bank, qid), chosen in self._chosen.items()
            if chosen
        ]
        refs += [
            PlanItemRef(kind="task", id=str(item.data(REF_ROLE)))
            for item in self._task_items()
            if item.checkState() == Qt.CheckState.Checked
        ]
        passage = self.typing_combo.currentData()
        if passage:
            refs.append(PlanItemRef(kind="typing", id=str(passage)))
        return refs

    def save(self) -> None:
        """Save the plan as edited; Save waits until it is stored, so a double click on a
        new plan stores one plan, not two."""
        self._update_count()
        name, position, items = (
            self.name_edit.text(),
            self.position_edit.text(),
            self.chosen_items(),
        )
        by, plan_id, editing = settings.read(settings.INTERVIEWER), self.plan_id, self._editing
        self.save_button.setEnabled(False)
        op = Op(
            self,
            self._db,
            lambda db: plans.save_plan(db, name, position, items, by, plan_id),
            self._bus,
        )
        op.success(lambda saved: self._saved(saved) if self._editing == editing else None)
        op.finished.connect(lambda: self.save_button.setEnabled(True))
        op.run()

    def _saved(self, plan_id: int) -> None:
        """Keep editing the stored plan, unless another was opened meanwhile (the list was
        refreshed just before, while a new plan had no ID yet)."""
        self.plan_id = plan_id
        self.plan_list.blockSignals(True)
        for row in range(self.plan_list.count()):
            item = self.plan_list.item(row)
            if item.data(REF_ROLE) == plan_id:
                self.plan_list.setCurrentItem(item)
        self.plan_list.blockSignals(False)

    # -- banks ------------------------------------------------------------------------------
    def _import_bank(self) -> None:
        path = self.ask_open_path(self)
        if path is None:
            return
        Op(self, self._db, lambda db: banks.import_bank(db, path), self._bus).with_progress(
            self.tr("Importing the question bank…")
        ).run()

    def _export_bank(self) -> None:
        bank_id = self.bank_combo.currentData()
        path = self.ask_save_path(self, str(bank_id)) if bank_id else None
        if path is None:
            return
        Op(self, self._db, lambda db: banks.export_bank(db, str(bank_id), path)).with_progress(
            self.tr("Exporting the question bank…")
        ).run()

    @classmethod
    def ask_open_path(cls, parent: QWidget) -> Path | None:
        """Qt's open dialog; tests replace this classmethod."""
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("PlansPage", "Import question bank"),
            str(Path.home()),
            QCoreApplication.translate("PlansPage", "Question banks (*.yaml *.yml *.csv *.xlsx)"),
        )
        return Path(chosen) if chosen else None

    @classmethod
    def ask_save_path(cls, parent: QWidget, bank_id: str) -> Path | None:
        """Qt's save dialog; tests replace this classmethod."""
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("PlansPage", "Export question bank"),
            str(file_in_folder(Path.home(), bank_id, ".xlsx", "question-bank")),
            QCoreApplication.translate("PlansPage", "Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)"),
        )
        return Path(chosen) if chosen else None
