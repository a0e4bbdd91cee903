"""Settings: the organisation's name (shared, in the database) and this laptop's preferences."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cs_trainer.services import app_settings, typing_tests
from cs_trainer.store.database import Database
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.shared.changes import SETTINGS, ChangeBus


class SettingsPage(QWidget):
    """Edits settings; ``language_changed`` asks the application to switch language."""

    language_changed = Signal(str)
    saved = Signal(str)

    def __init__(self, db: Database, bus: ChangeBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._bus = bus
        self.organisation_edit = QLineEdit(app_settings.organisation_name(db))
        self.organisation_edit.setPlaceholderText(self.tr("Printed at the top of every sheet"))
        self.interviewer_edit = QLineEdit(settings.read(settings.INTERVIEWER))
        self.interviewer_edit.setPlaceholderText(
            self.tr("Your name, suggested as who conducts tests")
        )
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("Follow the system"), "system")
        self.language_combo.addItem("中文", "zh")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(settings.read(settings.LANGUAGE)))
        )
        self.pass_mark_box = QSpinBox()
        self.pass_mark_box.setRange(typing_tests.PASS_MARK_MIN, typing_tests.PASS_MARK_MAX)
        self.pass_mark_box.setValue(typing_tests.typing_pass_mark(db))
        self.pass_mark_box.setSuffix(self.tr(" characters per minute"))
        self.feedback_combo = QComboBox()
        self.feedback_combo.addItem(self.tr("After each choice"), "each")
        self.feedback_combo.addItem(self.tr("Only at the end"), "end")
        self.feedback_combo.setCurrentIndex(
            max(0, self.feedback_combo.findData(settings.read(settings.ROLEPLAY_FEEDBACK)))
        )
        self.save_button = QPushButton(self.tr("&Save settings"))
        self.save_button.clicked.connect(self.save)
        form = QFormLayout()
        form.addRow(self.tr("&Organisation name"), self.organisation_edit)
        form.addRow(self.tr("&Interviewer on this computer"), self.interviewer_edit)
        form.addRow(self.tr("&Language"), self.language_combo)
        form.addRow(self.tr("Typing test &pass mark"), self.pass_mark_box)
        form.addRow(self.tr("Role-play &feedback"), self.feedback_combo)
        where = QLabel(self.tr("Database: %1").replace("%1", db.describe()))
        where.setWordWrap(True)
        where.setStyleSheet("color: #666;")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Settings</h2>")))
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(where)
        layout.addStretch(1)

    def save(self) -> None:
        app_settings.set_setting(
            self._db, app_settings.ORGANISATION, self.organisation_edit.text().strip()
        )
        settings.write(settings.INTERVIEWER, self.interviewer_edit.text().strip())
        settings.write(settings.ROLEPLAY_FEEDBACK, str(self.feedback_combo.currentData()))
        typing_tests.set_typing_pass_mark(self._db, self.pass_mark_box.value())
        language = str(self.language_combo.currentData())
        changed_language = language != settings.read(settings.LANGUAGE)
        settings.write(settings.LANGUAGE, language)
        self._bus.announce(SETTINGS)
        self.saved.emit(self.tr("Settings saved."))
        if changed_language:
            self.language_changed.emit(language)
