"""The structured-interview part of the sheet.

Each interview shows its plan, then one table of questions with a column of
scores per interviewer and the mean, each question followed by the notes the
interviewers wrote, then the observed tasks and test games. Both tables repeat
their column headings when they run onto another page, and a question is never
parted from its notes by a page break.
"""

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from cs_trainer.reports.labels import MEAN, NUMBER
from cs_trainer.reports.pdf_style import (
    CONTENT_WIDTH,
    EMPTY_VALUE,
    MUTED,
    RULE,
    SECTION_GAP,
    ZEBRA_FILL,
    Styles,
    bilingual_inline,
    block_heading,
    column_head,
    details_strip,
    free_text,
    header_row_commands,
    hex_color,
    iso_date,
    one_decimal,
    padding,
    stacked,
    table_style,
    text_or_dash,
    title_bar,
)
from cs_trainer.reports.pdf_text import (
    ClippedText,
    caption_over_text,
    cut_to_width,
    too_tall_to_keep,
)
from cs_trainer.reports.sheet_data import InterviewSection, RatedQuestion, TaskResult

SECTION_MIN_SPACE = 60 * mm
"""Room an interview needs on its page for its title, details and first questions."""

TASKS_MIN_SPACE = 40 * mm
"""Room the tasks table needs for its heading and first row."""

NUMBER_W = 9 * mm
GROUP_W = 22 * mm
MEAN_W = 14 * mm
QUESTION_MIN_W = 60 * mm
RATER_W_RANGE = (10 * mm, 16 * mm)

SCALE_HINT = bilingual_inline(
    "评分 1–5 分，5 分最好；— 表示未评分",
    "Ratings 1–5, 5 = best; — = not rated",
    7,
)


def _bar(interview: InterviewSection, styles: Styles) -> Table:
    """The coloured title bar: the interview plan and the date it was held."""
    title = bilingual_inline("面试 /", "Interview", 9.5, colors.white)
    title += f"　{text_or_dash(cut_to_width(interview.plan_name, styles.font, 11.5, 90 * mm))}"
    held = bilingual_inline("面试日期", "Date", 8, colors.white)
    held += f" {iso_date(interview.interviewed_on)}"
    return title_bar(title, held, styles, right_width=48 * mm)


def _details(interview: InterviewSection, styles: Styles) -> Table:
    """The position interviewed for and who rated."""
    raters = "、".join(_rater_columns(interview))
    cells = [
        caption_over_text("应聘岗位", "Position", interview.position, styles),
        caption_over_text("面试官", "Interviewers", raters, styles, max_lines=3),
    ]
    return details_strip(cells, [0.42, 0.58], styles)


# --------------------------------------------------------------------------- questions


def _rater_width(rater_count: int) -> float:
    """Width of one score column: as wide as fits, within sensible bounds."""
    room = CONTENT_WIDTH - NUMBER_W - GROUP_W - MEAN_W - QUESTION_MIN_W
    low, high = RATER_W_RANGE
    return float(max(low, min(high, room / max(rater_count, 1))))


def _question_widths(rater_count: int) -> list[float]:
    """Column widths: No., question, group, one per rater, mean."""
    rater_w = _rater_width(rater_count)
    question_w = CONTENT_WIDTH - NUMBER_W - GROUP_W - MEAN_W - rater_w * rater_count
    return [NUMBER_W, question_w, GROUP_W, *([rater_w] * rater_count), MEAN_W]


def _rater_columns(interview: InterviewSection) -> list[str]:
    """The plan's raters, then anyone else who rated a question, each once."""
    rated = (rating.rater for question in interview.questions for rating in question.ratings)
    return list(dict.fromkeys(name for name in (*interview.raters, *rated) if name.strip()))


def _question_header(raters: list[str], styles: Styles) -> list[Any]:
    """Column headings; each rater's column is headed by their name."""
    centred = styles.column_head_center
    return [
        column_head(*NUMBER, centred),
        column_head("问题", "Question", styles.column_head),
        column_head("类别", "Group", styles.column_head),
        *(ClippedText(name, centred, 3) for name in raters),
        column_head(*MEAN, centred),
    ]


def _score_for(question: RatedQuestion, rater: str) -> str:
    """The score ``rater`` gave, or a dash when they gave none."""
    for rating in question.ratings:
        if rating.rater == rater and rating.score is not None:
            return str(rating.score)
    return EMPTY_VALUE


def _question_row(question: RatedQuestion, raters: list[str], styles: Styles) -> list[Any]:
    """One question with every rater's score and the mean."""
    return [
        Paragraph(str(question.number), styles.cell_center),
        stacked(question.text, styles),
        stacked(question.group, styles),
        *(Paragraph(_score_for(question, rater), styles.cell_center) for rater in raters),
        Paragraph(one_decimal(question.mean), styles.mean),
    ]


def _short(name: str, styles: Styles) -> str:
    """A rater's name before a note, cut to a third of the line."""
    return cut_to_width(name, styles.font, styles.note.fontSize, CONTENT_WIDTH / 3)


def _notes(question: RatedQuestion, styles: Styles) -> list[Paragraph]:
    """Each written note as "王经理：…", in small type."""
    muted = hex_color(MUTED)
    return [
        free_text(
            rating.notes,
            styles.note,
            f'<font color="{muted}">{text_or_dash(_short(rating.rater, styles))}：</font>',
        )
        for rating in question.ratings
        if rating.notes.strip()
    ]


def _question_rows(
    interview: InterviewSection, styles: Styles
) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
    """The body rows and their style commands.

    A question with notes takes two rows, the notes spanning all but the
    number column; NOSPLIT keeps the pair on one page, and the zebra fill and
    the rule below treat the pair as one entry.
    """
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = []
    raters = _rater_columns(interview)
    blank = [""] * (len(raters) + 4)
    for index, question in enumerate(interview.questions):
        first = len(rows) + 1  # row 0 is the header
        rows.append(_question_row(question, raters, styles))
        notes = _notes(question, styles)
        if notes:
            rows.append(["", notes, *blank[2:]])
            if not too_tall_to_keep(notes, CONTENT_WIDTH - NUMBER_W - 12):
                commands.append(("NOSPLIT", (0, first), (-1, first + 1)))
            commands += [
                ("SPAN", (1, first + 1), (-1, first + 1)),
                ("TOPPADDING", (0, first + 1), (-1, first + 1), 0.5),
                ("BOTTOMPADDING", (0, first), (-1, first), 2),
                ("VALIGN", (0, first + 1), (-1, first + 1), "TOP"),
                # the empty cells would otherwise make the row a 10 pt line tall
                ("FONTSIZE", (0, first + 1), (-1, first + 1), 4),
                ("LEADING", (0, first + 1), (-1, first + 1), 4),
            ]
        last = len(rows)
        commands.append(("LINEBELOW", (0, last), (-1, last), 0.4, RULE))
        if index % 2:
            commands.append(("BACKGROUND", (0, first), (-1, last), ZEBRA_FILL))
    return rows, commands


def _questions_table(interview: InterviewSection, styles: Styles) -> Table:
    """All questions, the header row repeated on every page the table reaches."""
    rows, commands = _question_rows(interview, styles)
    raters = _rater_columns(interview)
    table = Table(
        [_question_header(raters, styles), *rows],
        colWidths=_question_widths(len(raters)),
        repeatRows=1,
        splitInRow=1,  # only where a question's notes are too long to keep on one page
    )
    table.setStyle(
        table_style(
            styles.font,
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            *header_row_commands(),
            *padding(2.5, 3.5, 4, 4),
            *commands,
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        )
    )
    return table


# --------------------------------------------------------------------------- tasks


def _task_score(task: TaskResult, styles: Styles) -> list[Flowable]:
    """The score out of 5, with what that score or ladder rung means."""
    cell: list[Flowable] = [
        Paragraph(
            EMPTY_VALUE if task.score is None else f"{task.score} / 5",
            styles.score,
        )
    ]
    if task.score_meaning is not None:
        cell += stacked(task.score_meaning, styles)
    return cell


def _task_details(task: TaskResult, styles: Styles) -> list[Flowable]:
    """Each recorded detail on its own line, Chinese first."""
    if not task.details:
        return [Paragraph(EMPTY_VALUE, styles.cell_small)]
    cell: list[Flowable] = []
    for detail in task.details:
        cell += [
            free_text(detail.zh, styles.detail_zh, "· "),
            Paragraph(text_or_dash(detail.en), styles.detail_en),
        ]
    return cell


def _task_row(task: TaskResult, styles: Styles) -> list[Any]:
    """One task or game as one interviewer recorded it."""
    return [
        stacked(task.title, styles),
        stacked(task.group, styles),
        ClippedText(task.rater, styles.cell_small, 3),
        _task_score(task, styles),
        _task_details(task, styles),
        free_text(task.notes, styles.cell_small),
    ]


def _tasks_table(tasks: list[TaskResult], styles: Styles) -> Table:
    """The observed tasks and test games, header repeated across pages."""
    head = styles.column_head
    header = [
        column_head("任务 / 游戏", "Task or game", head),
        column_head("类别", "Group", head),
        column_head("评分人", "Rater", head),
        column_head("得分及含义", "Score and meaning", head),
        column_head("记录", "Details", head),
        column_head("备注", "Notes", head),
    ]
    widths = [w * mm for w in (31, 21, 16, 40, 36)]
    widths.append(CONTENT_WIDTH - sum(widths))
    rows = [header, *(_task_row(task, styles) for task in tasks)]
    split = any(too_tall_to_keep([row[-1]], widths[-1] - 8) for row in rows[1:])
    table = Table(rows, colWidths=widths, repeatRows=1, splitInRow=int(split))
    zebra = [("BACKGROUND", (0, row), (-1, row), ZEBRA_FILL) for row in range(2, len(rows), 2)]
    table.setStyle(
        table_style(
            styles.font,
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
            *header_row_commands(),
            ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
            ("BOX", (0, 0), (-1, -1), 0.6, RULE),
            *padding(3, 4, 4, 4),
            *zebra,
        )
    )
    return table


def _tasks_part(tasks: list[TaskResult], styles: Styles) -> list[Flowable]:
    """The tasks heading and table, or nothing when no task was recorded."""
    if not tasks:
        return []
    return [
        CondPageBreak(TASKS_MIN_SPACE),
        Spacer(1, 3 * mm),
        block_heading("观察任务与测试游戏", "Observed tasks and test games", styles),
        _tasks_table(tasks, styles),
    ]


# --------------------------------------------------------------------------- section


def interview_section(interview: InterviewSection, styles: Styles) -> list[Flowable]:
    """One interview: title bar, details, the questions and the tasks.

    It starts on a new page only when too little room is left for its title
    and first questions; long tables then flow on with their headings repeated.
    """
    story: list[Flowable] = [
        CondPageBreak(SECTION_MIN_SPACE),
        _bar(interview, styles),
        _details(interview, styles),
        Spacer(1, 2.5 * mm),
    ]
    if interview.questions:
        story += [Paragraph(SCALE_HINT, styles.table_caption), _questions_table(interview, styles)]
    story += _tasks_part(interview.tasks, styles)
    return [*story, Spacer(1, SECTION_GAP)]


def interview_sections(interviews: list[InterviewSection], styles: Styles) -> list[Flowable]:
    """Every interview in order; nothing at all when there was none."""
    story: list[Flowable] = []
    for interview in interviews:
        story += interview_section(interview, styles)
    return story
