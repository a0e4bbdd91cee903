"""The trainer's progress page: one trainee's chart, radar and advice; a cohort's table."""

import threading
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from cs_trainer.changes import COHORTS, ROLEPLAYS
from cs_trainer.errors import NotFoundError
from cs_trainer.quizzes.selftest import service_potential
from cs_trainer.scenarios import runner
from cs_trainer.scenarios.labels import SKILL_NAMES
from cs_trainer.services import cohorts, progress, roleplays, selftests
from cs_trainer.services.clock import utc_now
from cs_trainer.store.database import Database
from cs_trainer.store.models import Attempt
from cs_trainer.ui.shared import operations
from cs_trainer.ui.shared.changes import ChangeBus
from cs_trainer.ui.trainer.cohort_widgets import (
    FIRST_INSTRUMENT_COLUMN,
    MEAN_COLUMN,
    NAME_COLUMN,
    AddTraineesDialog,
    CohortTableModel,
    NewCohortDialog,
    TraineeChoice,
    header_title,
)
from cs_trainer.ui.trainer.progress_page import ProgressPage

COMPLAINT, RATIONAL = "complete_complaint", "type_rational"
COMPLAINT_KEY, RATIONAL_KEY = f"roleplay:{COMPLAINT}", f"roleplay:{RATIONAL}"


@pytest.fixture
def library() -> roleplays.Library:
    return roleplays.load_scenarios()


def _worst(library: roleplays.Library, scenario_id: str) -> list[int]:
    """Always the lowest-scoring choice: a play that ends badly."""
    scenario = library.get(scenario_id)
    state, choices = runner.start(scenario), []
    while not runner.is_finished(scenario, state):
        node = scenario.node(state.node)
        worst = min(range(len(node.choices)), key=lambda i: sum(node.choices[i].scores.values()))
        choices.append(worst)
        state = runner.choose(scenario, state, worst)
    return choices


def _play(
    db: Database,
    library: roleplays.Library,
    person: int,
    scenario_id: str,
    days_ago: int,
    worst: bool = False,
) -> int:
    """A finished play-through (best path unless ``worst``), dated ``days_ago``."""
    scenario = library.get(scenario_id)
    attempt = roleplays.start_roleplay(db, person, scenario)
    path = (
        _worst(library, scenario_id)
        if worst
        else [s.choice for s in runner.best_path(scenario).path]
    )
    for choice in path:
        roleplays.record_choice(db, attempt, choice)
    _backdate(db, attempt, days_ago)
    return attempt


def _backdate(db: Database, attempt_id: int, days_ago: int) -> None:
    with db.writing() as session:
        attempt = session.get(Attempt, attempt_id)
        assert attempt is not None
        attempt.finished_at = utc_now() - timedelta(days=days_ago)
        attempt.started_at = attempt.finished_at - timedelta(minutes=5)


def _percent(db: Database, attempt_id: int) -> float:
    with db.reading() as session:
        attempt = session.get(Attempt, attempt_id)
        assert attempt is not None
        person = attempt.person_id
    return next(
        p.percent for p in progress.trainee_timeline(db, person) if p.attempt_id == attempt_id
    )


class Class:
    """A cohort of two trainees with plays 10, 3 and 1 days ago, and one trainee elsewhere."""

    def __init__(self, db: Database, library: roleplays.Library) -> None:
        self.cohort = cohorts.create_cohort(db, "2026年11月新员工班")
        self.other_cohort = cohorts.create_cohort(db, "2026年9月班")
        self.wang = roleplays.add_trainee(db, "小王", self.cohort)
        self.li = roleplays.add_trainee(db, "小李", self.cohort)
        self.zhao = roleplays.add_trainee(db, "小赵", self.other_cohort)
        self.zhou = roleplays.add_trainee(db, "小周")
        _play(db, library, self.wang, COMPLAINT, days_ago=10)
        self.wang_rational = _play(db, library, self.wang, RATIONAL, days_ago=3, worst=True)
        _play(db, library, self.li, COMPLAINT, days_ago=10)
        self.li_latest = _play(db, library, self.li, COMPLAINT, days_ago=1, worst=True)


@pytest.fixture
def data(db: Database, library: roleplays.Library) -> Class:
    return Class(db, library)


@pytest.fixture
def bus() -> ChangeBus:
    return ChangeBus()


@pytest.fixture
def page(qtbot: QtBot, db: Database, bus: ChangeBus, library: roleplays.Library) -> ProgressPage:
    shown = ProgressPage(db, bus, library)
    qtbot.addWidget(shown)
    shown.resize(1200, 780)
    shown.show()
    _settle(qtbot, shown)
    return shown


def _settle(qtbot: QtBot, page: ProgressPage) -> None:
    """Every operation delivered (a cohort change, then the loads it set off)."""
    qtbot.waitUntil(lambda: operations.pending() == 0 and not page.busy(), timeout=20_000)


def _items(widget: object) -> list[str]:
    from PySide6.QtWidgets import QListWidget

    assert isinstance(widget, QListWidget)
    return [widget.item(n).text() for n in range(widget.count())]


# -- the trainee tab ------------------------------------------------------------------------
def test_trainee_tab_charts_every_attempt_radar_and_weak_spots(
    qtbot: QtBot, db: Database, data: Class, page: ProgressPage, library: roleplays.Library
) -> None:
    inst = service_potential().instrument
    answers = {item.id: inst.scale.max for item in inst.items}
    selftests.record_paper_selftest(db, data.wang, answers, "self", "")
    tab = page.trainee_tab
    tab.select_trainee(data.wang)
    _settle(qtbot, page)

    lines = {series.name(): series for series in tab.trend.series()}
    assert set(lines) == {"Role-plays", "Self-test"}
    assert lines["Role-plays"].count() == 2 and lines["Self-test"].count() == 1
    assert lines["Role-plays"].at(0).y() == 100.0
    assert lines["Role-plays"].at(1).y() == _percent(db, data.wang_rational) < 100

    profile = progress.skill_profile(db, data.wang)
    assert tab.radar.maximum == 100
    assert tab.radar.values == [(SKILL_NAMES[s.skill].en, s.percent) for s in profile]

    rational = library.get(RATIONAL).title.en
    assert _items(tab.situations_list)[0].startswith(rational)  # the complaint is at 100 %
    assert len(_items(tab.situations_list)) == 1
    weakest = progress.weakest_skills(profile)
    assert [line.split(" — ")[0] for line in _items(tab.skills_list)] == [
        SKILL_NAMES[s].en for s in weakest
    ]
    advice = progress.practise_next(db, data.wang, library)
    assert [line.split(" (")[0] for line in _items(tab.advice_list)] == [
        library.get(s).title.en for s in advice.scenario_ids
    ]


def test_a_trainee_without_attempts_gets_an_empty_chart(
    qtbot: QtBot, data: Class, page: ProgressPage
) -> None:
    tab = page.trainee_tab
    tab.select_trainee(data.zhou)
    _settle(qtbot, page)
    assert tab.trend.series() == []
    assert tab.trend.chart().title() == "No finished attempts yet"
    assert _items(tab.situations_list) == ["No role-play finished yet"]
    assert all(value is None for _label, value in tab.radar.values)


def test_the_trainee_picker_is_filtered_by_cohort(
    qtbot: QtBot, data: Class, page: ProgressPage
) -> None:
    tab = page.trainee_tab

    def offered() -> list[str]:
        return [tab.trainee_combo.itemText(n) for n in range(tab.trainee_combo.count())]

    assert sorted(offered()) == sorted(["小王", "小李", "小赵", "小周"])
    tab.cohort_filter.setCurrentIndex(tab.cohort_filter.findData(data.cohort))
    _settle(qtbot, page)
    assert sorted(offered()) == sorted(["小王", "小李"])
    tab.cohort_filter.setCurrentIndex(tab.cohort_filter.findText("Not in a cohort"))
    _settle(qtbot, page)
    assert offered() == ["小周"] and tab.trainee_id() == data.zhou


def test_a_new_attempt_announced_on_the_bus_reaches_the_chart(
    qtbot: QtBot,
    db: Database,
    bus: ChangeBus,
    data: Class,
    page: ProgressPage,
    library: roleplays.Library,
) -> None:
    tab = page.trainee_tab
    tab.select_trainee(data.li)
    _settle(qtbot, page)
    assert tab.trend.series()[0].count() == 2
    _play(db, library, data.li, RATIONAL, days_ago=0)
    bus.announce(ROLEPLAYS)
    _settle(qtbot, page)
    assert tab.trend.series()[0].count() == 3


# -- the cohort tab -------------------------------------------------------------------------
def _cohort_tab(qtbot: QtBot, page: ProgressPage, cohort: int) -> None:
    tab = page.cohort_tab
    page.tabs.setCurrentWidget(tab)
    tab.cohort_combo.setCurrentIndex(tab.cohort_combo.findData(cohort))
    _settle(qtbot, page)


def _table(page: ProgressPage) -> dict[str, dict[str, str]]:
    """Trainee → column header → cell text, as the sorted table shows them."""
    proxy = page.cohort_tab.proxy
    full_title = Qt.ItemDataRole.ToolTipRole  # the display role wraps long titles
    headers = [
        str(proxy.headerData(c, Qt.Orientation.Horizontal, full_title))
        if c >= FIRST_INSTRUMENT_COLUMN
        else str(proxy.headerData(c, Qt.Orientation.Horizontal))
        for c in range(proxy.columnCount())
    ]
    return {
        str(proxy.index(r, NAME_COLUMN).data()): {
            headers[c]: str(proxy.index(r, c).data()) for c in range(1, proxy.columnCount())
        }
        for r in range(proxy.rowCount())
    }


def _names(page: ProgressPage) -> list[str]:
    proxy = page.cohort_tab.proxy
    return [str(proxy.index(r, NAME_COLUMN).data()) for r in range(proxy.rowCount())]


def test_cohort_table_has_a_row_per_member_and_latest_and_best_per_instrument(
    qtbot: QtBot, db: Database, data: Class, page: ProgressPage, library: roleplays.Library
) -> None:
    _cohort_tab(qtbot, page, data.cohort)
    complaint, rational = library.get(COMPLAINT).title.en, library.get(RATIONAL).title.en
    table = _table(page)
    assert set(table) == {"小王", "小李"}  # 小赵 and 小周 are not in this cohort
    li_latest = round(_percent(db, data.li_latest))
    wang_rational = round(_percent(db, data.wang_rational))
    assert table["小李"][complaint] == f"{li_latest}% / 100%"
    assert table["小李"][rational] == "—"
    assert table["小王"][complaint] == "100% / 100%"
    assert table["小王"][rational] == f"{wang_rational}% / {wang_rational}%"
    mean = round((100 + _percent(db, data.wang_rational)) / 2)
    assert table["小王"]["Mean"] == f"{mean}% / {mean}%"
    assert table["小李"]["Mean"] == f"{li_latest}% / 100%"
    assert "2 trainees, 2 role-plays and tests" in page.cohort_tab.summary_label.text()


def test_clicking_a_heading_sorts_the_trainees_by_their_best_result(
    qtbot: QtBot, data: Class, page: ProgressPage, library: roleplays.Library
) -> None:
    _cohort_tab(qtbot, page, data.cohort)
    tab = page.cohort_tab
    rational_column = next(
        c
        for c in range(FIRST_INSTRUMENT_COLUMN, tab.model.columnCount())
        if tab.model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        == library.get(RATIONAL).title.en
    )
    header = tab.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(rational_column) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    first = _names(page)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    second = _names(page)
    # 小王 played it (a poor result still beats none); 小李 never did.
    assert {tuple(first), tuple(second)} == {("小王", "小李"), ("小李", "小王")}
    order = header.sortIndicatorOrder()
    assert second == (
        ["小李", "小王"] if order == Qt.SortOrder.AscendingOrder else ["小王", "小李"]
    )
    tab.table.sortByColumn(MEAN_COLUMN, Qt.SortOrder.DescendingOrder)
    assert _names(page) == ["小李", "小王"]  # a mean best of 100 % against one below


def test_the_date_range_leaves_out_attempts_outside_it(
    qtbot: QtBot, db: Database, data: Class, page: ProgressPage, library: roleplays.Library
) -> None:
    _cohort_tab(qtbot, page, data.cohort)
    tab = page.cohort_tab
    complaint, rational = library.get(COMPLAINT).title.en, library.get(RATIONAL).title.en
    assert not tab.since_edit.isEnabled()
    tab.since_edit.setDate(QDate.currentDate().addDays(-5))
    tab.since_box.setChecked(True)
    _settle(qtbot, page)
    assert tab.since_edit.isEnabled() and tab.date_range()[0] == date.today() - timedelta(days=5)
    table = _table(page)
    li_latest = round(_percent(db, data.li_latest))
    assert table["小李"][complaint] == f"{li_latest}% / {li_latest}%"  # the 100 % was earlier
    assert table["小王"][complaint] == "—"
    assert table["小王"][rational] != "—"

    tab.since_box.setChecked(False)
    tab.until_edit.setDate(QDate.currentDate().addDays(-7))
    tab.until_box.setChecked(True)
    _settle(qtbot, page)
    table = _table(page)
    assert rational not in table["小王"]  # only the plays of ten days ago are left
    assert table["小王"][complaint] == table["小李"][complaint] == "100% / 100%"


def test_the_cohorts_weakest_skills_are_listed_weakest_first(
    qtbot: QtBot, db: Database, data: Class, page: ProgressPage
) -> None:
    _cohort_tab(qtbot, page, data.cohort)
    tab = page.cohort_tab
    profile = progress.cohort_skill_profile(db, data.cohort)
    weakest = progress.weakest_skills(profile)
    assert weakest and tab.skill_bars.weakest == weakest
    assert tab.skill_bars.order[: len(weakest)] == weakest
    assert all(SKILL_NAMES[s].en in tab.weakest_label.text() for s in weakest)


def test_the_cohort_table_model_passes_the_model_tester(
    qtmodeltester: ModelTester, db: Database, data: Class
) -> None:
    model = CohortTableModel()
    model.set_table(progress.cohort_table(db, data.cohort))
    assert model.rowCount() == 2 and model.columnCount() == FIRST_INSTRUMENT_COLUMN + 2
    qtmodeltester.check(model)
    model.set_table(progress.cohort_table(db, data.other_cohort))  # checked through the reset
    assert model.rowCount() == 1


# -- cohorts and members --------------------------------------------------------------------
def test_add_trainees_offers_the_others_and_moves_the_ones_ticked(
    qtbot: QtBot,
    db: Database,
    bus: ChangeBus,
    data: Class,
    page: ProgressPage,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _cohort_tab(qtbot, page, data.cohort)
    offered: list[TraineeChoice] = []

    def tick_all(_parent: object, cohort: str, choices: list[TraineeChoice]) -> list[int]:
        assert cohort == "2026年11月新员工班"
        offered.extend(choices)
        return [c.id for c in choices]

    monkeypatch.setattr(AddTraineesDialog, "ask", classmethod(lambda cls, *a: tick_all(*a)))
    with qtbot.waitSignal(bus.changed):
        qtbot.mouseClick(page.cohort_tab.add_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, page)
    assert {(c.name, c.cohort) for c in offered} == {("小赵", "2026年9月班"), ("小周", None)}
    assert {m.name for m in cohorts.members(db, data.cohort)} == {"小王", "小李", "小赵", "小周"}
    assert set(_table(page)) == {"小王", "小李", "小赵", "小周"}
    assert "(trainees: 4)" in page.cohort_tab.cohort_combo.currentText()


def test_new_cohort_is_created_and_chosen(
    qtbot: QtBot,
    db: Database,
    data: Class,
    page: ProgressPage,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    page.tabs.setCurrentWidget(page.cohort_tab)
    monkeypatch.setattr(NewCohortDialog, "ask", classmethod(lambda cls, _parent: "2027年春季班"))
    qtbot.mouseClick(page.cohort_tab.new_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, page)
    created = cohorts.cohort_by_name(db, "2027年春季班")
    assert page.cohort_tab.cohort_id() == created.id
    assert page.cohort_tab.model.rowCount() == 0
    assert "no trainees yet" in page.cohort_tab.summary_label.text()
    assert page.trainee_tab.cohort_filter.findData(created.id) >= 0  # the bus told the other tab

    qtbot.mouseClick(page.cohort_tab.new_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, page)
    assert shown_problems and "already a cohort" in shown_problems[0]


def test_add_trainees_dialog_filters_and_returns_the_ticked(qtbot: QtBot) -> None:
    dialog = AddTraineesDialog(
        "2026年11月新员工班",
        [TraineeChoice(1, "小王", None), TraineeChoice(2, "Li Na", "2026年9月班")],
    )
    qtbot.addWidget(dialog)
    assert dialog.list.item(1).text() == "Li Na (now in 2026年9月班)"
    dialog.filter_edit.setText("li")
    assert dialog.list.item(0).isHidden() and not dialog.list.item(1).isHidden()
    dialog.list.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.chosen() == [2]


def test_header_titles_wrap_over_at_most_three_lines() -> None:
    fits = header_title("A complaint from start to finish: the broken down jacket")
    assert fits == "A complaint from\nstart to finish: the\nbroken down jacket"
    english = header_title("A blind customer buying a flask for his mother, on a rainy day")
    assert len(english.splitlines()) == 3 and english.endswith("…")
    assert all(len(line) <= 20 for line in english.splitlines())
    chinese = header_title("一次完整的投诉处理：拉链坏了的羽绒服")
    assert chinese.splitlines() == ["一次完整的投诉处理：", "拉链坏了的羽绒服"]
    assert header_title("Quiz") == "Quiz"


def test_nothing_is_read_until_the_page_is_shown(
    qtbot: QtBot, db: Database, bus: ChangeBus, data: Class, library: roleplays.Library
) -> None:
    hidden = ProgressPage(db, bus, library)
    qtbot.addWidget(hidden)
    bus.announce(ROLEPLAYS)
    assert not hidden.busy() and hidden.trainee_tab.trainee_combo.count() == 0
    hidden.show()
    _settle(qtbot, hidden)
    assert hidden.trainee_tab.trainee_combo.count() == 4
    assert hidden.cohort_tab.cohort_combo.count() == 2


def test_a_cohort_change_is_broadcast_once_with_the_kind_the_service_reported(
    qtbot: QtBot,
    db: Database,
    bus: ChangeBus,
    data: Class,
    page: ProgressPage,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page.tabs.setCurrentWidget(page.cohort_tab)
    heard: list[frozenset[str]] = []
    bus.changed.connect(heard.append)
    monkeypatch.setattr(NewCohortDialog, "ask", classmethod(lambda cls, _parent: "2027年夏季班"))
    qtbot.mouseClick(page.cohort_tab.new_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, page)
    assert heard == [frozenset({COHORTS})]
    monkeypatch.setattr(
        AddTraineesDialog, "ask", classmethod(lambda cls, _p, _name, _c: [data.zhou, data.zhao])
    )
    qtbot.mouseClick(page.cohort_tab.add_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, page)
    assert heard == [frozenset({COHORTS})] * 2, "two trainees moved: one broadcast"
    made = cohorts.cohort_by_name(db, "2027年夏季班").id
    assert {m.name for m in cohorts.members(db, made)} == {"小周", "小赵"}


def test_the_cohort_buttons_wait_for_a_change_and_work_again_after_a_refusal(
    qtbot: QtBot,
    db: Database,
    bus: ChangeBus,
    data: Class,
    page: ProgressPage,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    _cohort_tab(qtbot, page, data.cohort)
    tab = page.cohort_tab
    opened = threading.Event()

    def held_back(db_: Database, cohort: int, people: list[int], seen_version: int) -> None:
        assert opened.wait(10), "the test never let the change through"
        raise NotFoundError(f"there is no trainee with ID {data.zhao}")

    heard: list[frozenset[str]] = []
    bus.changed.connect(heard.append)
    monkeypatch.setattr(cohorts, "add_members", held_back)
    monkeypatch.setattr(
        AddTraineesDialog, "ask", classmethod(lambda cls, _p, _name, _c: [data.zhou, data.zhao])
    )
    try:
        qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
        assert not tab.add_button.isEnabled() and not tab.new_button.isEnabled()
    finally:
        opened.set()
    _settle(qtbot, page)
    assert shown_problems == [f"there is no trainee with ID {data.zhao}"]
    assert heard == [], "a refused change changed nothing"
    assert tab.add_button.isEnabled() and tab.new_button.isEnabled()
    assert set(_table(page)) == {"小王", "小李"}, "the tab shows what was saved"


def test_adding_trainees_over_another_laptops_change_is_refused_and_the_tab_shows_it(
    qtbot: QtBot,
    db: Database,
    data: Class,
    page: ProgressPage,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    _cohort_tab(qtbot, page, data.cohort)
    laptop = Database.open(db.url)  # another laptop: its own engine on the same database

    def tick_while_another_laptop_adds_one(*_args: object) -> list[int]:
        other = threading.Thread(  # off the GUI thread, as another laptop's write is
            target=lambda: cohorts.assign(laptop, data.zhao, data.cohort)
        )
        other.start()
        other.join()
        return [data.zhou]

    monkeypatch.setattr(
        AddTraineesDialog, "ask", classmethod(lambda cls, *a: tick_while_another_laptop_adds_one())
    )
    try:
        qtbot.mouseClick(page.cohort_tab.add_button, Qt.MouseButton.LeftButton)
        _settle(qtbot, page)
    finally:
        laptop.dispose()
    assert len(shown_problems) == 1
    assert "“2026年11月新员工班” after you opened it: it now has 3" in shown_problems[0]
    assert {m.name for m in cohorts.members(db, data.cohort)} == {"小王", "小李", "小赵"}
    assert set(_table(page)) == {"小王", "小李", "小赵"}, "the tab shows the cohort as it is"
    assert "(trainees: 3)" in page.cohort_tab.cohort_combo.currentText()


def test_a_rename_is_saved_and_one_over_another_laptops_change_is_refused(
    qtbot: QtBot,
    db: Database,
    data: Class,
    page: ProgressPage,
    monkeypatch: pytest.MonkeyPatch,
    shown_problems: list[str],
) -> None:
    _cohort_tab(qtbot, page, data.cohort)
    tab = page.cohort_tab
    monkeypatch.setattr(
        NewCohortDialog, "ask", classmethod(lambda cls, _parent, current: f"{current}（一）")
    )
    qtbot.mouseClick(tab.rename_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, page)
    assert cohorts.get_cohort(db, data.cohort).name == "2026年11月新员工班（一）"
    assert tab.cohort_combo.currentText().startswith("2026年11月新员工班（一）")

    laptop = Database.open(db.url)  # another laptop: its own engine on the same database

    def rename_while_another_laptop_adds_one(current: str) -> str:
        other = threading.Thread(target=lambda: cohorts.assign(laptop, data.zhou, data.cohort))
        other.start()
        other.join()
        return "春季班"

    monkeypatch.setattr(
        NewCohortDialog,
        "ask",
        classmethod(lambda cls, _parent, current: rename_while_another_laptop_adds_one(current)),
    )
    try:
        qtbot.mouseClick(tab.rename_button, Qt.MouseButton.LeftButton)
        _settle(qtbot, page)
    finally:
        laptop.dispose()
    assert len(shown_problems) == 1
    assert "“2026年11月新员工班（一）” after you opened it: it now has 3" in shown_problems[0]
    assert cohorts.get_cohort(db, data.cohort).name == "2026年11月新员工班（一）"
    assert "(trainees: 3)" in tab.cohort_combo.currentText(), "the tab shows it as it is now"
