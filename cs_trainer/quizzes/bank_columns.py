"""The column layout of a question bank kept as a table (CSV or XLSX).

``docs/banks.md`` documents it for HR; the reader and the writer both follow it.
"""

from cs_trainer.quizzes.interview_schema import RATING_MAX, RATING_MIN, REQUIRED_ANCHORS
from cs_trainer.quizzes.schema_common import QUALITY_GROUP_NAMES, QUALITY_GROUPS, QualityGroup

YAML_SUFFIXES = (".yaml", ".yml")
CSV_SUFFIX = ".csv"
XLSX_SUFFIX = ".xlsx"
SUFFIXES = (*YAML_SUFFIXES, CSV_SUFFIX, XLSX_SUFFIX)

GROUP_NAMES_ZH: dict[QualityGroup, str] = {
    group: QUALITY_GROUP_NAMES[group].zh for group in QUALITY_GROUPS
}
"""The Chinese names HR use for the four groups; a table may give either form."""

SIGN_SEPARATORS = ("；", ";")
"""Separate signs in a one-line cell; a cell with line breaks has one sign per line."""

LANGUAGES = ("zh", "en")
SCORES = tuple(range(RATING_MIN, RATING_MAX + 1))

BANK_COLUMNS = (
    "bank_id",
    "bank_version",
    "bank_title_zh",
    "bank_title_en",
    "bank_description_zh",
    "bank_description_en",
)
QUESTION_COLUMNS = (
    "id",
    "group",
    "role_requirement",
    "source",
    "verbatim",
    "text_zh",
    "text_en",
    "purpose_zh",
    "purpose_en",
    "good_signs_zh",
    "good_signs_en",
    "warning_signs_zh",
    "warning_signs_en",
)
ANCHOR_COLUMNS = tuple(f"anchor_{score}_{lang}" for score in SCORES for lang in LANGUAGES)
COLUMNS = (*BANK_COLUMNS, *QUESTION_COLUMNS, *ANCHOR_COLUMNS)
"""Every column a table may have, in the order ``write_bank`` writes them."""

_OPTIONAL_ANCHORS = [score for score in SCORES if score not in REQUIRED_ANCHORS]
OPTIONAL_COLUMNS = frozenset(
    {"bank_description_zh", "bank_description_en", "role_requirement", "verbatim"}
    | {f"anchor_{score}_{lang}" for score in _OPTIONAL_ANCHORS for lang in LANGUAGES}
)
REQUIRED_COLUMNS = tuple(name for name in COLUMNS if name not in OPTIONAL_COLUMNS)

_TRUE = frozenset({"yes", "y", "true", "1", "是"})
_FALSE = frozenset({"", "no", "n", "false", "0", "否"})
_HEADER_ROW = 1
_SHOWN_LENGTH = 40


def column_letter(index: int) -> str:
    """Excel's name of the 0-based column ``index``: A … Z, AA …"""
    letters = ""
    number = index + 1
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


# --- cells a spreadsheet would compute ----------------------------------------------------

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a CSV cell as a formula; the same list as
:data:`cs_trainer.reports.spreadsheet_cells.FORMULA_STARTS` (a test holds them equal:
quizzes sit below reports and may not import it)."""


def protect_formula(cell: str) -> str:
    """A bank CSV cell a spreadsheet shows as text, and :func:`unprotect_formula` undoes.

    Unlike the cohort's export (read only by people), a bank's CSV comes back through
    the import, so the apostrophe must be taken off exactly: one is added to any cell
    that, after its leading apostrophes, begins like a formula, so a text that really
    begins with ``'=`` survives too."""
    return "'" + cell if cell.lstrip("'").startswith(FORMULA_STARTS) else cell


def unprotect_formula(cell: str) -> str:
    """The text :func:`protect_formula` was given (a cell HR typed is kept as typed,
    unless it is an apostrophe before a formula, which Excel users type for the same
    reason)."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell
