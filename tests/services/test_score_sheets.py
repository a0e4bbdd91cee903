"""Score sheets from the database, and the batch export of a cohort with cancel."""

from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest
from pypdf import PdfReader

from cs_trainer.errors import Interrupted, NotFoundError, UserError
from cs_trainer.files import MAX_STEM, MAX_STEM_BYTES, safe_file_stem
from cs_trainer.scenarios import runner
from cs_trainer.services import cohorts, roleplays, score_sheets
from cs_trainer.services.score_sheets import ExportInterrupted, unique_name
from cs_trainer.store.database import Database

TRAINEES = ("小王", "小李", "张三丰")
SUMMARY_FILES = {
    "十一月班 班级汇总 Cohort summary.pdf",
    "十一月班 成绩表 Scores.csv",
    "十一月班 成绩表 Scores.xlsx",
}


@cache
def library() -> roleplays.Library:
    return roleplays.load_scenarios()


def play(db: Database, person: int, scenario_id: str, best: bool = True) -> None:
    """Play a shipped scenario to its end: the best path, or always the worst choice."""
    scenario = library().get(scenario_id)
    attempt = roleplays.start_roleplay(db, person, scenario)
    best_path = runner.best_path(scenario).path
    state = runner.start(scenario)
    while not runner.is_finished(scenario, state):
        choices = scenario.node(state.node).choices
        worst = min(range(len(choices)), key=lambda i: sum(choices[i].scores.values()))
        choice = best_path[len(state.path)].choice if best else worst
        state = runner.choose(scenario, state, choice)
        roleplays.record_choice(db, attempt, choice)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The export folder, apart from the test's database."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def cohort(db: Database) -> int:
    """A cohort of three trainees who played role-plays, and one trainee outside it."""
    cohort_id = cohorts.create_cohort(db, "十一月班")
    for index, name in enumerate(TRAINEES):
        person = roleplays.add_trainee(db, name, cohort_id)
        play(db, person, "type_rational", best=index != 1)
        play(db, person, "complete_complaint")
    play(db, roleplays.add_trainee(db, "别的班"), "type_rational")
    return cohort_id


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(path).pages)


def member(db: Database, cohort_id: int, name: str) -> int:
    return next(m.id for m in cohorts.members(db, cohort_id) if m.name == name)


# --------------------------------------------------------------------------- builders


def test_trainee_sheet_has_attempts_skills_and_weakest(db: Database, cohort: int) -> None:
    sheet = score_sheets.build_trainee_sheet(db, member(db, cohort, "小王"), "华南客服中心")

    assert (sheet.trainee, sheet.cohort, sheet.organisation) == ("小王", "十一月班", "华南客服中心")
    assert [row.kind for row in sheet.attempts] == ["roleplay", "roleplay"]
    assert all(row.percent == 100.0 for row in sheet.attempts)
    assert [point.percent for point in sheet.trend] == [100.0, 100.0]
    assert {skill.skill.en for skill in sheet.skills} >= {"Listening", "Empathy"}
    assert any(skill.percent == 100.0 for skill in sheet.skills)
    assert sheet.weakest_situations == [] and sheet.weakest_skills == []  # all at 100 %
    assert sheet.printed_on == date.today()


def test_the_weakest_are_what_fell_short(db: Database, cohort: int) -> None:
    sheet = score_sheets.build_trainee_sheet(db, member(db, cohort, "小李"))

    [weakest] = sheet.weakest_situations  # the complaint was played perfectly
    assert weakest.best_percent < 100 and weakest.title.zh == sheet.attempts[0].instrument.zh
    assert 1 <= len(sheet.weakest_skills) <= 2
    short = {s.skill for s in sheet.skills if s.percent is not None and s.percent < 100}
    assert set(sheet.weakest_skills) <= short


def test_a_trainee_sheet_needs_a_trainee(db: Database) -> None:
    with pytest.raises(NotFoundError):
        score_sheets.build_trainee_sheet(db, 999)


def test_cohort_sheet_has_a_row_per_member_and_a_column_per_instrument(
    db: Database, cohort: int
) -> None:
    sheet = score_sheets.build_cohort_sheet(db, cohort, organisation="")

    assert [row.name for row in sheet.rows] == sorted(TRAINEES)
    assert [c.key for c in sheet.instruments] == [
        "roleplay:type_rational",
        "roleplay:complete_complaint",
    ]
    by_name = {row.name: row for row in sheet.rows}
    assert by_name["小王"].mean == 100.0
    assert by_name["小李"].cells[0].latest is not None and by_name["小李"].cells[0].latest < 100
    assert any(skill.percent is not None for skill in sheet.skills)


def test_a_period_in_the_future_leaves_the_table_empty(db: Database, cohort: int) -> None:
    tomorrow = date.today() + timedelta(days=2)
    sheet = score_sheets.build_cohort_sheet(db, cohort, since=tomorrow)

    assert sheet.instruments == [] and len(sheet.rows) == len(TRAINEES)
    assert sheet.period.since == tomorrow


# --------------------------------------------------------------------------- export


def test_export_writes_a_sheet_per_trainee_the_summary_csv_and_xlsx(
    db: Database, cohort: int, out: Path
) -> None:
    reports: list[tuple[int, int, str]] = []

    files = score_sheets.export_cohort_sheets(
        db, cohort, out, lambda done, total, name: reports.append((done, total, name))
    )

    names = {path.name for path in files}
    assert names == {f"{name}.pdf" for name in TRAINEES} | SUMMARY_FILES
    assert set(out.iterdir()) == set(files)
    assert "小李" in pdf_text(out / "小李.pdf")
    assert "张三丰" in pdf_text(out / "十一月班 班级汇总 Cohort summary.pdf")
    assert reports[0] == (0, 6, "")
    assert [done for done, _total, _name in reports] == list(range(7))
    assert [name for _done, _total, name in reports[1:]] == [path.name for path in files]


def test_cancel_after_the_second_file_keeps_exactly_the_finished_files(
    db: Database, cohort: int, out: Path
) -> None:
    reported: list[str] = []

    def progress(_done: int, _total: int, name: str) -> None:
        if name:
            reported.append(name)

    with pytest.raises(ExportInterrupted) as stopped:
        score_sheets.export_cohort_sheets(
            db, cohort, out, progress, cancelled=lambda: len(reported) >= 2
        )

    assert isinstance(stopped.value, Interrupted) and not isinstance(stopped.value, UserError)
    assert [path.name for path in stopped.value.written] == reported
    assert stopped.value.total == 6
    assert sorted(path.name for path in out.iterdir()) == sorted(reported)  # no .tmp
    for path in stopped.value.written:
        assert PdfReader(path).pages, "a finished file is a whole PDF"


def test_an_unknown_cohort_or_a_missing_folder_is_a_plain_problem(
    db: Database, cohort: int, out: Path
) -> None:
    with pytest.raises(NotFoundError, match="cohort"):
        score_sheets.export_cohort_sheets(db, 999, out)
    missing = out / "gone"
    with pytest.raises(UserError, match="does not exist"):
        score_sheets.export_cohort_sheets(db, cohort, missing)
    assert not missing.exists() and list(out.iterdir()) == []


def test_a_disk_problem_names_the_file(
    db: Database, cohort: int, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(_sheet: object, _out: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(score_sheets, "write_trainee_sheet", full_disk)
    with pytest.raises(UserError, match=r"cannot write .*小李\.pdf: No space left"):
        score_sheets.export_cohort_sheets(db, cohort, out)


def test_same_names_get_unique_safe_file_names(db: Database, out: Path) -> None:
    cohort_id = cohorts.create_cohort(db, "A/B班")
    for name in ("小王", "小王", "a:b?", "CON", "..."):
        roleplays.add_trainee(db, name, cohort_id)

    files = score_sheets.export_cohort_sheets(db, cohort_id, out)

    assert sorted(path.name for path in files) == sorted(
        [
            "小王.pdf",
            "小王 (2).pdf",
            "a_b_.pdf",
            "CON_.pdf",
            next(p.name for p in files if p.name.startswith("trainee-")),
            "A_B班 班级汇总 Cohort summary.pdf",
            "A_B班 成绩表 Scores.csv",
            "A_B班 成绩表 Scores.xlsx",
        ]
    )


def test_file_names_are_safe_everywhere() -> None:
    assert safe_file_stem('小王<>:"/\\|?*\t', "x") == "小王" + "_" * 10
    assert safe_file_stem(" .隐藏. ", "x") == "隐藏"
    assert safe_file_stem("nul.txt", "x") == "nul.txt_"
    assert safe_file_stem("", "trainee-7") == "trainee-7"
    assert len(safe_file_stem("long" * 300, "x")) == MAX_STEM
    assert len(safe_file_stem("长" * 300, "x").encode()) <= MAX_STEM_BYTES
    taken: set[str] = set()
    assert [unique_name(s, ".pdf", taken) for s in ("Li", "LI", "li")] == [
        "Li.pdf",
        "LI (2).pdf",
        "li (3).pdf",
    ]
