"""Text in an XLSX reads back as it was written, line breaks included.

A carriage return in a cell's XML is read back as a line feed (XML normalises line
ends), so a name holding one came back different; found by the cohort export's
hypothesis test (names=['\\r']).
"""

import pytest

from cs_trainer.reports.spreadsheet_cells import xlsx_text


@pytest.mark.parametrize(
    ("written", "kept"),
    [("\r", "\n"), ("a\r\nb", "a\nb"), ("a\rb\nc", "a\nb\nc"), ("\x00=1+1\x07", "=1+1")],
)
def test_an_xlsx_cell_holds_what_reads_back(written: str, kept: str) -> None:
    assert xlsx_text(written) == kept
