"""The statistics page: computed off the GUI thread, flagged items highlighted, too few
attempts said plainly, role-play choice shares as bars."""

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cs_trainer.changes import ATTEMPTS
from cs_trainer.quizzes.item_statistics import MIN_ATTEMPTS
from cs_trainer.scenarios.validator import load_scenario
from cs_trainer.services import cohorts, roleplays
from cs_trainer.services.roleplays import Library
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt, InstrumentSnapshot, Person, Response
from cs_trainer.ui.quizzes.choice_cards import ShareBar
from cs_trainer.ui.quizzes.item_statistics_model import (
    ALPHA_COLUMN,
    D27_COLUMN,
    FLAGGED_BACKGROUND,
    ITEM_COLUMN,
    ItemStatisticsModel,
)
from cs_trainer.ui.quizzes.statistics_page import StatisticsPage
from cs_trainer.ui.roleplays.roleplay_end import WrapLabel
from cs_trainer.ui.shared.changes import ChangeBus

DOC = Path(__file__).resolve().parents[3] / "docs" / "authoring.md"
T0 = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
# tests/quizzes/test_item_statistics.py's MISKEYED quiz (item m keyed wrong), twice over
MISKEYED = ["1110", "1110", "1100", "1010", "0001", "0001"] * 2


def add_quiz(db: Database, bank: str, row: str, cohort_id: int | None = None) -> None:
    """A finished quiz attempt as the quiz feature's contract stores it."""
    body = {
        "bank_id": bank,
        "seed": 1,
        "categories": [],
        "items": [{"id": i, "question": {"zh": f"题目{i}", "en": f"Question {i}"}} for i in "abcm"],
    }
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()
    with db.writing() as session:
        person = Person(kind="trainee", name="学员", created_at=T0, cohort_id=cohort_id)
        session.add(person)
        if session.get(InstrumentSnapshot, digest) is None:
            session.add(
                InstrumentSnapshot(content_hash=digest, instrument_id=bank, version=1, body=body)
            )
        session.flush()
        attempt = Attempt(
            person_id=person.id,
            kind="quiz",
            instrument_id=bank,
            content_hash=digest,
            mode="self",
            started_at=T0,
            finished_at=T0,
            status="finished",
        )
        session.add(attempt)
        session.flush()
        for item, mark in zip("abcm", row, strict=True):
            session.add(
                Response(attempt_id=attempt.id, item_id=item, value=int(mark), answered_at=T0)
            )


@pytest.fixture
def library(tmp_path: Path) -> Library:
    match = re.search(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert match
    path = tmp_path / "example.yaml"
    path.write_text(match.group(1), encoding="utf-8")
    return Library([load_scenario(path)], [])


def make_page(qtbot: QtBot, db: Database, library: Library) -> StatisticsPage:
    page = StatisticsPage(db, ChangeBus(), library)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    wait_idle(qtbot, page)
    return page


def wait_idle(qtbot: QtBot, page: StatisticsPage) -> None:
    qtbot.waitUntil(lambda: not page.is_computing(), timeout=10_000)


def test_flagged_item_is_highlighted_with_a_tooltip(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    for row in MISKEYED:
        add_quiz(db, "service_quiz", row)
    page = make_page(qtbot, db, library)
    assert page.bank_combo.currentText() == "service_quiz"
    report = page.quiz_report
    assert report is not None and report.flagged == ("m",)
    model = page.model
    assert [model.index(r, ITEM_COLUMN).data() for r in range(4)] == [
        "Question a",
        "Question b",
        "Question c",
        "Question m",
    ]
    flagged = model.index(3, D27_COLUMN)
    assert flagged.data() == "−1.00"
    background = flagged.data(Qt.ItemDataRole.BackgroundRole)
    assert background.color() == QColor(FLAGGED_BACKGROUND)
    assert "check the key" in flagged.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, D27_COLUMN).data(Qt.ItemDataRole.BackgroundRole) is None
    # without m the quiz would be far more reliable (45/56 against −5/9): shown in bold
    assert model.index(3, ALPHA_COLUMN).data() == "0.80"
    assert model.index(3, ALPHA_COLUMN).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, ALPHA_COLUMN).data(Qt.ItemDataRole.FontRole) is None
    assert "N = 12" in page.quiz_summary.text() and "KR-20 = " in page.quiz_summary.text()
    assert page.too_few_label.isHidden()


def test_too_few_attempts_are_said_instead_of_numbers(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    for row in MISKEYED[:3]:
        add_quiz(db, "service_quiz", row)
    page = make_page(qtbot, db, library)
    assert page.too_few_label.isVisible()
    assert f"Too few attempts (3 of {MIN_ATTEMPTS} needed)" in page.too_few_label.text()
    assert page.model.index(0, D27_COLUMN).data() == "—"
    assert "KR-20" not in page.quiz_summary.text()


def test_items_drawn_too_rarely_are_counted_in_the_summary(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    for row in MISKEYED[:10]:
        add_quiz(db, "service_quiz", row)
    with db.writing() as session:  # one attempt also drew a fifth item
        session.add(Response(attempt_id=1, item_id="extra", value=1, answered_at=T0))
    page = make_page(qtbot, db, library)
    assert page.too_few_label.isHidden()
    assert f"fewer than {MIN_ATTEMPTS} times (no numbers yet): 1" in page.quiz_summary.text()
    extra = page.model.rowCount() - 1
    assert page.model.index(extra, ITEM_COLUMN).data() == "extra"
    assert "Too few" in page.model.index(extra, D27_COLUMN).data(Qt.ItemDataRole.ToolTipRole)


def test_the_cohort_combo_filters_and_the_page_catches_up_with_changes(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    group = cohorts.create_cohort(db, "三月班")
    for row in MISKEYED:
        add_quiz(db, "service_quiz", row, group)
    add_quiz(db, "service_quiz", "1111")
    bus = ChangeBus()
    page = StatisticsPage(db, bus, library)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot, page)
    assert page.quiz_report is not None and page.quiz_report.attempts == 13
    with qtbot.waitSignal(page.quiz_report_shown, timeout=10_000):
        page.cohort_combo.setCurrentIndex(page.cohort_combo.findText("三月班"))
    assert page.quiz_report is not None and page.quiz_report.attempts == 12
    wait_idle(qtbot, page)
    add_quiz(db, "new_quiz", "1111")
    with qtbot.waitSignal(page.quiz_report_shown, timeout=10_000):
        bus.announce(ATTEMPTS)
    wait_idle(qtbot, page)
    assert page.bank_combo.findText("new_quiz") >= 0
    assert page.cohort_combo.currentText() == "三月班", "the chosen cohort is kept"


def test_nothing_is_computed_while_the_page_is_hidden(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    for row in MISKEYED:
        add_quiz(db, "service_quiz", row)
    bus = ChangeBus()
    page = StatisticsPage(db, bus, library)
    qtbot.addWidget(page)
    assert not page.is_computing() and page.bank_combo.count() == 0
    page.show()
    wait_idle(qtbot, page)
    assert page.quiz_report is not None and page.quiz_report.attempts == 12
    page.hide()
    add_quiz(db, "service_quiz", "1111")
    bus.announce(ATTEMPTS)
    assert not page.is_computing()
    page.show()
    wait_idle(qtbot, page)
    assert page.quiz_report is not None and page.quiz_report.attempts == 13


def test_no_quiz_yet(qtbot: QtBot, db: Database, library: Library) -> None:
    page = make_page(qtbot, db, library)
    assert page.bank_combo.count() == 0 and page.quiz_report is None
    assert "No quiz" in page.quiz_summary.text()


def test_the_roleplay_tab_shows_each_choices_share(
    qtbot: QtBot, db: Database, library: Library
) -> None:
    scenario = library.scenarios[0].scenario
    trainee = roleplays.add_trainee(db, "小王")
    for choices in ([0, 1], [0, 1], [0, 1], [0, 0], [1]):
        attempt = roleplays.start_roleplay(db, trainee, scenario)
        for choice in choices:
            roleplays.record_choice(db, attempt, choice)
    page = make_page(qtbot, db, library)
    page.tabs.setCurrentIndex(1)
    assert "5" in page.choice_summary.text()
    opening, checked = page.cards_shown
    # opening: 4 of 5 chose to calm her (the best), 1 argued
    shares = [bar.share for bar in opening.findChildren(ShareBar)]
    assert shares == pytest.approx([0.8, 0.2])
    labels = [label.text() for label in opening.findChildren(type(page.quiz_summary))]
    assert "80 % (4)" in labels and "20 % (1)" in labels and "✔ best" in labels
    assert not opening.node.goes_wrong and not hasattr(opening, "warning")
    # checked: 3 of 4 over-promised; the best (call back) only 1: highlighted
    assert [bar.share for bar in checked.findChildren(ShareBar)] == pytest.approx([0.25, 0.75])
    assert checked.node.goes_wrong and checked.warning.isVisible()
    assert "differently from the best" in checked.warning.text()


def test_the_item_model_passes_qts_model_checks(
    qtbot: QtBot, qtmodeltester: ModelTester, db: Database, library: Library
) -> None:
    for row in MISKEYED:
        add_quiz(db, "service_quiz", row)
    page = make_page(qtbot, db, library)
    qtmodeltester.check(page.model)
    empty = ItemStatisticsModel()
    qtmodeltester.check(empty)
    empty.set_report(page.quiz_report)
    assert empty.rowCount() == 4


def test_a_wrapped_label_gets_shorter_again_when_it_gets_wider(qtbot: QtBot) -> None:
    """QLabel.heightForWidth never answers below the minimum height, so a label that pins
    its minimum to it would keep the height of its narrowest moment."""
    text = "a rather long customer line that wraps over several lines " * 3
    label, fresh = WrapLabel(text), WrapLabel(text)
    for widget in (label, fresh):
        qtbot.addWidget(widget)
        widget.show()
    label.resize(120, 40)
    narrow = label.minimumHeight()
    label.resize(1200, 40)
    fresh.resize(1200, 40)
    assert 0 < label.minimumHeight() < narrow
    assert label.minimumHeight() == fresh.minimumHeight()
