"""Cells of a CSV or XLSX a person will open in a spreadsheet program.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read
as a formula (CSV injection): a name or a note someone typed could then run when an
admin opens the file. In a CSV, which has no cell types, such a cell gets a leading
apostrophe, which spreadsheets show as text. An XLSX cell says its type: people's
text goes in as a string cell (:func:`text_cell`), so ``=1+1`` stays the text
``=1+1``, with no apostrophe. XLSX cannot hold most control characters (openpyxl
refuses the whole workbook for one); they are dropped from its text.
"""

import json
from collections.abc import Mapping

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: str) -> str:
    """``cell`` as text a spreadsheet shows, never evaluates."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def xlsx_text(text: str) -> str:
    """``text`` without the control characters an XLSX cannot hold, and with its line
    breaks as ``\n``: a carriage return in a cell's XML is read back as a line feed."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned.replace("\r\n", "\n").replace("\r", "\n")


def text_cell(cell: Cell) -> None:
    """Make a cell holding text a string cell: openpyxl reads "=…" as a formula."""
    if isinstance(cell.value, str):
        cell.value = xlsx_text(cell.value)
        cell.data_type = "s"


def json_cell(values: Mapping[str, object] | None) -> str:
    """A dictionary of values as one cell of readable JSON (empty for none)."""
    if not values:
        return ""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)
