"""The settings page, built from the declarations in :mod:`preferences`.

Every declared setting gets one editor, grouped by who shares it (the whole
department, through the database, or this computer only); Save stores the
values that changed. A new setting needs only a declaration.

Each department setting's version is kept with the value shown; Save names it, so a
value another laptop changed since is refused, not written over: the message says what
is saved now, and the page shows that value, keeping the other unsaved edits.
"""

from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.errors import UserError
from cs_trainer.services import app_settings
from cs_trainer.services.permissions import SETTINGS_CHANGE
from cs_trainer.services.versions import StaleRecordError
from cs_trainer.store.database import Database
from cs_trainer.ui.accounts import session
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.settings.preferences import Scope, Setting, translated
from cs_trainer.ui.settings.setting_editors import build_editor, editor_value, show_value
from cs_trainer.ui.shared import problems
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.shared.operations import Op

W = TypeVar("W", bound=QWidget)
HELP_STYLE = "color: #666;"
FORM_WIDTH = 760  # wider line edits only make the labels harder to connect with them


class SettingsPage(QWidget):
    """Edits settings; ``language_changed`` asks the application to switch language."""

    language_changed = Signal(str)
    saved = Signal(str)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self._versions: dict[str, int] = {}  # each department setting's, as shown
        self._stored = {setting.key: self._read(setting) for setting in settings.ALL}
        self.editors: dict[str, QWidget] = {}
        self._labels: list[QLabel] = []
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.clicked.connect(self.save)
        self._lay_out(db)
        self.organisation_edit = self._editor(settings.ORGANISATION, QLineEdit)
        self.pass_mark_box = self._editor(settings.TYPING_PASS_MARK, QSpinBox)
        self.retention_box = self._editor(settings.RETENTION_MONTHS, QSpinBox)
        self.language_combo = self._editor(settings.LANGUAGE, QComboBox)
        self.interviewer_edit = self._editor(settings.INTERVIEWER, QLineEdit)
        self.feedback_combo = self._editor(settings.ROLEPLAY_FEEDBACK, QComboBox)
        self.open_pdf_check = self._editor(settings.OPEN_PDF_AFTER_SAVE, QCheckBox)

    def save(self) -> None:
        changed = {
            setting: value
            for setting in settings.ALL
            if (value := editor_value(self.editors[setting.key])) != self._stored[setting.key]
        }
        seen = {s.key: self._versions[s.key] for s in changed if s.scope is Scope.DEPARTMENT}
        Op(self, self._db, lambda db: _store(db, changed, seen), self._bus).success(
            lambda versions: self._saved(changed, versions)
        ).problem(self._refused).run()

    def _saved(self, changed: dict[Setting[Any], object], versions: dict[str, int]) -> None:
        for setting, value in changed.items():
            self._stored[setting.key] = value
        self._versions.update(versions)
        self.saved.emit(self.tr("Settings saved."))
        if settings.LANGUAGE in changed:
            self.language_changed.emit(changed[settings.LANGUAGE])

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        """Show values changed elsewhere since the page was built (saving a PDF moves the
        PDF folder; another computer may rename the organisation), keeping unsaved edits."""
        for setting in settings.ALL:
            editor = self.editors[setting.key]
            if editor_value(editor) == self._stored[setting.key]:
                self._stored[setting.key] = self._read(setting)
                show_value(editor, self._stored[setting.key])

    def _refused(self, problem: UserError) -> None:
        """Say why; after a stale save, show what another laptop saved for each setting it
        changed (the unsaved edits of the others stay, to be saved again)."""
        problems.show_problem(self, problem)
        if not isinstance(problem, StaleRecordError):
            return
        for setting in settings.ALL:
            if setting.scope is Scope.DEPARTMENT:
                value, version = settings.read_department_versioned(self._db, setting)
                if version != self._versions[setting.key]:
                    self._stored[setting.key], self._versions[setting.key] = value, version
                    show_value(self.editors[setting.key], value)

    def _read(self, setting: Setting[Any]) -> object:
        """A setting's value now; a department one's version is kept with it."""
        if setting.scope is Scope.DEPARTMENT:
            value, self._versions[setting.key] = settings.read_department_versioned(
                self._db, setting
            )
            return value
        return settings.read(setting)

    def _lay_out(self, db: Database) -> None:
        department = self._group(
            Scope.DEPARTMENT,
            self.tr("Whole department"),
            self.tr("Kept in the database: every computer that uses it shares these.")
            if session.may(SETTINGS_CHANGE)
            else self.tr("Kept in the database; only an administrator changes these."),
        )
        department.setEnabled(session.may(SETTINGS_CHANGE))
        computer = self._group(
            Scope.COMPUTER, self.tr("This computer"), self.tr("Kept for you on this computer.")
        )
        where = QLabel(self.tr("Database: %1").replace("%1", db.describe()))
        where.setWordWrap(True)
        where.setStyleSheet(HELP_STYLE)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        column = QVBoxLayout()
        column.addWidget(QLabel(self.tr("<h2>Settings</h2>")))
        for part in (department, computer):
            column.addWidget(part)
        # One label width for both groups, so their editors line up.
        width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:
            label.setMinimumWidth(width)
        column.addLayout(buttons)
        column.addWidget(where)
        column.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolled(column))

    def _group(self, scope: Scope, title: str, note: str) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(_help_label(note))
        for setting in settings.ALL:
            if setting.scope is scope:
                self._add_row(form, setting)
        return box

    def _add_row(self, form: QFormLayout, setting: Setting[Any]) -> None:
        editor = build_editor(setting)
        show_value(editor, self._stored[setting.key])
        self.editors[setting.key] = editor
        field = QVBoxLayout()
        field.setSpacing(2)
        if isinstance(editor, QLineEdit):
            field.addWidget(editor)
        else:  # a short value in a box as wide as the page reads as a text field
            field.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft)
        field.addWidget(_help_label(translated(setting.help)))
        label = QLabel("" if isinstance(editor, QCheckBox) else translated(setting.label))
        label.setBuddy(editor)  # a check box carries its own label, mnemonic included
        self._labels.append(label)
        form.addRow(label, field)

    def _editor(self, setting: Setting[Any], kind: type[W]) -> W:
        editor = self.editors[setting.key]
        assert isinstance(editor, kind), f"{setting.key} has a {type(editor).__name__}"
        return editor


def _store(
    db: Database, changed: dict[Setting[Any], object], seen: dict[str, int]
) -> dict[str, int]:
    """The work of a save, on the operation thread: the department's values in the
    database, from the versions the page showed (``seen``), this computer's in QSettings
    (which may be written from any thread). Returns the department settings' versions.

    Nothing is written if one department setting is stale; each write checks its own
    version again, so a change racing past the first check is refused there.
    """
    app_settings.refuse_stale(db, seen)
    versions: dict[str, int] = {}
    for setting, value in changed.items():
        if setting.scope is not Scope.DEPARTMENT:
            settings.write(setting, value)
        elif setting.setter is not None:
            versions[setting.key] = setting.setter(db, value, seen[setting.key])
        else:
            text = settings.stored_text(setting, value)
            versions[setting.key] = app_settings.set_setting(
                db, setting.key, text, seen[setting.key]
            )
    return versions


def _scrolled(column: QVBoxLayout) -> QScrollArea:
    """The page in a scroll area, so a short laptop screen still reaches the Save button."""
    holder = QWidget()
    holder.setMaximumWidth(FORM_WIDTH)
    holder.setLayout(column)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(holder)
    scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return scroll


def _help_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HELP_STYLE)
    return label
