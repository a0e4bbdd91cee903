"""The settings page: one editor per declared setting, saving typed values."""

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from cs_trainer.changes import SETTINGS
from cs_trainer.services import app_settings, audit, candidates, typing_tests
from cs_trainer.services.acting import Actor, acting_as
from cs_trainer.store.database import Database
from cs_trainer.ui.settings import preferences as settings
from cs_trainer.ui.settings.preferences import Scope, Setting
from cs_trainer.ui.settings.settings_page import SettingsPage
from cs_trainer.ui.shared.changes import ChangeBus

from .test_preferences import ids, other_value


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


def make_page(qtbot: QtBot, db: Database, bus: ChangeBus) -> SettingsPage:
    page = SettingsPage(db, bus)
    qtbot.addWidget(page)
    return page


@pytest.fixture
def page(qtbot: QtBot, db: Database, bus: ChangeBus) -> SettingsPage:
    return make_page(qtbot, db, bus)


def stored(db: Database, setting: Setting[Any]) -> object:
    if setting.scope is Scope.DEPARTMENT:
        return settings.read_department(db, setting)
    return settings.read(setting)


def set_editor(editor: QWidget, value: object) -> None:
    """As the user would: pick, tick, type (setText: keyClicks aborts on Chinese)."""
    if isinstance(editor, QComboBox):
        editor.setCurrentIndex(editor.findData(value))
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(str(value)))
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(f"  {value} ")


def test_the_page_has_one_editor_per_declared_setting(page: SettingsPage) -> None:
    assert list(page.editors) == [setting.key for setting in settings.ALL]


@pytest.mark.parametrize("setting", settings.ALL, ids=ids)
def test_each_editor_is_of_the_kind_its_declaration_asks_for(
    page: SettingsPage, setting: Setting[Any]
) -> None:
    editor = page.editors[setting.key]
    assert editor.toolTip() == setting.help
    if setting.choices:
        assert isinstance(editor, QComboBox)
        values = [editor.itemData(row) for row in range(editor.count())]
        assert values == [choice.value for choice in setting.choices]
    elif setting.value_type is bool:
        assert isinstance(editor, QCheckBox)
        assert editor.text() == setting.label
    elif setting.value_type is int:
        assert isinstance(editor, QSpinBox)
        assert (editor.minimum(), editor.maximum()) == (setting.minimum, setting.maximum)
    else:
        assert isinstance(editor, QLineEdit)


def test_a_label_names_its_editor_for_the_keyboard(page: SettingsPage) -> None:
    labels = {label.text(): label.buddy() for label in page.findChildren(QLabel)}
    assert labels[settings.ORGANISATION.label] is page.organisation_edit
    assert labels[settings.TYPING_PASS_MARK.label] is page.pass_mark_box


@pytest.mark.parametrize("setting", settings.ALL, ids=ids)
def test_changing_an_editor_and_saving_stores_the_typed_value(
    qtbot: QtBot,
    page: SettingsPage,
    db: Database,
    setting: Setting[Any],
    settle: Callable[[], None],
) -> None:
    value = next(v for v in (other_value(setting), setting.default) if v != stored(db, setting))
    set_editor(page.editors[setting.key], value)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    settle()
    read = stored(db, setting)
    assert (read, type(read)) == (value, setting.value_type)


def test_an_admin_changes_the_retention_period_and_the_consent_notice_follows(
    qtbot: QtBot,
    db: Database,
    bus: ChangeBus,
    every_role: dict[str, Actor],
    settle: Callable[[], None],
    shown_problems: list[str],
) -> None:
    with acting_as(every_role["admin"]):
        page = make_page(qtbot, db, bus)
        assert page.retention_box.isEnabled()
        assert page.retention_box.value() == candidates.RETENTION_MONTHS
        assert page.retention_box.suffix() == " months"
        page.retention_box.setValue(24)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        settle()
        latest = audit.entries(db, limit=1)[0]
        months, text = candidates.retention_months(db), candidates.consent_text(db)
    assert shown_problems == []
    assert months == 24
    assert "kept for 24 months" in text.en and "保存24个月" in text.zh
    # The retention service's own audit row, by the admin, not the generic setting's.
    assert (latest.account_name, latest.action, latest.target) == (
        every_role["admin"].name,
        "setting.change",
        f"setting:{candidates.RETENTION_SETTING}",
    )
    assert (latest.before, latest.after) == ({"value": 12}, {"value": 24})
    with acting_as(every_role["hr"]):
        person = candidates.add_candidate(
            db, candidates.NewCandidate("张三丰", "13800138000", "客服专员", consent=True)
        )
        version = candidates.get_candidate(db, person).consent_version
    assert version == candidates.consent_version_for(24) != candidates.CONSENT_VERSION


def test_the_pass_mark_is_saved_through_its_own_service_and_audit_row(
    qtbot: QtBot,
    db: Database,
    bus: ChangeBus,
    every_role: dict[str, Actor],
    settle: Callable[[], None],
    shown_problems: list[str],
) -> None:
    with acting_as(every_role["admin"]):
        page = make_page(qtbot, db, bus)
        page.pass_mark_box.setValue(90)
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
        settle()
        actions = [entry.action for entry in audit.entries(db, limit=5)]
        mark = typing_tests.typing_pass_mark(db)
    assert (shown_problems, mark) == ([], 90)
    assert "typing.pass_mark" in actions and "setting.change" not in actions[:1]


@pytest.mark.parametrize("role", ["hr", "trainer", "trainee"])
def test_only_an_admin_may_change_the_retention_period(
    qtbot: QtBot, db: Database, bus: ChangeBus, every_role: dict[str, Actor], role: str
) -> None:
    with acting_as(every_role[role]):
        page = make_page(qtbot, db, bus)
    assert not page.retention_box.isEnabled()
    assert page.retention_box.value() == candidates.RETENTION_MONTHS  # still shown


def test_the_page_shows_what_is_stored(qtbot: QtBot, db: Database, bus: ChangeBus) -> None:
    app_settings.set_setting(db, app_settings.ORGANISATION, "星辰客服中心")
    typing_tests.set_typing_pass_mark(db, 95)
    settings.write(settings.OPEN_PDF_AFTER_SAVE, False)
    settings.write(settings.ROLEPLAY_FEEDBACK, "end")
    page = make_page(qtbot, db, bus)
    assert page.organisation_edit.text() == "星辰客服中心"
    assert page.pass_mark_box.value() == 95
    assert not page.open_pdf_check.isChecked()
    assert page.feedback_combo.currentData() == "end"


def test_saving_announces_settings_and_switches_language_only_when_it_changed(
    qtbot: QtBot, page: SettingsPage, bus: ChangeBus, settle: Callable[[], None]
) -> None:
    languages: list[str] = []
    page.language_changed.connect(languages.append)
    page.interviewer_edit.setText("王经理")
    with qtbot.waitSignal(bus.changed) as announced:
        page.save()
    assert announced.args == [frozenset({SETTINGS})]
    assert languages == []
    page.language_combo.setCurrentIndex(page.language_combo.findData("zh"))
    page.save()
    settle()
    page.save()
    settle()
    assert languages == ["zh"]


def test_saving_leaves_an_unchanged_department_value_alone(
    page: SettingsPage, db: Database, settle: Callable[[], None]
) -> None:
    """Another computer may have renamed the organisation since this page was built."""
    app_settings.set_setting(db, app_settings.ORGANISATION, "另一台电脑写的名称")
    page.interviewer_edit.setText("王经理")
    page.save()
    settle()
    assert app_settings.organisation_name(db) == "另一台电脑写的名称"
    assert settings.read(settings.INTERVIEWER) == "王经理"


def test_showing_the_page_again_picks_up_values_changed_elsewhere_but_keeps_edits(
    qtbot: QtBot, page: SettingsPage, db: Database
) -> None:
    page.interviewer_edit.setText("王经理")  # typed, not saved yet
    settings.write(settings.LAST_PDF_FOLDER, "/srv/报表")  # what saving a PDF does
    app_settings.set_setting(db, app_settings.ORGANISATION, "星辰客服中心")
    page.show()
    qtbot.waitExposed(page)
    assert page.editors[settings.LAST_PDF_FOLDER.key].property("text") == "/srv/报表"
    assert page.organisation_edit.text() == "星辰客服中心"
    assert page.interviewer_edit.text() == "王经理"


def test_a_save_over_another_laptops_change_is_refused_and_shows_the_saved_value(
    page: SettingsPage,
    db: Database,
    settle: Callable[[], None],
    shown_problems: list[str],
) -> None:
    laptop = Database.open(db.url)  # another laptop: its own engine on the same database
    try:
        thread = threading.Thread(  # off the GUI thread, as another laptop's write is
            target=lambda: app_settings.set_setting(
                laptop, app_settings.ORGANISATION, "另一台电脑写的名称"
            )
        )
        thread.start()
        thread.join()
    finally:
        laptop.dispose()
    page.organisation_edit.setText("星辰客服中心")  # edited from what the page showed
    page.pass_mark_box.setValue(95)  # another edit, of a setting nobody else changed
    page.save()
    settle()

    assert len(shown_problems) == 1
    assert (
        "the setting “Organisation name” after you opened the settings: it is now"
        in (shown_problems[0])
    )
    assert "“另一台电脑写的名称”. Nothing was saved" in shown_problems[0]
    assert app_settings.organisation_name(db) == "另一台电脑写的名称"
    assert typing_tests.typing_pass_mark(db) == typing_tests.DEFAULT_PASS_MARK  # none saved
    assert page.organisation_edit.text() == "另一台电脑写的名称"  # what is saved now
    assert page.pass_mark_box.value() == 95  # the other edit is kept, to be saved again

    page.save()
    settle()
    assert len(shown_problems) == 1
    assert typing_tests.typing_pass_mark(db) == 95
    page.organisation_edit.setText("星辰客服中心")
    page.save()  # from the version shown now: saved, and saved again from the one it made
    settle()
    page.organisation_edit.setText("星辰客服中心（总部）")
    page.save()
    settle()
    assert shown_problems == [shown_problems[0]]
    assert app_settings.organisation_name(db) == "星辰客服中心（总部）"
