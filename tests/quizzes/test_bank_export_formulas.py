"""A bank's export never holds a live formula, and still imports as it was written.

The cohort's CSV and XLSX neutralise formulas for people who only read them
(tests/reports/test_cohort_export.py); a bank's export comes back through the import
(docs/banks.md), so its cells get an apostrophe the import takes off again, in the XLSX
as in the CSV (HR copy one into the other), and its XLSX cells are string cells.
"""

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from cs_trainer.quizzes.bank_columns import FORMULA_STARTS, protect_formula, unprotect_formula
from cs_trainer.quizzes.bank_io import read_bank, write_bank
from cs_trainer.quizzes.interview_schema import QuestionBank
from cs_trainer.reports import spreadsheet_cells
from cs_trainer.resources import package_path

FORMULAS = [
    "=1+1",
    '=HYPERLINK("http://x","y")',
    "+1",
    "-1",
    "@SUM(A1)",
    "'=already quoted",
]


def _bank_asking(texts: list[str]) -> QuestionBank:
    """The shipped bank with its first questions' Chinese texts replaced by ``texts``."""
    bank = read_bank(package_path("quizzes", "content", "interview_bank.yaml"))
    questions = [
        question.model_copy(update={"text": question.text.model_copy(update={"zh": text})})
        for question, text in zip(bank.questions, texts, strict=False)
    ]
    return bank.model_copy(update={"questions": questions + bank.questions[len(texts) :]})


def test_a_question_written_like_a_formula_is_text_in_the_csv(tmp_path: Path) -> None:
    out = tmp_path / "bank.csv"
    write_bank(_bank_asking(FORMULAS), out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    texts = [row[header.index("text_zh")] for row in rows[: len(FORMULAS)]]
    assert texts == ["'" + text for text in FORMULAS]  # none begins like a formula
    assert not any(cell.startswith(FORMULA_STARTS) for row in rows for cell in row)


def test_a_question_written_like_a_formula_is_a_text_cell_in_the_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "bank.xlsx"
    write_bank(_bank_asking(FORMULAS), out)
    sheet = load_workbook(out).worksheets[0]
    column = [cell.value for cell in sheet[1]].index("text_zh") + 1
    cells = [sheet.cell(row, column) for row in range(2, 2 + len(FORMULAS))]
    assert [cell.value for cell in cells] == ["'" + text for text in FORMULAS]
    assert {cell.data_type for cell in cells} == {"s"}  # text, never "f" (a formula)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_export_imports_as_it_was_written(tmp_path: Path, suffix: str) -> None:
    bank = _bank_asking(FORMULAS)
    out = tmp_path / f"bank{suffix}"
    write_bank(bank, out)
    assert read_bank(out) == bank


@settings(max_examples=60, deadline=None)
@given(st.text(st.sampled_from(["'", "=", "+", "-", "@", "\t", "a", "中"]), max_size=8))
def test_the_apostrophe_comes_off_exactly(text: str) -> None:
    protected = protect_formula(text)
    assert not protected.startswith(FORMULA_STARTS)
    assert unprotect_formula(protected) == text


def test_the_bank_and_the_reports_agree_on_what_a_formula_is() -> None:
    assert FORMULA_STARTS == spreadsheet_cells.FORMULA_STARTS
