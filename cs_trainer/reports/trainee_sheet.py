"""A trainee's score sheet as an A4 PDF: details, skill radar, trend chart, where to
practise next, and every finished attempt.

Trainers hand this sheet to a trainee or file it, so it follows the evaluation
sheet's house style (bilingual labels, the one embedded CJK font for every
string, charts included, and "第 1 页 / 共 N 页" footers). It reads only the
plain :class:`~cs_trainer.reports.progress_data.TraineeSheet`. The header is
:mod:`.sheet_header`'s; the skills block is shared with the cohort summary
(:mod:`.cohort_sheet`).
"""

from datetime import datetime, time, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from cs_trainer import attempt_kinds
from cs_trainer.files import write_atomically
from cs_trainer.reports.fonts import register_pdf_font
from cs_trainer.reports.labels import COHORT, DATE, NUMBER, PERIOD
from cs_trainer.reports.pdf_document import DocumentInfo, build_pdf
from cs_trainer.reports.pdf_style import (
    CONTENT_WIDTH,
    EMPTY_VALUE,
    INK,
    MUTED,
    RULE,
    SECTION_GAP,
    Styles,
    bilingual_inline,
    block_heading,
    caption_over_value,
    column_head,
    data_table_style,
    iso_date,
    make_styles,
    padding,
    stacked,
    table_style,
    text_or_dash,
)
from cs_trainer.reports.pdf_text import caption_over_text
from cs_trainer.reports.progress_data import (
    Period,
    SkillPercent,
    TraineeSheet,
    TrendPoint,
    kind_name,
)
from cs_trainer.reports.radar_chart import RadarAxis, RadarScale, axes_radar_drawing, has_axis_data
from cs_trainer.reports.sheet_data import Bilingual
from cs_trainer.reports.sheet_header import details_grid, printed_on_aside, sheet_header

TITLE = Bilingual("学员成绩单", "Trainee score sheet")
SKILL_SCALE = RadarScale(100, 5, Bilingual("技能雷达图", "Skills, 0–100 %"))
RADAR_W, RADAR_H = 100 * mm, 70 * mm
TREND_H = 58 * mm
KEEP_WITH_ROWS = 25 * mm  # a table heading moves on unless it fits with two rows
NO_ATTEMPTS = Bilingual("尚无完成的练习", "No finished attempts yet")
NO_SKILLS = Bilingual("尚无角色扮演成绩", "No role-play finished yet")
SKILLS_HEADING = Bilingual("角色扮演技能（全部记录）", "Role-play skills (all records)")


def percent_text(value: float | None) -> str:
    """A percentage as printed, e.g. 85%, or a dash when there is none."""
    return EMPTY_VALUE if value is None else f"{value:.0f}%"


# --------------------------------------------------------------------------- shared blocks


def notice(text: Bilingual, styles: Styles) -> Paragraph:
    """A centred grey line standing in for a chart or table with nothing to show."""
    return Paragraph(bilingual_inline(text.zh, text.en, 8.5), styles.notice)


def skills_block(skills: list[SkillPercent], heading: Bilingual, styles: Styles) -> list[Flowable]:
    """The skill radar on a fixed 0–100 scale beside a table of the same percentages."""
    title = block_heading(heading.zh, heading.en, styles)
    axes = [RadarAxis(s.skill, s.percent) for s in skills]
    if not has_axis_data(axes):
        return [KeepTogether([title, notice(NO_SKILLS, styles)]), Spacer(1, SECTION_GAP)]
    radar = axes_radar_drawing(axes, styles.font, RADAR_W, RADAR_H, SKILL_SCALE)
    table = _skills_table(skills, styles, CONTENT_WIDTH - RADAR_W - 6 * mm)
    row = Table([[radar, table]], colWidths=[RADAR_W + 6 * mm, CONTENT_WIDTH - RADAR_W - 6 * mm])
    row.setStyle(
        table_style(styles.font, ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), *padding(0, 0, 0, 0))
    )
    return [KeepTogether([title, row]), Spacer(1, SECTION_GAP)]


def _skills_table(skills: list[SkillPercent], styles: Styles, width: float) -> Table:
    head = [
        column_head("技能", "Skill", styles.column_head),
        column_head("得分率", "Score", styles.column_head_center),
    ]
    rows = [
        [stacked(s.skill, styles), Paragraph(percent_text(s.percent), styles.cell_center)]
        for s in skills
    ]
    table = Table([head, *rows], colWidths=[width - 24 * mm, 24 * mm], repeatRows=1)
    table.setStyle(data_table_style(styles.font, (2, 3, 5, 5), zebra_rows=len(rows) + 1))
    return table


# --------------------------------------------------------------------------- trend chart


def _day_step(days: int) -> int:
    """Days between date ticks, so that at most seven dates fit under the chart."""
    for step in (1, 2, 7, 14, 30, 61, 91, 182, 365):
        if days / step <= 6:
            return step
    return days // 6 + 1


def _axis_days(points: list[TrendPoint]) -> tuple[datetime, int]:
    """The x axis: midnight of the first day, and how many whole days it spans."""
    start = datetime.combine(min(p.at for p in points).date(), time.min)
    end = datetime.combine(max(p.at for p in points).date(), time.min) + timedelta(days=1)
    return start, (end - start).days


def _string(x: float, y: float, text: str, font: str, size: float, **extra: object) -> String:
    """A chart string, always in the embedded font (a bare String would be Helvetica)."""
    return String(x, y, text, fontName=font, fontSize=size, **extra)


def _frame(box: tuple[float, float, float, float], font: str) -> list[object]:
    """Grid lines at 0, 20 … 100 % with their values left of the plot."""
    x, y, w, h = box
    shapes: list[object] = []
    for level in range(0, 101, 20):
        gy = y + h * level / 100
        shapes.append(
            Line(x, gy, x + w, gy, strokeColor=RULE, strokeWidth=0.8 if level in (0, 100) else 0.3)
        )
        shapes.append(
            _string(x - 3, gy - 2, f"{level}%", font, 6, fillColor=MUTED, textAnchor="end")
        )
    return shapes


def _date_ticks(
    box: tuple[float, float, float, float], start: datetime, days: int, font: str
) -> list[object]:
    """A tick and an ISO date under the plot every few days, from the first day."""
    x, y, w, _h = box
    step = _day_step(days)
    shapes: list[object] = []
    for offset in range(0, days + 1, step):
        tx = x + w * offset / days
        shapes.append(Line(tx, y, tx, y - 2.5, strokeColor=MUTED, strokeWidth=0.5))
        label = (start + timedelta(days=offset)).date().isoformat()
        shapes.append(_string(tx, y - 10, label, font, 6, fillColor=MUTED, textAnchor="middle"))
    return shapes


def _series(
    points: list[TrendPoint], box: tuple[float, float, float, float], start: datetime, days: int
) -> list[object]:
    """One line with dots per kind of attempt, in time order."""
    x, y, w, h = box
    span = days * 86400.0
    shapes: list[object] = []
    for kind in _kinds_in(points):
        colour = series_colour(kind)
        xy = [
            (
                x + w * (p.at - start).total_seconds() / span,
                y + h * min(max(p.percent, 0), 100) / 100,
            )
            for p in sorted((p for p in points if p.kind == kind), key=lambda p: p.at)
        ]
        if len(xy) > 1:
            flat = [c for pair in xy for c in pair]
            shapes.append(PolyLine(flat, strokeColor=colour, strokeWidth=1.2))
        shapes += [
            Circle(px, py, 1.8, fillColor=colour, strokeColor=colors.white, strokeWidth=0.5)
            for px, py in xy
        ]
    return shapes


def series_colour(kind: str) -> colors.Color:
    """A kind's colour, the one its line has on screen too; ink for a kind this version
    does not know."""
    known = attempt_kinds.find(kind)
    return colors.HexColor(known.colour) if known else INK


def _kinds_in(points: list[TrendPoint]) -> list[str]:
    """The kinds among ``points``: in the registry's order, then unknown ones sorted."""
    present = {p.kind for p in points}
    known = [kind.name for kind in attempt_kinds.ALL if kind.name in present]
    return known + sorted(present - set(known))


def _legend(points: list[TrendPoint], right: float, top: float, font: str) -> list[object]:
    """The kinds shown, right-aligned above the plot: a coloured dot, then the name."""
    shapes: list[object] = []
    x = right
    for kind in reversed(_kinds_in(points)):
        name = kind_name(kind)
        label = f"{name.zh} {name.en}"
        shapes.append(_string(x, top, label, font, 7, fillColor=INK, textAnchor="end"))
        x -= stringWidth(label, font, 7) + 5
        colour = series_colour(kind)
        shapes.append(Circle(x, top + 2.5, 2, fillColor=colour, strokeColor=None))
        x -= 12
    return shapes


def trend_drawing(points: list[TrendPoint], font: str, width: float, height: float) -> Drawing:
    """Every attempt's percentage over time: dates along x, 0–100 % up y, a line per kind.

    The axis runs from midnight of the first day to midnight after the last, so
    a single day of practice still spreads out by the time of each attempt.
    """
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # the renderer otherwise starts in Helvetica
    box = (12 * mm, 9 * mm, width - 14 * mm, height - 20 * mm)
    start, days = _axis_days(points)
    parts = [
        *_frame(box, font),
        *_date_ticks(box, start, days, font),
        *_series(points, box, start, days),
    ]
    parts += _legend(points, width, height - 8, font)
    parts += [
        _string(0, height - 8, "得分率", font, 8, fillColor=MUTED),
        _string(0, height - 15.5, "Score, 0–100 %", font, 6, fillColor=MUTED),
    ]
    for part in parts:
        drawing.add(part)
    return drawing


# --------------------------------------------------------------------------- the sheet


def _details(sheet: TraineeSheet, styles: Styles) -> list[Flowable]:
    """Who the sheet is about, their cohort, how much they practised and when (the
    period the sheet was limited to, or else the first and last attempt's dates)."""
    dates = [row.on for row in sheet.attempts]
    if sheet.period != Period():
        when = (*PERIOD, text_or_dash(sheet.period.label()))
    elif dates:
        when = ("练习时间", "Practised", f"{iso_date(min(dates))} – {iso_date(max(dates))}")
    else:
        when = ("练习时间", "Practised", EMPTY_VALUE)
    cells = [
        caption_over_text("学员", "Trainee", sheet.trainee, styles),
        caption_over_text(*COHORT, sheet.cohort, styles),
        caption_over_value("完成练习", "Finished attempts", str(len(sheet.attempts)), styles),
        caption_over_value(*when, styles),
    ]
    heading = block_heading("学员信息", "Trainee details", styles)
    return [KeepTogether([heading, details_grid(cells, styles)]), Spacer(1, SECTION_GAP)]


def _trend_block(sheet: TraineeSheet, styles: Styles) -> list[Flowable]:
    heading = block_heading("成绩趋势", "Progress over time", styles)
    if not sheet.trend:
        return [KeepTogether([heading, notice(NO_ATTEMPTS, styles)]), Spacer(1, SECTION_GAP)]
    chart = trend_drawing(sheet.trend, styles.font, CONTENT_WIDTH, TREND_H)
    return [KeepTogether([heading, chart]), Spacer(1, SECTION_GAP)]


def _practise_block(sheet: TraineeSheet, styles: Styles) -> list[Flowable]:
    """The weakest skills and situations side by side: what to practise next."""
    skills = [
        Paragraph(bilingual_inline(s.zh, s.en), styles.summary_line) for s in sheet.weakest_skills
    ] or [Paragraph(EMPTY_VALUE, styles.summary_line)]
    situations = [
        Paragraph(
            f"{bilingual_inline(s.title.zh, s.title.en)} — {percent_text(s.best_percent)}",
            styles.summary_line,
        )
        for s in sheet.weakest_situations
    ] or [Paragraph(EMPTY_VALUE, styles.summary_line)]
    head = [
        column_head("最弱技能", "Weakest skills", styles.column_head),
        column_head("最弱情境（最好成绩）", "Weakest situations (best result)", styles.column_head),
    ]
    table = Table(
        [head, [skills, situations]], colWidths=[0.38 * CONTENT_WIDTH, 0.62 * CONTENT_WIDTH]
    )
    table.setStyle(data_table_style(styles.font, (3, 4, 6, 6)))
    heading = block_heading("需要加强", "Where to practise next", styles)
    return [KeepTogether([heading, table]), Spacer(1, SECTION_GAP)]


def _attempts_block(sheet: TraineeSheet, styles: Styles) -> list[Flowable]:
    """Every finished attempt, oldest first; the heading row repeats on every page."""
    heading = block_heading("练习记录", "Attempts", styles)
    if not sheet.attempts:
        return [heading, notice(NO_ATTEMPTS, styles)]
    head = [
        column_head(*NUMBER, styles.column_head_center),
        column_head(*DATE, styles.column_head),
        column_head("项目", "Instrument", styles.column_head),
        column_head("类型", "Kind", styles.column_head),
        column_head("得分", "Score", styles.column_head_center),
        column_head("得分率", "Percent", styles.column_head_center),
    ]
    rows = [
        [
            Paragraph(str(number), styles.cell_center),
            Paragraph(iso_date(row.on), styles.cell_small),
            stacked(row.instrument, styles),
            stacked(kind_name(row.kind), styles),
            Paragraph(escape(row.raw), styles.cell_center),
            Paragraph(percent_text(row.percent), styles.cell_center),
        ]
        for number, row in enumerate(sheet.attempts, start=1)
    ]
    widths = [11 * mm, 22 * mm, 0, 27 * mm, 22 * mm, 20 * mm]
    widths[2] = CONTENT_WIDTH - sum(widths)
    table = Table([head, *rows], colWidths=widths, repeatRows=1)
    table.setStyle(data_table_style(styles.font, (2, 3, 4, 4), zebra_rows=len(rows) + 1))
    # A long table must be allowed to split, so instead of KeepTogether (which would
    # push the whole table to a new page) the heading only asks for room for a few rows.
    return [CondPageBreak(KEEP_WITH_ROWS), heading, table]


def _story(sheet: TraineeSheet, styles: Styles) -> list[Flowable]:
    return [
        *sheet_header(TITLE, sheet.organisation, printed_on_aside(sheet.printed_on), styles),
        *_details(sheet, styles),
        *skills_block(sheet.skills, SKILLS_HEADING, styles),
        *_trend_block(sheet, styles),
        *_practise_block(sheet, styles),
        *_attempts_block(sheet, styles),
    ]


def render_trainee_sheet(sheet: TraineeSheet) -> bytes:
    """Lay out ``sheet`` and return the finished PDF, without touching the disk."""
    font = register_pdf_font()
    info = DocumentInfo(
        title=f"{TITLE.zh} {TITLE.en} — {sheet.trainee}",
        author=sheet.organisation,
        subject=TITLE.en,
        footer_left=f"{sheet.trainee or EMPTY_VALUE} · {TITLE.zh} {TITLE.en}",
    )
    return build_pdf(_story(sheet, make_styles(font)), font, info)


def write_trainee_sheet(sheet: TraineeSheet, out: Path) -> None:
    """Render ``sheet`` in memory, then write it to ``out`` all at once or not at all."""
    write_atomically(out, render_trainee_sheet(sheet))
