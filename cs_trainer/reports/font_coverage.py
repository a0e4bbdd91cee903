"""Which characters the sheets' font can draw, and what is printed for the rest.

ReportLab has no per-glyph fallback: a character outside WenQuanYi Micro Hei (an
emoji, Arabic, Devanagari…) is drawn as the font's empty ``.notdef`` glyph, so
"王😀" printed as "王" and "محمد" as nothing, without a word (issue 10).

The approach is to refuse, not to fall back. A bundled fallback font was ruled out:
ReportLab does not shape text, so Arabic would be drawn as isolated letters from
left to right, which is wrong, and colour emoji fonts are not TrueType outlines it
can embed. Instead:

* at input, the services refuse a name or field holding such characters with a
  message naming them (:func:`.fonts.unprintable_in_pdf_font` reads the font's own cmap);
* on a sheet, text already stored is drawn with :data:`MARK` in place of each such
  character, and the page footer says that something could not be printed
  (:mod:`.fonts` and :mod:`.pdf_document`), so nothing vanishes silently.

Invisible characters (format characters such as the zero-width joiner inside an
emoji sequence, controls and whitespace) have no glyph by design and are not
counted; a combining mark after a replaced character belongs to it.
"""

import unicodedata
from collections.abc import Container

MARK = "\ufffd"
"""Printed for a character the font cannot draw; the font has this glyph."""

_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}
_COMBINING = {"Mn", "Me", "Mc"}


def drawable(character: str, codepoints: Container[int]) -> bool:
    """Whether ``character`` prints as itself (or is invisible by nature); ``codepoints``
    are those the font maps to a glyph (its cmap)."""
    if unicodedata.category(character) in _INVISIBLE or character.isspace():
        return True
    return ord(character) in codepoints


def unprintable_characters(text: str, codepoints: Container[int]) -> list[str]:
    """The distinct characters of ``text`` the font cannot draw, in order of first use."""
    found: dict[str, None] = {}
    for character in text:
        if not drawable(character, codepoints):
            found.setdefault(character)
    return list(found)


def printable(text: str, codepoints: Container[int]) -> tuple[str, bool]:
    """``text`` with :data:`MARK` for each character the font cannot draw, and whether
    any was replaced. Combining marks after a replaced character are folded into its
    mark, so "क्षि" is not a row of boxes for one letter."""
    if all(drawable(character, codepoints) for character in text):
        return text, False
    shown: list[str] = []
    for character in text:
        if drawable(character, codepoints):
            shown.append(character)
        elif not (shown and shown[-1] == MARK and unicodedata.category(character) in _COMBINING):
            shown.append(MARK)
    return "".join(shown), True
