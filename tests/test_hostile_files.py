"""Hostile files are refused by the app itself, quickly and in little memory.

Issue 10 point 6: a 108 KB XLSX with cells in column XFD took 161 s and 2.7 GB, a
zip-bomb XLSX ran out of memory, a YAML alias bomb expanded to 1.47 billion
characters, and malformed parts ended in tracebacks. Each file here is generated in
the test (nothing binary is committed) and imported in a fresh Python process, which
reports what was raised, its own peak memory and how long the import took; the
issue's bounds are 5 seconds and 300 MB, and the only allowed outcome is the app's
own one-line problem naming the file.
"""

import csv
import io
import json
import random
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cs_trainer.quizzes.bank_io import read_bank, write_bank
from cs_trainer.resources import package_path

SECONDS = 5.0
MEGABYTES = 300

# Run in the child: import one file, print what happened as JSON.
_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
# Two GB of address space at most, so a file the limits miss fails the test with a
# MemoryError instead of exhausting the machine.
resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
from cs_trainer.errors import ContentError, UserError
from cs_trainer.quizzes.bank_io import read_bank
from cs_trainer.content_validation import check_content_file
how, name = sys.argv[1], Path(sys.argv[2])
started = time.perf_counter()
outcome = {"kind": "accepted", "lines": []}
try:
    if how == "bank":
        read_bank(name)
    else:
        problems = check_content_file(name)
        if problems:
            outcome = {"kind": "ContentError", "lines": [p.render() for p in problems]}
except ContentError as exc:
    outcome = {"kind": "ContentError", "lines": [p.render() for p in exc.problems]}
except UserError as exc:
    outcome = {"kind": "UserError", "lines": [exc.message()]}
except BaseException as exc:
    outcome = {"kind": type(exc).__name__, "lines": [str(exc)[:300]]}
outcome["seconds"] = time.perf_counter() - started
# VmHWM is this program's own peak: ru_maxrss would include the forked test process.
status = Path("/proc/self/status")
lines = status.read_text().splitlines() if status.exists() else []
peak = [line.split()[1] for line in lines if line.startswith("VmHWM")]
kilobytes = int(peak[0]) if peak else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
outcome["megabytes"] = kilobytes / 1024
print(json.dumps(outcome))
"""


def _import_in_child(how: str, path: Path) -> dict[str, object]:
    """What importing ``path`` did in a fresh process (bounded by a generous timeout, so
    a file the limits miss fails the test instead of hanging it)."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, how, str(path)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- building workbooks by hand ----------------------------------------------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="xl/workbook.xml" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Bank" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/worksheet"/>'
    "</Relationships>"
)
_STRINGS_TYPE = (
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_STRINGS_RELATIONSHIP = (
    '<Relationship Id="rId2" Target="sharedStrings.xml" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>'
)
_SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def _workbook(
    path: Path,
    sheet: Callable[[], Iterator[str]],
    *,
    leave_out: str = "",
    shared_strings: str = "",
) -> Path:
    """A workbook whose sheet XML is streamed from ``sheet`` (so a sheet of millions of
    rows is never held in memory), optionally without one of its parts, or with a
    shared-strings part."""
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
    }
    if shared_strings:
        parts["[Content_Types].xml"] = _CONTENT_TYPES.replace("</Types>", _STRINGS_TYPE)
        parts["xl/_rels/workbook.xml.rels"] = _WORKBOOK_RELS.replace(
            "</Relationships>", _STRINGS_RELATIONSHIP
        )
        parts["xl/sharedStrings.xml"] = shared_strings
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            if name != leave_out:
                archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            buffer = io.StringIO()
            for chunk in sheet():
                buffer.write(chunk)
                if buffer.tell() > 1 << 20:
                    part.write(buffer.getvalue().encode())
                    buffer = io.StringIO()
            part.write(buffer.getvalue().encode())
    return path


def _cell(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _identical_rows(count: int) -> Callable[[], Iterator[str]]:
    def rows() -> Iterator[str]:
        yield _SHEET_START + "<sheetData>"
        row = '<row><c t="inlineStr"><is><t>question</t></is></c></row>'
        for _ in range(count // 1000):
            yield row * 1000
        yield "</sheetData></worksheet>"

    return rows


def _numbered_rows(count: int) -> Callable[[], Iterator[str]]:
    def rows() -> Iterator[str]:
        yield _SHEET_START + "<sheetData>"
        for number in range(1, count + 1):
            yield f'<row r="{number}">{_cell(f"A{number}", f"q{number}")}</row>'
        yield "</sheetData></worksheet>"

    return rows


def _full_sheet() -> Iterator[str]:
    """2,000 rows of 100 distinct texts each: the most cells the limits let through."""
    yield _SHEET_START + "<sheetData>"
    for number in range(1, 2_001):
        cells = "".join(
            f'<c t="inlineStr"><is><t>{number * 7919 + column * 104729:x} text</t></is></c>'
            for column in range(100)
        )
        yield f'<row r="{number}">{cells}</row>'
    yield "</sheetData></worksheet>"


def _sheet(*body: str) -> Callable[[], Iterator[str]]:
    def rows() -> Iterator[str]:
        yield _SHEET_START
        yield from body
        yield "</worksheet>"

    return rows


def _valid_bank(path: Path) -> Path:
    write_bank(read_bank(package_path("quizzes", "content", "interview_bank.yaml")), path)
    return path


# --- the corpus ----------------------------------------------------------------------


def _zip_bomb(tmp: Path) -> Path:
    """Five million identical rows: 250 MB of XML packed into well under 2 MB."""
    return _workbook(tmp / "bomb.xlsx", _identical_rows(5_000_000))


def _many_rows(tmp: Path) -> Path:
    """200,000 numbered rows: packs only about 10 to 1, so the archive looks ordinary and
    the rows must be counted while they stream."""
    return _workbook(tmp / "rows.xlsx", _numbered_rows(200_000))


def _xfd_dimension(tmp: Path) -> Path:
    """The sheet declares (and has) a cell in XFD1048576, the last cell Excel allows."""
    return _workbook(
        tmp / "xfd.xlsx",
        _sheet(
            '<dimension ref="A1:XFD1048576"/><sheetData>',
            f'<row r="1">{_cell("A1", "id")}</row>',
            f'<row r="1048576">{_cell("XFD1048576", "x")}</row>',
            "</sheetData>",
        ),
    )


def _xfd_undeclared(tmp: Path) -> Path:
    """Styled empty cells in column XFD on every row, with no ``<dimension>``: each row
    would be padded to 16,384 cells."""
    rows = "".join(f'<row r="{n}"><c r="XFD{n}" s="0"/></row>' for n in range(1, 20_001))
    return _workbook(tmp / "xfd-cells.xlsx", _sheet("<sheetData>", rows, "</sheetData>"))


def _last_row_only(tmp: Path) -> Path:
    """One styled empty cell in the last row: openpyxl pads a million empty rows."""
    return _workbook(
        tmp / "last-row.xlsx",
        _sheet('<sheetData><row r="1048576"><c r="A1048576" s="0"/></row></sheetData>'),
    )


def _at_every_limit(tmp: Path) -> Path:
    return _workbook(tmp / "full.xlsx", _full_sheet)


def _long_texts(tmp: Path) -> Path:
    """2,000 rows of two 12,000-character texts: 48 MB of text, under every limit."""

    def rows() -> Iterator[str]:
        yield _SHEET_START + "<sheetData>"
        for number in range(1, 2_001):
            text = random.Random(number).randbytes(600).hex() * 10  # packs about 10 to 1
            yield f'<row r="{number}">{_cell("A" + str(number), text) * 2}</row>'
        yield "</sheetData></worksheet>"

    return _workbook(tmp / "long.xlsx", rows)


def _many_shared_strings(tmp: Path) -> Path:
    """2.2 million shared strings (48 MB unpacked, 9 MB packed: under the limits on file
    and unpacked size), which openpyxl reads whole before the first row."""
    strings = "".join(f"<si><t>{n * 7919 % 1_000_003}</t></si>" for n in range(2_200_000))
    return _workbook(
        tmp / "strings.xlsx",
        _sheet('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>'),
        shared_strings=f'<sst xmlns="{_MAIN}">{strings}</sst>',
    )


def _no_content_types(tmp: Path) -> Path:
    return _workbook(tmp / "no-types.xlsx", _numbered_rows(3), leave_out="[Content_Types].xml")


def _no_workbook_part(tmp: Path) -> Path:
    return _workbook(tmp / "no-workbook.xlsx", _numbered_rows(3), leave_out="xl/workbook.xml")


def _broken_sheet_xml(tmp: Path) -> Path:
    return _workbook(tmp / "broken.xlsx", _sheet("<sheetData><row r='1'><c r=\"A1\" <<<"))


def _not_a_zip(tmp: Path) -> Path:
    path = tmp / "renamed.xlsx"
    path.write_text("id,group\nq1,opening\n", encoding="utf-8")
    return path


def _truncated_zip(tmp: Path) -> Path:
    whole = _valid_bank(tmp / "whole.xlsx").read_bytes()
    path = tmp / "truncated.xlsx"
    path.write_bytes(whole[: len(whole) // 2])
    return path


def _control_in_xlsx(tmp: Path) -> Path:
    """The valid bank with U+0007 (BEL) in its first question: XML 1.0 cannot hold it, so
    it can only be written as a character reference, which the XML parser refuses."""
    return _rewrite_sheet(_valid_bank(tmp / "valid.xlsx"), tmp / "bell.xlsx", b"<t>", b"<t>&#7;")


def _rewrite_sheet(source: Path, path: Path, old: bytes, new: bytes) -> Path:
    """A copy of workbook ``source`` with the first ``old`` after the header row of its
    sheet replaced by ``new``."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                second_row = data.index(b'<row r="2"')
                data = data[:second_row] + data[second_row:].replace(old, new, 1)
            copy.writestr(info, data)
    return path


def _csv_with(tmp: Path, name: str, junk: bytes) -> Path:
    """The valid bank as CSV with ``junk`` in the first row's Chinese text."""
    valid = _valid_bank(tmp / "valid.csv").read_bytes().splitlines(keepends=True)
    path = tmp / name
    first = valid[1].replace("？".encode(), junk + "？".encode(), 1)
    assert first != valid[1]
    path.write_bytes(b"".join([valid[0], first, *valid[2:]]))
    return path


def _nul_in_csv(tmp: Path) -> Path:
    return _csv_with(tmp, "nul.csv", b"\x00")


def _control_in_csv(tmp: Path) -> Path:
    return _csv_with(tmp, "bell.csv", b"\x07")


def _junk_csv(tmp: Path) -> Path:
    """The bank's header, then 1,999 rows of 100 random texts (9.6 MB): every limit
    reached, none passed, and a problem in nearly every cell."""
    from cs_trainer.quizzes.bank_columns import COLUMNS

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*COLUMNS, *(f"notes_{n}" for n in range(100 - len(COLUMNS)))])
    for row in range(1_999):
        writer.writerow([random.Random(row * 100 + n).randbytes(24).hex() for n in range(100)])
    path = tmp / "junk.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def _huge_csv(tmp: Path) -> Path:
    path = tmp / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # 64 MB of NULs, sparse on disk
    return path


def _alias_bomb(tmp: Path) -> Path:
    """The "billion laughs" (nine levels of ten aliases each) as the bank's questions, so
    that validating the file would walk a billion values."""
    lines = ["kind: interview_bank", 'a0: &a0 ["lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 10)]
    lines += ["questions: *a9"]
    path = tmp / "laughs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _long_value_aliased(tmp: Path) -> Path:
    """One 2 MB value and 90 aliases of it: 180 million characters once expanded (the
    issue's 246 KB bank expanded to 1.47 billion), in a field that takes a list of text."""
    lines = [
        "kind: interview_bank",
        f"long: &long {'x' * 2_000_000}",
        "questions:",
        "  - id: q",
        "    good_signs: [" + ", ".join(["{zh: *long, en: *long}"] * 45) + "]",
    ]
    path = tmp / "long-aliased.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _nul_escape_in_yaml(tmp: Path) -> Path:
    """The shipped bank with a NUL, written as YAML's ``"\\0"`` escape, in its first
    question: valid YAML and a valid bank, which PostgreSQL would refuse to store."""
    shipped = package_path("quizzes", "content", "interview_bank.yaml").read_text("utf-8")
    question = "      zh: 当你进入一个全是陌生人的房间时"
    assert question in shipped
    path = tmp / "nul-escape.yaml"
    path.write_text(shipped.replace(question, '      zh: "\\0"  #', 1), encoding="utf-8")
    return path


def _deep_lists(tmp: Path) -> Path:
    path = tmp / "deep-lists.yaml"
    path.write_text("kind: interview_bank\nx: " + "[" * 10_000 + "]" * 10_000 + "\n")
    return path


def _deep_mappings(tmp: Path) -> Path:
    path = tmp / "deep-maps.yaml"
    path.write_text("kind: interview_bank\nx: " + "{a: " * 10_000 + "1" + "}" * 10_000 + "\n")
    return path


def _deep_block(tmp: Path) -> Path:
    """2,000 levels of ``a:`` in block style (one more space of indent each: 10,000
    levels would be a 50 MB file, refused for its size alone)."""
    path = tmp / "deep-block.yaml"
    path.write_text("".join(" " * n + "a:\n" for n in range(2_000)) + " " * 2_000 + "1\n")
    return path


def _many_invalid_values(tmp: Path) -> Path:
    """240,000 questions that are each one word: no alias, no nesting, 2.7 MB, and a
    problem for every one of them."""
    path = tmp / "many.yaml"
    words = "".join(f"  - q{n}\n" for n in range(240_000))
    path.write_text("kind: interview_bank\nquestions:\n" + words, encoding="utf-8")
    return path


def _nul_in_yaml(tmp: Path) -> Path:
    path = tmp / "nul.yaml"
    path.write_bytes(b"kind: interview_bank\nid: bank\x00\x07\n")
    return path


def _huge_yaml(tmp: Path) -> Path:
    path = tmp / "huge.yaml"
    path.write_bytes(b"kind: interview_bank\n" + b"# padding\n" * 2_000_000)
    return path


BANK_FILES = {
    "zip bomb": _zip_bomb,
    "200,000 rows": _many_rows,
    "2,000 rows of 100 texts": _at_every_limit,
    "2,000 rows of long texts": _long_texts,
    "2.2 million shared strings": _many_shared_strings,
    "XFD1048576 declared": _xfd_dimension,
    "XFD cells undeclared": _xfd_undeclared,
    "only the last row": _last_row_only,
    "no [Content_Types].xml": _no_content_types,
    "no workbook part": _no_workbook_part,
    "broken sheet XML": _broken_sheet_xml,
    "not a zip": _not_a_zip,
    "truncated zip": _truncated_zip,
    "control character in an XLSX cell": _control_in_xlsx,
    "NUL in a CSV cell": _nul_in_csv,
    "control character in a CSV cell": _control_in_csv,
    "64 MB CSV": _huge_csv,
    "1,999 rows of junk in 100 columns": _junk_csv,
    "alias bomb bank": _alias_bomb,
    "a long value aliased 90 times": _long_value_aliased,
    'NUL written "\\0"': _nul_escape_in_yaml,
    "10,000 nested lists": _deep_lists,
    "10,000 nested mappings": _deep_mappings,
    "240,000 invalid questions": _many_invalid_values,
}

CONTENT_FILES = {
    "alias bomb": _alias_bomb,
    "a long value aliased 90 times": _long_value_aliased,
    'NUL written "\\0"': _nul_escape_in_yaml,
    "10,000 nested lists": _deep_lists,
    "10,000 nested mappings": _deep_mappings,
    "2,000 nested block mappings": _deep_block,
    "240,000 invalid questions": _many_invalid_values,
    "NUL and BEL": _nul_in_yaml,
    "20 MB of comments": _huge_yaml,
}


def _assert_refused_in_bounds(outcome: dict[str, object], path: Path) -> None:
    assert outcome["kind"] in {"ContentError", "UserError"}, outcome
    lines = outcome["lines"]
    assert isinstance(lines, list) and lines, outcome
    for line in lines:
        assert str(path) in line, outcome  # names the file
        assert "\n" not in line and len(line) < 600, outcome  # one line each
        assert "Traceback" not in line, outcome
    assert float(str(outcome["seconds"])) < SECONDS, outcome
    assert float(str(outcome["megabytes"])) < MEGABYTES, outcome


@pytest.mark.parametrize("make", BANK_FILES.values(), ids=BANK_FILES.keys())
def test_hostile_bank_is_refused_within_limits(
    make: Callable[[Path], Path], tmp_path: Path
) -> None:
    path = make(tmp_path)
    _assert_refused_in_bounds(_import_in_child("bank", path), path)


@pytest.mark.parametrize("make", CONTENT_FILES.values(), ids=CONTENT_FILES.keys())
def test_hostile_content_file_is_refused_within_limits(
    make: Callable[[Path], Path], tmp_path: Path
) -> None:
    path = make(tmp_path)
    _assert_refused_in_bounds(_import_in_child("content", path), path)


def test_zip_bomb_is_small_on_disk(tmp_path: Path) -> None:
    """The bomb is the issue's: a small file (the limit on file size alone misses it)."""
    assert _zip_bomb(tmp_path).stat().st_size < 2 * 1024 * 1024


def test_the_valid_bank_is_still_read(tmp_path: Path) -> None:
    """The limits refuse the corpus, not the shipped bank in any of its formats."""
    for suffix in (".xlsx", ".csv", ".yaml"):
        assert read_bank(_valid_bank(tmp_path / f"bank{suffix}")).questions


DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize(
    ("doc", "limits"),
    [
        (
            "banks.md",
            {
                "MAX_TABLE_BYTES": "10 MB",
                "MAX_CONTENT_BYTES": "5 MB",
                "MAX_ROWS": "2000",
                "MAX_COLUMNS": "100",
                "MAX_CELL_CHARS": "20000",
                "MAX_ZIP_MEMBERS": "1000",
                "MAX_UNCOMPRESSED_BYTES": "50 MB",
                "MAX_SHARED_STRINGS": "200000",
                "MAX_ZIP_RATIO": "100 times",
            },
        ),
        (
            "authoring.md",
            {
                "MAX_CONTENT_BYTES": "5 MB",
                "MAX_YAML_DEPTH": "50 levels",
                "MAX_YAML_ALIASES": "100",
                "MAX_YAML_NODES": "50000",
                "MAX_YAML_CHARS": "10000000",
            },
        ),
    ],
)
def test_the_docs_state_the_limits_in_force(doc: str, limits: dict[str, str]) -> None:
    """What users read is what the code enforces, in English and in Chinese."""
    from cs_trainer import import_limits

    text = (DOCS / doc).read_text(encoding="utf-8")
    section = text.split("## Limits / 大小上限", 1)[1].splitlines()
    english = "\n".join(line for line in section if line.startswith("|"))
    chinese = "".join(line for line in section if re.search("[\u4e00-\u9fff]", line))
    for name, shown in limits.items():
        value = getattr(import_limits, name)
        number = value // (1024 * 1024) if shown.endswith("MB") else value
        assert shown.split()[0] == str(number), name
        assert f"| {shown} |" in english, name
        assert str(number) in chinese, name
