"""Every importer and the content validator, fed damaged versions of real files.

Issue 10 point 8: the shipped content files and a valid bank (YAML, CSV, XLSX) are
mutated the way files get damaged or mistyped (bytes flipped, the file cut short, lines
deleted or repeated, random text typed in, random Unicode in a cell of the workbook).
The only allowed outcomes are success or the app's own problems, each naming the file
and a line or row (``FILE:N``); any other exception fails the example. Bounded so the
whole file runs in well under a minute.
"""

import csv
import io
import re
import tempfile
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from cs_trainer.content_validation import check_content_file
from cs_trainer.errors import ContentError, Problem
from cs_trainer.quizzes.bank_io import read_bank, write_bank
from cs_trainer.resources import package_path
from cs_trainer.scenarios.validator import check_file

SHIPPED = sorted(
    path
    for package in (("quizzes",), ("scenarios",), ("staff_forms",))
    for path in package_path(*package, "content").glob("*.yaml")
)
BANK = package_path("quizzes", "content", "interview_bank.yaml")

BOUNDED = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def _valid_bank_bytes(suffix: str) -> bytes:
    """The shipped bank exported as ``suffix``: what HR start from."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bank{suffix}"
        write_bank(read_bank(BANK), path)
        return path.read_bytes()


# --- how files get damaged ---------------------------------------------------------------

_TEXT = st.text(
    st.characters(codec="utf-8"),  # any character, control characters and NUL included
    min_size=1,
    max_size=20,
)


@st.composite
def _mutated(draw: st.DrawFn, original: bytes) -> bytes:
    """``original`` after one to four edits of the kinds a file suffers."""
    data = original
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "delete", "repeat", "insert"]))
        data = _edit(draw, data, kind)
    return data


def _edit(draw: st.DrawFn, data: bytes, kind: str) -> bytes:
    if not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    if kind == "flip":
        return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    if kind == "truncate":
        return data[:at]
    if kind == "insert":
        return data[:at] + draw(_TEXT).encode("utf-8", "surrogatepass") + data[at:]
    lines = data.splitlines(keepends=True)
    line = draw(st.integers(0, len(lines) - 1))
    if kind == "delete":
        return b"".join(lines[:line] + lines[line + 1 :])
    return b"".join(lines[: line + 1] + lines[line:])  # repeat


def _rezipped(workbook: bytes, part: str, edit: Callable[[bytes], bytes]) -> bytes:
    """The workbook with one part of its archive edited and everything else kept."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(workbook)) as original, zipfile.ZipFile(out, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            copy.writestr(info, edit(data) if info.filename == part else data)
    return out.getvalue()


# --- what may come out -------------------------------------------------------------------


def _assert_located(problems: tuple[Problem, ...] | list[Problem], path: Path) -> None:
    """Each problem names the file and a line or row number."""
    assert problems
    located = re.compile(re.escape(str(path)) + r":\d+(:|$)")
    for problem in problems:
        assert located.match(problem.where), problem.where
        assert "\n" not in problem.render()


def _import_bank(data: bytes, suffix: str) -> None:
    """Import ``data`` as a bank file: a bank or the app's located problems, nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bank{suffix}"
        path.write_bytes(data)
        try:
            read_bank(path)
        except ContentError as exc:
            _assert_located(exc.problems, path)


def _validate(data: bytes, name: str) -> None:
    """``validate-content`` and the role-play validator on ``data``: problems are located."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        for problems in (check_content_file(path), check_file(path)):
            if problems:
                _assert_located(problems, path)


# --- the properties ------------------------------------------------------------------------


@BOUNDED
@given(st.data())
def test_damaged_shipped_content_is_valid_or_located(data: st.DataObject) -> None:
    """Every shipped YAML file (scenarios, banks, forms, instruments), damaged."""
    shipped = data.draw(st.sampled_from(SHIPPED))
    _validate(data.draw(_mutated(shipped.read_bytes())), shipped.name)


@BOUNDED
@given(st.data())
def test_damaged_yaml_bank_is_imported_or_located(data: st.DataObject) -> None:
    _import_bank(data.draw(_mutated(BANK.read_bytes())), ".yaml")


@BOUNDED
@given(st.data())
def test_damaged_csv_bank_is_imported_or_located(data: st.DataObject) -> None:
    _import_bank(data.draw(_mutated(_valid_bank_bytes(".csv"))), ".csv")


@BOUNDED
@given(st.data())
def test_damaged_xlsx_archive_is_imported_or_located(data: st.DataObject) -> None:
    """Bytes of the archive itself damaged: mostly a broken zip."""
    _import_bank(data.draw(_mutated(_valid_bank_bytes(".xlsx"))), ".xlsx")


@BOUNDED
@given(st.data())
def test_damaged_xlsx_part_is_imported_or_located(data: st.DataObject) -> None:
    """One part of a sound archive damaged: broken XML, wrong values, missing cells."""
    workbook = _valid_bank_bytes(".xlsx")
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        names = archive.namelist()
        part = data.draw(st.sampled_from(names))
        mutation = data.draw(_mutated(archive.read(part)))
    _import_bank(_rezipped(workbook, part, lambda _raw: mutation), ".xlsx")


_CELL_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=60)


@BOUNDED
@given(st.data())
def test_random_unicode_in_xlsx_cells_is_imported_or_located(data: st.DataObject) -> None:
    """Random text typed into random cells, header included, the way Excel saves it."""
    workbook = load_workbook(io.BytesIO(_valid_bank_bytes(".xlsx")))
    sheet = workbook.worksheets[0]
    for _ in range(data.draw(st.integers(1, 5))):
        row = data.draw(st.integers(1, sheet.max_row + 1))
        column = data.draw(st.integers(1, sheet.max_column + 1))
        sheet.cell(row, column).value = data.draw(_CELL_TEXT)
    out = io.BytesIO()
    workbook.save(out)
    _import_bank(out.getvalue(), ".xlsx")


@BOUNDED
@given(st.data())
def test_random_unicode_in_csv_cells_is_imported_or_located(data: st.DataObject) -> None:
    """Random text, control characters and NUL included, in random CSV cells."""
    text = _valid_bank_bytes(".csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    for _ in range(data.draw(st.integers(1, 5))):
        row = data.draw(st.integers(0, len(rows) - 1))
        column = data.draw(st.integers(0, len(rows[row]) - 1))
        rows[row][column] = data.draw(st.text(st.characters(codec="utf-8"), max_size=60))
    out = io.StringIO(newline="")
    csv.writer(out).writerows(rows)
    _import_bank(out.getvalue().encode("utf-8", "surrogatepass"), ".csv")
