"""Who is signed in, as the pages ask it: the role's pages, the author shown, one's own record.

A window built with nobody signed in (a database still being set up, or a test)
behaves as before accounts existed: every page, typed names, every trainee.
"""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from cs_trainer import language
from cs_trainer.services import acting, permissions, roleplays
from cs_trainer.services.permissions import Action
from cs_trainer.store.database import Database


def signed_in() -> bool:
    return acting.current().account_id is not None


def may(action: Action) -> bool:
    """Whether the signed-in role may do ``action``; anybody may while nobody is signed in."""
    actor = acting.current()
    return actor.account_id is None or permissions.allowed(action, actor.role)


def own_trainee() -> tuple[int, str] | None:
    """A signed-in trainee's own trainee record (id, name): the only one they practise as."""
    actor = acting.current()
    if actor.account_id is None or actor.role != permissions.TRAINEE:
        return None
    if actor.person_id is None:
        return None
    return actor.person_id, actor.name


def is_trainee() -> bool:
    actor = acting.current()
    return actor.account_id is not None and actor.role == permissions.TRAINEE


def role_title(role: str) -> str:
    """The role's name in the interface's language."""
    en, zh = permissions.ROLE_TITLES.get(role, (role, role))
    return zh if language.current() == "zh" else en


def attribute(edit: QLineEdit) -> None:
    """A "who did this" field: the signed-in account's name, read-only, when someone is
    signed in (the services record that account whatever is typed)."""
    if not signed_in():
        return
    edit.setText(acting.current().name)
    edit.setReadOnly(True)
    edit.setToolTip(QCoreApplication.translate("Session", "Recorded under the account signed in."))


def trainees_to_pick(db: Database) -> list[tuple[str, int]]:
    """The trainees a practice page offers (name, id): a signed-in trainee only themself."""
    own = own_trainee()
    if own is not None:
        return [(own[1], own[0])]
    if is_trainee():
        return []  # a trainee account without a trainee record practises as nobody
    return [(trainee.name, trainee.id) for trainee in roleplays.list_trainees(db)]


def fix_trainee_picker(combo: QComboBox, *hidden: QWidget) -> None:
    """A signed-in trainee's picker: fixed to them; ``hidden`` (e.g. "New trainee…") goes."""
    if is_trainee():
        combo.setEnabled(False)
        combo.setStyleSheet("QComboBox:disabled { color: palette(text); }")  # read, not faded
        combo.setToolTip(QCoreApplication.translate("Session", "You practise as yourself."))
        for widget in hidden:
            widget.hide()


def sensitive_data_hint() -> str:
    """What a free-text note about a person warns against (PIPL treats these apart)."""
    return QCoreApplication.translate(
        "Session",
        "Do not record health, religion, ethnicity or other sensitive personal data.",
    )
