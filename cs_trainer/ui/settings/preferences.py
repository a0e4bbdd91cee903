"""Every setting the user can change, declared once and read through its declaration.

A declaration says where a setting lives, its type, default, allowed values and
the label and help text the settings page shows, so the page is built from it and
callers get typed values: ``read(OPEN_PDF_AFTER_SAVE)`` is a ``bool``, never the
string ``"false"``. A stored value that does not fit its declaration (edited by
hand, written by an older version) reads as the default, with a warning in the log.

Per-computer settings live in QSettings; department-wide ones (the organisation
name, the typing pass mark) in the database's ``app_settings`` table, shared by
every computer and the command line. Window geometry and splitter sizes are not
preferences: :mod:`cs_trainer.ui.settings.window_state` keeps them apart.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QSettings

from cs_trainer import changes
from cs_trainer.services import app_settings, backups, candidates, retention, typing_tests
from cs_trainer.store.backup_files import Keep
from cs_trainer.store.database import Database

T = TypeVar("T", bool, int, str)

CONTEXT = "Preferences"  # the translation context of every label and help text below

_log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate without translating it: the declarations are made at
    import time, before the user's language is installed. (Qt's own is typed ``object``.)"""
    return text


def translated(text: str) -> str:
    """A label, help text or choice label of this module in the current language."""
    return QCoreApplication.translate(CONTEXT, text)


class Scope(Enum):
    """Where a setting is stored, and so who shares it."""

    COMPUTER = "computer"  # QSettings: this computer's user only
    DEPARTMENT = "department"  # the database: every computer using it, and the CLI


@dataclass(frozen=True)
class Choice:
    """One allowed value and what the user sees for it (marked for translation or not)."""

    value: str
    label: str


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One setting's declaration; ``label``, ``help`` and ``suffix`` are untranslated.

    ``setter`` is the service that changes a department setting whose service checks
    and audits more than :func:`app_settings.set_setting` does; without one the page
    saves through ``set_setting``. Either is given the setting's version the page
    showed and returns the version saved (a stale one is refused, never written over).
    """

    key: str
    value_type: type[T]
    default: T
    label: str
    help: str
    scope: Scope = Scope.COMPUTER
    choices: tuple[Choice, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    suffix: str = ""
    setter: Callable[[Database, T, int | None], int] | None = None

    def allows(self, value: object) -> bool:
        """Whether ``value`` may be stored: the declared type, range and choices."""
        if type(value) is not self.value_type:  # not isinstance: True is an int
            return False
        if self.choices and value not in {choice.value for choice in self.choices}:
            return False
        if isinstance(value, int) and not isinstance(value, bool):
            low, high = self.minimum, self.maximum
            return (low is None or value >= low) and (high is None or value <= high)
        return True


ORGANISATION = Setting(
    key=app_settings.ORGANISATION,
    value_type=str,
    default="",
    label=QT_TRANSLATE_NOOP("Preferences", "&Organisation name"),
    help=QT_TRANSLATE_NOOP("Preferences", "Printed at the top of every sheet and form."),
    scope=Scope.DEPARTMENT,
)
TYPING_PASS_MARK = Setting(
    key=typing_tests.TYPING_PASS_MARK,
    value_type=int,
    default=typing_tests.DEFAULT_PASS_MARK,
    label=QT_TRANSLATE_NOOP("Preferences", "Typing test &pass mark"),
    help=QT_TRANSLATE_NOOP(
        "Preferences",
        "Correct characters a minute needed to pass. Tests already taken keep their pass mark.",
    ),
    scope=Scope.DEPARTMENT,
    minimum=typing_tests.PASS_MARK_MIN,
    maximum=typing_tests.PASS_MARK_MAX,
    suffix=QT_TRANSLATE_NOOP("Preferences", " characters per minute"),
    setter=typing_tests.set_typing_pass_mark,  # range checked, audited as typing.pass_mark
)
CANDIDATE_RESULTS = Setting(
    key="show_results_to_candidates",
    value_type=str,
    default="none",
    label=QT_TRANSLATE_NOOP("Preferences", "Results shown to &candidates"),
    help=QT_TRANSLATE_NOOP(
        "Preferences",
        "What a candidate sees when they finish a self-test or typing test. "
        "Interviewers' notes are never shown; HR see everything on the candidate's record.",
    ),
    scope=Scope.DEPARTMENT,
    choices=(
        Choice("none", QT_TRANSLATE_NOOP("Preferences", "Nothing: a thank-you only")),
        Choice("scores", QT_TRANSLATE_NOOP("Preferences", "Their scores")),
        Choice(
            "scores_and_verdict",
            QT_TRANSLATE_NOOP("Preferences", "Their scores and the verdict (band, passed)"),
        ),
    ),
)
RETENTION_MONTHS = Setting(
    key=candidates.RETENTION_SETTING,
    value_type=int,
    default=candidates.RETENTION_MONTHS,
    label=QT_TRANSLATE_NOOP("Preferences", "&Keep candidates' data for"),
    help=QT_TRANSLATE_NOOP(
        "Preferences",
        "Counted from the latest hiring decision, or from a withdrawal of consent if later; "
        "then the candidate is due for erasure. The consent notice candidates agree to names "
        "this period: changing it changes the notice's version for candidates registered "
        "from now on.",
    ),
    scope=Scope.DEPARTMENT,
    minimum=candidates.MIN_RETENTION_MONTHS,
    maximum=candidates.MAX_RETENTION_MONTHS,
    suffix=QT_TRANSLATE_NOOP("Preferences", " months"),
    setter=retention.set_retention_months,  # its own audit row, range checked
)
IDLE_LOCK_MINUTES = Setting(
    key="idle_lock_minutes",
    value_type=int,
    default=10,
    label=QT_TRANSLATE_NOOP("Preferences", "&Lock when idle after"),
    help=QT_TRANSLATE_NOOP(
        "Preferences",
        "With no key press or mouse movement for this long, the window locks and asks "
        "for the password of the account signed in.",
    ),
    scope=Scope.DEPARTMENT,
    minimum=1,
    maximum=240,
    suffix=QT_TRANSLATE_NOOP("Preferences", " minutes"),
)
_KEEP = Keep()
BACKUP_KEEP_DAILY = Setting(
    key=backups.KEEP_SETTINGS[0],
    value_type=int,
    default=_KEEP.daily,
    label=QT_TRANSLATE_NOOP("Preferences", "Keep &daily backups for"),
    help=QT_TRANSLATE_NOOP(
        "Preferences",
        "Backups are made on start when the data changed, before every migration, restore "
        "and erasure, and with Data → Back up now. Every backup of the last 24 hours is kept, "
        "then the newest of each of this many days, weeks and months.",
    ),
    scope=Scope.DEPARTMENT,
    minimum=0,
    maximum=366,
    suffix=QT_TRANSLATE_NOOP("Preferences", " days"),
)
BACKUP_KEEP_WEEKLY = Setting(
    key=backups.KEEP_SETTINGS[1],
    value_type=int,
    default=_KEEP.weekly,
    label=QT_TRANSLATE_NOOP("Preferences", "Keep &weekly backups for"),
    help=QT_TRANSLATE_NOOP("Preferences", "The newest backup of each week (Monday to Sunday)."),
    scope=Scope.DEPARTMENT,
    minimum=0,
    maximum=520,
    suffix=QT_TRANSLATE_NOOP("Preferences", " weeks"),
)
BACKUP_KEEP_MONTHLY = Setting(
    key=backups.KEEP_SETTINGS[2],
    value_type=int,
    default=_KEEP.monthly,
    label=QT_TRANSLATE_NOOP("Preferences", "Keep &monthly backups for"),
    help=QT_TRANSLATE_NOOP("Preferences", "The newest backup of each calendar month."),
    scope=Scope.DEPARTMENT,
    minimum=0,
    maximum=1200,
    suffix=QT_TRANSLATE_NOOP("Preferences", " months"),
)
LANGUAGE = Setting(
    key="language",
    value_type=str,
    default="system",
    label=QT_TRANSLATE_NOOP("Preferences", "&Language"),
    help=QT_TRANSLATE_NOOP("Preferences", "The window reopens in the new language when saved."),
    choices=(
        Choice("system", QT_TRANSLATE_NOOP("Preferences", "Follow the system")),
        Choice("zh", "中文"),  # each language named in itself, never translated
        Choice("en", "English"),
    ),
)
INTERVIEWER = Setting(
    key="interviewer",
    value_type=str,
    default="",
    label=QT_TRANSLATE_NOOP("Preferences", "&Interviewer on this computer"),
    help=QT_TRANSLATE_NOOP("Preferences", "Your name, suggested as who conducts tests."),
)
ROLEPLAY_FEEDBACK = Setting(
    key="roleplay_feedback",
    value_type=str,
    default="each",
    label=QT_TRANSLATE_NOOP("Preferences", "Role-play &feedback"),
    help=QT_TRANSLATE_NOOP("Preferences", "When a trainee is told how good a choice was."),
    choices=(
        Choice("each", QT_TRANSLATE_NOOP("Preferences", "After each choice")),
        Choice("end", QT_TRANSLATE_NOOP("Preferences", "Only at the end")),
    ),
)
OPEN_PDF_AFTER_SAVE = Setting(
    key="open_pdf_after_save",
    value_type=bool,
    default=True,
    label=QT_TRANSLATE_NOOP("Preferences", "Open a PDF &after saving it"),
    help=QT_TRANSLATE_NOOP("Preferences", "In this computer's PDF viewer, ready to check."),
)
LAST_PDF_FOLDER = Setting(
    key="last_pdf_folder",
    value_type=str,
    default="",
    label=QT_TRANSLATE_NOOP("Preferences", "PDF fol&der"),
    help=QT_TRANSLATE_NOOP(
        "Preferences",
        "Where saving a PDF starts; it follows the folder last saved in. Empty: your home folder.",
    ),
)

ALL: tuple[Setting[Any], ...] = (
    ORGANISATION,
    TYPING_PASS_MARK,
    CANDIDATE_RESULTS,
    RETENTION_MONTHS,
    IDLE_LOCK_MINUTES,
    BACKUP_KEEP_DAILY,
    BACKUP_KEEP_WEEKLY,
    BACKUP_KEEP_MONTHLY,
    LANGUAGE,
    INTERVIEWER,
    ROLEPLAY_FEEDBACK,
    OPEN_PDF_AFTER_SAVE,
    LAST_PDF_FOLDER,
)


def read(setting: Setting[T]) -> T:
    """This computer's value of ``setting``, or its default."""
    _require(setting, Scope.COMPUTER)
    return _parsed(setting, QSettings().value(setting.key))


def write(setting: Setting[T], value: T) -> None:
    """Store a computer setting; inside an operation it counts as a SETTINGS change."""
    _require(setting, Scope.COMPUTER)
    _check(setting, value)
    QSettings().setValue(setting.key, value)
    changes.record([changes.SETTINGS])


def read_department(db: Database, setting: Setting[T]) -> T:
    """The department's value of ``setting`` from the database, or its default."""
    _require(setting, Scope.DEPARTMENT)
    missing = stored_text(setting, setting.default)
    return _parsed(setting, app_settings.get_setting(db, setting.key, missing))


def read_department_versioned(db: Database, setting: Setting[T]) -> tuple[T, int]:
    """The department's value of ``setting`` and the version a save of it names."""
    _require(setting, Scope.DEPARTMENT)
    stored = app_settings.read_setting(db, setting.key)
    return _parsed(setting, stored.value), stored.version


def stored_text(setting: Setting[Any], value: object) -> str:
    """How the database's text column holds ``value``; QSettings' INI files agree for bools."""
    _check(setting, value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _parsed(setting: Setting[T], raw: object) -> T:
    if raw is None:
        return setting.default
    value = _from_stored(setting.value_type, raw)
    if isinstance(value, setting.value_type) and setting.allows(value):
        return value
    # Free text may be a person's name, which stays out of the log.
    free_text = setting.value_type is str and not setting.choices
    shown = f"a {type(raw).__name__}" if free_text else repr(raw)
    _log.warning("setting %r: stored %s is not allowed; using the default", setting.key, shown)
    return setting.default


def _from_stored(value_type: type, raw: object) -> object:
    """QSettings gives back strings from INI files whatever was written, so accept both."""
    if not isinstance(raw, str) or value_type is str:
        return raw
    text = raw.strip().lower()
    if value_type is bool:
        return {"true": True, "false": False}.get(text, raw)
    try:
        return int(text)
    except ValueError:
        return raw


def _check(setting: Setting[T], value: object) -> None:
    if not setting.allows(value):
        raise ValueError(f"{value!r} is not a value of the setting {setting.key!r}")


def _require(setting: Setting[Any], scope: Scope) -> None:
    # A department-wide setting read from QSettings would silently stay at its default.
    if setting.scope is not scope:
        raise ValueError(f"the setting {setting.key!r} is stored per {setting.scope.value}")
