"""Reading a question bank from a table (CSV or XLSX), checking it as a whole.

Every problem of the file is collected and reported together as
``FILE:ROW:COLUMN: message`` lines, where ROW is the row number Excel shows (the
header is row 1) and COLUMN is the header name (with the column letter for XLSX).
A file with any problem yields no bank at all.
"""

import csv
import difflib
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from cs_trainer import schema_messages
from cs_trainer.errors import ContentError, Message, Problem, message
from cs_trainer.quizzes.bank_columns import (
    _FALSE,
    _HEADER_ROW,
    _SHOWN_LENGTH,
    _TRUE,
    BANK_COLUMNS,
    COLUMNS,
    GROUP_NAMES_ZH,
    LANGUAGES,
    REQUIRED_COLUMNS,
    SCORES,
    SIGN_SEPARATORS,
    column_letter,
)
from cs_trainer.quizzes.interview_schema import (
    RATING_MIN,
    REQUIRED_ANCHORS,
    InterviewQuestion,
    QuestionBank,
)

# --- reading tables: the raw cells ------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    """A sheet's cells as text, with the row numbers HR sees."""

    source: str
    rows: list[tuple[int, list[str]]]  # (row number, cells); blank rows left out
    letters: bool  # XLSX: name columns by letter as well


def _read_csv_table(path: Path) -> _Table:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # with or without Excel's BOM
    except UnicodeDecodeError as exc:
        row = raw[: exc.start].count(b"\n") + 1
        not_utf8 = message(
            'not UTF-8 text; in Excel save as "CSV UTF-8 (Comma delimited)", or use .xlsx',
            "不是 UTF-8 编码的文本；请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，或改用 .xlsx",
        )
        raise ContentError([Problem(f"{path}:{row}", not_utf8)]) from exc
    records = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    number = 0
    try:
        for number, record in enumerate(records, start=1):
            rows.append((number, record))
    except csv.Error as exc:
        not_csv = message(
            "not a valid CSV file ({detail})",
            "不是有效的 CSV 文件（这一行的引号或换行有误）",
            detail=str(exc),
        )
        raise ContentError([Problem(f"{path}:{number + 1}", not_csv)]) from exc
    return _Table(str(path), _without_blank_rows(rows), letters=False)


def _read_xlsx_table(path: Path) -> _Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    # What openpyxl raises for a file that is not a workbook (a renamed CSV, a damaged zip).
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, SyntaxError) as exc:
        not_xlsx = message(
            "not an Excel .xlsx workbook ({detail})",
            "不是 Excel .xlsx 工作簿（可能是改了后缀名的其他文件，或文件已损坏）",
            detail=str(exc),
        )
        raise ContentError([Problem(f"{path}:1", not_xlsx)]) from exc
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some programs record wrong sheet sizes; read every cell
        rows = [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1)
        ]
    finally:
        workbook.close()
    return _Table(str(path), _without_blank_rows(rows), letters=True)


def _cell_text(value: object) -> str:
    """A cell as the text HR typed: Excel stores 1 as 1.0 and TRUE as a boolean."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _without_blank_rows(rows: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    return [(number, cells) for number, cells in rows if any(cell.strip() for cell in cells)]


# --- reading tables: problems and columns -----------------------------------------------


@dataclass
class _Problems:
    """Every problem found in one file, reported together in row and column order."""

    source: str
    found: list[tuple[int, int, str, Message]] = field(default_factory=list)

    def add(self, row: int, column: "_Column", what: Message) -> None:
        self.found.append((row, column.index, column.label, what))

    def has(self, row: int, column: "_Column") -> bool:
        return any(r == row and label == column.label for r, _, label, _ in self.found)

    def raise_if_any(self) -> None:
        if self.found:
            ordered = sorted(self.found, key=lambda problem: problem[:2])
            raise ContentError(
                [Problem(f"{self.source}:{row}:{label}", what) for row, _, label, what in ordered]
            )


@dataclass(frozen=True)
class _Column:
    name: str
    index: int  # 0-based; -1 for a required column the header lacks
    label: str  # how messages name it: "anchor_3_zh (L)" in XLSX, "anchor_3_zh" in CSV


def _column(name: str, index: int, table: _Table) -> _Column:
    label = f"{name} ({column_letter(index)})" if table.letters and index >= 0 else name
    return _Column(name, index, label)


@dataclass(frozen=True)
class _Layout:
    """Which known column sits where; missing ones still have a name to report against."""

    columns: dict[str, _Column]
    present: frozenset[str]

    def cell(self, cells: Sequence[str], name: str) -> str:
        """The cell without the spaces Excel users leave around values."""
        return self.raw(cells, name).strip()

    def raw(self, cells: Sequence[str], name: str) -> str:
        """The cell as written: a sign list's line breaks matter even at its end."""
        column = self.columns[name]
        if name not in self.present or column.index >= len(cells):
            return ""
        return cells[column.index]


def _read_header(table: _Table, problems: _Problems) -> _Layout:
    header = table.rows[0][1] if table.rows and table.rows[0][0] == _HEADER_ROW else []
    columns: dict[str, _Column] = {}
    for index, raw in enumerate(header):
        name = raw.strip().lower()
        if not name:
            continue  # an unnamed column is only a problem if it holds data (see rows)
        column = _column(name, index, table)
        if name not in COLUMNS:
            problems.add(_HEADER_ROW, column, _unknown_column(name))
        elif name in columns:
            same = message(
                "the same column as {earlier}; keep one",
                "与 {earlier} 是同一列；请只保留一个",
                earlier=columns[name].label,
            )
            problems.add(_HEADER_ROW, column, same)
        else:
            columns[name] = column
    present = frozenset(columns)
    for name in COLUMNS:
        if name not in columns:
            columns[name] = _column(name, -1, table)
            if name in REQUIRED_COLUMNS:
                problems.add(_HEADER_ROW, columns[name], _MISSING_COLUMN)
    return _Layout(columns, present)


_REQUIRED = message("required", "必须填写")
_MISSING_COLUMN = message("required column is missing", "缺少这一必需的列")


def _unknown_column(name: str) -> Message:
    close = difflib.get_close_matches(name, COLUMNS, n=1)
    if close:
        return message(
            "unknown column; did you mean {close}?",
            "未知的列；是不是想写 {close}？",
            close=close[0],
        )
    return message(
        "unknown column (see docs/banks.md for the columns)",
        "未知的列（各列的名称见 docs/banks.md）",
    )


def _check_unnamed_cells(table: _Table, problems: _Problems) -> None:
    header = table.rows[0][1] if table.rows and table.rows[0][0] == _HEADER_ROW else []
    for number, cells in table.rows[1:]:
        for index, cell in enumerate(cells):
            if cell.strip() and (index >= len(header) or not header[index].strip()):
                column = _Column("", index, f"column {column_letter(index)}")
                unnamed = message(
                    "a cell in a column without a name in row 1",
                    "这个单元格所在的列在第 1 行没有列名",
                )
                problems.add(number, column, unnamed)


# --- reading tables: one question per row -----------------------------------------------


@dataclass
class _RowReader:
    """Turns one row into the dict InterviewQuestion validates, noting cell problems."""

    layout: _Layout
    problems: _Problems
    number: int
    cells: Sequence[str]

    def text(self, name: str, required: bool = True) -> str:
        value = self.layout.cell(self.cells, name)
        if required and not value and name in self.layout.present:
            self.problems.add(self.number, self.layout.columns[name], _REQUIRED)
        return value

    def pair(self, prefix: str) -> dict[str, str]:
        return {lang: value for lang in LANGUAGES if (value := self.text(f"{prefix}_{lang}"))}

    def fields(self) -> tuple[dict[str, Any], list[int]]:
        """The question's fields, and the score of each anchor in the order given."""
        fields: dict[str, Any] = {
            "id": self.text("id"),
            "group": self.group(),
            "source": self.text("source"),
            "verbatim": self.verbatim(),
            "text": self.pair("text"),
            "purpose": self.pair("purpose"),
            "good_signs": self.signs("good_signs"),
            "warning_signs": self.signs("warning_signs"),
        }
        if role := self.text("role_requirement", required=False):
            fields["role_requirement"] = role
        anchors, scores = self.anchors()
        fields["anchors"] = anchors
        return {key: value for key, value in fields.items() if value != ""}, scores

    def problem(self, name: str, what: Message) -> None:
        self.problems.add(self.number, self.layout.columns[name], what)

    def group(self) -> str:
        value = self.text("group")
        key = _group_key(value)
        if value and key is None:
            choices = ", ".join(f"{k} / {zh}" for k, zh in GROUP_NAMES_ZH.items())
            unknown = message(
                "unknown group {value}; write one of {choices}",
                "未知的素质组 {value}；请写以下之一：{choices}",
                value=_shown(value),
                choices=choices,
            )
            self.problem("group", unknown)
        return key or ""

    def verbatim(self) -> bool:
        value = self.text("verbatim", required=False).lower()
        if value not in _TRUE | _FALSE:
            yes_or_no = message(
                "write yes or no (or leave it empty), not {value}",
                "请写“是”或“否”（yes / no，也可以留空），而不是 {value}",
                value=_shown(value),
            )
            self.problem("verbatim", yes_or_no)
        return value in _TRUE

    def signs(self, prefix: str) -> list[dict[str, str]]:
        zh, en = (self.sign_list(f"{prefix}_{lang}") for lang in LANGUAGES)
        if zh and en and len(zh) != len(en):
            self.problem(f"{prefix}_en", _uneven_signs(prefix, len(en), len(zh)))
        return [{"zh": z, "en": e} for z, e in zip(zh, en, strict=False)]

    def sign_list(self, name: str) -> list[str]:
        self.text(name)  # reports an empty cell
        return _split_signs(self.layout.raw(self.cells, name))

    def anchors(self) -> tuple[list[dict[str, Any]], list[int]]:
        anchors: list[dict[str, Any]] = []
        scores: list[int] = []
        for score in SCORES:
            names = [f"anchor_{score}_{lang}" for lang in LANGUAGES]
            given = [self.layout.cell(self.cells, name) for name in names]
            if score in REQUIRED_ANCHORS or any(given):
                anchors.append({"score": score, "text": self.pair(f"anchor_{score}")})
                scores.append(score)
        return anchors, scores


def _group_key(value: str) -> str | None:
    for key, zh in GROUP_NAMES_ZH.items():
        if value.lower() == key or value in (zh, zh.removesuffix("素质")):
            return key
    return None


def _split_signs(cell: str) -> list[str]:
    if "\n" in cell or "\r" in cell:
        parts = cell.splitlines()
    else:
        for separator in SIGN_SEPARATORS[1:]:
            cell = cell.replace(separator, SIGN_SEPARATORS[0])
        parts = cell.split(SIGN_SEPARATORS[0])
    return [part.strip() for part in parts if part.strip()]


def _uneven_signs(prefix: str, en_count: int, zh_count: int) -> Message:
    """The English column lists another number of signs than the Chinese one."""
    return message(
        ("{en_count} sign" if en_count == 1 else "{en_count} signs")
        + " but {prefix}_zh has {zh_count} (signs go one per line, or are separated by"
        " ； or ; in a one-line cell)",
        "这里有 {en_count} 条，但 {prefix}_zh 有 {zh_count} 条（每条占一行，"
        "或在同一行里用 ； 或 ; 分隔）",
        prefix=prefix,
        en_count=en_count,
        zh_count=zh_count,
    )


def _shown(value: str) -> str:
    """A cell's value quoted on one line, shortened: a message stays one line."""
    if len(value) > _SHOWN_LENGTH:
        value = value[:_SHOWN_LENGTH] + "…"
    return repr(value)


def _read_question(
    layout: _Layout, problems: _Problems, number: int, cells: Sequence[str]
) -> InterviewQuestion | None:
    fields, scores = _RowReader(layout, problems, number, cells).fields()
    try:
        return InterviewQuestion.model_validate(fields)
    except ValidationError as exc:
        for error in exc.errors():
            name = _question_column(error["loc"], scores)
            _add_validation_problem(layout, problems, number, name, error)
        return None


def _question_column(loc: tuple[int | str, ...], scores: list[int]) -> str:
    """The column a pydantic error location points at, e.g. ("anchors", 1, "text", "zh")."""
    head = str(loc[0]) if loc else "id"
    lang = next((part for part in loc[1:] if part in LANGUAGES), "zh")
    if head in ("text", "purpose", "good_signs", "warning_signs"):
        return f"{head}_{lang}"
    if head == "anchors":
        index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
        score = scores[index] if index is not None and index < len(scores) else RATING_MIN
        return f"anchor_{score}_{lang}"
    return head if head in COLUMNS else "id"


def _add_validation_problem(
    layout: _Layout, problems: _Problems, row: int, name: str, error: ErrorDetails
) -> None:
    column = layout.columns[name]
    # A cell already reported (say as "required") or a missing column needs no second line.
    if problems.has(row, column) or (name not in layout.present and name in REQUIRED_COLUMNS):
        return
    problems.add(row, column, _friendly(error))


def _friendly(error: ErrorDetails) -> Message:
    """Pydantic's message in words a trainer can act on."""
    kind = error["type"]
    if kind in ("missing", "string_too_short", "too_short"):
        return _REQUIRED
    if kind == "string_pattern_mismatch":
        return message(
            "use lower-case letters, digits and _ , starting with a letter (e.g. calm_under_fire)",
            "只能用小写字母、数字和 _，并以字母开头（例如 calm_under_fire）",
        )
    if kind in ("int_parsing", "int_from_float"):
        return message(
            "a whole number, not {value}",
            "应为整数，而不是 {value}",
            value=_shown(str(error.get("input", ""))),
        )
    what = schema_messages.describe(error)
    return Message(what.en.removeprefix("Value error, "), what.zh, what.params)


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
