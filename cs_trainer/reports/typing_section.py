"""The typing-test part of the sheet, and the wording of a typing result that the
summary block shares."""

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from cs_trainer.reports.labels import DATE
from cs_trainer.reports.pdf_style import (
    BAD,
    CONTENT_WIDTH,
    GOOD,
    SECTION_GAP,
    Styles,
    bilingual_inline,
    column_head,
    data_table_style,
    hex_color,
    iso_date,
    stacked,
    title_bar,
)
from cs_trainer.reports.sheet_data import Bilingual, TypingResult

PASSED = Bilingual("通过", "Passed")
NOT_PASSED = Bilingual("未通过", "Not passed")
LANGUAGES = {"zh": Bilingual("中文", "Chinese"), "en": Bilingual("英文", "English")}
CPM_UNIT = "字/分 cpm"


def cpm_text(result: TypingResult) -> str:
    """Speed with one decimal, e.g. ``92.4``."""
    return f"{result.cpm:.1f}"


def accuracy_text(result: TypingResult) -> str:
    """Accuracy as a percentage with one decimal, e.g. ``97.8%``."""
    return f"{result.accuracy * 100:.1f}%"


def duration_text(seconds: float) -> str:
    """A duration as minutes and seconds, e.g. ``4:52``."""
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _verdict(result: TypingResult) -> tuple[Bilingual, colors.Color]:
    """通过 Passed in green, or 未通过 Not passed in red."""
    return (PASSED, GOOD) if result.passed else (NOT_PASSED, BAD)


def verdict_markup(result: TypingResult) -> str:
    """The verdict as one coloured "中文 English" run."""
    verdict, colour = _verdict(result)
    inner = bilingual_inline(verdict.zh, verdict.en, 7.5, colour)
    return f'<font color="{hex_color(colour)}">{inner}</font>'


def _verdict_cell(result: TypingResult, styles: Styles) -> list[Flowable]:
    """The verdict stacked, Chinese over English, in its colour."""
    verdict, colour = _verdict(result)
    ink = hex_color(colour)
    return [
        Paragraph(f'<font color="{ink}">{verdict.zh}</font>', styles.cell_zh),
        Paragraph(f'<font color="{ink}">{verdict.en}</font>', styles.cell_en),
    ]


def _language(result: TypingResult) -> Bilingual:
    """The passage's language in both languages, or the stored code if unknown."""
    return LANGUAGES.get(result.language, Bilingual(result.language, result.language))


def typing_summary_markup(result: TypingResult) -> str:
    """The whole result on one line: speed, accuracy, pass mark and verdict."""
    parts = [
        f"{cpm_text(result)} {bilingual_inline('字/分', 'cpm')}",
        f"{bilingual_inline('准确率', 'Accuracy')} {accuracy_text(result)}",
        f"{bilingual_inline('合格线', 'Pass mark')} {result.pass_mark}",
        verdict_markup(result),
    ]
    return " · ".join(parts)


def _row(result: TypingResult, styles: Styles) -> list[Any]:
    """One typing test."""
    centred = styles.cell_center
    return [
        stacked(result.passage, styles),
        stacked(_language(result), styles),
        Paragraph(iso_date(result.taken_on), styles.cell_small),
        Paragraph(duration_text(result.seconds), centred),
        Paragraph(cpm_text(result), styles.mean),
        Paragraph(accuracy_text(result), centred),
        Paragraph(str(result.pass_mark), centred),
        _verdict_cell(result, styles),
    ]


def _table(results: list[TypingResult], styles: Styles) -> Table:
    """Every typing test, one row each."""
    head, centred = styles.column_head, styles.column_head_center
    header = [
        column_head("文章", "Passage", head),
        column_head("语言", "Language", head),
        column_head(*DATE, head),
        column_head("用时", "Time (min:s)", centred),
        column_head("速度", CPM_UNIT, centred),
        column_head("准确率", "Accuracy", centred),
        column_head("合格线", "Pass mark", centred),
        column_head("结果", "Result", head),
    ]
    widths = [w * mm for w in (17, 20, 18, 20, 18, 18)]
    result_w = 24 * mm
    widths = [CONTENT_WIDTH - sum(widths) - result_w, *widths, result_w]
    rows = [header, *(_row(result, styles) for result in results)]
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(data_table_style(styles.font, (3, 4, 4, 4), zebra_rows=len(rows)))
    return table


def typing_section(results: list[TypingResult], styles: Styles) -> list[Flowable]:
    """The typing tests under their own title bar; nothing when there were none."""
    if not results:
        return []
    title = bilingual_inline("打字测试 /", "Typing test", 9.5, colors.white)
    parts = [title_bar(title, "", styles), Spacer(1, 2.5 * mm), _table(results, styles)]
    return [KeepTogether(parts), Spacer(1, SECTION_GAP)]
