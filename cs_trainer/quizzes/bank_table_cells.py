"""The cells of a question-bank table (CSV or XLSX) and the problems found in them.

Split from :mod:`cs_trainer.quizzes.bank_table_reader` so that reading the file
itself (its rows as text, its header and where each known column sits) and
collecting located problems stand apart from turning rows into questions
(:mod:`~cs_trainer.quizzes.bank_table_rows`) and rows into a bank.
"""

import csv
import difflib
import io
import re
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from cs_trainer.errors import ContentError, Message, Problem, message
from cs_trainer.import_limits import (
    CONTROL_CHARACTERS,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_TABLE_BYTES,
    check_xlsx_archive,
    not_a_workbook,
    read_limited,
    refuse,
    too_large_sheet,
)
from cs_trainer.quizzes.bank_columns import (
    _HEADER_ROW,
    COLUMNS,
    REQUIRED_COLUMNS,
    column_letter,
    unprotect_formula,
)

# --- reading tables: the raw cells ------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    """A sheet's cells as text, with the row numbers HR sees."""

    source: str
    rows: list[tuple[int, list[str]]]  # (row number, cells); blank rows left out
    letters: bool  # XLSX: name columns by letter as well


def _read_csv_table(path: Path) -> _Table:
    raw = read_limited(path, MAX_TABLE_BYTES)
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
            cells = [unprotect_formula(cell) for cell in record]
            rows.append((number, _checked_row(path, number, cells)))
    except csv.Error as exc:
        not_csv = message(
            "not a valid CSV file ({detail})",
            "不是有效的 CSV 文件（这一行的引号或换行有误）",
            detail=str(exc),
        )
        raise ContentError([Problem(f"{path}:{number + 1}", not_csv)]) from exc
    return _Table(str(path), _without_blank_rows(rows), letters=False)


# What openpyxl and the parsers under it raise for a part that is not what a workbook
# holds: a missing part, a damaged zip member, XML that is not XML, a value of the
# wrong type.
_WORKBOOK_ERRORS = (
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    SyntaxError,  # xml.etree's ParseError
    EOFError,
    zlib.error,
    OSError,
)


def _read_xlsx_table(path: Path) -> _Table:
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    check_xlsx_archive(path)
    # Our own handle: openpyxl leaves the archive open when a part fails to load.
    with path.open("rb") as handle:
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except (InvalidFileException, *_WORKBOOK_ERRORS) as exc:
            raise not_a_workbook(path, exc) from exc
        try:
            rows = _sheet_rows(path, workbook)
        except (InvalidFileException, *_WORKBOOK_ERRORS) as exc:
            raise not_a_workbook(path, exc) from exc
        finally:
            workbook.close()
    return _Table(str(path), _without_blank_rows(rows), letters=True)


def _sheet_rows(path: Path, workbook: Any) -> list[tuple[int, list[str]]]:
    """The first sheet's rows, refused at the first one beyond the limits."""
    if not workbook.worksheets:
        raise not_a_workbook(path, KeyError("no sheet"))
    sheet = workbook.worksheets[0]
    sheet.reset_dimensions()  # some programs record wrong sheet sizes; read every cell
    rows = []
    for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), 1):
        # Checked before the cells are turned into text, blank or not: openpyxl pads a
        # row up to its last cell and a sheet up to its last row, so a styled empty
        # cell in XFD1048576 would otherwise cost billions of empty cells.
        if number > MAX_ROWS or len(values) > MAX_COLUMNS:
            raise too_large_sheet(path, number, len(values))
        cells = [unprotect_formula(_cell_text(value)) for value in values]
        rows.append((number, _checked_row(path, number, cells)))
    return rows


def _checked_row(path: Path, number: int, cells: list[str]) -> list[str]:
    """A row within the limits, without control characters (no cell can show them and
    the databases refuse NUL); trailing blank cells dropped."""
    while cells and not cells[-1]:
        cells.pop()
    if cells and (number > MAX_ROWS or len(cells) > MAX_COLUMNS):
        raise too_large_sheet(path, number, len(cells))
    for index, cell in enumerate(cells):
        if len(cell) > MAX_CELL_CHARS:
            raise refuse(
                path,
                number,
                "a cell in column {column} holds more than {limit} characters",
                "第 {column} 列的单元格超过 {limit} 个字符",
                column=column_letter(index),
                limit=MAX_CELL_CHARS,
            )
        if CONTROL_CHARACTERS.search(cell):
            raise refuse(
                path,
                number,
                "a cell in column {column} holds a control character (such as NUL); "
                "retype the cell",
                "第 {column} 列的单元格含有控制字符（如 NUL）；请重新输入这个单元格",
                column=column_letter(index),
            )
    return cells


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
    shown = _header_shown(name)
    label = f"{shown} ({column_letter(index)})" if table.letters and index >= 0 else shown
    return _Column(name, index, label)


_PLAIN_HEADER = re.compile(r"[\w .-]{1,40}")


def _header_shown(name: str) -> str:
    """A header as a message names it: as typed when it is a plain short name, else
    quoted on one line and shortened (a header cell may hold line breaks or a
    paragraph, and every problem is one line)."""
    if _PLAIN_HEADER.fullmatch(name):
        return name
    return repr(name[:40] + "…" if len(name) > 40 else name)


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
