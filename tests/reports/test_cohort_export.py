"""The cohort table as CSV (UTF-8 with BOM) and XLSX, read back as a spreadsheet would."""

import csv
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from cs_trainer.reports.cohort_export import (
    MEAN_HEADER,
    NAME_HEADER,
    write_cohort_csv,
    write_cohort_xlsx,
)
from cs_trainer.reports.progress_data import (
    CohortCell,
    CohortSheet,
    CohortSheetRow,
    InstrumentColumn,
    Period,
    SkillPercent,
)
from cs_trainer.reports.sheet_data import Bilingual
from cs_trainer.reports.spreadsheet_cells import xlsx_text

RATIONAL = Bilingual("理智型客户", "Rational customer")
QUIZ = Bilingual("知识测验", "Knowledge quiz")


@pytest.fixture
def sheet() -> CohortSheet:
    return CohortSheet(
        organisation="华南客服中心",
        cohort="2026年11月新员工班",
        printed_on=date(2026, 11, 30),
        period=Period(date(2026, 11, 1), None),
        instruments=[
            InstrumentColumn("roleplay:type_rational", "roleplay", RATIONAL),
            InstrumentColumn("quiz:basics", "quiz", QUIZ),
        ],
        rows=[
            CohortSheetRow("小王", [CohortCell(62.5, 87.5, 3), CohortCell(90.0, 90.0, 1)]),
            CohortSheetRow('Li, "Lei"', [CohortCell(), CohortCell(50.0, 75.0, 2)]),
        ],
        skills=[SkillPercent(Bilingual("倾听", "Listening"), 80.0)],
    )


EXPECTED_HEADERS = [
    NAME_HEADER,
    "理智型客户 Rational customer · 最近 Latest (%)",
    "理智型客户 Rational customer · 最高 Best (%)",
    "知识测验 Knowledge quiz · 最近 Latest (%)",
    "知识测验 Knowledge quiz · 最高 Best (%)",
    MEAN_HEADER,
]


def test_csv_starts_with_a_bom_and_reads_back_with_csv(sheet: CohortSheet, tmp_path: Path) -> None:
    out = tmp_path / "scores.csv"
    write_cohort_csv(sheet, out)

    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel then knows it is UTF-8
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == EXPECTED_HEADERS
    assert rows[1] == ["小王", "62.5", "87.5", "90.0", "90.0", "76.2"]
    assert rows[2] == ['Li, "Lei"', "", "", "50.0", "75.0", "50.0"]  # quoted, never split
    assert [name for name in tmp_path.iterdir()] == [out]  # no temporary file left


def test_xlsx_has_a_bold_frozen_header_and_percentages_as_numbers(
    sheet: CohortSheet, tmp_path: Path
) -> None:
    out = tmp_path / "scores.xlsx"
    write_cohort_xlsx(sheet, out)

    workbook = load_workbook(out)
    scores = workbook["成绩 Scores"]
    values = [[cell.value for cell in row] for row in scores.iter_rows()]
    assert values[0] == EXPECTED_HEADERS
    assert values[1][0] == "小王"
    assert values[1][1:5] == pytest.approx([0.625, 0.875, 0.9, 0.9])
    assert values[1][5] == pytest.approx(0.7625)
    assert values[2][1:3] == [None, None]
    assert all(cell.font.bold for cell in scores[1])
    assert scores.freeze_panes == "B2"
    assert scores["B2"].number_format == "0.0%"
    assert scores.column_dimensions["A"].width >= 15
    skills = workbook["技能 Skills"]
    assert [cell.value for cell in skills[2]] == ["倾听 Listening", pytest.approx(0.8)]
    assert workbook.properties.title == "2026年11月新员工班 — 2026-11-01 – 至今 Now"


def test_an_empty_cohort_exports_just_the_header(tmp_path: Path) -> None:
    empty = CohortSheet("", "空班", date(2026, 11, 30), Period(), [], [], [])
    write_cohort_csv(empty, tmp_path / "empty.csv")
    write_cohort_xlsx(empty, tmp_path / "empty.xlsx")

    assert (tmp_path / "empty.csv").read_text("utf-8-sig").splitlines() == [
        f"{NAME_HEADER},{MEAN_HEADER}"
    ]
    rows = list(load_workbook(tmp_path / "empty.xlsx").active.iter_rows(values_only=True))
    assert rows == [(NAME_HEADER, MEAN_HEADER)]


def _named(names: list[str], cohort: str = "班") -> CohortSheet:
    rows = [CohortSheetRow(name, [CohortCell(50.0, 50.0, 1)]) for name in names]
    column = InstrumentColumn("quiz:basics", "quiz", QUIZ)
    return CohortSheet("", cohort, date(2026, 11, 30), Period(), [column], rows, [])


FORMULAS = ["=1+1", '=HYPERLINK("http://example.com","点我")', "+1", "-1", "@SUM(A1)", "\t=1"]


def test_a_trainee_named_like_a_formula_exports_as_text(tmp_path: Path) -> None:
    sheet = _named(FORMULAS)
    write_cohort_csv(sheet, tmp_path / "scores.csv")
    write_cohort_xlsx(sheet, tmp_path / "scores.xlsx")

    with (tmp_path / "scores.csv").open(encoding="utf-8-sig", newline="") as handle:
        csv_names = [row[0] for row in list(csv.reader(handle))[1:]]
    assert csv_names == ["'" + name for name in FORMULAS]  # the apostrophe: text, not formula
    scores = load_workbook(tmp_path / "scores.xlsx")["成绩 Scores"]
    cells = [row[0] for row in scores.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == FORMULAS  # exactly the name, as a string cell
    assert {cell.data_type for cell in cells} == {"s"}


def test_control_characters_a_workbook_cannot_hold_are_dropped_from_it(tmp_path: Path) -> None:
    sheet = _named(["小\x00王\x07", "ok"], cohort="班\x1b级")
    write_cohort_xlsx(sheet, tmp_path / "scores.xlsx")

    workbook = load_workbook(tmp_path / "scores.xlsx")
    assert [row[0] for row in workbook["成绩 Scores"].iter_rows(min_row=2, values_only=True)] == [
        "小王",
        "ok",
    ]
    assert workbook.properties.title.startswith("班级 — ")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=4))
def test_any_names_export_without_a_live_formula(names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "scores.xlsx"
        write_cohort_xlsx(_named(names), out)
        cells = [row[0] for row in load_workbook(out).active.iter_rows(min_row=2)]
    assert all(cell.data_type != "f" for cell in cells)
    assert [cell.value or "" for cell in cells] == [xlsx_text(name) for name in names]
