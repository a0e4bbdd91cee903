"""Read and write interview question banks as YAML, CSV or XLSX.

HR keep question lists in Excel, so a bank also travels as a table: one row per
question under a header row, in the layout ``docs/banks.md`` documents (and
``COLUMNS`` below defines). A table is checked as a whole: every problem of the
file is collected and reported together as ``FILE:ROW:COLUMN: message`` lines,
where ROW is the row number Excel shows (the header is row 1) and COLUMN is the
header name (with the column letter for XLSX). A file with any problem yields
no bank at all, so a half-read list never reaches the database.
"""

import csv
import io
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml

from cs_trainer.errors import ContentError, Problem, UserError, message
from cs_trainer.files import write_atomically
from cs_trainer.quizzes.bank_columns import (
    _HEADER_ROW,
    COLUMNS,
    CSV_SUFFIX,
    LANGUAGES,
    SIGN_SEPARATORS,
    SUFFIXES,
    XLSX_SUFFIX,
    YAML_SUFFIXES,
    column_letter,
    protect_formula,
)
from cs_trainer.quizzes.bank_table_reader import read_csv_bank, read_xlsx_bank
from cs_trainer.quizzes.content_loader import load_model
from cs_trainer.quizzes.interview_schema import (
    InterviewQuestion,
    QuestionBank,
)

# --- public API -------------------------------------------------------------------------


def read_bank(path: Path) -> QuestionBank:
    """Read and validate the bank in ``path``, choosing the format by the file's suffix.

    Raises ContentError listing every problem (``FILE:ROW:COLUMN: message`` lines for
    tables, ``FILE:LINE: message`` for YAML), or UserError when the file cannot be read.
    """
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        raise ContentError([_unknown_suffix(path)])
    try:
        return reader(path)
    except OSError as exc:  # missing file, no permission, a folder
        raise UserError(
            "cannot read {path}: {reason}",
            "无法读取 {path}：{reason}",
            path=str(path),
            reason=exc.strerror or str(exc),
        ) from exc


def write_bank(bank: QuestionBank, path: Path) -> None:
    """Write ``bank`` to ``path`` in the format its suffix names, all at once or not at all.

    Raises ContentError for an unknown suffix (before touching the disk) and OSError
    when the file cannot be written; a failed write leaves an existing file untouched.
    """
    encoder = _ENCODERS.get(path.suffix.lower())
    if encoder is None:
        raise ContentError([_unknown_suffix(path)])
    write_atomically(path, encoder(bank))


def _unknown_suffix(path: Path) -> Problem:
    suffixes = ", ".join(SUFFIXES)
    if path.suffix.lower() == ".xls":
        what = message(
            "unknown kind of file (save it from Excel as .xlsx); use {suffixes}",
            "无法识别的文件类型（请在 Excel 中另存为 .xlsx）；请使用 {suffixes}",
            suffixes=suffixes,
        )
    else:
        what = message(
            "unknown kind of file; use {suffixes}",
            "无法识别的文件类型；请使用 {suffixes}",
            suffixes=suffixes,
        )
    return Problem(str(path), what)


# --- YAML -------------------------------------------------------------------------------


def _read_yaml(path: Path) -> QuestionBank:
    return load_model(path, QuestionBank)[0]


def _encode_yaml(bank: QuestionBank) -> bytes:
    data = bank.model_dump(mode="json", exclude_none=True)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
    return text.encode("utf-8")


# --- writing tables ---------------------------------------------------------------------


def _bank_rows(bank: QuestionBank) -> list[list[str]]:
    """The bank as a table of strings: the header, then one row per question."""
    return [list(COLUMNS)] + [_question_row(bank, question) for question in bank.questions]


def _question_row(bank: QuestionBank, question: InterviewQuestion) -> list[str]:
    # The bank's own fields go on every row, so sorting or deleting rows never loses them.
    description = bank.description
    cells: dict[str, str] = {
        "bank_id": bank.id,
        "bank_version": str(bank.version),
        "bank_title_zh": bank.title.zh,
        "bank_title_en": bank.title.en,
        "bank_description_zh": description.zh if description else "",
        "bank_description_en": description.en if description else "",
        "id": question.id,
        "group": question.group,
        "role_requirement": question.role_requirement or "",
        "source": question.source,
        "verbatim": "yes" if question.verbatim else "",
    }
    for lang in LANGUAGES:
        cells[f"text_{lang}"] = getattr(question.text, lang)
        cells[f"purpose_{lang}"] = getattr(question.purpose, lang)
        cells[f"good_signs_{lang}"] = _join_signs(getattr(s, lang) for s in question.good_signs)
        cells[f"warning_signs_{lang}"] = _join_signs(
            getattr(s, lang) for s in question.warning_signs
        )
        for anchor in question.anchors:
            cells[f"anchor_{anchor.score}_{lang}"] = getattr(anchor.text, lang)
    return [cells.get(name, "") for name in COLUMNS]


def _join_signs(signs: Iterable[str]) -> str:
    joined = "\n".join(signs)
    # A lone sign containing "；" would be split on reading; a line break keeps it whole.
    if "\n" not in joined and any(sep in joined for sep in SIGN_SEPARATORS):
        joined += "\n"
    return joined


def _encode_csv(bank: QuestionBank) -> bytes:
    buffer = io.StringIO(newline="")
    # A question beginning "=" would run as a formula when HR open the file; the import
    # takes the apostrophe off again (bank_columns.unprotect_formula).
    csv.writer(buffer).writerows([protect_formula(c) for c in row] for row in _bank_rows(bank))
    # The BOM tells Excel the file is UTF-8; without it Chinese opens as mojibake.
    return buffer.getvalue().encode("utf-8-sig")


def _encode_xlsx(bank: QuestionBank) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "questions"
    header, *rows = _bank_rows(bank)
    sheet.append(header)
    version = COLUMNS.index("bank_version")
    for row in rows:
        sheet.append([int(cell) if index == version else cell for index, cell in enumerate(row)])
    wrap = Alignment(wrap_text=True, vertical="top")
    for cells in sheet.iter_rows(min_row=_HEADER_ROW + 1):
        for cell in cells:
            cell.alignment = wrap
            if isinstance(cell.value, str):
                # A string cell, never a formula; with the CSV's apostrophe too, so a
                # CSV export copied into a workbook imports the same (the import takes
                # it off). Control characters (the import refuses them) cannot be held.
                cell.value = protect_formula(ILLEGAL_CHARACTERS_RE.sub("", cell.value))
                cell.data_type = "s"
    for cell in sheet[_HEADER_ROW]:
        cell.font = Font(bold=True)
    for index in range(len(COLUMNS)):
        sheet.column_dimensions[column_letter(index)].width = 24
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_READERS: dict[str, Callable[[Path], QuestionBank]] = {
    **dict.fromkeys(YAML_SUFFIXES, _read_yaml),
    CSV_SUFFIX: read_csv_bank,
    XLSX_SUFFIX: read_xlsx_bank,
}
_ENCODERS: dict[str, Callable[[QuestionBank], bytes]] = {
    **dict.fromkeys(YAML_SUFFIXES, _encode_yaml),
    CSV_SUFFIX: _encode_csv,
    XLSX_SUFFIX: _encode_xlsx,
}
