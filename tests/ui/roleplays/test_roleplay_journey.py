"""A trainee practises role-plays: picks a scenario in the catalogue, talks to the
customer by keyboard or mouse, reads the feedback and the end screen, leaves midway
and resumes, retries; every choice is in the database.

The library is built from docs/authoring.md's example (and a variant of it), not
from the shipped scenarios, so these journeys do not change when content does.

Choices and new attempts are saved off the GUI thread: after a key or click that saves,
a test waits (``settle``) as a person waits to see the customer react.
"""

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cs_trainer.errors import UserError
from cs_trainer.quizzes.schema_common import Text
from cs_trainer.scenarios.runner import Step
from cs_trainer.scenarios.schema import Scenario
from cs_trainer.services import roleplays
from cs_trainer.services.roleplays import RoleplayProgress
from cs_trainer.store.database import Database
from cs_trainer.ui.main_window import MainWindow
from cs_trainer.ui.roleplays.roleplay_catalogue import NewTraineeDialog, RoleplayCataloguePage
from cs_trainer.ui.roleplays.roleplay_catalogue_model import BEST_COLUMN, ID_ROLE
from cs_trainer.ui.roleplays.roleplay_end import WrapButton, rich
from cs_trainer.ui.roleplays.roleplay_page import RoleplayPage
from cs_trainer.ui.settings import preferences as settings

DOC = Path(__file__).resolve().parents[3] / "docs" / "authoring.md"
PARCEL, ELDERLY = "example_late_parcel", "example_elderly_call"
BEST_PATH = (Step("opening", 0), Step("checked", 0))  # 9 points: the best there is


def example_yaml() -> str:
    match = re.search(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert match, "docs/authoring.md must contain a ```yaml example"
    return match.group(1)


def elderly_variant() -> str:
    """Another customer type, channel and difficulty; scores courtesy nowhere."""
    text = example_yaml()
    for old, new in (
        (f"id: {PARCEL}", f"id: {ELDERLY}"),
        ("zh: 快递迟到的客户", "zh: 打电话来的老人"),
        ("en: A customer whose parcel is late", "en: An elderly caller"),
        ("customer_type: complaint", "customer_type: elderly"),
        ("channel: counter", "channel: telephone"),
        ("difficulty: 1", "difficulty: 2"),
        ("courtesy: -1", "listening: -1"),
    ):
        assert old in text
        text = text.replace(old, new)
    return text


@pytest.fixture
def library_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The built-in scenario folder, replaced by the two example scenarios."""
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "late_parcel.yaml").write_text(example_yaml(), encoding="utf-8")
    (folder / "elderly_call.yaml").write_text(elderly_variant(), encoding="utf-8")
    monkeypatch.setattr(roleplays, "builtin_folder", lambda: folder)
    return folder


@pytest.fixture
def trainee_name(monkeypatch: pytest.MonkeyPatch) -> str:
    """The name the trainee types when asked who is practising."""
    monkeypatch.setattr(NewTraineeDialog, "ask", classmethod(lambda cls, parent: "Wang Xiaoming"))
    return "Wang Xiaoming"


@pytest.fixture
def practice(qtbot: QtBot, db: Database, library_folder: Path, trainee_name: str) -> MainWindow:
    main = MainWindow(db)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.nav.setCurrentRow(2)
    assert main.nav.currentItem().text() == "Role-plays"
    assert main.nav.item(main.nav.count() - 1).text() == "Settings"
    assert main.pages.currentWidget() is main.roleplay_catalogue
    return main


def _play_with_enter(qtbot: QtBot, window: MainWindow, scenario_id: str) -> RoleplayPage:
    catalogue = window.roleplay_catalogue
    catalogue.select_scenario(scenario_id)
    catalogue.table.setFocus()
    qtbot.keyClick(catalogue.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.roleplay_page)
    return window.roleplay_page


def _press(qtbot: QtBot, page: RoleplayPage, settle: Callable[[], None], key: Qt.Key) -> None:
    """A key, then the wait for what it saved (if anything) to show."""
    qtbot.keyClick(page, key)
    settle()


def _click_row(qtbot: QtBot, catalogue: RoleplayCataloguePage, scenario_id: str) -> None:
    proxy = catalogue.proxy
    [row] = [r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(ID_ROLE) == scenario_id]
    rect = catalogue.table.visualRect(proxy.index(row, 0))
    qtbot.mouseClick(catalogue.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = catalogue.selected_row()
    assert selected is not None and selected.scenario.id == scenario_id


def _only_trainee(db: Database) -> int:
    [trainee] = roleplays.list_trainees(db)
    return trainee.id


def _best_cell(catalogue: RoleplayCataloguePage, scenario_id: str) -> str:
    row = catalogue.model.row_of(scenario_id)
    assert row is not None
    return str(catalogue.model.index(row, BEST_COLUMN).data())


def test_keyboard_journey_through_the_best_path(
    qtbot: QtBot,
    practice: MainWindow,
    db: Database,
    trainee_name: str,
    settle: Callable[[], None],
) -> None:
    page = _play_with_enter(qtbot, practice, PARCEL)  # asks who plays: nobody is set up yet
    assert page.hasFocus(), "keys go to the page straight away"
    screen = page.play_screen
    assert "A customer walks up to the counter" in screen.scene_label.text()
    assert "My parcel was due yesterday" in screen.bubble.line_label.text()
    assert "Annoyed" in screen.bubble.mood_label.text()
    assert page.patience_meter.value() == 50
    assert [b.isVisible() for b in screen.buttons[:3]] == [True, True, False]

    _press(qtbot, page, settle, Qt.Key.Key_1)
    assert page.screens.currentWidget() is page.feedback_screen
    card = page.feedback_card
    assert "You calmed her first" in card.feedback_label.text()
    assert "deal with the feelings first" in card.principle_label.text()
    assert "+2 Empathy" in card.changes_label.text()
    assert "+1 Listening" in card.changes_label.text()
    assert "Patience +10 (now 60)" in card.changes_label.text()
    assert page.patience_meter.value() == 60
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert "Here's the number" in screen.bubble.line_label.text()
    assert "Anxious" in screen.bubble.mood_label.text()

    _press(qtbot, page, settle, Qt.Key.Key_9)  # no ninth answer: nothing happens
    assert page.screens.currentWidget() is page.play_screen
    _press(qtbot, page, settle, Qt.Key.Key_1)
    with qtbot.waitSignal(page.finished) as finished:
        qtbot.keyClick(page, Qt.Key.Key_Return)
    end = page.end_view
    assert page.screens.currentWidget() is end
    assert end.title_label.text() == "Resolved, the customer is satisfied"
    assert "Resolved" in end.kind_label.text()
    assert "+9</b> of 9 possible points" in end.total_label.text()
    assert "You found the best path" in end.total_label.text()
    for number in (1, 2):
        taken = end.findChild(type(end.title_label), f"taken{number}")
        best = end.findChild(type(end.title_label), f"best{number}")
        assert taken is not None and best is not None
        assert taken.text() == best.text()
    second_taken = end.findChild(type(end.title_label), "taken2")
    assert second_taken is not None and "I'm sorry for the wait" in second_taken.text()

    person = _only_trainee(db)
    assert roleplays.list_trainees(db)[0].name == trainee_name
    [attempt] = roleplays.roleplays_of(db, person)
    assert attempt.attempt_id == finished.args[0]
    assert attempt.finished and attempt.state.path == BEST_PATH
    assert attempt.state.total == 9
    assert roleplays.best_scores(db, person) == {PARCEL: 9}


def test_mouse_journey_with_feedback_only_at_the_end(
    qtbot: QtBot, practice: MainWindow, db: Database, settle: Callable[[], None]
) -> None:
    practice.nav.setCurrentRow(practice.nav.count() - 1)
    settings_page = practice.settings_page
    settings_page.feedback_combo.setCurrentIndex(settings_page.feedback_combo.findData("end"))
    qtbot.mouseClick(settings_page.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert settings.read(settings.ROLEPLAY_FEEDBACK) == "end"
    practice.nav.setCurrentRow(2)
    catalogue = practice.roleplay_catalogue
    _click_row(qtbot, catalogue, PARCEL)
    qtbot.mouseClick(catalogue.play_button, Qt.MouseButton.LeftButton)
    page = practice.roleplay_page
    qtbot.waitUntil(lambda: practice.pages.currentWidget() is page)
    screen = page.play_screen
    qtbot.mouseClick(screen.buttons[0], Qt.MouseButton.LeftButton)
    settle()
    assert page.screens.currentWidget() is screen, "no feedback between the lines"
    assert "Here's the number" in screen.bubble.line_label.text()
    with qtbot.waitSignal(page.finished):
        qtbot.mouseClick(screen.buttons[1], Qt.MouseButton.LeftButton)  # over-promises

    end = page.end_view
    assert end.title_label.text() == "Over-promised; the manager must step in"
    assert "+1</b> of 9 possible points" in end.total_label.text()
    wrapped = end.findChildren(type(end.title_label))
    labels = {label.objectName(): label.text() for label in wrapped if label.objectName()}
    assert labels["taken1"] == labels["best1"]
    assert "guarantee it arrives by noon" in labels["taken2"]
    assert "I'm sorry for the wait" in labels["best2"]
    texts = " ".join(label.text() for label in wrapped)
    assert "That promise is beyond your authority." in texts, "the deferred feedback"
    assert "You calmed her first" in texts
    assert "You lost most points on: <b>Within authority</b>. These scenarios train it:" in texts
    suggestion = end.findChild(WrapButton, f"suggest_{ELDERLY}")
    assert suggestion is not None and "An elderly caller" in suggestion.text_label.text()

    person = _only_trainee(db)
    [attempt] = roleplays.roleplays_of(db, person)
    assert attempt.finished and attempt.state.path == (Step("opening", 0), Step("checked", 1))
    qtbot.mouseClick(suggestion, Qt.MouseButton.LeftButton)  # play the suggested one
    settle()
    assert page.progress is not None and page.progress.scenario.id == ELDERLY
    assert page.screens.currentWidget() is screen
    assert not page.back_button.isVisible() and page.leave_button.isVisible()
    with qtbot.waitSignal(catalogue.model.dataChanged):  # refreshed as it shows again
        qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    assert practice.pages.currentWidget() is catalogue
    assert _best_cell(catalogue, PARCEL) == "1 / 9"
    assert _best_cell(catalogue, ELDERLY) == "— · unfinished"


def test_an_interrupted_attempt_resumes_with_its_choices(
    qtbot: QtBot, practice: MainWindow, db: Database, settle: Callable[[], None]
) -> None:
    page = _play_with_enter(qtbot, practice, PARCEL)
    _press(qtbot, page, settle, Qt.Key.Key_1)
    qtbot.keyClick(page, Qt.Key.Key_Return)
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    settle()
    catalogue = practice.roleplay_catalogue
    assert practice.pages.currentWidget() is catalogue
    assert catalogue.selected_row() is not None
    assert catalogue.selected_row().scenario.id == PARCEL  # type: ignore[union-attr]
    assert catalogue.resume_button.isVisible()
    assert _best_cell(catalogue, PARCEL) == "— · unfinished"

    restarted = MainWindow(db)  # as after closing the app or a power cut
    qtbot.addWidget(restarted)
    restarted.show()
    restarted.nav.setCurrentRow(2)
    settle()
    again = restarted.roleplay_catalogue
    again.select_scenario(PARCEL)
    assert again.resume_button.isVisible()
    qtbot.mouseClick(again.resume_button, Qt.MouseButton.LeftButton)
    resumed = restarted.roleplay_page
    assert restarted.pages.currentWidget() is resumed
    assert "your 1 earlier answers are kept" in resumed.play_screen.resumed_label.text()
    assert "Here's the number" in resumed.play_screen.bubble.line_label.text()
    assert resumed.patience_meter.value() == 60
    _press(qtbot, resumed, settle, Qt.Key.Key_1)
    qtbot.keyClick(resumed, Qt.Key.Key_Return)
    assert resumed.screens.currentWidget() is resumed.end_view

    [attempt] = roleplays.roleplays_of(db, _only_trainee(db))
    assert attempt.finished and attempt.state.path == BEST_PATH
    qtbot.mouseClick(resumed.back_button, Qt.MouseButton.LeftButton)
    settle()
    assert not again.resume_button.isVisible()
    assert _best_cell(again, PARCEL) == "9 / 9"


def test_retry_starts_a_new_attempt(
    qtbot: QtBot, practice: MainWindow, db: Database, settle: Callable[[], None]
) -> None:
    page = _play_with_enter(qtbot, practice, PARCEL)
    _press(qtbot, page, settle, Qt.Key.Key_2)  # brushes her off: she walks out at once
    assert page.feedback_card.verdict_label.text().endswith("That did not help</span>")
    assert page.patience_meter.value() == 0
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert page.end_view.title_label.text() == "The customer leaves angry"
    assert page.progress is not None
    first = page.progress.attempt_id
    qtbot.mouseClick(page.retry_button, Qt.MouseButton.LeftButton)
    settle()
    assert page.progress.attempt_id != first
    assert page.screens.currentWidget() is page.play_screen
    assert page.patience_meter.value() == 50
    assert not page.play_screen.resumed_label.isVisible()

    attempts = roleplays.roleplays_of(db, _only_trainee(db))
    assert [(a.attempt_id == first, a.finished, len(a.state.path)) for a in attempts] == [
        (True, True, 1),
        (False, False, 0),
    ]
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    settle()
    assert practice.pages.currentWidget() is practice.roleplay_catalogue
    assert _best_cell(practice.roleplay_catalogue, PARCEL) == "-3 / 9 · unfinished"


def test_catalogue_filters_and_shows_the_best_score_after_a_play(
    qtbot: QtBot,
    practice: MainWindow,
    qtmodeltester: ModelTester,
    settle: Callable[[], None],
) -> None:
    catalogue = practice.roleplay_catalogue
    qtmodeltester.check(catalogue.model)
    qtmodeltester.check(catalogue.proxy)

    def shown() -> list[str]:
        proxy = catalogue.proxy
        return sorted(proxy.index(row, 0).data(ID_ROLE) for row in range(proxy.rowCount()))

    assert shown() == [ELDERLY, PARCEL]
    assert catalogue.count_label.text() == "2 of 2 scenarios"
    catalogue.type_filter.setCurrentIndex(catalogue.type_filter.findText("Elderly customer"))
    assert shown() == [ELDERLY]
    assert catalogue.count_label.text() == "1 of 2 scenarios"
    catalogue.type_filter.setCurrentIndex(0)
    catalogue.skill_filter.setCurrentIndex(catalogue.skill_filter.findData("courtesy"))
    assert shown() == [PARCEL]
    catalogue.skill_filter.setCurrentIndex(catalogue.skill_filter.findData("authority"))
    assert shown() == [ELDERLY, PARCEL]
    catalogue.difficulty_filter.setCurrentIndex(catalogue.difficulty_filter.findData(2))
    assert shown() == [ELDERLY]
    catalogue.type_filter.setCurrentIndex(catalogue.type_filter.findData("complaint"))
    assert shown() == []
    assert not catalogue.play_button.isEnabled()
    assert catalogue.detail_label.text() == "No scenario matches these filters."
    for combo in (catalogue.type_filter, catalogue.skill_filter, catalogue.difficulty_filter):
        combo.setCurrentIndex(0)
    assert _best_cell(catalogue, PARCEL) == "—"

    page = _play_with_enter(qtbot, practice, PARCEL)
    for key in (Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_1, Qt.Key.Key_Return):
        _press(qtbot, page, settle, key)
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # back to the catalogue
    settle()
    assert practice.pages.currentWidget() is catalogue
    assert _best_cell(catalogue, PARCEL) == "9 / 9"
    assert _best_cell(catalogue, ELDERLY) == "—"
    row = catalogue.model.row_of(PARCEL)
    assert row is not None
    colour = catalogue.model.index(row, BEST_COLUMN).data(Qt.ItemDataRole.ForegroundRole)
    assert colour is not None, "the best possible score is shown in green"
    assert catalogue.model.rowCount(catalogue.model.index(0, 0)) == 0
    assert catalogue.model.rowCount(QModelIndex()) == 2


def test_an_invalid_file_is_named_in_a_warning_and_the_rest_still_plays(
    qtbot: QtBot,
    db: Database,
    library_folder: Path,
    trainee_name: str,
    settle: Callable[[], None],
) -> None:
    broken_text = (
        elderly_variant()
        .replace(ELDERLY, "broken_copy")
        .replace("next: escalated", "next: escalatd")
    )
    broken = library_folder / "broken.yaml"
    broken.write_text(broken_text, encoding="utf-8")
    line = next(n for n, text in enumerate(broken_text.splitlines(), 1) if "escalatd" in text)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(2)
    catalogue = window.roleplay_catalogue
    banner = catalogue.problems_banner
    assert banner.isVisible()
    problem = f"{broken}:{line}: choice 2 of 'checked' points to 'escalatd'"
    assert problem in banner.lines.toPlainText()
    assert catalogue.model.rowCount() == 2, "both valid scenarios are listed"

    page = _play_with_enter(qtbot, window, ELDERLY)
    for key in (Qt.Key.Key_1, Qt.Key.Key_Return, Qt.Key.Key_1, Qt.Key.Key_Return):
        _press(qtbot, page, settle, key)
    assert page.end_view.title_label.text() == "Resolved, the customer is satisfied"


def test_without_problems_there_is_no_banner(practice: MainWindow) -> None:
    assert not practice.roleplay_catalogue.problems_banner.isVisible()


def test_new_trainee_dialog_needs_a_name(qtbot: QtBot) -> None:
    dialog = NewTraineeDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "  ")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Li Mei")
    assert ok.isEnabled()


def test_content_is_never_read_as_html() -> None:
    assert rich(Text(zh="等待<5分钟", en="wait <b>5</b> min & more")) == (
        "wait &lt;b&gt;5&lt;/b&gt; min &amp; more"
    )


def test_a_quick_second_key_while_a_choice_is_saved_records_one_choice(
    qtbot: QtBot,
    practice: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    page = _play_with_enter(qtbot, practice, PARCEL)
    recorded: list[int] = []
    record_choice = roleplays.record_choice

    def counting(db: Database, attempt_id: int, choice: int) -> RoleplayProgress:
        recorded.append(choice)
        return record_choice(db, attempt_id, choice)

    monkeypatch.setattr(roleplays, "record_choice", counting)
    # Keys arrive faster than the first choice is saved (no event is handled between them).
    qtbot.keyClick(page, Qt.Key.Key_1)
    assert page.screens.currentWidget() is page.play_screen, "shown only once saved"
    qtbot.keyClick(page, Qt.Key.Key_2)
    qtbot.mouseClick(page.play_screen.buttons[1], Qt.MouseButton.LeftButton)
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # leaving waits for the choice too
    settle()
    assert recorded == [0]
    assert page.screens.currentWidget() is page.feedback_screen
    assert "You calmed her first" in page.feedback_card.feedback_label.text()
    assert practice.pages.currentWidget() is page
    [attempt] = roleplays.roleplays_of(db, _only_trainee(db))
    assert attempt.state.path == (Step("opening", 0),)


def test_a_refused_choice_is_told_and_can_be_made_again(
    qtbot: QtBot,
    practice: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
    shown_problems: list[str],
) -> None:
    page = _play_with_enter(qtbot, practice, PARCEL)
    record_choice = roleplays.record_choice

    def refuse_once(db: Database, attempt_id: int, choice: int) -> RoleplayProgress:
        monkeypatch.setattr(roleplays, "record_choice", record_choice)
        raise UserError("the database is busy", "数据库正忙")

    monkeypatch.setattr(roleplays, "record_choice", refuse_once)
    _press(qtbot, page, settle, Qt.Key.Key_1)
    assert shown_problems == ["the database is busy"]
    assert page.screens.currentWidget() is page.play_screen
    _press(qtbot, page, settle, Qt.Key.Key_1)
    assert page.screens.currentWidget() is page.feedback_screen
    [attempt] = roleplays.roleplays_of(db, _only_trainee(db))
    assert attempt.state.path == (Step("opening", 0),)


def test_enter_twice_on_the_catalogue_starts_one_attempt(
    qtbot: QtBot,
    practice: MainWindow,
    db: Database,
    monkeypatch: pytest.MonkeyPatch,
    settle: Callable[[], None],
) -> None:
    started: list[str] = []
    start_roleplay = roleplays.start_roleplay

    def counting(db: Database, person_id: int, scenario: Scenario) -> int:
        started.append(scenario.id)
        return start_roleplay(db, person_id, scenario)

    monkeypatch.setattr(roleplays, "start_roleplay", counting)
    catalogue = practice.roleplay_catalogue
    catalogue.select_scenario(PARCEL)
    catalogue.table.setFocus()
    qtbot.keyClick(catalogue.table, Qt.Key.Key_Return)  # asks who plays, then saves them
    qtbot.keyClick(catalogue.table, Qt.Key.Key_Return)
    qtbot.mouseClick(catalogue.play_button, Qt.MouseButton.LeftButton)
    settle()
    assert practice.pages.currentWidget() is practice.roleplay_page
    assert started == [PARCEL]
    assert len(roleplays.list_trainees(db)) == 1
    assert len(roleplays.roleplays_of(db, _only_trainee(db))) == 1
