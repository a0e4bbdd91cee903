"""The candidate evaluation sheet as an A4 PDF.

HR prints this sheet, the interviewer and HR sign it, and it is read by both
Chinese and English speakers, so every label is bilingual with the Chinese
first. All text is set in the one shipped CJK font (see :mod:`.fonts`):
ReportLab has no glyph fallback, and a PDF that relied on an unembedded
standard-14 font would look different, or show boxes, on another machine.

The writer reads only the plain dataclasses of :mod:`.sheet_data`.
"""

import contextlib
import io
import os
import secrets
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.sheet_data import (
    Bilingual,
    CandidateInfo,
    EvaluationSheet,
    SelfTestSection,
    SheetItem,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 13 * mm
MARGIN_BOTTOM = 17 * mm  # leaves room for the footer drawn below the frame
FOOTER_BASELINE = 8 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
CONTENT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

FIRST_SECTION_MIN_SPACE = 70 * mm
"""Room the first self-test needs on page 1: its title bar, details and the
first few rows. With less left, it starts on a new page instead."""

EMPTY_VALUE = "—"
"""Shown instead of an empty field, so a blank reads as "not recorded" rather
than as a printing fault."""

TITLE = Bilingual("候选人评估表", "Candidate evaluation sheet")
NO_SELF_TEST = Bilingual("尚无已完成的服务潜能测试", "No completed self-test yet")

INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5F6B7A")
ACCENT = colors.HexColor("#1F4E79")
ACCENT_LIGHT = colors.HexColor("#EAF1F8")
LABEL_FILL = colors.HexColor("#F3F5F8")
ZEBRA_FILL = colors.HexColor("#F8FAFC")
RULE = colors.HexColor("#B7C2CF")


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class _Styles:
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
    result_label: ParagraphStyle
    total: ParagraphStyle
    band_zh: ParagraphStyle
    band_en: ParagraphStyle
    advice_zh: ParagraphStyle
    advice_en: ParagraphStyle
    notice: ParagraphStyle


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


def _make_styles(font: str) -> _Styles:
    """Build the sheet's styles; sizes are chosen for a printed A4 form."""
    return _Styles(
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
        result_label=_style("result_label", font, 8.5, textColor=MUTED),
        total=_style("total", font, 20, leading=24, textColor=ACCENT),
        band_zh=_style("band_zh", font, 15, leading=19, textColor=ACCENT),
        band_en=_latin_style("band_en", font, 10, textColor=ACCENT),
        advice_zh=_style("advice_zh", font, 8.5, textColor=INK, spaceBefore=3),
        advice_en=_latin_style("advice_en", font, 7.5, textColor=MUTED),
        notice=_style("notice", font, 10.5, alignment=TA_CENTER, textColor=MUTED),
    )


# --------------------------------------------------------------------------- text helpers


def _text(value: str) -> str:
    """Escape data for Paragraph markup; empty values print as a dash.

    Names and statements come from users and may contain ``&`` or ``<``, which
    would otherwise be parsed as markup and break or alter the PDF.
    """
    return escape(value) if value.strip() else EMPTY_VALUE


def _date(value: date) -> str:
    """ISO dates read the same way to Chinese and English readers."""
    return value.isoformat()


def _hex(color: colors.Color) -> str:
    """A colour as ``#RRGGBB`` for Paragraph ``<font color=...>`` markup."""
    return "#" + str(color.hexval())[2:]


def _bilingual_inline(
    zh: str, en: str, en_size: float = 7.5, en_color: colors.Color = MUTED
) -> str:
    """Markup for a "中文 English" label: the Chinese first, the English smaller."""
    return f'{escape(zh)} <font size="{en_size}" color="{_hex(en_color)}">{escape(en)}</font>'


def _label(zh: str, en: str, styles: _Styles) -> Paragraph:
    """A bilingual field label such as 姓名 Name."""
    return Paragraph(_bilingual_inline(zh, en, 7), styles.label)


def _stacked(text: Bilingual, styles: _Styles) -> list[Flowable]:
    """Chinese on top, the English translation smaller underneath."""
    return [Paragraph(_text(text.zh), styles.cell_zh), Paragraph(_text(text.en), styles.cell_en)]


# --------------------------------------------------------------------------- header & details


def _header(sheet: EvaluationSheet, styles: _Styles) -> list[Flowable]:
    """Organisation (when known), the bilingual title and the printed date."""
    left: list[Flowable] = []
    if sheet.organisation.strip():
        left.append(Paragraph(escape(sheet.organisation), styles.organisation))
        left.append(Spacer(1, 1.5 * mm))
    left.append(Paragraph(escape(TITLE.zh), styles.title_zh))
    left.append(Paragraph(escape(TITLE.en), styles.title_en))
    printed = Paragraph(
        f"{_bilingual_inline('打印日期', 'Printed on')}<br/>{_date(sheet.printed_on)}",
        styles.printed,
    )
    table = Table([[left, printed]], colWidths=[CONTENT_WIDTH - 45 * mm, 45 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    rule = HRFlowable(width="100%", thickness=1.5, color=ACCENT, spaceBefore=2.5 * mm)
    return [table, rule, Spacer(1, 4 * mm)]


def _caption_over_value(zh: str, en: str, value: str, styles: _Styles) -> list[Flowable]:
    """One form field: a small bilingual caption with the value underneath.

    ``value`` is Paragraph markup, already escaped.
    """
    return [Paragraph(_bilingual_inline(zh, en, 7), styles.caption), Paragraph(value, styles.value)]


def _candidate_block(candidate: CandidateInfo, styles: _Styles) -> list[Flowable]:
    """ID, name, phone, position and registration date, boxed like a paper form."""
    rows: list[list[Any]] = [
        [
            _caption_over_value("姓名", "Name", _text(candidate.name), styles),
            _caption_over_value("候选人编号", "Candidate ID", str(candidate.candidate_id), styles),
            _caption_over_value("联系电话", "Phone", _text(candidate.phone), styles),
        ],
        [
            _caption_over_value(
                "应聘岗位", "Position applied for", _text(candidate.position), styles
            ),
            "",
            _caption_over_value(
                "登记日期", "Registered on", _date(candidate.registered_on), styles
            ),
        ],
    ]
    widths = [0.40 * CONTENT_WIDTH, 0.26 * CONTENT_WIDTH, 0.34 * CONTENT_WIDTH]
    table = Table(rows, colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("SPAN", (0, 1), (1, 1)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    heading = Paragraph(
        _bilingual_inline("候选人信息", "Candidate details", 9), styles.block_heading
    )
    return [KeepTogether([heading, table]), Spacer(1, 4 * mm)]


# --------------------------------------------------------------------------- self-test sections


def _section_bar(section: SelfTestSection, styles: _Styles) -> Table:
    """The coloured title bar of a self-test: its name and instrument version."""
    title = _bilingual_inline(f"{section.title.zh} /", section.title.en, 9.5, colors.white)
    version = (
        _bilingual_inline("量表版本", "Version", 8, colors.white) + f" {section.instrument_version}"
    )
    bar = Table(
        [[Paragraph(title, styles.section_bar), Paragraph(version, styles.section_bar_right)]],
        colWidths=[CONTENT_WIDTH - 40 * mm, 40 * mm],
    )
    bar.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return bar


def _section_details(section: SelfTestSection, styles: _Styles) -> Table:
    """When the test was finished, by whom, and whether it was self-rated."""
    mode = _bilingual_inline(section.mode.zh, section.mode.en, 8)
    cells = [
        _caption_over_value("完成日期", "Finished on", _date(section.finished_on), styles),
        _caption_over_value("测评人", "Conducted by", _text(section.conducted_by), styles),
        _caption_over_value("测评方式", "Mode", mode, styles),
    ]
    widths = [0.26 * CONTENT_WIDTH, 0.32 * CONTENT_WIDTH, 0.42 * CONTENT_WIDTH]
    table = Table([cells], colWidths=widths)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, -1), LABEL_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("LINEBEFORE", (1, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _item_row(item: SheetItem, styles: _Styles) -> list[Any]:
    """One statement pair and the score given to it."""
    return [
        Paragraph(str(item.number), styles.cell_center),
        _stacked(item.high_pole, styles),
        _stacked(item.low_pole, styles),
        Paragraph(f"{item.score} / {item.max_score}", styles.cell_center),
    ]


def _column_head(zh: str, en: str, style: ParagraphStyle) -> Paragraph:
    """A table column heading, the English on its own smaller line."""
    return Paragraph(
        f'{escape(zh)}<br/><font size="7" color="{_hex(MUTED)}">{escape(en)}</font>', style
    )


def _items_table(section: SelfTestSection, styles: _Styles) -> Table:
    """The item-by-item scores; the header row repeats if the table breaks."""
    head, centred = styles.column_head, styles.column_head_center
    header = [
        _column_head("序号", "No.", centred),
        _column_head("10 分表述（高分端）", "Statement scored 10 (high pole)", head),
        _column_head("1 分表述（低分端）", "Statement scored 1 (low pole)", head),
        _column_head("得分", "Score", centred),
    ]
    number_w, score_w = 11 * mm, 17 * mm
    pole_w = (CONTENT_WIDTH - number_w - score_w) / 2
    rows = [header, *(_item_row(item, styles) for item in section.items)]
    table = Table(rows, colWidths=[number_w, pole_w, pole_w, score_w], repeatRows=1)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles.font),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT_LIGHT),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]
    commands += [("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL) for row in range(2, len(rows), 2)]
    table.setStyle(TableStyle(commands))
    return table


def _result_box(section: SelfTestSection, styles: _Styles) -> Table:
    """Total and band, set large: the figures a reader looks for first."""
    total = [
        Paragraph(_bilingual_inline("总分", "Total", 7.5), styles.result_label),
        Paragraph(f"{section.total} / {section.max_total}", styles.total),
    ]
    band = [
        Paragraph(_bilingual_inline("评定等级", "Band", 7.5), styles.result_label),
        Paragraph(_text(section.band.zh), styles.band_zh),
        Paragraph(_text(section.band.en), styles.band_en),
        Paragraph(_text(section.band_advice.zh), styles.advice_zh),
        Paragraph(_text(section.band_advice.en), styles.advice_en),
    ]
    box = Table([[total, band]], colWidths=[45 * mm, CONTENT_WIDTH - 45 * mm])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("BACKGROUND", (0, 0), (-1, -1), ACCENT_LIGHT),
                ("BOX", (0, 0), (-1, -1), 1.2, ACCENT),
                ("LINEAFTER", (0, 0), (0, 0), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return box


def _self_test_section(section: SelfTestSection, styles: _Styles, *, first: bool) -> list[Flowable]:
    """One finished self-test, laid out so that it reads as one unit.

    Later sections move to a new page whole when they do not fit, so a page
    never ends with a section's title and starts the next with its scores.
    The first section instead starts right below the candidate details (moving
    it would leave page 1 almost empty) and only needs room for its title and
    first rows; if it runs on, the table's column headings repeat. A section
    taller than a page always breaks rather than being cut off.
    """
    parts: list[Flowable] = [
        _section_bar(section, styles),
        _section_details(section, styles),
        Spacer(1, 2.5 * mm),
        _items_table(section, styles),
        Spacer(1, 2.5 * mm),
        _result_box(section, styles),
    ]
    if first:
        return [CondPageBreak(FIRST_SECTION_MIN_SPACE), *parts, Spacer(1, 4 * mm)]
    return [KeepTogether(parts), Spacer(1, 4 * mm)]


def _no_self_test(styles: _Styles) -> list[Flowable]:
    """Say plainly that there is nothing to show, so a blank is not mistaken for a fault."""
    text = f"{escape(NO_SELF_TEST.zh)} / {escape(NO_SELF_TEST.en)}"
    box = Table([[Paragraph(text, styles.notice)]], colWidths=[CONTENT_WIDTH])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("BACKGROUND", (0, 0), (-1, -1), ZEBRA_FILL),
                ("TOPPADDING", (0, 0), (-1, -1), 12),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 13),
            ]
        )
    )
    return [box, Spacer(1, 8 * mm)]


# --------------------------------------------------------------------------- signatures


def _signatures(styles: _Styles) -> Flowable:
    """Interviewer and HR sign-off lines, never split across a page break."""
    rows = [
        [_label(zh, en, styles), "", _label("日期", "Date", styles), ""]
        for zh, en in (("面试官签名", "Interviewer signature"), ("人事部门审核", "HR review"))
    ]
    label_w, date_label_w, date_w = 46 * mm, 18 * mm, 40 * mm
    sign_w = CONTENT_WIDTH - label_w - date_label_w - date_w
    table = Table(rows, colWidths=[label_w, sign_w, date_label_w, date_w], rowHeights=10 * mm)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), styles.font),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LINEBELOW", (1, 0), (1, -1), 0.8, INK),
                ("LINEBELOW", (3, 0), (3, -1), 0.8, INK),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (2, 0), (2, -1), 8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return KeepTogether([table])


# --------------------------------------------------------------------------- footer & canvas


def _footer_left(candidate: CandidateInfo) -> str:
    """Who the page belongs to, so loose printed pages can be matched up."""
    name = candidate.name.strip() or EMPTY_VALUE
    return f"{name} · 编号 ID {candidate.candidate_id}"


def _page_label(page: int, total: int) -> str:
    """The bilingual page count, e.g. 第 1 页 / 共 2 页 · Page 1 of 2."""
    return f"第 {page} 页 / 共 {total} 页 · Page {page} of {total}"


def _shorten(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis so it fits ``width``.

    Canvas strings do not wrap, so an unusually long name would otherwise run
    into the page count.
    """
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _draw_footer(canvas: Canvas, font: str, left: str, page: int, total: int) -> None:
    """A thin rule, the candidate on the left and the page count on the right."""
    size = 7.5
    right = _page_label(page, total)
    room_left = CONTENT_WIDTH - stringWidth(right, font, size) - 10 * mm
    canvas.saveState()
    rule_y = FOOTER_BASELINE + 3.5 * mm
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, rule_y, PAGE_WIDTH - MARGIN_X, rule_y)
    canvas.setFillColor(MUTED)
    canvas.setFont(font, size)
    canvas.drawString(MARGIN_X, FOOTER_BASELINE, _shorten(left, font, size, room_left))
    canvas.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_BASELINE, right)
    canvas.restoreState()


def _numbered_canvas(font: str, footer_left: str) -> type[Canvas]:
    """A canvas class that draws "page N of M" once M is known.

    Platypus only knows the page count after the last page, so each finished
    page is held back and the footers are drawn in :meth:`save`.
    """

    class NumberedCanvas(Canvas):  # type: ignore[misc]  # reportlab is untyped
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # ReportLab's method name
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                _draw_footer(self, font, footer_left, number, total)
                super().showPage()
            super().save()

    return NumberedCanvas


# --------------------------------------------------------------------------- building & writing


def _story(sheet: EvaluationSheet, styles: _Styles) -> list[Flowable]:
    """The flowables of the whole sheet, top to bottom."""
    story = [*_header(sheet, styles), *_candidate_block(sheet.candidate, styles)]
    if sheet.self_tests:
        for index, section in enumerate(sheet.self_tests):
            story += _self_test_section(section, styles, first=index == 0)
    else:
        story += _no_self_test(styles)
    story.append(_signatures(styles))
    return story


def _render(sheet: EvaluationSheet) -> bytes:
    """Lay out the sheet and return the finished PDF.

    ``initialFontName`` matters: a canvas otherwise starts every page in
    Helvetica, which puts an unembedded standard-14 font into the file even
    though no text is drawn in it.
    """
    font = register_pdf_font()
    styles = _make_styles(font)
    buffer = io.BytesIO()
    candidate = sheet.candidate
    # A frame without the default 6 pt padding, so full-width tables line up
    # exactly with the header rule and the footer.
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        CONTENT_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="content",
    )
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[PageTemplate(id="sheet", frames=[frame])],
        initialFontName=font,
        title=f"{TITLE.zh} {TITLE.en} — {candidate.name} (ID {candidate.candidate_id})",
        author=sheet.organisation,
        subject=TITLE.en,
        creator="cs_trainer",
        lang="zh-CN",
    )
    doc.build(_story(sheet, styles), canvasmaker=_numbered_canvas(font, _footer_left(candidate)))
    return buffer.getvalue()


def _write_atomically(out: Path, data: bytes) -> None:
    """Put ``data`` at ``out`` all at once, or not at all.

    The bytes go to a new hidden file beside ``out`` (same directory, so the
    rename cannot cross file systems) which then replaces ``out``. A reader, or
    a crash, never sees a half-written sheet, and a failed write leaves an
    existing sheet untouched. Mode ``"xb"`` refuses to reuse an existing file
    and gives the usual umask permissions (unlike ``mkstemp``'s 0600).
    """
    temp = out.with_name(f".{out.name}.{secrets.token_hex(6)}.tmp")
    try:
        with temp.open("xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, out)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def write_evaluation_sheet(sheet: EvaluationSheet, out: Path) -> None:
    """Render ``sheet`` as an A4 PDF and write it to ``out`` atomically.

    The whole PDF is laid out in memory first, so a layout error never touches
    the disk; the write itself then goes through a temporary file in ``out``'s
    directory and :func:`os.replace`. Raises :class:`OSError` (for example
    :class:`FileNotFoundError` when the directory does not exist) without
    leaving anything behind.
    """
    _write_atomically(out, _render(sheet))
