"""Cells of a CSV or XLSX a person will open in a spreadsheet program.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read
as a formula (CSV injection): a name or a note someone typed could then run when an
admin opens the file. Such a cell gets a leading apostrophe, which spreadsheets
show as text.
"""

import json
from collections.abc import Mapping

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: str) -> str:
    """``cell`` as text a spreadsheet shows, never evaluates."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def json_cell(values: Mapping[str, object] | None) -> str:
    """A dictionary of values as one cell of readable JSON (empty for none)."""
    if not values:
        return ""
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str)
