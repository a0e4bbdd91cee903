"""Names and fields are refused at input when the sheets' font cannot print them.

Every PDF is set in one font (:mod:`cs_trainer.reports.fonts`), which has no emoji and
no Arabic, and ReportLab cannot shape Arabic even with another font (see
:mod:`cs_trainer.reports.font_coverage`). So a name such as "王😀芳" is refused when
it is typed, with a message naming the characters (and their code points, since the
screen's font may not show them either), rather than printed as "王芳". Text stored
before this check prints with a visible mark and a note on the sheet.

Every name, short field and note a sheet prints (:data:`PRINTED`, :data:`NOTES`) is
checked in the write session itself, through
:data:`cs_trainer.store.field_limits.text_checks`, so no service can forget it; the
services that check earlier do so to refuse before any other work.
"""

import unicodedata

from cs_trainer.errors import UserError
from cs_trainer.store import field_limits
from cs_trainer.store.field_limits import TITLES


class UnprintableTextError(UserError):
    """A name or field holds characters the PDF sheets cannot print."""

    def __init__(self, title: tuple[str, str], characters: list[str]) -> None:
        en, zh = title
        super().__init__(
            "{field} holds characters that cannot be printed on the PDF sheets: {characters}. "
            "Please leave them out or write them another way.",
            "{field_zh}含有无法打印在 PDF 表格上的字符：{characters}。请删去或换一种写法。",
            field=en,
            field_zh=zh,
            characters="、".join(_named(character) for character in characters),
        )


def _named(character: str) -> str:
    """😀 (U+1F600 GRINNING FACE): the character, its code point and Unicode name."""
    name = unicodedata.name(character, "")
    code = f"U+{ord(character):04X}"
    return f"{character} ({code} {name})" if name else f"{character} ({code})"


PRINTED: frozenset[tuple[str, str]] = frozenset(
    {
        ("people", "name"),
        ("people", "phone"),
        ("people", "position"),
        ("cohorts", "name"),
        ("interview_plans", "name"),
        ("interview_plans", "position"),
        ("interview_plans", "created_by"),
        ("accounts", "display_name"),
        ("attempts", "conducted_by"),
        ("decisions", "by"),
        ("pipeline_events", "by"),
        ("reception_entries", "assessor"),
    }
)
"""The typed names and fields a PDF sheet prints, each checked whichever service
writes it (:data:`cs_trainer.store.field_limits.text_checks`)."""

NOTES: dict[tuple[str, str], tuple[str, str]] = {
    ("responses", "notes"): ("The notes", "备注"),
    ("decisions", "reason"): ("The reason for the decision", "决定理由"),
    ("pipeline_events", "reason"): ("The reason for the stage change", "阶段变更理由"),
    ("reception_entries", "note"): ("The entry's note", "记录说明"),
}
"""The free text a sheet prints (unbounded, so not among the length check's titles)."""


def _check_printed(table: str, column: str, text: str) -> None:
    printed = (table, column) in PRINTED or (table, column) in NOTES
    if printed and not (text.isascii() and text.isprintable()):
        refuse_unprintable(table, column, text)  # plain ASCII needs no look at the font


def _unprintable(text: str) -> list[str]:
    """Imported on first use: every service imports this module (the services package
    registers its check), and ReportLab should load only when a sheet or a non-ASCII
    name needs it."""
    from cs_trainer.reports.fonts import unprintable_in_pdf_font

    return unprintable_in_pdf_font(text)


def refuse_unprintable_text(en: str, zh: str, text: str) -> None:
    """Refuse ``text`` for the field titled ``en``/``zh`` if the PDF font cannot draw it."""
    characters = _unprintable(text)
    if characters:
        raise UnprintableTextError((en, zh), characters[:5])


def refuse_unprintable(table: str, column: str, text: str) -> None:
    """Refuse ``text`` for ``table.column`` (titled as the length check titles it) if
    the PDF font cannot draw some of its characters; at most five are named."""
    characters = _unprintable(text)
    if characters:
        title = NOTES.get((table, column)) or TITLES[(table, column)]
        raise UnprintableTextError(title, characters[:5])


if _check_printed not in field_limits.text_checks:
    field_limits.text_checks.append(_check_printed)
