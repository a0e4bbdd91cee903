"""Preferences read back as their declared type; bad stored values read as the default."""

import logging
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from cs_trainer.services import app_settings
from cs_trainer.store.database import Database
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.settings.preferences import Scope, Setting
from cs_trainer.ui.shared.translation import LanguageSwitch

COMPUTER = [s for s in settings.ALL if s.scope is Scope.COMPUTER]
DEPARTMENT = [s for s in settings.ALL if s.scope is Scope.DEPARTMENT]


def other_value(setting: Setting[Any]) -> object:
    """An allowed value that is not the default, so a round trip proves something."""
    if setting.choices:
        return next(c.value for c in setting.choices if c.value != setting.default)
    if setting.value_type is bool:
        return not setting.default
    if setting.value_type is int:
        return setting.maximum if setting.default != setting.maximum else setting.minimum
    return "王经理, D:\\报表"  # a comma would turn an unquoted INI value into a list


def ids(setting: Setting[Any]) -> str:
    return setting.key


def test_every_default_is_an_allowed_value_and_keys_are_unique() -> None:
    assert all(setting.allows(setting.default) for setting in settings.ALL)
    assert len({setting.key for setting in settings.ALL}) == len(settings.ALL)


@pytest.mark.parametrize("setting", COMPUTER, ids=ids)
def test_a_computer_setting_round_trips_with_its_type(setting: Setting[Any]) -> None:
    for value in (other_value(setting), setting.default):
        settings.write(setting, value)
        QSettings().sync()  # through the INI file, where everything is text
        read = settings.read(setting)
        assert (read, type(read)) == (value, setting.value_type)


def test_an_unset_computer_setting_reads_as_its_default() -> None:
    QSettings().clear()
    assert [settings.read(s) for s in COMPUTER] == [s.default for s in COMPUTER]


@pytest.mark.parametrize("setting", DEPARTMENT, ids=ids)
def test_a_department_setting_round_trips_through_the_database(
    setting: Setting[Any], db: Database
) -> None:
    assert settings.read_department(db, setting) == setting.default
    value = other_value(setting)
    app_settings.set_setting(db, setting.key, settings.stored_text(setting, value))
    read = settings.read_department(db, setting)
    assert (read, type(read)) == (value, setting.value_type)


def test_booleans_are_booleans_even_as_an_older_version_stored_them() -> None:
    QSettings().setValue(settings.OPEN_PDF_AFTER_SAVE.key, "false")
    assert settings.read(settings.OPEN_PDF_AFTER_SAVE) is False
    QSettings().setValue(settings.OPEN_PDF_AFTER_SAVE.key, "true")
    assert settings.read(settings.OPEN_PDF_AFTER_SAVE) is True


@pytest.mark.parametrize(
    ("setting", "stored"),
    [
        (settings.OPEN_PDF_AFTER_SAVE, "perhaps"),
        (settings.OPEN_PDF_AFTER_SAVE, 1),
        (settings.LANGUAGE, "fr"),
        (settings.ROLEPLAY_FEEDBACK, "sometimes"),
        (settings.INTERVIEWER, ["王", "李"]),  # what an unquoted "王, 李" in the INI reads as
        (settings.LAST_PDF_FOLDER, 42),
    ],
)
def test_an_invalid_stored_value_reads_as_the_default_with_a_warning(
    setting: Setting[Any], stored: object, caplog: pytest.LogCaptureFixture
) -> None:
    QSettings().setValue(setting.key, stored)
    with caplog.at_level(logging.WARNING, logger=settings.__name__):
        assert settings.read(setting) == setting.default
    assert setting.key in caplog.text


@pytest.mark.parametrize("stored", ["lots", "0", "401", "80.5", ""])
def test_an_invalid_department_value_reads_as_the_default(
    stored: str, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    app_settings.set_setting(db, settings.TYPING_PASS_MARK.key, stored)
    with caplog.at_level(logging.WARNING, logger=settings.__name__):
        assert settings.read_department(db, settings.TYPING_PASS_MARK) == 80
    assert "typing_pass_mark" in caplog.text


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        (settings.OPEN_PDF_AFTER_SAVE, "false"),
        (settings.LANGUAGE, "fr"),
        (settings.INTERVIEWER, 3),
    ],
)
def test_writing_a_value_outside_the_declaration_is_refused(
    setting: Setting[Any], value: object
) -> None:
    before = settings.read(setting)
    with pytest.raises(ValueError, match=setting.key):
        settings.write(setting, value)
    assert settings.read(setting) == before


def test_a_department_setting_is_not_read_from_this_computer() -> None:
    with pytest.raises(ValueError, match="department"):
        settings.read(settings.ORGANISATION)


def test_every_label_and_help_text_has_chinese() -> None:
    LanguageSwitch.apply("zh")
    for setting in settings.ALL:
        for text in (setting.label, setting.help):
            assert settings.translated(text) != text, text


def test_a_refusal_names_every_department_setting_and_choice_by_title() -> None:
    """A stale save's message names the setting and its value by titles, never by key
    or code: the service's names must cover every department setting declared here."""
    department = [s for s in settings.ALL if s.scope is Scope.DEPARTMENT]
    assert {s.key for s in department} == set(app_settings.TITLES)
    for setting in department:
        label = setting.label.replace("&", "")
        assert app_settings.TITLES[setting.key].en.startswith(label), setting.key
        if setting.choices:
            names = app_settings.VALUE_NAMES[setting.key]
            assert {c.value: c.label for c in setting.choices} == {
                code: name.en for code, name in names.items()
            }
