"""Reading a question bank from a table (CSV or XLSX), checking it as a whole.

Every problem of the file is collected and reported together as
``FILE:ROW:COLUMN: message`` lines, where ROW is the row number Excel shows (the
header is row 1) and COLUMN is the header name (with the column letter for XLSX).
A file with any problem yields no bank at all.

The file's cells are read in :mod:`~cs_trainer.quizzes.bank_table_cells`, each row's
question in :mod:`~cs_trainer.quizzes.bank_table_rows`; here they make the bank.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from cs_trainer.errors import message
from cs_trainer.quizzes.bank_columns import _HEADER_ROW, BANK_COLUMNS, LANGUAGES, REQUIRED_COLUMNS
from cs_trainer.quizzes.bank_table_cells import (
    _check_unnamed_cells,
    _Column,
    _Layout,
    _Problems,
    _read_csv_table,
    _read_header,
    _read_xlsx_table,
    _Table,
)
from cs_trainer.quizzes.bank_table_rows import _add_validation_problem, _read_question, _shown
from cs_trainer.quizzes.interview_schema import InterviewQuestion, QuestionBank

# --- reading tables: the bank -----------------------------------------------------------


@dataclass(frozen=True)
class _Given:
    """A bank-level value and the first row that gives it (where to point a problem)."""

    value: str
    row: int


def _bank_values(table: _Table, layout: _Layout, problems: _Problems) -> dict[str, _Given]:
    """The bank's fields, given on one row or more; every row that gives one must agree."""
    values: dict[str, _Given] = {}
    for name in BANK_COLUMNS:
        for number, cells in table.rows[1:]:
            value = layout.cell(cells, name)
            if not value:
                continue
            given = values.setdefault(name, _Given(value, number))
            if value != given.value:
                differs = message(
                    "{value} differs from {first} on row {row}; "
                    "the bank's columns must agree on every row (or be left empty)",
                    "{value} 与第 {row} 行的 {first} 不同；"
                    "题库的这些列在每一行都必须一致（或留空）",
                    value=_shown(value),
                    first=_shown(given.value),
                    row=given.row,
                )
                problems.add(number, layout.columns[name], differs)
        if name not in values and name in layout.present and name in REQUIRED_COLUMNS:
            once = message("required on at least one row", "至少要在一行里填写")
            problems.add(_first_row(table), layout.columns[name], once)
    return values


def _first_row(table: _Table) -> int:
    return table.rows[1][0] if len(table.rows) > 1 else _HEADER_ROW + 1


def _bank_fields(values: dict[str, _Given]) -> dict[str, Any]:
    fields: dict[str, Any] = {"kind": "interview_bank"}
    if "bank_id" in values:
        fields["id"] = values["bank_id"].value
    if "bank_version" in values:
        version = values["bank_version"].value
        fields["version"] = int(float(version)) if _is_whole(version) else version
    for key in ("title", "description"):
        names = {lang: f"bank_{key}_{lang}" for lang in LANGUAGES}
        text = {lang: values[name].value for lang, name in names.items() if name in values}
        if text or key == "title":
            fields[key] = text
    return fields


def _is_whole(value: str) -> bool:
    try:
        return float(value).is_integer()
    except ValueError:
        return False


def _validate_bank(
    values: dict[str, _Given],
    questions: list[InterviewQuestion],
    layout: _Layout,
    problems: _Problems,
    first_row: int,
) -> QuestionBank | None:
    try:
        return QuestionBank.model_validate({**_bank_fields(values), "questions": questions})
    except ValidationError as exc:
        for error in exc.errors():
            loc = error["loc"]
            if not loc or loc[0] == "questions":
                continue  # no rows or duplicate ids: reported per row already
            name = _bank_column(loc)
            given = values.get(name)
            row = given.row if given else first_row
            _add_validation_problem(layout, problems, row, name, error)
        return None


def _bank_column(loc: tuple[int | str, ...]) -> str:
    """The column of a bank-level pydantic error, e.g. ("title", "zh") -> bank_title_zh."""
    lang = next((part for part in loc[1:] if part in LANGUAGES), "zh")
    for name in (f"bank_{loc[0]}", f"bank_{loc[0]}_{lang}"):
        if name in BANK_COLUMNS:
            return name
    return "bank_id"


def _check_unique_ids(table: _Table, layout: _Layout, problems: _Problems) -> None:
    first_row: dict[str, int] = {}
    for number, cells in table.rows[1:]:
        qid = layout.cell(cells, "id")
        if not qid:
            continue
        if qid in first_row:
            taken = message(
                "{id} is already the id of row {row}; ids must differ",
                "{id} 已经是第 {row} 行的 id；id 不能重复",
                id=_shown(qid),
                row=first_row[qid],
            )
            problems.add(number, layout.columns["id"], taken)
        else:
            first_row[qid] = number


def _read_table_bank(table: _Table) -> QuestionBank:
    problems = _Problems(table.source)
    if not table.rows or table.rows[0][0] != _HEADER_ROW:
        no_header = message("row 1 must name the columns", "第 1 行必须是各列的名称")
        problems.add(_HEADER_ROW, _Column("", -1, "(header)"), no_header)
        problems.raise_if_any()
    layout = _read_header(table, problems)
    _check_unnamed_cells(table, problems)
    if len(table.rows) < 2:
        empty = message("no questions below the header", "列名下面没有题目")
        problems.add(_HEADER_ROW + 1, layout.columns["id"], empty)
        problems.raise_if_any()
    questions = [
        question
        for number, cells in table.rows[1:]
        if (question := _read_question(layout, problems, number, cells)) is not None
    ]
    _check_unique_ids(table, layout, problems)
    values = _bank_values(table, layout, problems)
    bank = _validate_bank(values, questions, layout, problems, _first_row(table))
    problems.raise_if_any()
    assert bank is not None  # no problems means the bank validated
    return bank


def read_csv_bank(path: Path) -> QuestionBank:
    """A bank from a CSV file (UTF-8, with or without the BOM Excel writes)."""
    return _read_table_bank(_read_csv_table(path))


def read_xlsx_bank(path: Path) -> QuestionBank:
    """A bank from the first sheet of an XLSX workbook."""
    return _read_table_bank(_read_xlsx_table(path))
