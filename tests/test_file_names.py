"""File names made from people's text stay one name inside the folder they were meant for.

A name like ``../../etc/x`` once made the GUI's suggested save path leave the chosen
folder; every suggested or exported name now goes through ``files.safe_file_stem``.
"""

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cs_trainer.files import MAX_STEM, MAX_STEM_BYTES, file_in_folder, safe_file_stem

FOLDER = Path("/chosen/folder")


@pytest.mark.parametrize(
    "name",
    ["../../etc/x", "a/b\\c", "..", ".", "/etc/passwd", "C:\\Windows\\x", "\\\\server\\share"],
)
def test_a_name_with_separators_or_dots_stays_in_the_folder(name: str) -> None:
    path = file_in_folder(FOLDER, name, ".pdf", "sheet")
    assert path.parent == FOLDER
    assert "/" not in path.name and "\\" not in path.name
    assert not path.name.startswith(".")


def test_the_separators_become_underscores() -> None:
    assert file_in_folder(FOLDER, "../../etc/x", ".pdf", "s").name == "_.._etc_x.pdf"
    assert file_in_folder(FOLDER, "a/b\\c", ".pdf", "s").name == "a_b_c.pdf"


def test_an_empty_or_dotted_name_gets_the_fallback() -> None:
    assert file_in_folder(FOLDER, "", ".pdf", "candidate-sheet").name == "candidate-sheet.pdf"
    assert file_in_folder(FOLDER, " .. ", ".pdf", "candidate-sheet").name == "candidate-sheet.pdf"


def test_controls_and_invisible_characters_are_replaced() -> None:
    # A right-to-left override would show "李fdp.exe" as "李exe.pdf".
    assert safe_file_stem("李\u202efdp.exe", "x") == "李_fdp.exe"
    assert safe_file_stem("a\x00b\nc\x7f", "x") == "a_b_c_"
    assert safe_file_stem("lone \udc80 surrogate", "x") == "lone _ surrogate"


def test_reserved_windows_names_and_characters() -> None:
    assert safe_file_stem("CON", "x") == "CON_"
    assert safe_file_stem("lpt1.backup", "x") == "lpt1.backup_"
    assert safe_file_stem('a<b>c:d"e|f?g*h', "x") == "a_b_c_d_e_f_g_h"


def test_the_length_is_capped_in_characters_and_bytes() -> None:
    assert len(file_in_folder(FOLDER, "x" * 5000, ".pdf", "s").name) == MAX_STEM + len(".pdf")
    chinese = safe_file_stem("张" * 5000, "s")
    assert len(chinese.encode("utf-8")) <= MAX_STEM_BYTES
    assert chinese == "张" * (MAX_STEM_BYTES // 3)


@settings(max_examples=200, deadline=None)
@given(name=st.text(max_size=300))
def test_any_name_is_one_safe_file_name(name: str) -> None:
    stem = safe_file_stem(name, "fallback")
    path = file_in_folder(FOLDER, name, ".pdf", "fallback")
    assert path.parent == FOLDER
    assert stem and len(stem) <= MAX_STEM + 1 and len(stem.encode("utf-8")) <= MAX_STEM_BYTES + 1
    assert not stem.startswith((".", " ")) and stem not in (".", "..")
    assert not any(character in stem for character in '/\\<>:"|?*')
    assert all(unicodedata.category(character)[0] != "C" for character in stem)
    stem.encode("utf-8")  # no lone surrogate: every file system can store it
