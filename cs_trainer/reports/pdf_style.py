"""Shared building blocks of the evaluation sheet: page geometry, colours,
paragraph styles and small markup and table helpers.

Every style is set in the one embedded CJK font (see :mod:`.fonts`), so no
piece of the sheet can fall back to ReportLab's default Helvetica, which has
no Chinese glyphs and is never embedded. Data strings always pass through
:func:`text_or_dash` or :func:`bilingual_inline`, which escape Paragraph markup.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from cs_trainer.reports.sheet_data import Bilingual

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 13 * mm
MARGIN_BOTTOM = 17 * mm  # leaves room for the footer drawn below the frame
FOOTER_BASELINE = 8 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
CONTENT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

SECTION_GAP = 4 * mm
"""Vertical space after each block of the sheet."""

EMPTY_VALUE = "—"
"""Shown instead of an empty field, so a blank reads as "not recorded" rather
than as a printing fault."""

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5F6B7A")
ACCENT = colors.HexColor("#1F4E79")
ACCENT_LIGHT = colors.HexColor("#EAF1F8")
LABEL_FILL = colors.HexColor("#F3F5F8")
ZEBRA_FILL = colors.HexColor("#F8FAFC")
RULE = colors.HexColor("#B7C2CF")
GOOD = colors.HexColor("#2E7D32")
GOOD_LIGHT = colors.HexColor("#EDF6EE")
WARN = colors.HexColor("#A15C00")
WARN_LIGHT = colors.HexColor("#FFF5E5")
BAD = colors.HexColor("#B3261E")
BAD_LIGHT = colors.HexColor("#FBECEB")


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class Styles:
    """Every paragraph style of the sheet, all in the one embedded font.

    Kept in one place so no style can silently inherit ReportLab's default
    Helvetica (which has no Chinese glyphs and is never embedded).
    """

    font: str
    organisation: ParagraphStyle
    title_zh: ParagraphStyle
    title_en: ParagraphStyle
    printed: ParagraphStyle
    block_heading: ParagraphStyle
    section_bar: ParagraphStyle
    section_bar_right: ParagraphStyle
    label: ParagraphStyle
    caption: ParagraphStyle
    value: ParagraphStyle
    column_head: ParagraphStyle
    column_head_center: ParagraphStyle
    cell_zh: ParagraphStyle
    cell_en: ParagraphStyle
    cell_center: ParagraphStyle
    cell_small: ParagraphStyle
    detail_zh: ParagraphStyle
    detail_en: ParagraphStyle
    mean: ParagraphStyle
    score: ParagraphStyle
    note: ParagraphStyle
    table_caption: ParagraphStyle
    result_label: ParagraphStyle
    total: ParagraphStyle
    band_zh: ParagraphStyle
    band_en: ParagraphStyle
    advice_zh: ParagraphStyle
    advice_en: ParagraphStyle
    notice: ParagraphStyle
    summary_line: ParagraphStyle
    decision_zh: ParagraphStyle
    decision_en: ParagraphStyle


def _style(name: str, font: str, size: float, **extra: Any) -> ParagraphStyle:
    """A paragraph style in ``font`` with CJK line breaking.

    ``wordWrap='CJK'`` lets Chinese break between any two characters; without
    it a run of Chinese has no spaces to break at and overflows the cell.
    """
    settings: dict[str, Any] = {
        "fontName": font,
        "fontSize": size,
        "leading": size * 1.3,
        "textColor": INK,
        "wordWrap": "CJK",
    }
    settings.update(extra)
    return ParagraphStyle(name, **settings)


def _latin_style(name: str, font: str, size: float, **extra: Any) -> ParagraphStyle:
    """A style for English-only text, which must break at spaces, not mid-word."""
    style = _style(name, font, size, **extra)
    style.wordWrap = None
    return style


def make_styles(font: str) -> Styles:
    """Build the sheet's styles; sizes are chosen for a printed A4 form."""
    return Styles(
        font=font,
        organisation=_style("organisation", font, 11, textColor=ACCENT),
        title_zh=_style("title_zh", font, 19, leading=23),
        title_en=_latin_style("title_en", font, 11, textColor=MUTED),
        printed=_style("printed", font, 8.5, alignment=TA_RIGHT, textColor=MUTED),
        block_heading=_style("block_heading", font, 11, textColor=ACCENT, spaceAfter=2 * mm),
        section_bar=_style("section_bar", font, 11.5, textColor=colors.white),
        section_bar_right=_style(
            "section_bar_right", font, 9, textColor=colors.white, alignment=TA_RIGHT
        ),
        label=_style("label", font, 8.5, textColor=INK),
        caption=_style("caption", font, 8, textColor=INK, spaceAfter=1),
        value=_style("value", font, 10),
        column_head=_style("column_head", font, 8.5),
        column_head_center=_style("column_head_center", font, 8.5, alignment=TA_CENTER),
        cell_zh=_style("cell_zh", font, 9, leading=11.7),
        cell_en=_latin_style("cell_en", font, 7, leading=8.8, textColor=MUTED, spaceBefore=0.5),
        cell_center=_style("cell_center", font, 10, alignment=TA_CENTER),
        cell_small=_style("cell_small", font, 8, leading=10.2),
        detail_zh=_style("detail_zh", font, 8, leading=10.2, leftIndent=7, firstLineIndent=-7),
        detail_en=_latin_style(
            "detail_en", font, 7, leading=8.8, textColor=MUTED, leftIndent=7, spaceAfter=1.5
        ),
        mean=_style("mean", font, 10.5, alignment=TA_CENTER, textColor=ACCENT),
        score=_style("score", font, 10.5, textColor=ACCENT, spaceAfter=1),
        note=_style("note", font, 7.5, leading=9.6, textColor=INK, leftIndent=8, firstLineIndent=0),
        table_caption=_style("table_caption", font, 7.5, textColor=MUTED, spaceAfter=1.5 * mm),
        result_label=_style("result_label", font, 8.5, textColor=MUTED),
        total=_style("total", font, 20, leading=24, textColor=ACCENT),
        band_zh=_style("band_zh", font, 15, leading=19, textColor=ACCENT),
        band_en=_latin_style("band_en", font, 10, textColor=ACCENT),
        advice_zh=_style("advice_zh", font, 8.5, textColor=INK, spaceBefore=3),
        advice_en=_latin_style("advice_en", font, 7.5, textColor=MUTED),
        notice=_style("notice", font, 10.5, alignment=TA_CENTER, textColor=MUTED),
        summary_line=_style("summary_line", font, 9.5, leading=12.5),
        decision_zh=_style("decision_zh", font, 20, leading=24),
        decision_en=_latin_style("decision_en", font, 10.5, leading=13),
    )


# --------------------------------------------------------------------------- text helpers

_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


def free_text(value: str, style: ParagraphStyle, prefix: str = "") -> Paragraph:
    """A Paragraph of user-written text that may be Chinese, English or both.

    CJK wrapping breaks between any two characters, English words included
    ("Chines|e"), so text without any Chinese is set with ordinary wrapping.
    ``prefix`` is markup put before the escaped text, such as a rater's name.
    """
    return Paragraph(prefix + text_or_dash(value), latin_if_no_cjk(value, style))


FLOWING_CHUNK = 600
"""Characters per Paragraph of long flowing text: a table row that runs over pages
re-breaks its cell's Paragraph on every page, so one Paragraph of 50,000 characters
made a sheet take minutes; pieces of this size keep it to seconds."""


def flowing_text(value: str, style: ParagraphStyle, prefix: str = "") -> list[Flowable]:
    """User-written text of any length, keeping its line breaks, in Paragraphs short enough
    to move between pages cheaply; a piece ends after a sentence or a space where it can."""
    lines = [line for line in value.splitlines() if line.strip()] or [""]
    pieces = [piece for line in lines for piece in _chunks(line)]
    return [free_text(piece, style, prefix if i == 0 else "") for i, piece in enumerate(pieces)]


def _chunks(line: str) -> list[str]:
    pieces = []
    while len(line) > FLOWING_CHUNK * 2:
        window = line[FLOWING_CHUNK : FLOWING_CHUNK * 2]
        ends = [window.rfind(mark) for mark in ("。", "！", "？", ". ", "; ", "，", " ")]
        cut = FLOWING_CHUNK + max(max(ends) + 1, 0) if max(ends) >= 0 else FLOWING_CHUNK * 2
        pieces.append(line[:cut])
        line = line[cut:]
    return [*pieces, line]


def latin_if_no_cjk(value: str, style: ParagraphStyle) -> ParagraphStyle:
    """``style``, or for text without Chinese the same style with ordinary wrapping."""
    if not _CJK.search(value) and style.wordWrap == "CJK":
        return ParagraphStyle(f"{style.name}_latin", parent=style, wordWrap=None)
    return style


def text_or_dash(value: str) -> str:
    """Escape data for Paragraph markup; empty values print as a dash.

    Names and statements come from users and may contain ``&`` or ``<``, which
    would otherwise be parsed as markup and break or alter the PDF.
    """
    return escape(value) if value.strip() else EMPTY_VALUE


def iso_date(value: date) -> str:
    """ISO dates read the same way to Chinese and English readers."""
    return value.isoformat()


def one_decimal(value: float | None) -> str:
    """A 1–5 mean such as ``4.5``, or a dash when nothing was rated."""
    return EMPTY_VALUE if value is None else f"{value:.1f}"


def hex_color(color: colors.Color) -> str:
    """A colour as ``#RRGGBB`` for Paragraph ``<font color=...>`` markup."""
    return "#" + str(color.hexval())[2:]


def bilingual_inline(zh: str, en: str, en_size: float = 7.5, en_color: colors.Color = MUTED) -> str:
    """Markup for a "中文 English" label: the Chinese first, the English smaller."""
    return f'{escape(zh)} <font size="{en_size}" color="{hex_color(en_color)}">{escape(en)}</font>'


def label(zh: str, en: str, styles: Styles) -> Paragraph:
    """A bilingual field label such as 姓名 Name."""
    return Paragraph(bilingual_inline(zh, en, 7), styles.label)


def stacked(text: Bilingual, styles: Styles) -> list[Flowable]:
    """Chinese on top, the English translation smaller underneath."""
    return [free_text(text.zh, styles.cell_zh), Paragraph(text_or_dash(text.en), styles.cell_en)]


def caption_over_value(zh: str, en: str, value: str, styles: Styles) -> list[Flowable]:
    """One form field: a small bilingual caption with the value underneath.

    ``value`` is Paragraph markup, already escaped.
    """
    return [Paragraph(bilingual_inline(zh, en, 7), styles.caption), Paragraph(value, styles.value)]


def column_head(zh: str, en: str, style: ParagraphStyle) -> Paragraph:
    """A table column heading, the English on its own smaller line."""
    return Paragraph(
        f'{escape(zh)}<br/><font size="7" color="{hex_color(MUTED)}">{escape(en)}</font>', style
    )


def block_heading(zh: str, en: str, styles: Styles) -> Paragraph:
    """The accent-coloured heading over a block such as 候选人信息 Candidate details."""
    return Paragraph(bilingual_inline(zh, en, 9), styles.block_heading)


# --------------------------------------------------------------------------- tables


def table_style(font: str, *commands: tuple[Any, ...]) -> TableStyle:
    """A TableStyle whose cells default to the sheet's font.

    Plain-string cells are otherwise drawn in Helvetica, the one way an
    unembedded standard-14 font could still reach the PDF.
    """
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), font), *commands])


def padding(top: float, bottom: float, left: float, right: float) -> list[tuple[Any, ...]]:
    """Cell padding commands for a whole table."""
    return [
        ("TOPPADDING", (0, 0), (-1, -1), top),
        ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
        ("LEFTPADDING", (0, 0), (-1, -1), left),
        ("RIGHTPADDING", (0, 0), (-1, -1), right),
    ]


def title_bar(left: str, right: str, styles: Styles, right_width: float = 40 * mm) -> Table:
    """A full-width coloured bar: a section's title left, a detail right (both markup)."""
    bar = Table(
        [[Paragraph(left, styles.section_bar), Paragraph(right, styles.section_bar_right)]],
        colWidths=[CONTENT_WIDTH - right_width, right_width],
    )
    bar.setStyle(
        table_style(
            styles.font,
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *padding(4, 5, 6, 6),
        )
    )
    return bar


def details_strip(cells: list[list[Flowable]], fractions: list[float], styles: Styles) -> Table:
    """A grey strip of captioned fields under a title bar, one row of cells."""
    table = Table([cells], colWidths=[share * CONTENT_WIDTH for share in fractions])
    table.setStyle(
        table_style(
            styles.font,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, -1), LABEL_FILL),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
            *padding(3, 5, 6, 6),
        )
    )
    return table


def data_table_style(
    font: str, cell_padding: tuple[float, float, float, float], zebra_rows: int = 0
) -> TableStyle:
    """The look every data table shares: a heading row, a rule under each row, a box,
    and (for tables of ``zebra_rows`` rows) every other row tinted."""
    zebra = [("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL) for row in range(2, zebra_rows, 2)]
    return table_style(
        font,
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *header_row_commands(),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        *padding(*cell_padding),
        *zebra,
    )


def header_row_commands() -> list[tuple[Any, ...]]:
    """The look of a data table's column-heading row (row 0)."""
    return [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
    ]
