"""Shared checks for the PDF tests: every font a PDF uses must be embedded.

A fixture rather than an importable helper, because ``tests/`` has no
``__init__.py`` and runs with ``--import-mode=importlib``.
"""

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

STANDARD_14 = {
    "Courier",
    "Courier-Bold",
    "Courier-BoldOblique",
    "Courier-Oblique",
    "Helvetica",
    "Helvetica-Bold",
    "Helvetica-BoldOblique",
    "Helvetica-Oblique",
    "Symbol",
    "Times-Bold",
    "Times-BoldItalic",
    "Times-Italic",
    "Times-Roman",
    "ZapfDingbats",
}


def _fonts_in(resources: Any, seen: set[int]) -> Iterator[DictionaryObject]:
    """Every font in a resource dictionary, Type0 descendants and form XObjects included."""
    resources = resources.get_object() if resources is not None else None
    if not resources:
        return
    fonts = resources.get("/Font")
    for reference in (fonts.get_object() if fonts is not None else {}).values():
        font = reference.get_object()
        if id(font) in seen:
            continue
        seen.add(id(font))
        yield font
        for descendant in font.get("/DescendantFonts", []):
            yield descendant.get_object()
    xobjects = resources.get("/XObject")
    for reference in (xobjects.get_object() if xobjects is not None else {}).values():
        xobject = reference.get_object()
        if xobject.get("/Subtype") == "/Form":
            yield from _fonts_in(xobject.get("/Resources"), seen)


def all_fonts(path: Path) -> list[DictionaryObject]:
    """The font dictionaries used anywhere in the PDF."""
    seen: set[int] = set()
    fonts: list[DictionaryObject] = []
    for page in PdfReader(path).pages:
        fonts.extend(_fonts_in(page.get("/Resources"), seen))
    return fonts


def _base_name(font: DictionaryObject) -> str:
    """The font's name without a subset tag such as ``AAAAAA+``."""
    return re.sub(r"^[A-Z]{6}\+", "", str(font.get("/BaseFont", "")).lstrip("/"))


def check_fonts_embedded(path: Path) -> None:
    """Fail unless the PDF names fonts, none standard-14 and every one embedded."""
    fonts = all_fonts(path)
    assert fonts, "the PDF names no fonts at all"
    for font in fonts:
        base = _base_name(font)
        assert base not in STANDARD_14, f"standard-14 font {base} is used"
        if font.get("/Subtype") == "/Type0":
            continue  # checked through its descendant fonts, yielded separately
        descriptor = font.get("/FontDescriptor")
        assert descriptor is not None, f"{base} has no FontDescriptor"
        descriptor = descriptor.get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), (
            f"{base} is not embedded"
        )


@pytest.fixture
def assert_fonts_embedded() -> Callable[[Path], None]:
    """The check above: every font embedded, none of the standard 14, forms included."""
    return check_fonts_embedded


@pytest.fixture
def font_names() -> Callable[[Path], list[str]]:
    """The base names of every font a PDF uses (subset tags removed)."""
    return lambda path: [_base_name(font) for font in all_fonts(path)]
