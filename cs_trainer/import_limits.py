"""How big a file from outside may be: every import and content file is checked
against these numbers before (and while) it is parsed.

A bank or content file comes from Excel, an e-mail or a colleague's laptop, and a
small file can be made to expand into gigabytes (a zip bomb, a sheet whose last cell
is XFD1048576, YAML aliases nested like the "billion laughs"). Each number below is
far above what a real bank or content file needs (the shipped files are the
yardstick) and low enough that refusing a hostile file takes well under 5 seconds and
300 MB. ``docs/banks.md`` and ``docs/authoring.md`` tell users the same numbers (a test
holds them to it).
"""

import re
import zipfile
import zlib
from pathlib import Path
from typing import IO

from cs_trainer.errors import ContentError, Problem, message

MAX_TABLE_BYTES = 10 * 1024 * 1024
"""A CSV or XLSX bank: the shipped bank of 40 questions exports to 141 KB of CSV and
52 KB of XLSX, so 10 MB holds thousands of questions."""

MAX_CONTENT_BYTES = 5 * 1024 * 1024
"""A YAML bank, role-play or form: the largest shipped file is 125 KB."""

MAX_ROWS = 2_000
"""Rows of a bank table, the header included: a bank is a list an interviewer reads
(the shipped one has 40). With :data:`MAX_COLUMNS` it bounds the cells openpyxl
parses: 5,000 rows of 100 took 7 s, beyond the issue's 5."""

MAX_COLUMNS = 100
"""Columns of a bank table: the layout has 40; the rest room for notes HR keep."""

MAX_CELL_CHARS = 20_000
"""One cell: a question, an anchor or a list of signs is a paragraph or two."""

MAX_YAML_DEPTH = 50
"""Nesting of lists and mappings in a YAML file: the shipped files nest at most 6 deep.
Parsers recurse per level, so 10,000 ``[`` would exhaust Python's stack."""

MAX_YAML_ALIASES = 100
"""``*alias`` uses in a YAML file: the shipped files use none; a trainer may reuse a
few anchors."""

MAX_YAML_NODES = 50_000
"""Values of a YAML file counted with every alias expanded: the shipped files have at
most 3,733, and nine levels of ten aliases would make a billion. A list of 240,000
values that each fail validation took 9.5 s and 730 MB to report."""

MAX_YAML_CHARS = 10_000_000
"""Characters of a YAML file's values counted with every alias expanded: a file holds
at most :data:`MAX_CONTENT_BYTES`, but one long value aliased a hundred times would
be stored (as JSON in the database) a hundred times over."""

MAX_ZIP_MEMBERS = 1_000
"""Parts of an XLSX archive: a one-sheet workbook from Excel has about ten."""

MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024
"""All parts of an XLSX unpacked, as its archive declares them (zipfile never unpacks
more than a part declares): a bank of 2,000 questions like the shipped ones unpacks to
about 10 MB."""

MAX_SHARED_STRINGS = 200_000
"""Texts in an XLSX's shared-strings part, which openpyxl reads whole before the first
row: 2,000 rows of 100 columns. 2.2 million short ones (a 9 MB file) took 16.8 s and
377 MB."""

MAX_ZIP_RATIO = 100
"""How much one part may expand, for parts above :data:`RATIO_FREE_BYTES`: sheet XML
packs about 10 to 1; a zip bomb packs 1000 to 1 and more."""

RATIO_FREE_BYTES = 1024 * 1024
"""Parts smaller than this unpacked may expand freely (a blank sheet packs 200 to 1)."""

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Characters no cell or text field may hold (tab, line feed and carriage return may):
no screen shows them, XLSX cannot hold them and PostgreSQL refuses NUL."""

_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{0,3}\d{0,7}:)?([A-Z]{1,3})(\d{1,7})"')
_SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml")


def refuse(path: Path, where: int, en: str, zh: str, **params: object) -> ContentError:
    """One located problem for ``path`` at row or line ``where``, ready to raise."""
    return ContentError([Problem(f"{path}:{where}", message(en, zh, **params))])


def read_limited(path: Path, limit: int) -> bytes:
    """The file's bytes, refused before reading when it holds more than ``limit``."""
    with path.open("rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise _too_big(path, limit)
    return raw


def _too_big(path: Path, limit: int) -> ContentError:
    return refuse(
        path,
        1,
        "the file is larger than {limit} MB; split it into smaller files",
        "文件超过 {limit} MB；请拆分成几个小文件",
        limit=limit // (1024 * 1024),
    )


def check_xlsx_archive(path: Path) -> None:
    """Refuse a workbook whose archive or declared sheet size is beyond the limits,
    before openpyxl parses any of it."""
    if path.stat().st_size > MAX_TABLE_BYTES:
        raise _too_big(path, MAX_TABLE_BYTES)
    try:
        with zipfile.ZipFile(path) as archive:
            _check_members(path, archive.infolist())
            for info in archive.infolist():
                if _SHEET_PART.fullmatch(info.filename):
                    with archive.open(info) as part:
                        _check_dimension(path, part)
                elif info.filename.endswith(".xml"):  # wherever the shared strings are
                    with archive.open(info) as part:
                        _check_shared_strings(path, part)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, zlib.error) as exc:
        raise not_a_workbook(path, exc) from exc
    except (OSError, RuntimeError) as exc:  # a damaged part, an encrypted part
        raise not_a_workbook(path, exc) from exc


def not_a_workbook(path: Path, exc: BaseException) -> ContentError:
    """What the user reads for a file that no spreadsheet program could open."""
    detail = " ".join(str(exc).split())[:200] or type(exc).__name__
    return refuse(
        path,
        1,
        "not an Excel .xlsx workbook ({detail})",
        "不是 Excel .xlsx 工作簿（可能是改了后缀名的其他文件，或文件已损坏）",
        detail=detail,
    )


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    total = sum(info.file_size for info in members)
    ratio = max(
        (
            info.file_size / max(info.compress_size, 1)
            for info in members
            if info.file_size > RATIO_FREE_BYTES
        ),
        default=0.0,
    )
    if len(members) > MAX_ZIP_MEMBERS or total > MAX_UNCOMPRESSED_BYTES or ratio > MAX_ZIP_RATIO:
        raise refuse(
            path,
            1,
            "the workbook unpacks to more than Excel writes for a bank "
            "({size} MB in {parts} parts); save a copy holding only the questions",
            "这个工作簿解压后远大于题库应有的大小（{parts} 个部分共 {size} MB）；"
            "请另存一份只含题目的副本",
            size=total // (1024 * 1024),
            parts=len(members),
        )


def _check_dimension(path: Path, part: IO[bytes]) -> None:
    """The sheet's declared last cell, from the start of its XML (where Excel puts it)."""
    found = _DIMENSION.search(part.read(4096))
    if found is None:
        return
    column, row = _column_number(found.group(2).decode()), int(found.group(3))
    if row > MAX_ROWS:
        raise too_large_sheet(path, row, column)
    if column > MAX_COLUMNS:
        raise too_large_sheet(path, 1, column)


_SHARED_STRING = re.compile(rb"<(?:\w+:)?si[\s/>]")


def _check_shared_strings(path: Path, part: IO[bytes]) -> None:
    """Count the part's shared strings (``<si>``) while it streams, a megabyte at a
    time; refuse the workbook past :data:`MAX_SHARED_STRINGS`."""
    count, tail = 0, b""
    while chunk := part.read(1 << 20):
        data = tail + chunk
        # A match wholly inside the tail was counted with the previous chunk.
        count += sum(1 for found in _SHARED_STRING.finditer(data) if found.end() > len(tail))
        if count > MAX_SHARED_STRINGS:
            raise refuse(
                path,
                1,
                "the workbook holds more than {limit} different texts; "
                "save a copy holding only the questions",
                "这个工作簿含有超过 {limit} 段不同的文本；请另存一份只含题目的副本",
                limit=MAX_SHARED_STRINGS,
            )
        tail = data[-16:]


def too_large_sheet(path: Path, row: int, columns: int) -> ContentError:
    """A sheet with a row beyond :data:`MAX_ROWS` or :data:`MAX_COLUMNS` cells in
    ``row``: the message names whichever limit it went beyond."""
    if row > MAX_ROWS:
        return refuse(
            path,
            row,
            "the sheet has cells below row {rows}, the most a bank may have "
            "(delete the rows below the questions)",
            "工作表第 {rows} 行以下还有单元格，超出了题库的行数上限（请删除题目下方的行）",
            rows=MAX_ROWS,
        )
    return refuse(
        path,
        row,
        "the row has cells in {count} columns; a bank may have at most {columns} "
        "(delete the cells to the right of the bank's columns)",
        "这一行有 {count} 列单元格；题库最多 {columns} 列（请删除题库各列右侧的单元格）",
        count=columns,
        columns=MAX_COLUMNS,
    )


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number
